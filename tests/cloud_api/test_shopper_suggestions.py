"""The shopper's suggestions (cloud_api/crud/suggestions.py, the ranking HQ's recommendations use): under an
e-receipt, from the receipt's own items only — its store's basket rules, else the chain's, at most three,
no box when none applies, nothing of who bought it; on /me, from the signed-in shopper's own history ("time
again" by their rhythm, "often bought with"), at most five; in shopper-safe words in English and Chinese.
SQLite and PostgreSQL."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import event, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.baskets import refresh_rules
from cloud_api.crud.claims import ClaimLimits, start_claim, verify_code
from cloud_api.crud.customer_features import refresh
from cloud_api.crud.devices import enroll
from cloud_api.crud.suggestions import rank
from cloud_api.crud.users import add_user, issue_token
from cloud_api.migrate import upgrade
from cloud_api.models import BasketRule, Product, Store
from tests.cloud_api.chain import add_sale
from tests.cloud_app import app_for

MUM, OTHER = "+8613800138001", "+8613800138002"
SUGGESTIONS = re.compile(r'<section class="paper suggestions".*?</section>', re.S)


@dataclass
class Chain:
    url: str
    sessions: sessionmaker[Session]
    secret: ServiceSecret
    mum_id: int
    cookies: dict[str, str]  # phone -> /me session cookie
    hq_token: str

    def client(self, phone: str | None = None) -> TestClient:
        c = TestClient(app_for(self.url, secret=self.secret))
        if phone is not None:
            c.cookies.set("tillbox_me", self.cookies[phone])
        return c


def suggestions(page: str) -> str:
    """The suggestions' box of a page, "" when there is none."""
    found = SUGGESTIONS.search(page)
    return found.group(0) if found else ""


def chain(url: str) -> Chain:
    """Two stores: in s1 奶粉 (milk powder) goes with 湿巾 (wipes); in s2 with 米粉 (rice cereal); 面包 and
    鸡蛋 with nothing. Mum buys 尿不湿 (nappies) every 9 days, the last 12 days ago; 奶粉 and 米粉 once
    each."""
    upgrade(url)
    sessions = make_sessions(make_engine(url))
    secret = ServiceSecret(os.urandom(32))
    now = datetime.now(UTC)
    with sessions.begin() as s:
        enroll(s, "acme", "s1", "s1-t1", "A" * 43)
        enroll(s, "acme", "s2", "s2-t1", "B" * 43)
        s1, s2 = (s.scalars(select(Store).where(Store.code == c)).one() for c in ("s1", "s2"))
        cookies, ids = {}, {}
        for phone in (MUM, OTHER):
            claim, code = start_claim(s, secret, phone, None, now, ClaimLimits())
            verified = verify_code(s, secret, claim.id, code, now, ClaimLimits())
            cookies[phone], ids[phone] = verified.session_token, verified.customer.id
        mum_id, other_id = ids[MUM], ids[OTHER]

        def sale(
            store: Store, items: list[str], days_ago: float, who: int | None = None, token: str = ""
        ) -> None:
            row = add_sale(s, store, now - timedelta(days=days_ago), [(i, "5.00") for i in items], who, now)
            row.qr_token = token or None

        for n, basket in enumerate(
            [["奶粉", "湿巾"]] * 20 + [["面包"]] * 40 + [["鸡蛋"]] * 40 + [["奶粉"]] * 10
        ):
            sale(s1, basket, 1 + n % 25)
        for n, basket in enumerate([["奶粉", "米粉"]] * 5 + [["面包"]] * 10 + [["鸡蛋"]] * 5):
            sale(s2, basket, 1 + n % 25)
        for days_ago in (30, 21, 12):
            sale(s1, ["尿不湿"], days_ago, mum_id)
        sale(s1, ["奶粉"], 40, mum_id)
        sale(s1, ["米粉"], 35, mum_id)
        sale(s1, ["面包"], 1, mum_id, token="MumsReceipt00001")
        sale(s1, ["可乐"], 2, other_id, token="OthersReceipt001")
        sale(s1, ["奶粉", "可乐"], 1, token="PairReceipt00001")
        sale(s1, ["可乐"], 1, token="Unrelated0000001")
        sale(s2, ["奶粉"], 1, token="StoreRules000001")
        sale(s2, ["湿巾"], 1, token="ChainRules000001")
        refresh(s, now)  # (HQ finds a customer by their features, which ingest keeps current)
        refresh_rules(s, "acme", now)
        owner = add_user(s, "owner@acme.test", "Owner", "owner", "acme", [], None, now)
        hq_token = issue_token(s, owner, "api", "t", now)
    return Chain(url, sessions, secret, mum_id, cookies, hq_token)


