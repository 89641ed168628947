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


def test_induce_profile_then_parse_with_it(tmp_path: Path) -> None:
    from tests.edge.parsing.induce_layouts import swahili_duka, write_examples

    write_examples(tmp_path / "examples", range(3), swahili_duka)
    later = write_examples(tmp_path / "later", range(3, 6), swahili_duka)
    draft = tmp_path / "duka.toml"
    r = tillbox("induce-profile", str(tmp_path / "examples"), "--out", str(draft))
    assert r.returncode == 0, r.stderr
    assert f"{draft}: reads 3 of 3 examples money-right (the generic parser: 0 of 3)" in r.stdout
    assert "name = 'duka'" in draft.read_text()  # the name from --out
    files = [str(tmp_path / "later" / f"{n}.bin") for n in later]
    parsed = tillbox("parse", "--json", "--profile", str(draft), *files)
    truths = [json.loads((tmp_path / "later" / f"{n}.json").read_text()) for n in later]
    got = [json.loads(line) for line in parsed.stdout.splitlines()]
    assert [(g["status"], g["total"], g["receipt_no"]) for g in got] == [
        ("ok", t["total"], t["receipt_no"]) for t in truths
    ]


def test_induce_profile_says_which_file_is_wrong(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    r = tillbox("induce-profile", str(tmp_path / "empty"), "--out", str(tmp_path / "d.toml"))
    assert r.returncode == 2 and "no examples" in r.stderr and "Traceback" not in r.stderr
    lone = tmp_path / "lone"
    lone.mkdir()
    (lone / "r1.bin").write_bytes(b"\x1b@")
    r = tillbox("induce-profile", str(lone), "--out", str(tmp_path / "d.toml"))
    assert r.returncode == 2 and "r1.bin: no r1.json beside it" in r.stderr
    (lone / "r1.json").write_text(
        json.dumps({"total": "5.00", "payments": [{"method": "coins", "amount": "5"}]})
    )
    r = tillbox("induce-profile", str(lone), "--out", str(tmp_path / "d.toml"))
    assert r.returncode == 2 and "r1.json: not a transaction: r1.json.payments[0].method" in r.stderr
    assert not (tmp_path / "d.toml").exists()
