"""A free TCP port on this machine, for the simulators, the demo, the tests and the benchmarks."""

from __future__ import annotations

import socket


def free_port(preferred: int | None = None) -> int:
    """`preferred` if it is free (the demo's printer on 9100), else any free port."""
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", preferred or 0))
        except OSError:
            s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
