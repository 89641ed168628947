"""Byte pipes to devices, chosen by URL the way pyserial's ``serial_for_url`` chooses a transport.

    serial:///dev/ttyUSB0?baud=19200&bytesize=8&parity=N&stopbits=1&rtscts=1   (also xonxoff, dsrdtr)
    rfc2217://host:port, loop://, socket://host:port    pyserial's own URLs, same query keys
    tcp://PRINTER_IP:9100                               connect to a network printer
    tcp-listen://0.0.0.0:9100                           the POS connects to us as if we were the printer

An ``Endpoint`` is what a URL names; ``open()`` gives a ``Link``, one connected pipe. Serial endpoints give
the same port for as long as it works; a listening endpoint gives one link per POS connection, taking the
next POS only when the current one is done (the others wait in the listen queue). A USB printer gadget
(``/dev/g_printer0``) would be one more Endpoint class in ``SCHEMES``.
"""

from __future__ import annotations

import contextlib
import errno
import socket
import threading
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any
from urllib.parse import SplitResult, parse_qsl, urlsplit

import serial

from firmware_bridge.systemd import inherited_listener

READ_TIMEOUT = 0.2  # how often a blocked read comes up to look at the stop flag


class LinkConfigError(ValueError):
    """The URL is wrong; one line says why."""


class LinkError(OSError):
    """An open link failed. ``sent`` says how many bytes of the failed write left us."""

    def __init__(self, message: str, sent: int = 0) -> None:
        super().__init__(message)
        self.sent = sent


class LinkClosed(LinkError):
    """The other end went away (EOF, hang-up)."""


class Link(ABC):
    url: str

    @abstractmethod
    def read(self, max_bytes: int) -> bytes:
        """What has arrived, at most ``max_bytes``, as soon as anything has; b"" after READ_TIMEOUT."""

    @abstractmethod
    def write(self, data: bytes) -> None:
        """All of ``data``, blocking while the device holds us back (flow control, full buffers)."""

    @abstractmethod
    def close(self) -> None: ...

    def modem(self) -> ModemControl | None:
        """Modem status and control lines, where the link has them (real UARTs, not ptys or TCP)."""
        return None


class ModemControl(ABC):
    @abstractmethod
    def cts(self) -> bool: ...

    @abstractmethod
    def dsr(self) -> bool: ...

    @abstractmethod
    def set_rts(self, on: bool) -> None: ...

    @abstractmethod
    def set_dtr(self, on: bool) -> None: ...


class Endpoint(ABC):
    url: str
    per_connection = False  # True when each open() is one peer's connection

    @abstractmethod
    def open(self, stop: threading.Event) -> Link:
        """Connect (or wait for the peer to). Raises LinkError; returns early with LinkError on stop."""

    def close(self) -> None:  # noqa: B027 (most endpoints hold nothing between links)
        pass


# -- serial (pyserial) -------------------------------------------------------------------------------------

_BYTESIZES = {"5": serial.FIVEBITS, "6": serial.SIXBITS, "7": serial.SEVENBITS, "8": serial.EIGHTBITS}
_PARITIES = {
    "N": serial.PARITY_NONE,
    "E": serial.PARITY_EVEN,
    "O": serial.PARITY_ODD,
    "M": serial.PARITY_MARK,
    "S": serial.PARITY_SPACE,
}
_STOPBITS = {"1": serial.STOPBITS_ONE, "1.5": serial.STOPBITS_ONE_POINT_FIVE, "2": serial.STOPBITS_TWO}
_BOOL = {
    "1": True,
    "true": True,
    "yes": True,
    "on": True,
    "0": False,
    "false": False,
    "no": False,
    "off": False,
}


@dataclass(frozen=True)
class SerialSettings:
    baud: int = 9600
    bytesize: int = serial.EIGHTBITS
    parity: str = serial.PARITY_NONE
    stopbits: float = serial.STOPBITS_ONE
    rtscts: bool = False
    xonxoff: bool = False
    dsrdtr: bool = False


