"""What the agent answers when the bridge says a cut is coming: a QR block for a sale, nothing for a
receipt with no sale on it (a kitchen ticket, a coupon slip), in the receipt's own language."""

from __future__ import annotations

from pathlib import Path

from edge.escpos.printer_profile import CHINESE_80MM, GENERIC
from edge.qr.injector import QrInjector
from firmware_bridge.injection import NOTHING, Injection
from firmware_bridge.spool import PART_SUFFIX

SALE = "好又多超市\n可口可乐  2 x 3.50  7.00\n合计  7.00\n".encode("gb18030")
KITCHEN = "厨房单\n桌号 12\n宫保鸡丁 x2\n".encode("gb18030")


def answer_for(tmp_path: Path, job: bytes, injector: QrInjector) -> Injection:
    (tmp_path / f"0001{PART_SUFFIX}").write_bytes(job)
    try:
        return injector.answer({"head_len": 0})
    finally:
        (tmp_path / f"0001{PART_SUFFIX}").unlink()


def test_a_sale_gets_a_block_and_what_sells_nothing_gets_none(
    tmp_path: Path, captures: dict[str, bytes]
) -> None:
    chinese = QrInjector(tmp_path, CHINESE_80MM, "https://r.example.com/r/{token}")
    generic = QrInjector(tmp_path, GENERIC, "https://r.example.com/r/{token}")
    try:
        sale = answer_for(tmp_path, b"\x1b@" + SALE, chinese)
        assert sale != NOTHING and "扫码获取电子小票".encode("gb18030") in sale.block
        assert answer_for(tmp_path, b"\x1b@" + KITCHEN, chinese) == NOTHING
        # The coupon slip ("$5 OFF ... purchase over $50.00"): money on it, no items, no total.
        coupon = captures["real/thermal__discount.bin"]
        assert answer_for(tmp_path, coupon[: coupon.rfind(b"\x1dV")], generic) == NOTHING
        english = answer_for(tmp_path, b"\x1b@CORNER GROCER\nMilk 1L  1 x 2.50  2.50\nTOTAL  2.50\n", generic)
        assert b"Scan for your e-receipt" in english.block
    finally:
        chinese.close()
        generic.close()
