from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "corpus" / "generated"


def tillbox(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "edge", *args], cwd=REPO, capture_output=True, text=True, timeout=60
    )


def test_parse_one_and_many() -> None:
    one = tillbox("parse", str(CORPUS / "en-grocery-02.bin"))  # 12/19/2026: the day says the order
    assert one.returncode == 0 and json.loads(one.stdout)["status"] == "ok"
    files = sorted(str(p) for p in CORPUS.glob("de-*.bin"))[:3]
    many = tillbox("parse", "--json", *files)
    assert [json.loads(line)["currency"] for line in many.stdout.splitlines()] == ["EUR"] * 3


def test_parse_with_a_bad_profile_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "x"\n[words]\ntotl = ["X"]\n')
    r = tillbox("parse", "--profile", str(bad), str(CORPUS / "en-grocery-01.bin"))
    assert r.returncode == 2 and "words.totl is not a field" in r.stderr and "Traceback" not in r.stderr


def test_render_text_html_png(tmp_path: Path) -> None:
    src = str(CORPUS / "zh-supermarket-03.bin")
    text = tillbox("render", src, "--text", "--printer-profile", "chinese-80mm")
    assert "合计" in text.stdout
    assert tillbox("render", src, "--html", str(tmp_path / "r.html")).returncode == 0
    assert (tmp_path / "r.html").read_text().count("tb-line") > 5
    assert tillbox("render", src, "--png", str(tmp_path / "r.png")).returncode == 0
    assert (tmp_path / "r.png").read_bytes()[:4] == b"\x89PNG"


def test_split_a_stream(tmp_path: Path) -> None:
    stream = tmp_path / "day.bin"
    stream.write_bytes(b"".join(p.read_bytes() for p in sorted(CORPUS.glob("en-grocery-0*.bin"))[:4]))
    r = tillbox("split", str(stream), "--out", str(tmp_path / "jobs"))
    assert r.returncode == 0
    assert len(list((tmp_path / "jobs").glob("job-*.bin"))) == 4