def _parse_serial_query(url: str, query: str) -> tuple[SerialSettings, list[tuple[str, str]]]:
    """Our keys become settings; anything else is left for pyserial's own URL handlers."""
    values: dict[str, Any] = {}
    passthrough: list[tuple[str, str]] = []
    for key, raw in parse_qsl(query, keep_blank_values=True):
        k = key.lower()
        try:
            if k in ("baud", "baudrate"):
                values["baud"] = int(raw)
                if values["baud"] <= 0:
                    raise ValueError
            elif k == "bytesize":
                values["bytesize"] = _BYTESIZES[raw]
            elif k == "parity":
                values["parity"] = _PARITIES[raw.upper()]
            elif k == "stopbits":
                values["stopbits"] = _STOPBITS[raw]
            elif k in ("rtscts", "xonxoff", "dsrdtr"):
                values[k] = _BOOL[raw.lower()]
            else:
                passthrough.append((key, raw))
        except (KeyError, ValueError):
            raise LinkConfigError(f"bad link URL {url!r}: {key}={raw!r} is not a valid value") from None
    return SerialSettings(**values), passthrough


class _SerialModem(ModemControl):
    def __init__(self, port: serial.Serial) -> None:
        self._port = port

    def cts(self) -> bool:
        return bool(self._port.cts)

    def dsr(self) -> bool:
        return bool(self._port.dsr)

    def set_rts(self, on: bool) -> None:
        self._port.rts = on

    def set_dtr(self, on: bool) -> None:
        self._port.dtr = on


class SerialLink(Link):
    def __init__(self, url: str, port: serial.Serial) -> None:
        self.url = url
        self._port = port

    def read(self, max_bytes: int) -> bytes:
        try:
            # read(1) wakes on the first byte; asking for more would wait out the timeout for them.
            data = self._port.read(1)
            if data and max_bytes > 1:
                waiting = self._port.in_waiting
                if waiting:
                    data += self._port.read(min(waiting, max_bytes - 1))
        except serial.SerialException as e:
            raise LinkClosed(f"{self.url}: {e}") from e
        except OSError as e:
            raise LinkClosed(f"{self.url}: {e.strerror or e}") from e
        except (TypeError, AttributeError) as e:  # pyserial, when another thread closed the port under us
            raise LinkClosed(f"{self.url}: closed") from e
        return bytes(data)

    def write(self, data: bytes) -> None:
        try:
            n = self._port.write(data)
        except (serial.SerialException, OSError) as e:
            raise LinkError(f"{self.url}: write failed: {e}") from e
        if n is not None and n != len(data):
            raise LinkError(f"{self.url}: short write ({n} of {len(data)} bytes)", sent=n)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            if hasattr(self._port, "cancel_write"):
                self._port.cancel_write()
            if hasattr(self._port, "cancel_read"):
                self._port.cancel_read()
        with contextlib.suppress(Exception):
            self._port.close()

    def modem(self) -> ModemControl | None:
        try:
            self._port.cts  # noqa: B018 (probing: ptys and TCP have no modem lines)
        except (serial.SerialException, OSError, NotImplementedError, ValueError):
            return None
        return _SerialModem(self._port)


class _KeepInputSerial(serial.Serial):
    """pyserial empties the input queue when it opens a port. After a restart of the bridge that queue
    holds what the POS sent meanwhile, which must reach the printer, so opening keeps it."""

    _opening = False

    def open(self) -> None:
        self._opening = True
        try:
            super().open()
        finally:
            self._opening = False

    def _reset_input_buffer(self) -> None:
        if not self._opening:
            super()._reset_input_buffer()  # type: ignore[misc]  # private in the stubs, real in pyserial


