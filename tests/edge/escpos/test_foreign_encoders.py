"""Receipts made by an encoder nobody on this team wrote — receiptline (npm, pinned in tests/encoders,
installed by scripts/setup.sh) — read by the decoder and parser: every one marked ok is right (total,
items), and these, whose columns receiptline lays out with print positions rather than spaces, are read
(before the decoder followed ESC $ / ESC \\, not one of them was), in Latin, simplified and traditional
Chinese, Japanese (Shift JIS), Korean and Thai."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from edge.escpos.printer_profile import PROFILES
from edge.health import collect
from edge.parsing.pipeline import decode_bytes, parse_bytes
from edge.qr.injector import QrInjector, serve
from edge.render.text import render_text
from edge.store.database import open_store
from firmware_bridge.bridge import BridgeConfig
from firmware_bridge.cli import write_status
from firmware_bridge.injection import UnixSocketInjector
from firmware_bridge.spool import iter_jobs
from sync.wire.heartbeat import AgentFacts, Heartbeat
from tests.bridge_harness import recv_exactly, tcp_rig
from tests.foreign_encoder import encode

# (receiptline document, printer settings, printer profile, expected total, expected (name, qty, amount))
# The encoding receiptline is told is the script's: its bytes say (ESC t, FS C) or the profile does (FS &).
RECEIPTS: list[tuple[str, dict[str, object], str, str, list[tuple[str, str, str]]]] = [
    (
        "^^^FRESH MART\n\n2026-03-18 12:34\nAsparagus | 1| 1.00\nBroccoli | 2| 2.00\nCarrot | 3| 3.00\n"
        "---\n^TOTAL | ^6.00",
        {"cpl": 42, "encoding": "multilingual"},
        "generic-80mm",
        "6.00",
        [("Asparagus", "1", "1.00"), ("Broccoli", "2", "2.00"), ("Carrot", "3", "3.00")],
    ),
    (
        "^^^超市收银\n\n2026-11-26 14:03:00\n单号:873573 | 收银员:023\n苹果 | 2| 10.00\n牛奶 | 1| 5.50\n"
        "---\n^合计 | ^15.50",
        {"cpl": 42, "encoding": "gb18030"},
        "chinese-80mm",
        "15.50",
        [("苹果", "2", "10.00"), ("牛奶", "1", "5.50")],
    ),
    (
        "Coffee Corner\n26/11/2026 14:03\nOrder 1182\n-\nLatte | 2 | 7.00\nMuffin | 1 | 2.50\n"
        "Water | 3 | 3.00\n-\nTotal | 12.50\nCash | 20.00\nChange | 7.50",
        {"cpl": 32, "encoding": "multilingual"},
        "chinese-58mm",
        "12.50",
        [("Latte", "2", "7.00"), ("Muffin", "1", "2.50"), ("Water", "3", "3.00")],
    ),
    (
        "^^^コンビニ\n\n2026年11月26日 14:03\nおにぎり | 2| 300\n緑茶 | 1| 150\n---\n^合計 | ^450",
        {"cpl": 42, "encoding": "shiftjis"},
        "generic-80mm",  # FS C 1 says Shift JIS: no Japanese profile needed
        "450",
        [("おにぎり", "2", "300"), ("緑茶", "1", "150")],
    ),
    (
        "^^^마트\n\n2026-11-26 14:03:00\n사과 | 2| 3,000\n우유 | 1| 1,500\n---\n^합계 | ^4,500",
        {"cpl": 42, "encoding": "ksc5601"},
        "korean-80mm",
        "4500",
        [("사과", "2", "3000"), ("우유", "1", "1500")],
    ),
    (
        "^^^超商\n\n2026-11-26 14:03:00\n蘋果 | 2| 60\n牛奶 | 1| 45\n---\n^合計 | ^105",
        {"cpl": 42, "encoding": "big5"},
        "taiwan-80mm",
        "105",
        [("蘋果", "2", "60"), ("牛奶", "1", "45")],
    ),
]
# Thai (TIS-620 under ESC t 21): decoded, with its marks, and its names as printed (น้ำ's sara am whole).
STAR = (
    "^^^STAR SHOP\n\nTea | 2| 4.00\nCake | 1| 3.50\n---\n^TOTAL | ^7.50",
    {"cpl": 48, "encoding": "multilingual", "command": "starsbcs"},
)
THAI = (
    "^^^ร้านค้า\n\n26/11/2569 14:03\nกาแฟ | 2| 90.00\nน้ำ | 1| 15.00\n---\n^รวม | ^105.00",
    {"cpl": 42, "encoding": "tis620"},
)


@pytest.fixture(scope="module")
def made() -> list[bytes]:
    docs = [
        {"doc": doc, "printer": {"command": "escpos", **printer}}
        for doc, printer in [*((r[0], r[1]) for r in RECEIPTS), THAI, STAR]
    ]
    return encode("receiptline.js", "receiptline", docs)


@pytest.mark.parametrize("i", range(len(RECEIPTS)))
def test_receiptline_receipts_are_read_right(made: list[bytes], i: int) -> None:
    _, _, profile, total, items = RECEIPTS[i]
    tx = parse_bytes(made[i], PROFILES[profile]).to_json()
    assert tx["status"] == "ok", tx["issues"]
    assert Decimal(tx["total"]) == Decimal(total)
    assert [(it["name"], it["quantity"], it["amount"]) for it in tx["items"]] == items


def test_a_traditional_chinese_receipt_names_no_currency_it_does_not_print(made: list[bytes]) -> None:
    tx = parse_bytes(made[5], PROFILES["taiwan-80mm"]).to_json()
    assert tx["currency"] is None  # 元 there is the New Taiwan dollar: the store's setting decides


def test_a_thai_receipt_decodes_with_its_marks_and_is_read(made: list[bytes]) -> None:
    text = render_text(decode_bytes(made[-2], PROFILES["generic-80mm"]), 42)
    assert "กาแฟ" in text and "\ufffd" not in text and "─" * 10 in text
    tx = parse_bytes(made[-2], PROFILES["generic-80mm"]).to_json()
    assert tx["status"] == "ok", tx["issues"]  # รวม is the total
    assert tx["total"] == "105.00"
    assert [(i["name"], i["amount"]) for i in tx["items"]] == [("กาแฟ", "90.00"), ("น\u0e49\u0e33", "15.00")]


def test_with_a_profile_of_another_language_the_box_puts_nothing_into_a_star_stream(
    made: list[bytes], tmp_path: Path
) -> None:
    """Star Line mode takes ESC i for character expansion, where ESC/POS has a cut, and ESC d n for its
    cut. The bridge reads the stream as Star from its first Star-only command and asks the agent at Star's
    cuts; the agent, whose printer profile says ESC/POS, answers nothing (its ESC/POS block would print
    garbage on a Star printer), every byte passes as the till sent it, and the mismatch is said where
    people look: `tillbox status` and the heartbeat (HQ's device view)."""
    star = made[-1]
    spool = tmp_path / "spool"
    spool.mkdir()
    qr = QrInjector(spool, PROFILES["generic-80mm"], "https://r.example.com/r/{token}")
    server = serve(tmp_path / "inject.sock", qr)
    try:
        injector = UnixSocketInjector(str(tmp_path / "inject.sock"))
        with tcp_rig(BridgeConfig(spool_dir=spool, inject_deadline_s=2.0), injector) as rig:
            rig.pos.sendall(star * 3)
            got = recv_exactly(rig.printer, len(star) * 3)
        stats = rig.bridge.stats()  # the bridge has stopped: its framer has written every job
        write_status(spool, rig.bridge)
    finally:
        server.shutdown()
        qr.close()
    assert got == star * 3
    assert stats.printer_commands == "star" and stats.injected_blocks == 0
    assert rig.bridge.injection is not None and rig.bridge.injection.stats.asked == 3  # at Star's cuts
    # The spool holds the three receipts, each ended by Star's cut (ESC i, a cut in ESC/POS, split none).
    every = list(iter_jobs(spool))
    jobs = [j for j in every if j.meta.has_content]
    assert [j.meta.boundary for j in jobs] == ["cut"] * 3 and all(j.data.endswith(b"\x1bd3") for j in jobs)
    assert b"".join(j.data for j in sorted(every, key=lambda j: j.meta.stream_start)) == star * 3
    health = collect(open_store(tmp_path / "box.db"), spool, tmp_path, "escpos")
    assert health.printer_commands == "star" and health.foreign_printer_commands == "star"
    assert Heartbeat.of(AgentFacts(), health.readings()).foreign_printer_commands == "star"
    # With a Star profile the same stream is no mismatch.
    assert collect(open_store(tmp_path / "box.db"), spool, tmp_path, "star").foreign_printer_commands is None
