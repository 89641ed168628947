"""A box.toml for tests, every path under the test's own directory."""

from __future__ import annotations

from pathlib import Path


def write_box_toml(
    tmp: Path, parser_profile: str | None = None, rules: Path | None = None, extra: str = ""
) -> Path:
    lines = [
        "[box]",
        'device_id = "s12-t1"',
        'store_id = "s12"',
        'till_id = "t1"',
        "[links]",
        'pos = "tcp-listen://127.0.0.1:9101"',
        'printer = "tcp://127.0.0.1:9100"',
        "[qr]",
        "enabled = false",
        "[paths]",
        f'spool = "{tmp / "spool"}"',
        f'db = "{tmp / "box.db"}"',
        f'key = "{tmp / "box.key"}"',
        f'status = "{tmp / "agent-status.json"}"',
        f'inject_socket = "{tmp / "inject.sock"}"',
        "[metrics]",
        "port = 0",
    ]
    if parser_profile:
        lines += ["[parser]", f'profile = "{parser_profile}"']
    if rules:
        lines += ["[tags]", f'rules = "{rules}"']
    path = tmp / "box.toml"
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return path