class SerialEndpoint(Endpoint):
    """A serial port: a real UART, a USB adapter, a pseudo-terminal, or one of pyserial's URLs."""

    def __init__(self, url: str, target: str, settings: SerialSettings, mirror_flow: bool = False) -> None:
        self.url = url
        self.target = target
        self.settings = settings
        # When the bridge mirrors the printer's flow control onto this port it drives RTS/DTR itself, so the
        # kernel must not: the port opens without hardware flow control.
        self.mirror_flow = mirror_flow

    def open(self, stop: threading.Event) -> Link:
        s = self.settings
        hw = s.rtscts and not self.mirror_flow
        settings: dict[str, Any] = {
            "baudrate": s.baud,
            "bytesize": s.bytesize,
            "parity": s.parity,
            "stopbits": s.stopbits,
            "rtscts": hw,
            "xonxoff": s.xonxoff,
            "dsrdtr": s.dsrdtr and not self.mirror_flow,
            "timeout": READ_TIMEOUT,
            "write_timeout": None,
        }
        try:
            if "://" in self.target:
                port: serial.Serial = serial.serial_for_url(self.target, do_not_open=True, **settings)
            else:
                port = _KeepInputSerial(exclusive=True, **settings)
                port.port = self.target
            port.open()
        except (serial.SerialException, OSError, ValueError) as e:
            raise LinkError(f"cannot open {self.url}: {_short(e)}") from e
        return SerialLink(self.url, port)


# -- TCP ---------------------------------------------------------------------------------------------------


def _tune(sock: socket.socket) -> None:
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # a receipt line must not wait for Nagle
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    # A pulled cable shows up within ~20 s instead of the kernel's default two hours.
    for opt, val in (("TCP_KEEPIDLE", 10), ("TCP_KEEPINTVL", 3), ("TCP_KEEPCNT", 3)):
        if hasattr(socket, opt):
            sock.setsockopt(socket.IPPROTO_TCP, getattr(socket, opt), val)
    sock.settimeout(READ_TIMEOUT)


class TcpLink(Link):
    def __init__(self, url: str, sock: socket.socket, stop: threading.Event | None = None) -> None:
        self.url = url
        self._sock = sock
        self._stop = stop
        _tune(sock)

    def read(self, max_bytes: int) -> bytes:
        try:
            data = self._sock.recv(max_bytes)
        except TimeoutError:
            return b""
        except OSError as e:
            raise LinkClosed(f"{self.url}: {e.strerror or e}") from e
        if not data:
            raise LinkClosed(f"{self.url}: connection closed by peer")
        return data

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        sent = 0
        while sent < len(data):
            try:
                sent += self._sock.send(view[sent:])
            except TimeoutError:
                if self._stop is not None and self._stop.is_set():
                    raise LinkError(f"{self.url}: stopped while the peer was not reading", sent) from None
            except OSError as e:
                raise LinkError(f"{self.url}: {e.strerror or e}", sent) from e

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RDWR)
        self._sock.close()


class TcpConnectEndpoint(Endpoint):
    per_connection = True

    def __init__(self, url: str, host: str, port: int, connect_timeout: float = 3.0) -> None:
        self.url = url
        self.host = host
        self.port = port
        self.connect_timeout = connect_timeout

    def open(self, stop: threading.Event) -> Link:
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.connect_timeout)
        except OSError as e:
            raise LinkError(f"cannot connect to {self.url}: {_short(e)}") from e
        return TcpLink(self.url, sock, stop)


class TcpListenEndpoint(Endpoint):
    per_connection = True

    def __init__(self, url: str, host: str, port: int) -> None:
        self.url = url
        self.host = host
        self.port = port
        self._server: socket.socket | None = None

    def bind(self) -> None:
        if self._server is not None:
            return
        srv = inherited_listener(self.port)
        if srv is None:
            try:
                srv = socket.create_server((self.host, self.port), reuse_port=False, backlog=8)
            except OSError as e:
                raise LinkError(f"cannot listen on {self.url}: {_short(e)}") from e
        srv.settimeout(READ_TIMEOUT)
        self._server = srv

    @property
    def bound_port(self) -> int:
        self.bind()
        assert self._server is not None
        return int(self._server.getsockname()[1])

    def open(self, stop: threading.Event) -> Link:
        self.bind()
        assert self._server is not None
        while not stop.is_set():
            try:
                conn, peer = self._server.accept()
            except TimeoutError:
                continue
            except OSError as e:
                if e.errno in (errno.EBADF, errno.EINVAL) or self._server.fileno() < 0:
                    break
                raise LinkError(f"{self.url}: accept failed: {_short(e)}") from e
            return TcpLink(f"{self.url} <- {peer[0]}:{peer[1]}", conn, stop)
        raise LinkError(f"{self.url}: stopped while waiting for a connection")

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None


