"""Star printers on the line: the real bridge (its own process) between a simulated Star till and a
simulated Star printer, over pseudo-terminal pairs and TCP, the real agent answering at each cut with its
Star printer profile. Every byte the till sent reaches the printer as sent; the only bytes added are the
agent's Star QR blocks, each directly before one of Star's cuts (ESC d n) and nowhere else; the spool
holds one job per receipt; Star's status replies (ESC ACK SOH, automatic status back) reach the till
unchanged; the QR on the paper scans to the URL whose token the store keeps with that receipt."""

from __future__ import annotations

import re

import zxingcpp
from PIL import Image
from sqlalchemy import select

from edge.escpos.printer_profile import STAR_80MM
from edge.store.database import open_store
from edge.store.models import Capture, TransactionRow
from hardware_tests.conftest import Line, start_agent
from hardware_tests.simulators.pos import STAR_STATUS_REQUEST
from hardware_tests.simulators.printer import PaperState, star_asb
from tests.helpers import wait_for
from tests.star_corpus import encoder_star_receipts, star_sale

TEMPLATE = "https://r.example.com/r/{token}"
STAR_D_CUT = re.compile(rb"\x1bd[\x00-\x03\x30-\x33]")


def added_blocks(sent: bytes, printed: bytes) -> list[tuple[int, bytes]]:
    """Where the printer's bytes part from the till's: (offset in the till's stream, the bytes added).
    Fails unless every difference is an addition directly before a Star cut the till sent."""
    blocks: list[tuple[int, bytes]] = []
    i = j = 0
    while i < len(sent):
        if j < len(printed) and printed[j] == sent[i]:
            i, j = i + 1, j + 1
            continue
        cut = STAR_D_CUT.match(sent, i)
        assert cut is not None, f"the print differs from the till's bytes at {i}, which is not a cut"
        k = printed.find(cut.group(), j)
        assert k > j, f"nothing added before the cut at {i}, yet the bytes differ"
        blocks.append((i, printed[j:k]))
        j = k
    assert j == len(printed), f"{len(printed) - j} bytes printed after the till's last byte"
    return blocks


def test_star_receipts_on_the_line_with_qr_before_each_cut(line: Line) -> None:
    agent = start_agent(line.tmp, STAR_80MM, TEMPLATE)
    assert agent.sock.exists(), "the agent's inject socket"
    printer = line.printer(paper=STAR_80MM)
    # A generous deadline: a loaded CI machine must not turn this into a test of fail-open.
    bridge = line.bridge("--inject", str(agent.sock), "--inject-deadline-ms", "2000")
    encoded = encoder_star_receipts()
    with_d_cut = [r for r in encoded.values() if STAR_D_CUT.search(r[-3:])]
    receipts = [star_sale(n) for n in range(12)] + with_d_cut
    try:
        pos = line.pos(baud=0, poll=True, poll_timeout_s=5.0, language="star")
        report = pos.run(receipts)
        assert report.receipts == len(receipts)
        assert report.resent_receipts == 0
        sent = bytes(pos.sent)
        wait_for(
            lambda: len(added_blocks_or_none(sent, bytes(printer.received)) or []) == len(receipts),
            30,
            "the printer to get every byte and a QR block before each cut",
        )
        blocks = added_blocks(sent, bytes(printer.received))
        # One block before each receipt's cut, in Star's own language: the native QR (ESC GS y), nothing
        # of ESC/POS (GS ( k, GS V).
        assert [at for at, _ in blocks] == receipt_cuts(receipts, len(STAR_STATUS_REQUEST))
        assert all(b"\x1b\x1dyP" in b and b"\x1d(k" not in b and b"\x1dV" not in b for _, b in blocks)
        # Star's status came back to the till unchanged, before and after every receipt.
        asb = star_asb(PaperState()).hex()
        assert report.replies == [asb] * (2 * len(receipts)), report.replies[:4]
        wait_for(lambda: len(printer.jobs) >= len(receipts), 20, "the printer's jobs")
        assert len(printer.jobs) == len(receipts)
        png = Image.open(line.tmp / "printed" / "job-00001.png")
        urls = [r.text for r in zxingcpp.read_barcodes(png.convert("L"))]
    finally:
        bridge.stop()
        printer.stop()
    assert len(urls) == 1 and urls[0].startswith("https://r.example.com/r/")
    # The spool gave the agent one job per receipt, each ended by its cut and labelled with its token.
    sessions = open_store(agent.db)
    try:
        wait_for(lambda: _stored(sessions) >= len(receipts), 30, "the agent to store every receipt")
        with sessions() as s:
            rows = s.execute(
                select(Capture.boundary, Capture.qr_token, TransactionRow.status)
                .join(TransactionRow, TransactionRow.capture_id == Capture.id)
                .where(Capture.has_content)
                .order_by(Capture.id)
            ).all()
        assert len(rows) == len(receipts)
        assert all(boundary == "cut" and token for boundary, token, _ in rows), rows
        assert [status for _, _, status in rows] == ["ok"] * len(receipts)
        assert urls[0].rsplit("/", 1)[1] == rows[0][1]
    finally:
        agent.close()
    assert "Traceback" not in bridge.output()


def receipt_cuts(receipts: list[bytes], poll: int) -> list[int]:
    """Where each receipt's cut starts in the till's stream: a status poll before and after each."""
    at, cuts = 0, []
    for r in receipts:
        cuts.append(at + poll + len(r) - 3)
        at += poll + len(r) + poll
    return cuts


def added_blocks_or_none(sent: bytes, printed: bytes) -> list[tuple[int, bytes]] | None:
    try:
        return added_blocks(sent, printed)
    except AssertionError:
        return None


def _stored(sessions: object) -> int:
    with sessions() as s:  # type: ignore[operator]
        return len(s.scalars(select(Capture.id).where(Capture.has_content)).all())
