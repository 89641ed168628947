"""A POS on a link: replays ESC/POS or Star receipts paced like a UART at a baud rate, polls the printer's
status between receipts as real POS drivers do (ESC/POS: DLE EOT, a byte back; Star: ESC ACK SOH, the
automatic status back), honours flow control (its writes block when the link holds it back), and reports
what came back."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from firmware_bridge.links import Endpoint, Link, LinkError

DLE_EOT = b"\x10\x04"
STAR_STATUS_REQUEST = b"\x1b\x06\x01"  # ESC ACK SOH


def star_status_length(first: int) -> int:
    """The length of a Star automatic status from its first byte: bits 1-3 and 5 hold it."""
    return ((first >> 1) & 0x07) | ((first >> 2) & 0x08)


@dataclass
class PosReport:
    receipts: int = 0
    bytes_sent: int = 0
    polls: int = 0
    poll_timeouts: int = 0
    replies: list[str] = field(default_factory=list)  # each poll's answer, hex ('' on time-out)
    received: int = 0  # all bytes that came back, answers and unsolicited status alike
    reconnects: int = 0
    resent_receipts: int = 0
    elapsed_s: float = 0.0


class PosSimulator:
    def __init__(
        self,
        endpoint: Endpoint,
        baud: int = 0,
        poll: bool = True,
        poll_timeout_s: float = 1.0,
        per_receipt: bool = False,
        connect_timeout_s: float = 30.0,
        language: str = "escpos",
    ) -> None:
        if language not in ("escpos", "star"):
            raise ValueError(f"language must be escpos or star, not {language!r}")
        self.language = language
        self.endpoint = endpoint
        self.baud = baud  # 0: as fast as the link takes it
        self.poll = poll
        self.poll_timeout_s = poll_timeout_s
        self.per_receipt = per_receipt
        self.connect_timeout_s = connect_timeout_s
        self.sent = bytearray()  # every byte that left, in order: what the printer must receive
        self.received = bytearray()
        self.report = PosReport()
        self._link: Link | None = None
        self._reader: threading.Thread | None = None
        self._reader_stop = threading.Event()
        self._stop = threading.Event()
        self._arrived = threading.Condition()

    def run(self, receipts: Iterable[bytes]) -> PosReport:
        t0 = time.monotonic()
        try:
            for receipt in receipts:
                self._send_receipt(receipt)
        finally:
            self._disconnect()
            self.report.elapsed_s = round(time.monotonic() - t0, 3)
            self.report.received = len(self.received)
        return self.report

    def stop(self) -> None:
        self._stop.set()

    # -- internals --------------------------------------------------------------------------------------

    def _send_receipt(self, receipt: bytes) -> None:
        attempt = 0
        while True:
            attempt += 1
            try:
                link = self._connect()
                if self.poll:
                    self._poll(link, 1)
                self._paced_write(link, receipt)
                if self.poll:
                    self._poll(link, 4)
                break
            except LinkError:
                # The line broke mid-receipt (bridge restarted, cable): reconnect and print it again, as a
                # spooler would. What the broken link had accepted stays in `sent`.
                self._disconnect()
                self.report.reconnects += 1
                if attempt >= 5 or self._stop.is_set():
                    raise
                self.report.resent_receipts += 1
        self.report.receipts += 1
        if self.per_receipt:
            self._disconnect()

    def _connect(self) -> Link:
        if self._link is not None:
            return self._link
        deadline = time.monotonic() + self.connect_timeout_s
        while True:
            try:
                link = self.endpoint.open(self._stop)
                break
            except LinkError:
                if time.monotonic() >= deadline or self._stop.is_set():
                    raise
                time.sleep(0.05)
        self._link = link
        self._reader_stop = threading.Event()
        self._reader = threading.Thread(target=self._read_loop, args=(link, self._reader_stop), daemon=True)
        self._reader.start()
        return link

    def _disconnect(self) -> None:
        link, self._link = self._link, None
        if link is None:
            return
        if self.poll:
            time.sleep(0)  # let a last answer in
        self._reader_stop.set()
        if self._reader:
            self._reader.join(timeout=2)
        link.close()

    def _read_loop(self, link: Link, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                data = link.read(4096)
            except LinkError:
                return
            if data:
                with self._arrived:
                    self.received += data
                    self._arrived.notify_all()

    def _poll(self, link: Link, n: int) -> None:
        """ESC/POS: DLE EOT n, one byte back. Star: ESC ACK SOH, as many bytes back as the first says."""
        with self._arrived:
            before = len(self.received)
        star = self.language == "star"
        self._write(link, STAR_STATUS_REQUEST if star else DLE_EOT + bytes([n]))
        self.report.polls += 1

        def answered() -> bool:
            got = len(self.received) - before
            if not star or got == 0:
                return got > 0
            return got >= star_status_length(self.received[before])

        with self._arrived:
            got = self._arrived.wait_for(answered, timeout=self.poll_timeout_s)
            size = star_status_length(self.received[before]) if got and star else 1
            answer = bytes(self.received[before : before + size]) if got else b""
        if not got:
            self.report.poll_timeouts += 1
        self.report.replies.append(answer.hex())

    def _write(self, link: Link, data: bytes) -> None:
        try:
            link.write(data)
        except LinkError as e:
            self.sent += data[: e.sent]
            self.report.bytes_sent += e.sent
            raise
        self.sent += data
        self.report.bytes_sent += len(data)

    def _paced_write(self, link: Link, data: bytes) -> None:
        if self.baud <= 0:
            self._write(link, data)
            return
        per_s = self.baud / 10  # 8N1: ten bits a byte
        step = max(1, int(per_s / 200))  # 5 ms worth of bytes a write
        t0 = time.monotonic()
        for i in range(0, len(data), step):
            due = t0 + i / per_s
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            self._write(link, data[i : i + step])