# -- URL parsing -------------------------------------------------------------------------------------------

SCHEMES = ("serial", "tcp", "tcp-listen", "rfc2217", "loop", "socket")


# What pyserial's own URL handlers accept after the settings we read (baud, parity, …) are taken out;
# anything else would only fail when the link is opened, long after the configuration was checked.
_HANDLER_OPTIONS = {
    "loop": {"logging"},
    "socket": {"logging"},
    "rfc2217": {"logging", "ign_set_control", "poll_modem", "timeout"},
}


def _split(url: str, text: str) -> SplitResult:
    try:
        return urlsplit(text)
    except ValueError as e:  # a bracketed host that is not an IPv6 address, an unclosed bracket
        raise LinkConfigError(f"bad link URL {url!r}: {e}") from None


def _host_port(url: str, netloc: str, default_host: str | None) -> tuple[str, int]:
    parts = _split(url, "//" + netloc)
    host = parts.hostname or default_host
    try:
        port = parts.port
    except ValueError:
        port = None
    if not host or port is None:
        raise LinkConfigError(f"bad link URL {url!r}: expected host:port")
    return host, port


def open_endpoint(url: str, mirror_flow: bool = False) -> Endpoint:
    """Parse and check a link URL; raises LinkConfigError with a one-line reason."""
    if "://" not in url:
        raise LinkConfigError(f"bad link URL {url!r}: expected scheme://..., one of {', '.join(SCHEMES)}")
    parts = _split(url, url)
    scheme = parts.scheme.lower()
    if scheme == "tcp":
        host, port = _host_port(url, parts.netloc, None)
        return TcpConnectEndpoint(url, host, port)
    if scheme == "tcp-listen":
        host, port = _host_port(url, parts.netloc, "0.0.0.0")
        return TcpListenEndpoint(url, host, port)
    if scheme == "serial":
        if parts.netloc or not parts.path:
            raise LinkConfigError(f"bad link URL {url!r}: expected serial:///dev/NAME (three slashes)")
        settings, rest = _parse_serial_query(url, parts.query)
        if rest:
            raise LinkConfigError(f"bad link URL {url!r}: unknown option {rest[0][0]!r}")
        return SerialEndpoint(url, parts.path, settings, mirror_flow)
    if scheme in ("rfc2217", "loop", "socket"):
        settings, rest = _parse_serial_query(url, parts.query)
        unknown = [k for k, _ in rest if k not in _HANDLER_OPTIONS[scheme]]
        if unknown:
            raise LinkConfigError(f"bad link URL {url!r}: unknown option {unknown[0]!r}")
        if scheme != "loop":
            _host_port(url, parts.netloc, None)
        target = f"{scheme}://{parts.netloc}{parts.path}"
        if rest:
            target += "?" + "&".join(f"{k}={v}" if v else k for k, v in rest)
        return SerialEndpoint(url, target, settings, mirror_flow)
    raise LinkConfigError(f"bad link URL {url!r}: unknown scheme {scheme!r}, use one of {', '.join(SCHEMES)}")


def _short(e: BaseException) -> str:
    if isinstance(e, OSError) and e.strerror:
        return e.strerror + (f": {e.filename}" if e.filename else "")
    return str(e).splitlines()[0] if str(e) else type(e).__name__
