"""Arbitrary bytes into the decoder and the parser: no exception escapes, the result always fits the
transaction schema, and the work stays linear in the input."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edge.escpos.decoder import decode
from edge.escpos.printer_profile import CHINESE_80MM, JAPANESE_80MM, KOREAN_80MM
from edge.parsing.pipeline import parse_bytes
from edge.render.text import render_text
from sync.wire.model import from_wire, to_wire
from sync.wire.transaction import Transaction

SCHEMA = json.loads((Path(__file__).parents[3] / "docs" / "schemas" / "transaction.schema.json").read_text())
CORPUS = sorted((Path(__file__).parents[2] / "corpus" / "generated").glob("*.bin"))


def check_published(tx: dict[str, Any]) -> None:
    """The parse is the published document: valid by its schema, and read back by the wire's model to the
    same JSON (no field missing, added or of another shape)."""
    jsonschema.validate(tx, SCHEMA)
    assert to_wire(from_wire(Transaction, tx)) == tx


receipt_like = st.lists(
    st.one_of(
        st.binary(max_size=30),
        st.sampled_from(
            [
                b"\x1b@",
                b"\x1c&",
                b"\x1c.",
                b"\x1dV\x00",
                b"\x1dv0\x00",
                b"\x1d(k",
                b"\x1d(L",
                b"\n",
                b"TOTAL ",
                b"12.50",
                b"-3,20",
                "合计".encode("gb18030"),
                b" x ",
                b"\x1bt\x13",
                b"\x1bR\x08",
                b"CASH 20.00\n",
                b"CHANGE",
                b"\x1dk\x04",
                b"\x1b*\x21\xff\x00",
            ]
        ),
    ),
    max_size=80,
).map(b"".join)


@given(receipt_like)
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_decoder_and_parser_never_raise_and_fit_the_schema(data: bytes) -> None:
    for profile in (None, CHINESE_80MM, JAPANESE_80MM, KOREAN_80MM):
        doc = decode(data, profile) if profile else decode(data)
        render_text(doc)
    tx = parse_bytes(data).to_json()
    check_published(tx)


@given(st.sampled_from(CORPUS), st.integers(min_value=0, max_value=10_000), st.binary(min_size=1, max_size=8))
@settings(max_examples=300, deadline=None)
def test_mutated_real_receipts(path: Path, at: int, junk: bytes) -> None:
    data = path.read_bytes()
    at %= len(data)
    mutated = data[:at] + junk + data[at + len(junk) :]
    tx = parse_bytes(mutated).to_json()
    check_published(tx)


def test_parser_time_is_linear() -> None:
    body = b"ITEM NAME  2 x 1.50  3.00\n" * 20

    def cost(n: int) -> float:
        data = b"SHOP\n" + body * n + b"TOTAL  %d.00\n" % (60 * n)
        t0 = time.perf_counter()
        parse_bytes(data)
        return time.perf_counter() - t0

    small, large = min(cost(5) for _ in range(3)), min(cost(50) for _ in range(3))
    assert large < small * 30  # 10x the input; quadratic would be 100x


@pytest.mark.parametrize(
    "line",
    [
        "Tea                         2             5555555555555555555555555555555555555555504.00",
        "Tea   99999999999999 x 99999999999999.99   1.00",
        "米饭 1234567890123份 9.00",
    ],
)
def test_numbers_longer_than_any_amount_are_not_money(line: str) -> None:
    """Found by atheris (bench/fuzz_atheris.py): a 45-digit "amount" made Decimal's quantize raise."""
    tx = parse_bytes(f"SHOP\n{line}\nTOTAL 9.00\n".encode() + b"\x1dV\x00")
    check_published(tx.to_json())
    assert tx.status == "needs_review"
