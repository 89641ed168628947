from __future__ import annotations

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
    assert (cfg.device_id, cfg.printer.dots, cfg.printer.native_qr, cfg.retention_days) == (
        "store12-till1",
        384,
        False,
        45,
    )
    assert cfg.qr_url == "https://r.example.com/r/{token}" and cfg.pos_profile == "huaxin-pos"


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
