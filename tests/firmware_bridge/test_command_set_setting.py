"""`[printer] command_set` for a Star driver that never sends a Star-only command (ESC GS, ESC RS, ESC ACK):
without it the bridge reads such a stream as ESC/POS, where Star's character expansion ESC i is a cut; with
it the bridge reads Star from the first byte, one job per receipt. The agent takes the same key over its
printer profile's."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from edge.config import ConfigError, load_config
from firmware_bridge.boxfile import BoxFileError, read_box_file
from firmware_bridge.bridge import BridgeConfig
from firmware_bridge.spool import iter_jobs
from tests.bridge_harness import bridge_process, recv_exactly, tcp_rig
from tests.helpers import wait_for

REPO = Path(__file__).resolve().parents[2]


def line_mode_sale(number: int) -> bytes:
    """A Star Line mode receipt with nothing but Line mode's own commands: ESC @, ESC i (expansion),
    ESC E / ESC F (bold), ESC d 3 (the cut)."""
    return (
        b"\x1b@\x1bi\x01\x01CORNER CAFE\x1bi\x00\x00\n"
        + f"Order {1000 + number}\n".encode()
        + b"\x1bELatte               3.50\x1bF\nTOTAL               3.50\n\x1bd\x03"
    )


STREAM = b"".join(line_mode_sale(n) for n in range(3))


def spooled(spool: Path) -> list[bytes]:
    return [j.data for j in sorted(iter_jobs(spool), key=lambda j: j.meta.stream_start) if j.meta.has_content]


def spooled_all(spool: Path) -> list[tuple[bytes, bool]]:
    return [(j.data, j.meta.has_content) for j in sorted(iter_jobs(spool), key=lambda j: j.meta.stream_start)]


@pytest.mark.parametrize("command_set", ["star-line", "escpos"])
def test_the_bridge_frames_a_line_mode_stream_by_its_setting(tmp_path: Path, command_set: str) -> None:
    spool = tmp_path / "spool"
    spool.mkdir()
    with tcp_rig(BridgeConfig(spool_dir=spool, command_set=command_set)) as rig:
        rig.pos.sendall(STREAM)
        assert recv_exactly(rig.printer, len(STREAM)) == STREAM  # byte-exact whatever the setting
    every = spooled_all(spool)
    assert b"".join(data for data, _ in every) == STREAM  # nothing lost, whatever the setting
    if command_set == "star-line":
        assert spooled(spool) == [line_mode_sale(n) for n in range(3)]
    else:  # read as ESC/POS: cut at every ESC i, the receipts in pieces
        assert len(spooled(spool)) > 3 and sum(data.endswith(b"\x1bi") for data, _ in every) == 6


def test_box_toml_names_the_command_set_for_the_bridge_process(tmp_path: Path) -> None:
    star = '[printer]\nprofile = "star-line-80mm"\ncommand_set = "star-line"\n'
    with bridge_process(tmp_path, star) as rig, socket.create_connection(("127.0.0.1", rig.pos_port)) as pos:
        conn, _ = rig.printer_server.accept()
        pos.sendall(STREAM)
        assert recv_exactly(conn, len(STREAM)) == STREAM
        wait_for(lambda: len(spooled(tmp_path / "spool")) == 3, timeout=10)
        assert spooled(tmp_path / "spool") == [line_mode_sale(n) for n in range(3)]
        conn.close()


def test_a_command_set_nobody_makes_is_named(tmp_path: Path) -> None:
    path = tmp_path / "box.toml"
    path.write_text(
        '[links]\npos = "tcp-listen://127.0.0.1:9101"\nprinter = "tcp://127.0.0.1:9100"\n'
        '[printer]\ncommand_set = "zpl"\n'
    )
    with pytest.raises(
        BoxFileError, match=r"printer.command_set: one of escpos, star-line, starprnt, not 'zpl'"
    ):
        read_box_file(path)
    path.write_text(path.read_text().replace('"zpl"', '["star-line"]'))
    with pytest.raises(BoxFileError, match=r"printer.command_set: one of .*, not \['star-line'\]"):
        read_box_file(path)  # a list, not a name: said, not a crash
    path.write_text(path.read_text().replace('["star-line"]', '"starprnt"'))
    assert read_box_file(path).command_set == "starprnt"
    path.write_text(path.read_text().replace('command_set = "starprnt"\n', ""))
    assert read_box_file(path).command_set == "escpos"


def test_the_agent_takes_the_command_set_over_its_profiles(tmp_path: Path) -> None:
    box = tmp_path / "box.toml"
    base = (
        '[box]\ndevice_id = "d1"\nstore_id = "s1"\ntill_id = "t1"\n'
        '[links]\npos = "loop://"\nprinter = "loop://"\n[qr]\nenabled = false\n'
    )
    box.write_text(base + '[printer]\nprofile = "generic-80mm"\ncommand_set = "star-line"\n')
    printer = load_config(box).printer
    assert printer.command_set == "star-line" and printer.command_language == "star"
    box.write_text(base + '[printer]\nprofile = "generic-80mm"\ncommand_set = "zpl"\n')
    with pytest.raises(ConfigError, match=r"printer.command_set: .*command_set must be one of"):
        load_config(box)
