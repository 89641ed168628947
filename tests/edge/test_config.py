from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from edge.config import ConfigError, load_config

REPO = Path(__file__).resolve().parents[2]
GOOD = """
[box]
device_id = "store12-till1"
store_id = "store12"
till_id = "till1"
[links]
pos = "serial:///dev/ttyUSB0?baud=19200&rtscts=1"
printer = "tcp://192.0.2.10:9100"
[printer]
profile = "chinese-58mm"
native_qr = false
[parser]
profile = "huaxin-pos"
[qr]
url_template = "https://r.example.com/r/{token}"
[paths]
spool = "SPOOL"
db = "DB"
[cloud]
broker = "mqtt://127.0.0.1:1883"
retailer = "acme"
[retention]
days = 45
"""


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "box.toml"
    p.write_text(text.replace("SPOOL", str(tmp_path / "spool")).replace("DB", str(tmp_path / "box.db")))
    return p


def test_a_good_file_loads(tmp_path: Path) -> None:
    cfg = load_config(write(tmp_path, GOOD))
    assert (cfg.box.device_id, cfg.printer.dots, cfg.printer.native_qr, cfg.retention.days) == (
        "store12-till1",
        384,
        False,
        45,
    )
    assert cfg.qr.url == "https://r.example.com/r/{token}" and cfg.parser.profile == "huaxin-pos"


def test_every_problem_is_one_line_naming_its_key(tmp_path: Path) -> None:
    bad = (
        GOOD.replace('"store12-till1"', '"store 12"')
        .replace("tcp://192.0.2.10:9100", "lpt1")
        .replace("/r/{token}", "/r/")
        .replace('"huaxin-pos"', '"nope"\ndate_order = "day first"')
        .replace("[qr]\n", '[qr]\nskip_kinds = ["kitchen"]\n')
        .replace("days = 45", "days = 0\nmin_free_mb = -1")
        .replace('db = "DB"', 'db = "DB"\nkey = "relative.key"')
        .replace('broker = "mqtt://127.0.0.1:1883"\nretailer = "acme"', 'broker = "mqtts://mqtt.example.com"')
        + '[colour]\nx = 1\n[metrics]\nport = 70000\n[tags]\nrules = "/nonexistent/tags.toml"\n'
    )
    with pytest.raises(ConfigError) as e:
        load_config(write(tmp_path, bad))
    keys = [p.split(": ")[1] for p in e.value.problems]
    assert keys == [
        "colour",
        "box.device_id",
        "links.printer",
        "parser.profile",
        "parser.date_order",
        "qr.url_template",
        "qr.skip_kinds",
        "cloud.retailer",
        "cloud.ca",
        "cloud.cert",
        "cloud.tls_key",
        "retention.days",
        "retention.min_free_mb",
        "metrics.port",
        "tags.rules",
        "paths.key",
    ]
    assert all("\n" not in p for p in e.value.problems)


def test_check_config_command(tmp_path: Path) -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "edge", "check-config", "--config", str(write(tmp_path, GOOD))],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ok.returncode == 0 and "ok (device store12-till1" in ok.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "edge", "check-config", "--config", str(tmp_path / "none.toml")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2 and "cannot read" in bad.stderr and "Traceback" not in bad.stderr


def test_the_agent_takes_its_settings_from_the_file(tmp_path: Path) -> None:
    from edge.agent import settings_from_config

    text = GOOD.replace("[qr]\n", '[qr]\nskip_kinds = ["non_sale", "void"]\n') + "[retention.extra]\n"
    with pytest.raises(ConfigError):  # an unknown key inside a known section is a problem too
        load_config(write(tmp_path, text))
    s = settings_from_config(load_config(write(tmp_path, text.replace("[retention.extra]\n", ""))))
    assert s.qr_skip_kinds == frozenset({"non_sale", "void"})
    assert (
        s.retention_days == 45
        and s.parse.pos_profile is not None
        and s.parse.pos_profile.name == "huaxin-pos"
    )
    assert s.parse.box.device_id == "store12-till1" and s.metrics_port == 9464


REQUIRED_ONLY = """
[box]
device_id = "d1"
store_id = "s1"
till_id = "t1"
[links]
pos = "loop://"
printer = "loop://"
[qr]
url_template = "https://r.example.com/r/{token}"
"""


def test_what_the_file_leaves_out_is_each_sections_default(tmp_path: Path) -> None:
    from edge.config import SECTIONS, BoxSection, LinksSection, PrinterSection, QrSection
    from edge.escpos.printer_profile import PROFILES
    from firmware_bridge.boxfile import read_box_file

    cfg = load_config(write(tmp_path, REQUIRED_ONLY))
    assert cfg.box == BoxSection("d1", "s1", "t1") and cfg.links == LinksSection("loop://", "loop://")
    assert cfg.qr == QrSection(url_template="https://r.example.com/r/{token}")
    assert cfg.printer == PROFILES[PrinterSection().profile]
    for name in sorted(SECTIONS.keys() - {"box", "links", "qr", "printer"}):
        assert getattr(cfg, name) == SECTIONS[name](), name
    bridge = read_box_file(write(tmp_path, REQUIRED_ONLY))  # the other process meets it there
    assert (bridge.spool, bridge.inject) == (cfg.paths.spool, str(cfg.paths.inject_socket))


def documented(text: str) -> dict[str, set[str]]:
    """The sections of a box.toml sample and the keys it shows, commented out or not."""
    shown: dict[str, set[str]] = {}
    section = ""
    for line in text.splitlines():
        if header := re.fullmatch(r"\s*\[(\w+)\].*", line):
            section = header[1]
            shown[section] = set()
        elif key := re.match(r"\s*#?\s*(\w+) = ", line):
            shown[section].add(key[1])
    return shown


def test_every_key_is_documented_with_its_default(tmp_path: Path) -> None:
    import dataclasses
    import textwrap
    import tomllib

    import edge.config
    from edge.config import SECTIONS, PrinterSection, keys

    doc = edge.config.__doc__ or ""
    sample = textwrap.dedent(doc[doc.index("    [box]") : doc.index("\n\n", doc.index("    [metrics]"))])
    assert documented(sample) == {name: set(keys(name)) for name in SECTIONS}
    install = (REPO / "docs" / "install-box.md").read_text(encoding="utf-8")
    block = install[install.index("```toml\n[box]") :].split("```")[1]
    for name, shown in documented(block).items():
        assert shown <= set(keys(name)), (name, shown - set(keys(name)))
    # Where the sample gives a key that has a default, it shows the default (the printer profile is an
    # example: its comment names the default; the tag rules' default is none, the sample names a file).
    for name, table in tomllib.loads(sample).items():
        for f in dataclasses.fields(SECTIONS[name]):
            if f.name in table and f.default not in (None, (), dataclasses.MISSING) and name != "printer":
                value = table[f.name]
                if isinstance(f.default, Path | frozenset):
                    value = type(f.default)(value)
                assert value == f.default, (name, f.name, value)
    assert f'default "{PrinterSection().profile}"' in sample


def test_a_printer_override_is_reported_under_its_own_key(tmp_path: Path) -> None:
    printer = '[printer]\nprofile = "chinese-58mm"\nnative_qr = "yes"\ndots = "576"\ncolumns = 50\n'
    with pytest.raises(ConfigError) as e:
        load_config(write(tmp_path, REQUIRED_ONLY + printer))
    assert [p.split(": ")[1] for p in e.value.problems] == [
        "printer.native_qr",
        "printer.dots",
        "printer.columns",
    ]
    assert "unusual paper (384 dots, 50 cols)" in e.value.problems[2]