@contextmanager
def statements() -> Iterator[list[str]]:
    seen: list[str] = []

    def keep(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    event.listen(Engine, "before_cursor_execute", keep)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", keep)


def test_under_the_receipt_what_goes_with_its_own_items(cloud_db: str) -> None:
    c = chain(cloud_db)
    with c.client() as client:
        client.get("/r/Unrelated0000001")  # (the connection's own set-up queries, before counting)
        with statements() as seen:
            pair = client.get("/r/PairReceipt00001?lang=en").text
        box = suggestions(pair)
        assert "湿巾" in box and "Often bought with 奶粉" in box and "Goes well with your purchase" in box
        assert "米粉" not in box  # s2's habit, not this store's
        # The receipt read by its token; every other read is of products and rules, never of the sales
        # behind them (nor of anyone's history).
        of_sales = [q for q in seen if re.search(r"\bFROM transactions\b", q)]
        assert len(of_sales) == 1 and "qr_token" in of_sales[0]
        assert len([q for q in seen if q.lstrip().upper().startswith("SELECT")]) <= 4, seen
        zh = suggestions(client.get("/r/PairReceipt00001?lang=zh-Hans").text)
        assert "湿巾" in zh and "常与奶粉一起购买" in zh and "与您所购商品搭配" in zh
        # No rule for its items: no box at all.
        unrelated = client.get("/r/Unrelated0000001").text
        assert suggestions(unrelated) == "" and "Goes well with" not in unrelated
        # The store's own rules where it has any for the items, else the chain's.
        store = suggestions(client.get("/r/StoreRules000001").text)
        assert "米粉" in store and "湿巾" not in store
        assert "奶粉" in suggestions(client.get("/r/ChainRules000001").text)


def test_nothing_of_the_shopper_on_their_receipt(cloud_db: str) -> None:
    """Mum is due for nappies (her /me says so): her own receipt, open to anyone with its link, shows
    nothing of it — its only item, bread, goes with nothing."""
    c = chain(cloud_db)
    with c.client(MUM) as client:
        me = suggestions(client.get("/me?lang=en").text)
        assert "尿不湿" in me
        receipt = client.get("/r/MumsReceipt00001?lang=en").text
    assert "尿不湿" not in receipt and "湿巾" not in receipt and suggestions(receipt) == ""


def test_me_shows_what_is_due_and_what_goes_with_theirs_in_either_language(cloud_db: str) -> None:
    c = chain(cloud_db)
    with c.client(MUM) as client:
        en = suggestions(client.get("/me?lang=en").text)
        zh = suggestions(client.get("/me?lang=zh-Hans").text)
    items = re.findall(r'<span class="item">([^<]*)</span>', en)
    assert items == ["尿不湿", "湿巾"]
    assert not {"奶粉", "米粉", "面包"} & set(items)  # never what she has bought (米粉 goes with 奶粉)
    assert "You usually buy 尿不湿 every 9 days — time again?" in en and "Often bought with 奶粉" in en
    assert "您通常每 9 天买一次尿不湿，该再买了吗？" in zh and "常与奶粉一起购买" in zh and "为您推荐" in zh
    # Shopper-safe: nothing of other customers' shares or segments, which HQ's reasons hold.
    assert "those who buy" not in en and "%" not in en and "segment" not in en
    # The same ranking as HQ's, in other words.
    with c.client() as client:
        hq = client.get(
            f"/api/v1/customers/{c.mum_id}/recommendations", headers={"Authorization": f"Bearer {c.hq_token}"}
        ).json()
    assert isinstance(hq, list), hq
    assert [r["item"] for r in hq][: len(items)] == items
    assert hq[0]["reason"] == "bought every 9 days; 12 since the last time"


def test_nothing_to_suggest_is_no_box(cloud_db: str) -> None:
    c = chain(cloud_db)
    with c.client(OTHER) as client:
        me = client.get("/me").text
    assert "OthersReceipt001" in me and suggestions(me) == "" and "For you" not in me


def test_at_most_three_under_a_receipt_and_five_on_me(cloud_db: str) -> None:
    c = chain(cloud_db)
    now = datetime.now(UTC)
    with c.sessions.begin() as s:
        for n in range(10):  # 可乐 (cola) with ten more things, stronger the higher n
            for scope in ("s1", ""):
                s.add(
                    BasketRule(
                        retailer="acme",
                        scope=scope,
                        antecedent="可乐",
                        consequent=f"零食{n}",
                        baskets=5,
                        support=0.1,
                        confidence=0.5,
                        lift=2.0 + n,
                        refreshed_at=now,
                    )
                )
    with c.client(OTHER) as client:
        receipt = suggestions(client.get("/r/Unrelated0000001").text)
        me = suggestions(client.get("/me").text)
    assert re.findall(r'<span class="item">([^<]*)</span>', receipt) == ["零食9", "零食8", "零食7"]
    assert re.findall(r'<span class="item">([^<]*)</span>', me) == [f"零食{n}" for n in (9, 8, 7, 6, 5)]


def test_reading_only_the_strongest_rules_loses_nothing(cloud_db: str) -> None:
    """A lookup reads only as many rules as it can need for its few suggestions; the list is the first few
    of the whole ranking, whatever the items (some of them each other's rules' consequents)."""
    c = chain(cloud_db)
    with c.sessions() as s:
        for items in (["奶粉"], ["奶粉", "湿巾"], ["湿巾", "米粉"], ["奶粉", "湿巾", "米粉"], ["面包"]):
            bought: dict[str, list[datetime]] = {i: [] for i in items}
            for limit in (1, 2, 3):
                assert (
                    rank(s, "acme", bought, datetime.now(UTC), limit)
                    == rank(s, "acme", bought, datetime.now(UTC), 100)[:limit]
                )


def test_a_receipt_item_is_the_product_its_code_names(cloud_db: str) -> None:
    """The rules speak of the product master's names: a line printed "FH奶粉" with code 6901 is 飞鹤奶粉
    900g, and what goes with that shows under the receipt."""
    c = chain(cloud_db)
    now = datetime.now(UTC)
    with c.sessions.begin() as s:
        s.add(
            Product(
                retailer="acme", code="6901", name="飞鹤奶粉 900g", name_key="飞鹤奶粉 900g", updated_at=now
            )
        )
        s.add(
            BasketRule(
                retailer="acme",
                scope="",
                antecedent="飞鹤奶粉 900g",
                consequent="奶瓶<b>",  # (a name as a till printed it: text, never markup)
                baskets=5,
                support=0.1,
                confidence=0.5,
                lift=3.0,
                refreshed_at=now,
            )
        )
        store = s.scalars(select(Store).where(Store.code == "s2")).one()
        row = add_sale(s, store, now, [("FH奶粉", "99.00")], None, now)
        row.qr_token = "CodedReceipt0001"
        row.record = {
            "transaction": {"kind": "sale", "items": [{"name": "FH奶粉", "code": "6901", "amount": "99.00"}]}
        }
    with c.client() as client:
        box = suggestions(client.get("/r/CodedReceipt0001?lang=en").text)
    assert "奶瓶&lt;b&gt;" in box and "奶瓶<b>" not in box and "Often bought with 飞鹤奶粉 900g" in box
