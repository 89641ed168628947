"""QR symbols for the bridge: the injector (edge/qr/injector.py) renders the next receipts' symbols in a
thread of its own and answers the bridge's "a cut is coming" on a Unix socket, another thread; this
starts and stops both with the agent."""

from __future__ import annotations

import socketserver
from pathlib import Path

from edge.escpos.printer_profile import PrinterProfile
from edge.qr.injector import QrInjector, serve


class QrService:
    def __init__(
        self,
        spool: Path,
        printer: PrinterProfile,
        url_template: str,
        skip_kinds: frozenset[str],
        socket_path: Path,
    ) -> None:
        self.spool, self.printer, self.url_template = spool, printer, url_template
        self.skip_kinds, self.socket_path = skip_kinds, socket_path
        self._injector: QrInjector | None = None
        self._server: socketserver.BaseServer | None = None

    def start(self) -> None:
        injector = QrInjector(self.spool, self.printer, self.url_template, self.skip_kinds)
        try:
            self._server = serve(self.socket_path, injector)
        except BaseException:
            injector.close()  # its symbol thread would outlive an agent that failed to start
            raise
        self._injector = injector

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self.socket_path.unlink(missing_ok=True)
            self._server = None
        if self._injector is not None:
            self._injector.close()
            self._injector = None
