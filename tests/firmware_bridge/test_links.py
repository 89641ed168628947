"""Invariant 2's proof from here is in tests/invariants/test_2_printer_answers_reach_the_pos.py:
`test_flow_mirror_holds_the_pos_while_the_printer_holds_us`."""

from __future__ import annotations

import socket
import threading

import pytest
import serial

from firmware_bridge.links import (
    LinkClosed,
    LinkConfigError,
    LinkError,
    SerialEndpoint,
    TcpConnectEndpoint,
    TcpListenEndpoint,
    open_endpoint,
)


def test_serial_url_settings() -> None:
    ep = open_endpoint("serial:///dev/ttyUSB0?baud=19200&bytesize=7&parity=E&stopbits=2&rtscts=1&xonxoff=0")
    assert isinstance(ep, SerialEndpoint)
    assert ep.target == "/dev/ttyUSB0"
    s = ep.settings
    assert (s.baud, s.bytesize, s.parity, s.stopbits, s.rtscts, s.xonxoff, s.dsrdtr) == (
        19200,
        7,
        "E",
        2,
        True,
        False,
        False,
    )


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("ttyUSB0", "expected scheme"),
        ("usb://x", "unknown scheme"),
        ("serial://dev/ttyUSB0", "three slashes"),
        ("serial:///dev/ttyUSB0?baud=fast", "baud='fast'"),
        ("serial:///dev/ttyUSB0?parity=Q", "parity='Q'"),
        ("serial:///dev/ttyUSB0?speed=9600", "unknown option 'speed'"),
        ("tcp://printer", "host:port"),
        ("tcp://printer:notaport", "host:port"),
    ],
)
def test_bad_urls_say_why_in_one_line(url: str, why: str) -> None:
    with pytest.raises(LinkConfigError) as e:
        open_endpoint(url)
    assert why in str(e.value) and "\n" not in str(e.value)


def test_missing_serial_device_is_one_line() -> None:
    with pytest.raises(LinkError) as e:
        open_endpoint("serial:///dev/tillbox-does-not-exist").open(threading.Event())
    assert "/dev/tillbox-does-not-exist" in str(e.value) and "\n" not in str(e.value)


def test_pyserial_loop_url_round_trips() -> None:
    link = open_endpoint("loop://?baud=115200").open(threading.Event())
    link.write(b"\x10\x04\x01")
    assert link.read(100) == b"\x10\x04\x01"
    modem = link.modem()
    assert modem is not None
    link.close()


def test_tcp_listen_takes_one_pos_at_a_time() -> None:
    ep = TcpListenEndpoint("tcp-listen://127.0.0.1:0", "127.0.0.1", 0)
    ep.bind()
    port = ep.bound_port
    stop = threading.Event()
    a = socket.create_connection(("127.0.0.1", port))
    b = socket.create_connection(("127.0.0.1", port))  # queued in the backlog
    first = ep.open(stop)
    a.sendall(b"A")
    b.sendall(b"B")
    assert first.read(10) == b"A"
    a.close()
    with pytest.raises(LinkClosed):
        for _ in range(20):
            first.read(10)
    second = ep.open(stop)
    assert second.read(10) == b"B"
    second.close()
    b.close()
    ep.close()


def test_tcp_connect_refused_is_a_link_error() -> None:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    with pytest.raises(LinkError) as e:
        TcpConnectEndpoint(f"tcp://127.0.0.1:{port}", "127.0.0.1", port).open(threading.Event())
    assert "refused" in str(e.value).lower()


def test_listen_on_a_port_in_use_is_a_link_error() -> None:
    s = socket.create_server(("127.0.0.1", 0))
    port = s.getsockname()[1]
    with pytest.raises(LinkError):
        TcpListenEndpoint("x", "127.0.0.1", port).bind()
    s.close()


def test_serial_module_is_real_pyserial() -> None:
    assert serial.VERSION.startswith("3.")
