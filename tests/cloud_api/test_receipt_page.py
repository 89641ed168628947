"""GET /r/{token}: the shopper's page, from a receipt the cloud stored; box text is escaped; an unknown
token is a 404 that tells the shopper the receipt is on its way and reloads; misses are limited per
client so tokens cannot be enumerated. On SQLite and PostgreSQL.

Invariant 5's proof from here is in tests/invariants/test_5_parser_knows_when_wrong.py:
`test_a_receipt_that_does_not_add_up_says_so`. Invariant 6's proof from here is in
tests/invariants/test_6_nobody_gets_in.py: `test_unknown_tokens_are_404_on_its_way_and_misses_are_limited`."""

from __future__ import annotations

import base64
import html
import io
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import select

from cloud_api.core.db import make_engine, make_sessions
from cloud_api.crud.devices import enroll
from cloud_api.crud.ingest import store_envelope
from cloud_api.migrate import upgrade
from cloud_api.models import Transaction
from edge.escpos.printer_profile import CHINESE_80MM
from edge.parsing.pipeline import parse_bytes
from edge.store.database import open_store
from edge.store.ingest import ingest_spool
from edge.store.models import OutboxEntry
from edge.store.outbox_port import StoreOutbox
from edge.store.records import ParseSettings
from edge.store.sealing import load_or_create_key
from sync.envelope import Envelope
from tests.cloud_app import app_for
from tests.helpers import corpus, spool_jobs

TOKEN = "AbCdEfGh12345678"
KEY = "A" * 43  # any 32-byte key: these tests never verify signatures


def stored_record(url: str, record: dict[str, Any]) -> None:
    upgrade(url)
    sessions = make_sessions(make_engine(url))
    with sessions.begin() as s:
        enroll(s, "acme", "s12", "s12-t1", KEY)
        store_envelope(s, Envelope("s12-t1", 1, "transaction", datetime.now(UTC), record))


def stored_receipt(url: str, tx: dict[str, Any], token: str = TOKEN, language: str | None = None) -> None:
    record = {
        "job_id": "j1",
        "revision": 1,
        "qr_token": token,
        "transaction": tx,
        "started_at": datetime.now(UTC).isoformat(),
        "tags": {},
        **({"language": language} if language else {}),
    }
    stored_record(url, record)


def test_the_paper_as_the_box_printed_it_is_on_the_page_escaped(tmp_path: Path, cloud_db: str) -> None:
    """Through the box's own store: the record it sends carries the paper (sealed on the box, opened for
    the TLS link), and the page shows it line for line, as text — a till that prints markup prints text."""
    job = b"\x1b@<img src=x onerror=alert(1)>\n" + corpus("en-grocery-00")
    spool_jobs(tmp_path / "spool", [job], qr_tokens=[TOKEN])
    box = open_store(tmp_path / "box.db")
    key = load_or_create_key(tmp_path / "box.key")
    assert ingest_spool(tmp_path / "spool", box, ParseSettings(key=key)).stored == 1
    with box() as s:
        kept = json.loads(s.scalars(select(OutboxEntry.body)).one())
    assert kept["record_version"] == 4  # not in clear on the box, the text, the picture nor the bytes:
    assert kept["paper"].startswith("sealed:v1:") and kept["paper_png"].startswith("sealed:v1:")
    assert kept["job_bytes"].startswith("sealed:v1:") and kept["printer"] == "generic-80mm"
    [sent] = StoreOutbox(box, key).pending(0, 10)
    assert base64.b64decode(sent.body["job_bytes"]) == job  # opened for the link: the cloud reads it again
    paper = sent.body["paper"]
    assert "FRESH MART #12" in paper and "<img src=x" in paper and sent.body["language"] == "en"
    assert sent.body["qr_token"] == TOKEN
    stored_record(cloud_db, sent.body)
    with TestClient(app_for(cloud_db)) as client:
        page = client.get(f"/r/{TOKEN}").text
        picture = client.get(f"/r/{TOKEN}/paper.png")
        assert client.get("/r/ZZZZZZZZZZZZZZZZ/paper.png").status_code == 404
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    printed = [line for line in paper.splitlines() if line.strip()]
    assert len(printed) > 10 and all(html.escape(line, quote=False) in page for line in printed)
    # The paper as a picture: the box's drawing, served beside the page, not inside the stored record.
    assert f'src="/r/{TOKEN}/paper.png"' in page
    assert picture.status_code == 200 and picture.headers["content-type"] == "image/png"
    img = Image.open(io.BytesIO(picture.content))
    assert img.width == 576 and img.height > 300
    sessions = make_sessions(make_engine(cloud_db))
    with sessions() as s:
        assert "paper_png" not in s.scalars(select(Transaction.record)).one()


