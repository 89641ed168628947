"""The agent's answer to the bridge's "a cut is coming": the QR block for this receipt, or nothing.

The symbol for the next token is rendered ahead of time, so a cut costs a classification of the job so
far (read from the bridge's in-progress spool file) and a few bytes of framing, well inside the bridge's
deadline. Kitchen tickets, reports and test prints get no QR. The token travels back to the bridge as the
injection's label and is recorded with the spooled job, so the paper and the store always agree.
"""

from __future__ import annotations

import json
import logging
import queue
import socket
import socketserver
import threading
from collections.abc import Callable
from pathlib import Path

from edge.escpos.decoder import Decoder
from edge.escpos.printer_profile import PrinterProfile
from edge.parsing.generic import glance
from edge.parsing.language import language_of
from edge.qr.block import PrinterState, qr_block, qr_symbol
from edge.qr.star_block import star_qr_block, star_qr_symbol
from edge.qr.token import new_token, receipt_url
from firmware_bridge.injection import MAX_HEAD, NOTHING, Injection, encode_reply
from firmware_bridge.spool import PART_SUFFIX

log = logging.getLogger(__name__)
READY_SYMBOLS = 4
REFILL_DELAY_S = 0.1


class QrInjector:
    def __init__(
        self,
        spool: Path,
        printer: PrinterProfile,
        url_template: str,
        skip_kinds: frozenset[str] = frozenset({"non_sale"}),
    ) -> None:
        receipt_url(url_template, "x" * 16)  # a bad template fails at start, not at the first cut
        self.spool = spool
        self.printer = printer
        self.url_template = url_template
        self.skip_kinds = skip_kinds
        # Symbols for the next few receipts, rendered by a worker while receipts print: a cut only takes
        # one. A burst of cuts faster than the worker renders falls back to rendering in the request.
        self._ready: queue.Queue[tuple[str, bytes]] = queue.Queue(maxsize=READY_SYMBOLS)
        self._closed = threading.Event()
        self._ready.put(self._prepare())
        threading.Thread(target=self._fill, name="qr-symbols", daemon=True).start()

    def _prepare(self) -> tuple[str, bytes]:
        token = new_token()
        url = receipt_url(self.url_template, token)
        if self.printer.command_language == "star":
            return token, star_qr_symbol(url, self.printer)
        return token, qr_symbol(url, self.printer)

    def _fill(self) -> None:
        item = self._prepare()
        while not self._closed.is_set():
            try:
                self._ready.put(item, timeout=0.5)
            except queue.Full:
                continue
            # A slot just freed means a cut is being answered right now: render the next symbol a
            # moment later, so its CPU time (a raster QR is ~10 ms of Python) does not delay the answer.
            if self._closed.wait(REFILL_DELAY_S):
                return
            item = self._prepare()

    def _take(self) -> tuple[str, bytes]:
        try:
            return self._ready.get_nowait()
        except queue.Empty:
            return self._prepare()

    def close(self) -> None:
        self._closed.set()

    def _job_so_far(self) -> bytes:
        parts = sorted(self.spool.glob(f"*{PART_SUFFIX}"))
        return parts[-1].read_bytes() if parts else b""

    def answer(self, request: dict[str, object], head: bytes = b"") -> Injection:
        stream_language = request.get("language", "escpos")  # the bridge's reading of the till's stream
        if stream_language != self.printer.command_language:
            # The printer speaks another language than its profile says: a block in the profile's
            # language would print as garbage. The cut prints alone; `tillbox status` shows the bridge's view.
            log.warning(
                "a %s cut (%s) under the %s printer profile %s: no QR",
                stream_language,
                request.get("cut"),
                self.printer.command_language,
                self.printer.name,
            )
            return NOTHING
        data = self._job_so_far() + head
        decoder = Decoder(self.printer)
        doc = decoder.decode(data)
        seen = glance(doc)
        if seen.kind in self.skip_kinds or not seen.readable:
            # Nothing of a sale could be read (a coupon, a notice, a picture-only print): an e-receipt
            # page would have nothing to show the shopper.
            return NOTHING
        st = decoder.final_state
        state = PrinterState(st.align, st.style, st.kanji) if st else PrinterState()
        text = "\n".join(b.text for b in doc.text_lines())
        token, symbol = self._take()
        language = language_of(text, seen.currency)
        if self.printer.command_language == "star":
            return Injection(star_qr_block(symbol, language, state), token)
        return Injection(qr_block(symbol, language, self.printer, state), token)


class _Handler(socketserver.StreamRequestHandler):
    server: _Server

    def handle(self) -> None:
        try:
            request = json.loads(self.rfile.readline(4096))
            size = int(request.get("head_len", 0))
            if not 0 <= size <= MAX_HEAD:
                raise ValueError(f"head_len {size}")
            injection = self.server.answer(request, self.rfile.read(size))
        except Exception as e:  # a bad request or an agent bug: the bridge prints the cut alone
            log.warning("injection request failed: %s", e)
            injection = NOTHING
        self.wfile.write(encode_reply(injection))


class _Server(socketserver.ThreadingUnixStreamServer):
    daemon_threads = True

    def __init__(self, path: str, answer: Callable[[dict[str, object], bytes], Injection]) -> None:
        self.answer = answer
        super().__init__(path, _Handler)


def serve(path: Path, injector: QrInjector) -> _Server:
    """Listen on ``path`` (replacing a stale socket file) in a background thread."""
    if path.exists() or path.is_symlink():
        probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            probe.connect(str(path))
        except OSError:
            path.unlink()  # left by an agent that died
        else:
            probe.close()
            raise RuntimeError(f"another agent is answering on {path}")
    server = _Server(str(path), injector.answer)
    threading.Thread(target=server.serve_forever, name="injector", daemon=True).start()
    return server
