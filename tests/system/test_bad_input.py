"""Every `tillbox` and `tillbox-cloud` command answers bad input with one line naming what is wrong and
exit code 2: files that are not UTF-8, TOML nested deeper than any reader, values of the wrong type,
URLs that do not parse, outputs that cannot be written, a key that starts with '-'. No traceback, and
nothing changed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cloud_api.cli import main as cloud
from edge.cli import main as box
from tests.box_config import write_box_toml
from tests.helpers import corpus

DEEP = "a = " + "[" * 5000 + "]" * 5000 + "\n"  # well-formed, deeper than tomllib's recursion


def run(main: Callable[[list[str]], int], argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The command's exit code must be 2 and its complaint one line; returns that line."""
    capsys.readouterr()
    try:
        code = main(argv)
    except SystemExit as e:  # argparse's own refusals
        code = e.code  # type: ignore[assignment]
    err = capsys.readouterr().err
    assert code == 2, (argv, code, err)
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines and "Traceback" not in err, (argv, err)
    if not lines[0].startswith("usage:"):
        assert len(lines) == 1 or all(line.startswith(lines[0].split(":")[0]) for line in lines), err
    return lines[-1]


def box_config(tmp_path: Path, replace: dict[str, str] | None = None, extra: str = "") -> Path:
    path = write_box_toml(tmp_path, extra=extra)
    text = path.read_text()
    for old, new in (replace or {}).items():
        assert old in text
        text = text.replace(old, new)
    path.write_text(text)
    return path


BOX_CONFIGS: dict[str, tuple[dict[str, str], str, str]] = {
    # name: (replacements in box.toml, extra TOML, what the line must name)
    "printer profile a list": ({}, '[printer]\nprofile = ["x"]\n', "printer.profile"),
    "printer profile a table": ({}, "[printer]\nprofile = {a = 1}\n", "printer.profile"),
    "parser profile a number": ({}, "[parser]\nprofile = 5\n", "parser.profile"),
    "skip kinds nested": (
        {"enabled = false": 'enabled = false\nskip_kinds = [["sale"]]'},
        "",
        "qr.skip_kinds",
    ),
    "bad IPv6 in the POS link": (
        {"tcp-listen://127.0.0.1:9101": "tcp-listen://[::1:9101"},
        "",
        "links.pos",
    ),
    "IPv6 that is not one": ({"tcp://127.0.0.1:9100": "tcp://[zz::1]:9100"}, "", "links.printer"),
    "port out of range": ({"tcp://127.0.0.1:9100": "tcp://127.0.0.1:99999"}, "", "links.printer"),
    "loop with an unknown option": ({"tcp://127.0.0.1:9100": "loop://?frobnicate=1"}, "", "links.printer"),
    "bad IPv6 in the broker": ({}, '[cloud]\nbroker = "mqtt://[::1"\nretailer = "acme"\n', "cloud.broker"),
    "broker port not a number": ({}, '[cloud]\nbroker = "mqtt://h:x"\nretailer = "acme"\n', "cloud.broker"),
    "api bad IPv6": ({}, '[cloud]\napi = "https://[::1/x"\n', "cloud.api"),
    "min_free_mb a string": ({}, '[retention]\nmin_free_mb = "lots"\n', "retention.min_free_mb"),
}


COMMANDS = {  # each command that reads box.toml, as it is run
    "check-config": ["check-config"],
    "agent": ["agent"],
    "status": ["status"],
    "reparse": ["reparse", "--since", "2026-01-01"],
    "bridge": ["bridge"],  # reads only [links] and [paths]: the link cases
}


# The bridge reads only the links and paths of box.toml: it is asked about those.
CASES = [
    (command, case)
    for command in sorted(COMMANDS)
    for case in sorted(BOX_CONFIGS)
    if command != "bridge" or BOX_CONFIGS[case][2].startswith("links.")
]


@pytest.mark.parametrize(("command", "case"), CASES)
def test_box_commands_refuse_a_bad_box_toml_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, command: str
) -> None:
    replace, extra, key = BOX_CONFIGS[case]
    cfg = box_config(tmp_path, replace, extra)
    line = run(box, [*COMMANDS[command], "--config", str(cfg)], capsys)
    assert key in line, line


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_box_commands_refuse_a_box_toml_they_cannot_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    for name, body in {
        "latin1.toml": "[box]\ndevice_id = 'caf\xe9'\n".encode("latin-1"),
        "deep.toml": DEEP.encode(),
    }.items():
        path = tmp_path / name
        path.write_bytes(body)
        line = run(box, [*COMMANDS[command], "--config", str(path)], capsys)
        assert str(path) in line, line
    line = run(box, [*COMMANDS[command], "--config", str(tmp_path)], capsys)  # a directory
    assert str(tmp_path) in line