def test_the_page_shows_the_receipt_the_box_sent(tmp_path: Path, cloud_db: str) -> None:
    tx = parse_bytes(corpus("en-grocery-00")).to_json()
    tx["items"][0]["name"] = "<script>alert(1)</script>MILK"  # a box's text is never HTML
    stored_receipt(cloud_db, json.loads(json.dumps(tx)))
    with TestClient(app_for(cloud_db)) as client:
        r = client.get(f"/r/{TOKEN}")
    assert r.status_code == 200 and r.headers["cache-control"] == "no-store"
    page = r.text
    assert "FRESH MART #12" in page and f"${tx['total']}" in page  # its currency by its sign
    assert all(item["amount"] in page for item in tx["items"])
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;MILK" in page
    assert 'name="viewport"' in page and "checking the numbers" not in page


def test_the_page_names_each_discount_as_the_receipt_printed_it(tmp_path: Path) -> None:
    # The parser names a discount `label`; the page read `name` once, and every coupon showed as
    # "Discount". (Issue 16 lists it among the seams' silent bugs; the page was mended in 81eda1e.)
    url = f"sqlite:///{tmp_path / 'cloud.db'}"
    tx = parse_bytes(corpus("en-grocery-00")).to_json()
    tx["discounts"] = [{"label": "MEMBER COUPON 10%", "amount": "-4.50"}, {"label": "", "amount": "-1.00"}]
    stored_receipt(url, tx)
    with TestClient(app_for(url)) as client:
        page = client.get(f"/r/{TOKEN}").text
    assert "MEMBER COUPON 10%" in page and "-4.50" in page
    assert "Discount" in page  # the one printed without a label: named by the page's word


def test_the_page_speaks_the_receipts_language_when_the_browser_does(tmp_path: Path) -> None:
    """A Chinese receipt: Chinese in a zh-CN browser, English in an en-US one (with a switch to Chinese),
    and the switch is kept for the shopper's next pages."""
    url = f"sqlite:///{tmp_path / 'cloud.db'}"
    tx = parse_bytes(corpus("zh-supermarket-00"), CHINESE_80MM).to_json()
    stored_receipt(url, tx, language="zh-Hans")
    with TestClient(app_for(url)) as client:
        zh = client.get(f"/r/{TOKEN}", headers={"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"}).text
        en = client.get(f"/r/{TOKEN}", headers={"Accept-Language": "en-US,en;q=0.9"}).text
        assert '<html lang="zh-Hans">' in zh and "合计" in zh and "保存" in zh
        assert '<html lang="en">' in en and ">Total<" in en and 'href="?lang=zh-Hans"' in en
        switched = client.get(f"/r/{TOKEN}?lang=zh-Hans", headers={"Accept-Language": "en-US"})
        assert '<html lang="zh-Hans">' in switched.text
        assert client.cookies.get("tillbox_lang") == "zh-Hans"
        again = client.get(f"/r/{TOKEN}", headers={"Accept-Language": "en-US"}).text
        assert '<html lang="zh-Hans">' in again  # the shopper's own choice stands
    words = {"wechat": "微信支付", "alipay": "支付宝", "cash": "现金", "unionpay": "银联", "card": "银行卡"}
    for payment in tx["payments"]:
        assert words[payment["method"]] in zh
    if tx["receipt_no"]:
        assert tx["receipt_no"] in zh and "单号" in zh


def test_only_a_receipt_with_an_e_receipt_carries_a_picture_of_its_paper(tmp_path: Path) -> None:
    """The picture is drawn for the shopper's page: a receipt without a QR (a kitchen ticket) gets none,
    and is sent with its text paper only."""
    spool_jobs(tmp_path / "spool", [corpus("en-grocery-00"), corpus("zh-kitchen-00")], qr_tokens=[TOKEN])
    box = open_store(tmp_path / "box.db")
    assert ingest_spool(tmp_path / "spool", box, ParseSettings()).stored == 2
    first, second = StoreOutbox(box, None).pending(0, 10)
    assert first.body["paper_png"] and second.body["paper_png"] is None and second.body["paper"]


def test_the_page_shows_amounts_as_printed_zero_and_weighed_ones_too(tmp_path: Path) -> None:
    # The page reads decimals now (the wire's model), not strings: a zero is falsy and str() of a decimal
    # can print an exponent. A free sale still shows its 0.00, a 1 kg weighed item its price per kg.
    url = f"sqlite:///{tmp_path / 'cloud.db'}"
    tx = parse_bytes(corpus("en-grocery-00")).to_json()
    tx["items"] = [
        {"name": "Apples", "quantity": "1.000", "unit": "kg", "unit_price": "2.99", "amount": "2.99"},
        {"name": "Sample", "quantity": "1", "amount": "0.00000000"},
    ]
    tx["subtotal"], tx["total"], tx["discounts"], tx["taxes"] = "0.00", "0.00", [], []
    stored_receipt(url, tx)
    with TestClient(app_for(url)) as client:
        page = client.get(f"/r/{TOKEN}").text
    assert "1.000 kg" in page and "2.99" in page  # the weighed item's detail line
    assert "0.00000000" in page and "0E-8" not in page
    total = page[page.index('class="total"') :]
    assert "0.00" in total[: total.index("</tr>")] and "—" not in total[: total.index("</tr>")]
