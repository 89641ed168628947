"""A receipt printer on a link: takes ESC/POS or Star (the stream says which, as it tells the bridge),
answers status queries as a real printer does (ESC/POS's DLE EOT, GS a, GS I, GS r; Star's ESC ACK SOH and
ESC RS a automatic status back), can be made
busy (stops reading, drops RTS where it has one) or offline (cover open, paper out) or switched off, and
keeps every job it printed."""

from __future__ import annotations

import io
import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from edge.escpos.decoder import decode
from edge.escpos.printer_profile import PrinterProfile
from edge.render.png import render_png
from firmware_bridge.atomic_file import write_atomically
from firmware_bridge.escpos_commands import DLE, ESC, GS, Role
from firmware_bridge.framer import Boundary, JobFramer, Piece
from firmware_bridge.links import Endpoint, Link, LinkError
from firmware_bridge.star_commands import RS
from firmware_bridge.stream_language import LANGUAGES, StreamReader

log = logging.getLogger(__name__)


@dataclass
class PaperState:
    cover_open: bool = False
    paper_near_end: bool = False
    paper_end: bool = False

    @property
    def offline(self) -> bool:
        return self.cover_open or self.paper_end


def status_reply(command: bytes, state: PaperState, language: str = "escpos") -> bytes:
    """The printer's answer to a status command in its ``language``, or b"" for commands that have none."""
    if language == "star":
        if command[:3] == b"\x1b\x06\x01":  # ESC ACK SOH: send the automatic status now
            return star_asb(state)
        if len(command) >= 4 and command[:3] == b"\x1b\x1ea":  # ESC RS a n: ASB on; one at once
            return star_asb(state) if command[3] & 0x01 else b""
        return b""
    if len(command) >= 3 and command[0] == DLE and command[1] == 0x04:
        n = command[2]
        if n == 1:  # printer status: bit 3 offline
            return bytes([0x16 | (0x08 if state.offline else 0)])
        if n == 2:  # offline cause: bit 2 cover open, bit 5 stopped for paper end
            return bytes([0x12 | (0x04 if state.cover_open else 0) | (0x20 if state.paper_end else 0)])
        if n == 3:  # error cause: none
            return b"\x12"
        if n == 4:  # roll paper sensor: bits 2,3 near end, bits 5,6 end
            return bytes([0x12 | (0x0C if state.paper_near_end else 0) | (0x60 if state.paper_end else 0)])
        return b""
    if len(command) >= 3 and command[0] == GS:
        fn, n = command[1], command[2]
        if fn == ord("a"):  # automatic status back: answer once at once when enabled
            return asb_status(state) if n else b""
        if fn == ord("I"):
            return _printer_id(n)
        if fn == ord("r") and n in (1, 49):
            return bytes([(0x03 if state.paper_near_end else 0) | (0x0C if state.paper_end else 0)])
        if fn == ord("r") and n in (2, 50):
            return b"\x00"
    return b""


def asb_status(state: PaperState) -> bytes:
    first = 0x10 | (0x08 if state.offline else 0) | (0x20 if state.cover_open else 0)
    third = (0x03 if state.paper_near_end else 0) | (0x0C if state.paper_end else 0)
    return bytes([first, 0x00, third, 0x00])


def star_asb(state: PaperState) -> bytes:
    """Star's automatic status, as a TSP100-class printer sends it: nine bytes. The first says how many
    (bits 1-3 and 5 hold the count, bit 0 is set); status 1 has offline in bit 3 and the cover in bit 5,
    status 4 paper near end in bit 2 and paper end in bit 3."""
    status1 = (0x08 if state.offline else 0) | (0x20 if state.cover_open else 0)
    status4 = (0x04 if state.paper_near_end else 0) | (0x08 if state.paper_end else 0)
    return bytes([0x23, 0x02, status1, 0x00, 0x00, status4, 0x00, 0x00, 0x00])


def _printer_id(n: int) -> bytes:
    fixed = {1: b"\x20", 49: b"\x20", 2: b"\x02", 50: b"\x02", 3: b"\x64", 51: b"\x64"}
    if n in fixed:
        return fixed[n]
    text = {65: b"1.00 TB", 66: b"TILLBOX", 67: b"TB-SIM", 68: b"0001"}.get(n)
    return b"_" + text + b"\x00" if text else b""


_ANSWERED = {(DLE, 0x04), (GS, ord("a")), (GS, ord("I")), (GS, ord("r")), (ESC, 0x06), (ESC, RS)}