def test_receipt_commands_refuse_bad_profiles_and_unwritable_outputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capture = tmp_path / "r.bin"
    capture.write_bytes(corpus("en-grocery-00"))
    for name, body in {
        "latin1.toml": "name = 'caf\xe9'\n".encode("latin-1"),
        "deep.toml": DEEP.encode(),
    }.items():
        (tmp_path / name).write_bytes(body)
        assert name in run(box, ["parse", "--profile", str(tmp_path / name), str(capture)], capsys)
    assert "missing" in run(
        box, ["render", str(capture), "--png", str(tmp_path / "missing" / "r.png")], capsys
    )
    assert "missing" in run(
        box, ["render", str(capture), "--html", str(tmp_path / "missing" / "r.html")], capsys
    )
    (tmp_path / "a-file").write_text("x")
    assert "a-file" in run(box, ["split", str(capture), "--out", str(tmp_path / "a-file")], capsys)
    assert (tmp_path / "a-file").read_text() == "x"
    assert "nope.bin" in run(box, ["parse", str(tmp_path / "nope.bin")], capsys)
    assert str(tmp_path) in run(box, ["render", str(tmp_path), "--text"], capsys)  # a directory


def test_simulators_and_the_bridge_refuse_bad_link_urls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capture = tmp_path / "r.bin"
    capture.write_bytes(corpus("en-grocery-00"))
    for url in ("tcp://[::1:9100", "loop://?frobnicate=1", "tcp://h:99999", "serial://", "socket://"):
        assert url in run(box, ["bridge", "--pos", url, "--printer", "loop://"], capsys)
        assert url in run(box, ["printer-sim", "--listen", url, "--out", str(tmp_path / "jobs")], capsys)
        assert url in run(box, ["pos-sim", "--to", url, str(capture)], capsys)


CLOUD_CONFIGS = {
    "latin1": "retailer = 'caf\xe9'\n".encode("latin-1"),
    "deep": DEEP.encode(),
    "database url a number": b"[database]\nurl = 5\n",
    "region a list": b"[shoppers]\nregion = ['CN']\n",
    "mail port a string": b"[mail]\nport = 'x'\n",
    "alerts minutes a table": b"[alerts]\noffline_minutes = {a = 1}\n",
    "broker bad IPv6": b"[broker]\nurl = 'mqtt://[::1'\n",
    "broker port": b"[broker]\nurl = 'mqtt://h:99999'\n",
    "broker client_id a number": b"[broker]\nclient_id = 5\n",
    "broker group with a wildcard": b"[broker]\ngroup = 'a/#'\n",
    "retailer a number": b"retailer = 5\n",
    "sms a string": b"sms = 'x'\n",
}


@pytest.mark.parametrize("case", sorted(CLOUD_CONFIGS))
def test_cloud_commands_refuse_a_bad_cloud_toml_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    path = tmp_path / "cloud.toml"
    path.write_bytes(CLOUD_CONFIGS[case])
    for command in (["stores", "list"], ["ingest"], ["migrate"]):
        run(cloud, ["--config", str(path), *command], capsys)


def test_a_public_key_that_starts_with_a_dash_is_taken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cloud.db"
    (tmp_path / "cloud.toml").write_text(f'retailer = "acme"\n[database]\nurl = "sqlite:///{db}"\n')
    cfg = ["--config", str(tmp_path / "cloud.toml")]
    assert cloud([*cfg, "migrate"]) == 0
    key = "-" + "A" * 42  # base64url: a key may well begin with '-'
    argv = [*cfg, "devices", "enroll", "--store", "s1", "--device", "s1-t1", "--public-key", key]
    capsys.readouterr()
    assert cloud(argv) == 0, capsys.readouterr().err
    assert "enrolled s1-t1" in capsys.readouterr().out
    # A key that is not one is still one line.
    line = run(
        cloud, [*cfg, "devices", "enroll", "--store", "s1", "--device", "s1-t2", "--public-key", "-x"], capsys
    )
    assert "key" in line
