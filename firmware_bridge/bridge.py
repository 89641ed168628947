"""The tap: POS bytes to the printer and printer bytes back, untouched, with a copy to the spool.

Threads, and why each exists:
- downstream (the caller of ``run``): reads the POS, writes the printer, offers a copy to the hand-off.
  It is the only thread on the print path and waits on nothing but the two devices (and, when an injector
  is set, on the injector for at most its deadline per cut).
- upstream: printer to POS, so status replies (DLE EOT, ASB, GS I, GS r) arrive as the printer sent them.
- framer: takes the copy, cuts it into jobs and writes them to the spool. Nothing it does can slow the
  pump: if it falls behind, the pump drops the copy and counts it.
- flow mirror (serial with modem lines only): copies the printer's CTS/DSR onto the POS's RTS/DTR.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from firmware_bridge.escpos_commands import Role
from firmware_bridge.framer import DEFAULT_MAX_JOB_BYTES, Boundary, JobFramer, Piece
from firmware_bridge.handoff import Chunk, EndOfStream, Handoff, Note
from firmware_bridge.injection import CutRequest, InjectionPoint, Injector
from firmware_bridge.links import Endpoint, Link, LinkClosed, LinkError, ModemControl, SerialEndpoint
from firmware_bridge.printer_port import PrinterPort, Stopped
from firmware_bridge.spool import SpoolWriter
from firmware_bridge.stream_language import COMMAND_SETS, StreamReader

log = logging.getLogger(__name__)


@dataclass
class BridgeConfig:
    spool_dir: Path | None = None
    idle_gap_s: float = 2.0
    max_job_bytes: int = DEFAULT_MAX_JOB_BYTES
    read_size: int = 16 * 1024
    handoff_items: int = 16384  # the copy waiting for the framer: at most this many reads
    handoff_bytes: int = 4 * 1024 * 1024  # and at most this many bytes
    inject_deadline_s: float = 0.030
    backoff_initial_s: float = 0.1
    backoff_max_s: float = 5.0
    flow_poll_s: float = 0.002
    # stream_language.COMMAND_SETS: "escpos" lets the stream say which it is; a Star one reads Star only.
    command_set: str = "escpos"


@dataclass
class BridgeStats:
    started_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())
    bytes_to_printer: int = 0  # POS bytes delivered (the injected blocks not counted)
    bytes_to_pos: int = 0
    pos_sessions: int = 0
    jobs_written: int = 0
    spool_errors: int = 0
    copy_dropped_bytes: int = 0
    printer_reconnects: int = 0
    printer_connected: bool = False
    injected_blocks: int = 0
    # Cuts printed without the agent's block (fail open): it answered late, was still busy with the
    # last cut, or failed.
    injection_timeouts: int = 0
    injection_skipped_busy: int = 0
    injection_errors: int = 0
    # The printer language the POS stream is read in ("escpos", or "star" from its first Star-only
    # command on); None until a job with content was framed. The agent compares it with its printer
    # profile and answers no block at a cut of the other language.
    printer_commands: str | None = None


class Bridge:
    def __init__(
        self,
        pos: Endpoint,
        printer: Endpoint,
        config: BridgeConfig | None = None,
        injector: Injector | None = None,
    ) -> None:
        self.pos = pos
        self.config = config or BridgeConfig()
        self.stop = threading.Event()
        self.run_id = secrets.token_hex(4)  # names this run's stream offsets in jobs and cut requests
        self._pos_bytes = 0  # POS bytes read this run: the stream offset the framer counts too
        self.ready = threading.Event()  # the POS side is open (or listening): we are in the line
        self.draining = threading.Event()  # no new POS sessions; the current one may finish
        self._drain_deadline = 0.0
        self._in_session = False
        self.printer = PrinterPort(
            printer, self.stop, self.config.backoff_initial_s, self.config.backoff_max_s
        )
        self.handoff = Handoff(self.config.handoff_items, self.config.handoff_bytes)
        self.injection = InjectionPoint(injector, self.config.inject_deadline_s) if injector else None
        self._stats = BridgeStats()
        self._framer_thread: threading.Thread | None = None
        self._upstream_thread: threading.Thread | None = None
        self._ticks: dict[str, float] = {}
        self._spool: SpoolWriter | None = None
        self._scanner: StreamReader | None = None
        if self.config.spool_dir is not None:
            self._spool = SpoolWriter(self.config.spool_dir, source=pos.url, run=self.run_id)
            recovered = self._spool.recover()
            if recovered:
                log.warning("recovered %d unfinished job(s) left by an earlier run", len(recovered))

    # -- public ----------------------------------------------------------------------------------------

    def shutdown(self, drain_s: float = 10.0) -> None:
        """Stop the way systemd asks us to. A network POS first finishes the job it is sending (until it
        closes the connection, goes quiet for a moment, or ``drain_s`` passes), since bytes it has sent
        into a closed connection would be lost. A serial POS stops at once: its next bytes wait in the
        line for the next bridge."""
        self._drain_deadline = time.monotonic() + drain_s
        self.draining.set()
        if not (self.pos.per_connection and self._in_session):
            self.stop.set()

    def run(self) -> None:
        """Pump until ``stop`` is set. Raises LinkError if the POS side cannot be opened at all."""
        self._start_framer()
        first = True
        try:
            while not self.draining.is_set():
                if self.pos.per_connection:
                    self.ready.set()  # listening; each POS connection is a session
                try:
                    pos_link = self.pos.open(self.draining)
                except LinkError:
                    if self.draining.is_set():
                        break
                    if first and not self.pos.per_connection:
                        raise  # a serial POS port that is not there at start is a configuration error
                    log.warning("POS link unavailable, retrying", exc_info=False)
                    self.stop.wait(1.0)
                    continue
                first = False
                self.ready.set()
                self._stats.pos_sessions += 1
                self._in_session = True
                try:
                    self._session(pos_link)
                except Stopped:
                    pass
                finally:
                    self._in_session = False
                    pos_link.close()
                    if self.pos.per_connection:
                        self.handoff.end(Boundary.EOF, datetime.now(UTC))
                    if self.printer.endpoint.per_connection:
                        self.printer.disconnect()
        finally:
            self.draining.set()
            self.stop.set()
            self.printer.disconnect()
            self.pos.close()
            if self.injection:
                self.injection.close()
            self.handoff.end(Boundary.SHUTDOWN, datetime.now(UTC))
            if self._framer_thread:
                self._framer_thread.join(timeout=10)

    def stats(self) -> BridgeStats:
        s = self._stats
        s.copy_dropped_bytes = self.handoff.dropped_bytes
        s.printer_reconnects = self.printer.reconnects
        s.printer_connected = self.printer.connected
        if self._spool:
            s.jobs_written = self._spool.jobs_written
        if self.injection:
            s.injected_blocks = self.injection.stats.injected
            s.injection_timeouts = self.injection.stats.timeouts
            s.injection_skipped_busy = self.injection.stats.skipped_busy
            s.injection_errors = self.injection.stats.errors
        return s

    def healthy(self, max_silence_s: float = 10.0) -> bool:
        """For the watchdog: every pump thread alive and turning. Waiting on the printer (a write it holds
        back with flow control, or reconnecting to it) is turning; so is waiting for a POS to connect."""
        now = time.monotonic()
        if self._framer_thread is not None and not self._framer_thread.is_alive():
            return False
        waiting_on_printer = self.printer.in_write_since is not None or self.printer.connecting
        return all(
            now - t < max_silence_s or (name == "downstream" and waiting_on_printer)
            for name, t in list(self._ticks.items())
        )

    # -- the pump --------------------------------------------------------------------------------------

    def _tick(self, name: str) -> None:
        self._ticks[name] = time.monotonic()

    def _session(self, pos_link: Link) -> None:
        log.info("POS connected: %s", pos_link.url)
        self._tick("downstream")
        self.printer.ensure_connected()
        ended = threading.Event()
        up = threading.Thread(target=self._upstream, args=(pos_link, ended), name="upstream", daemon=True)
        up.start()
        mirror = self._start_flow_mirror(pos_link, ended)
        try:
            self._downstream(pos_link, ended)
        finally:
            ended.set()
            up.join(timeout=5)
            if mirror:
                mirror.join(timeout=1)
            self._ticks.pop("upstream", None)
            self._ticks.pop("downstream", None)
            log.info("POS session ended: %s", pos_link.url)

    def _downstream(self, pos_link: Link, ended: threading.Event) -> None:
        read_size = self.config.read_size
        forward = self._forward_injecting if self.injection else None
        scanner = self._injection_scanner()
        held = b""
        last_data = time.monotonic()
        while not self.stop.is_set() and not ended.is_set():
            self._tick("downstream")
            if self.draining.is_set() and self._drained(last_data):
                break
            try:
                data = pos_link.read(read_size)
            except LinkClosed:
                break
            if not data:
                if held:  # the rest of a possible cut never came: fail open, send what we hold
                    self.printer.write(held)
                    self._stats.bytes_to_printer += len(held)
                    held = b""
                continue
            self._pos_bytes += len(data)
            if forward is None or scanner is None:
                self.printer.write(data)
                self._stats.bytes_to_printer += len(data)
            else:
                held = forward(scanner, held, data)
            self.handoff.offer(data, datetime.now(UTC))
            last_data = time.monotonic()
        if held:
            self.printer.write(held)
            self._stats.bytes_to_printer += len(held)

    def _injection_scanner(self) -> StreamReader | None:
        """The reader that finds the cuts to ask at. One per bridge run, as the framer is: its offsets and
        its language carry over from one POS session to the next, so a cut and its job agree on both."""
        if self.injection is None:
            return None
        if self._scanner is None:
            self._scanner = StreamReader(self._pos_bytes, COMMAND_SETS[self.config.command_set])
        else:
            self._scanner.flush()  # a command the last session's end cut short
        return self._scanner

    def _drained(self, last_data: float) -> bool:
        if not self.pos.per_connection:
            return True
        now = time.monotonic()
        return now - last_data >= 0.5 or now >= self._drain_deadline

    def _forward_injecting(self, scanner: StreamReader, held: bytes, data: bytes) -> bytes:
        """Forward ``held + data``, asking the injector before each cut; returns the bytes to hold back
        (only ever the first few bytes of what may be a cut, never more than a command header)."""
        assert self.injection is not None
        buf = held + data if held else data
        buf_start = scanner.offset - len(held)
        pos = 0
        for tok in scanner.feed(data):
            if tok.role != Role.CUT:
                continue
            cs, ce = tok.start - buf_start, tok.end - buf_start
            if cs < pos:  # part of the cut already went out (held too long); no block this time
                continue
            if cs > pos:
                self.printer.write(buf[pos:cs])
            injection = self.injection.ask(
                CutRequest(tok.start, buf[cs:ce], self.run_id, buf[:cs], scanner.commands.name)
            )
            if injection.label:
                self.handoff.note(injection.label, tok.start)  # before this chunk: it labels this job
            self.printer.write(injection.block + buf[cs:ce])
            pos = ce
        keep_from = len(buf)
        if scanner.pending_may_be_cut():
            ps = scanner.pending_start
            assert ps is not None
            keep_from = max(pos, ps - buf_start)
        if keep_from > pos:
            self.printer.write(buf[pos:keep_from])
        self._stats.bytes_to_printer += keep_from
        return buf[keep_from:]

    def _upstream(self, pos_link: Link, ended: threading.Event) -> None:
        read_size = self.config.read_size
        while not self.stop.is_set() and not ended.is_set():
            self._tick("upstream")
            data = self.printer.read(read_size)
            if not data:
                continue
            try:
                pos_link.write(data)
            except LinkError as e:
                log.warning("POS link failed while passing printer status back: %s", e)
                ended.set()
                return
            self._stats.bytes_to_pos += len(data)

    def _start_flow_mirror(self, pos_link: Link, ended: threading.Event) -> threading.Thread | None:
        if not isinstance(self.pos, SerialEndpoint) or not self.pos.mirror_flow:
            return None
        lines = (self.pos.settings.rtscts, self.pos.settings.dsrdtr)
        pos_modem = pos_link.modem()
        printer_modem = self.printer.ensure_connected().modem()
        if pos_modem is None or printer_modem is None or not any(lines):
            return None
        t = threading.Thread(
            target=mirror_flow,
            args=(printer_modem, pos_modem, lines, ended, self.config.flow_poll_s),
            name="flow-mirror",
            daemon=True,
        )
        t.start()
        return t

    # -- the copy: framer and spool ---------------------------------------------------------------------

    def _start_framer(self) -> None:
        # No spool: the copy has nowhere to go, so drain it to keep the hand-off from counting drops.
        target = self._drain_copy if self._spool is None else self._frame_loop
        self._framer_thread = threading.Thread(target=target, name="framer", daemon=True)
        self._framer_thread.start()

    def _drain_copy(self) -> None:
        while True:
            item = self.handoff.take(timeout=1.0)
            if isinstance(item, EndOfStream) and item.reason == Boundary.SHUTDOWN:
                return

    def _frame_loop(self) -> None:
        assert self._spool is not None
        spool = self._spool
        framer = JobFramer(self.config.max_job_bytes, COMMAND_SETS[self.config.command_set])
        idle_gap = self.config.idle_gap_s
        last_data = time.monotonic()
        while True:
            wait = max(0.0, idle_gap - (time.monotonic() - last_data)) if framer.has_content else 1.0
            item = self.handoff.take(timeout=wait)
            now = datetime.now(UTC)
            if item is None:
                if framer.has_content and time.monotonic() - last_data >= idle_gap:
                    self._write_pieces(spool, framer, framer.idle(), now)
                continue
            if isinstance(item, Note):
                spool.note_label(item.label, item.stream_offset)
                continue
            if item.lost_before:
                framer.gap(item.lost_before)
                spool.note_lost(item.lost_before)
            if isinstance(item, EndOfStream):
                boundary = Boundary(item.reason)
                self._write_pieces(spool, framer, framer.end(boundary), item.at)
                if boundary == Boundary.SHUTDOWN:
                    return
                continue
            assert isinstance(item, Chunk)
            last_data = time.monotonic()
            offset = framer.offset
            self._write_pieces(spool, framer, framer.feed(item.data), item.at, offset)

    def _write_pieces(
        self,
        spool: SpoolWriter,
        framer: JobFramer,
        pieces: list[Piece],
        at: datetime,
        offset: int | None = None,
    ) -> None:
        off = framer.offset if offset is None else offset
        for p in pieces:
            try:
                spool.append(p.data, off, at)
                if p.ends is not None:
                    spool.finish(p.ends, p.has_content, at)
                    if p.has_content:
                        self._note_language(framer)
            except OSError as e:
                # A full or failing disk must not stop the pump or this thread; the printer has the bytes.
                self._stats.spool_errors += 1
                log.error("spool write failed, job dropped from the capture: %s", e)
                spool.abandon()
            off += len(p.data)

    def _note_language(self, framer: JobFramer) -> None:
        name = framer.commands.name
        if name != self._stats.printer_commands:
            self._stats.printer_commands = name
            log.info("the POS speaks %s to the printer", name)


def mirror_flow(
    printer: ModemControl, pos: ModemControl, lines: tuple[bool, bool], ended: threading.Event, poll_s: float
) -> None:
    """Hold the POS back (RTS, and DTR with dsrdtr) exactly while the printer holds us back (CTS, DSR)."""
    rtscts, dsrdtr = lines
    last: tuple[bool, bool] | None = None
    while not ended.is_set():
        try:
            state = (printer.cts() if rtscts else True, printer.dsr() if dsrdtr else True)
            if state != last:
                if rtscts:
                    pos.set_rts(state[0])
                if dsrdtr:
                    pos.set_dtr(state[1])
                last = state
        except (OSError, ValueError):
            return  # a port went away; the session is ending
        ended.wait(poll_s)