class PrinterSimulator:
    def __init__(
        self,
        endpoint: Endpoint,
        out_dir: Path | None = None,
        idle_gap_s: float = 2.0,
        paper: PrinterProfile | None = None,
    ) -> None:
        self.endpoint = endpoint
        self.out_dir = out_dir
        # With a printer profile, each job is also saved as a PNG of the paper (its width, its code pages).
        self.paper = paper
        self.idle_gap_s = idle_gap_s
        self.state = PaperState()
        self.received = bytearray()
        self.replies = bytearray()
        self.jobs: list[bytes] = []
        self.connections = 0
        self._busy = threading.Event()
        self._powered = threading.Event()
        self._powered.set()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._link: Link | None = None
        self._thread: threading.Thread | None = None
        self._framer = JobFramer(commands=LANGUAGES[paper.command_language] if paper else None)
        self._job = bytearray()
        if out_dir is not None:
            out_dir.mkdir(parents=True, exist_ok=True)

    # -- control ---------------------------------------------------------------------------------------

    def start(self) -> PrinterSimulator:
        self._thread = threading.Thread(target=self._run, name="printer-sim", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._close_link()
        self.endpoint.close()
        if self._thread:
            self._thread.join(timeout=5)
        self._save(self._framer.end(Boundary.SHUTDOWN))

    @property
    def busy(self) -> bool:
        return self._busy.is_set()

    def set_busy(self, busy: bool) -> None:
        """Busy: stop reading (the link's buffers fill and flow control holds the sender) and drop RTS."""
        if busy:
            self._busy.set()
        else:
            self._busy.clear()
        link = self._link
        modem = link.modem() if link else None
        if modem is not None:
            modem.set_rts(not busy)

    def set_cover_open(self, open_: bool) -> None:
        self.state.cover_open = open_

    def power_off(self) -> None:
        """Gone from the line: connections dropped, nothing listening, nothing answered."""
        self._powered.clear()
        self._close_link()
        self.endpoint.close()

    def power_on(self) -> None:
        self._powered.set()

    def wait_for_bytes(self, n: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.received) >= n:
                return True
            time.sleep(0.01)
        return len(self.received) >= n

    # -- the printer -----------------------------------------------------------------------------------

    def _close_link(self) -> None:
        with self._lock:
            link, self._link = self._link, None
        if link is not None:
            link.close()

    def _run(self) -> None:
        while not self._stop.is_set():
            if not self._powered.is_set():
                self._stop.wait(0.05)
                continue
            try:
                link = self.endpoint.open(self._stop)
            except LinkError as e:
                if not self._stop.is_set() and self._powered.is_set():
                    log.debug("printer-sim: %s", e)
                    self._stop.wait(0.1)
                continue
            with self._lock:
                self._link = link
            self.connections += 1
            self._serve(link)
            self._close_link()
            if self.endpoint.per_connection:
                self._save(self._framer.end(Boundary.EOF))

    def _serve(self, link: Link) -> None:
        # A printer speaks its own language; without paper (a profile) the stream says which.
        tok = StreamReader(0, LANGUAGES[self.paper.command_language] if self.paper else None)
        base = len(self.received)  # the tokenizer's offset 0 is here in self.received
        last = time.monotonic()
        while not self._stop.is_set() and self._powered.is_set() and self._link is link:
            if self._busy.is_set():
                time.sleep(0.005)
                continue
            try:
                data = link.read(65536)
            except LinkError:
                return
            now = time.monotonic()
            if not data:
                if now - last >= self.idle_gap_s:
                    self._save(self._framer.idle())
                continue
            last = now
            self.received += data
            self._save(self._framer.feed(data))
            for t in tok.feed(data):
                if t.role not in (Role.REALTIME, Role.SETTING):
                    continue
                cmd = bytes(self.received[base + t.start : base + t.end])
                if (cmd[0], cmd[1]) in _ANSWERED:
                    reply = status_reply(cmd, self.state, tok.commands.name)
                    if reply:
                        try:
                            link.write(reply)
                        except LinkError:
                            return
                        self.replies += reply

    def _save(self, pieces: list[Piece]) -> None:
        for p in pieces:
            self._job += p.data
            if p.ends is None:
                continue
            job = bytes(self._job)
            self._job.clear()
            if not job or not p.has_content:
                continue  # status polls and set-up bytes alone put nothing on paper
            self.jobs.append(job)
            if self.out_dir is not None:
                path = self.out_dir / f"job-{len(self.jobs):05d}.bin"
                # Whole files only: a test waits for a job's file to appear, then reads it.
                write_atomically(path, job, durable=False)
                if self.paper is not None:
                    png = io.BytesIO()
                    render_png(decode(job, self.paper), self.paper.dots).save(png, format="PNG")
                    write_atomically(path.with_suffix(".png"), png.getvalue(), durable=False)
                log.info("printed %s (%d bytes, ended by %s)", path.name, len(job), p.ends)
