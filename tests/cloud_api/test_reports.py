"""The daily store report: its figures from known receipts in the store's own timezone, as JSON (API and
`tillbox-cloud report`), and delivered by e-mail at closing time — once — to a real SMTP server
(aiosmtpd) with the sales-by-hour chart embedded. SQLite and PostgreSQL."""

from __future__ import annotations

import email
import io
import json
import os
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from aiosmtpd.controller import Controller
from PIL import Image
from sqlalchemy import select, update

from cloud_api.cli import main as cloud
from cloud_api.core.config import MailSettings
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.customers import claim_receipt, customer_for_phone
from cloud_api.crud.devices import enroll
from cloud_api.crud.ingest import store_envelope
from cloud_api.crud.reports import daily_report
from cloud_api.crud.users import add_user
from cloud_api.migrate import upgrade
from cloud_api.models import Store, Transaction
from cloud_api.reports_mail import send_due_reports
from hardware_tests.ports import free_port
from sync.envelope import Envelope

SHANGHAI = ZoneInfo("Asia/Shanghai")
DAY = date(2026, 11, 27)


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], EmailMessage]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        msg = email.message_from_bytes(envelope.content, policy=default_policy)
        assert isinstance(msg, EmailMessage)
        self.messages.append((list(envelope.rcpt_tos), msg))
        return "250 OK"


@pytest.fixture
def smtp() -> Any:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield inbox, controller.port
    finally:
        controller.stop()


def _receipt(
    s: Any,
    seq: int,
    local: datetime,
    total: str,
    items: list[tuple[str, str, str]],
    kind: str = "sale",
    currency: str | None = "CNY",
    status: str = "ok",
) -> None:
    tx = {
        "kind": kind,
        "status": status,
        "currency": currency,
        "total": total,
        "datetime": local.replace(tzinfo=None).isoformat(),
        "items": [{"name": n, "quantity": q, "amount": a} for n, q, a in items],
        "member_id": None,
    }
    record = {
        "job_id": f"j{seq}",
        "revision": 1,
        "qr_token": f"tok{seq}".ljust(16, "0"),
        "transaction": tx,
        "started_at": local.astimezone(UTC).isoformat(),
        "tags": {},
    }
    store_envelope(s, Envelope("s1-t1", seq, "transaction", datetime.now(UTC), record))


def shop(url: str) -> tuple[Any, ServiceSecret]:
    upgrade(url)
    sessions = make_sessions(make_engine(url))
    secret = ServiceSecret(os.urandom(32))
    at = lambda h, m=0, d=DAY: datetime(d.year, d.month, d.day, h, m, tzinfo=SHANGHAI)  # noqa: E731
    with sessions.begin() as s:
        enroll(s, "acme", "s1", "s1-t1", "A" * 43)
        s.execute(update(Store).values(timezone="Asia/Shanghai", closing_time="21:30", name="Acme Store 1"))
        _receipt(s, 1, at(9, 15), "30.50", [("Milk", "2", "10.50"), ("Bread", "1", "20.00")])
        _receipt(s, 2, at(9, 45), "12.00", [("Milk", "1", "5.25"), ("Eggs", "1", "6.75")])
        _receipt(s, 3, at(18, 5), "100.00", [("Wine", "1", "100.00")])
        _receipt(s, 4, at(19, 0), "-5.25", [("Milk", "1", "-5.25")], kind="refund")
        _receipt(s, 5, at(0, 30), "7.00", [("Gum", "1", "7.00")])  # 00:30 local = the previous UTC day
        _receipt(s, 6, at(23, 59, DAY - timedelta(days=1)), "99.00", [("Old", "1", "99.00")])  # day before
        _receipt(s, 7, at(10, 0, DAY - timedelta(days=10)), "40.00", [("Milk", "1", "40.00")])
        s.flush()
        tx = {t.job_id: t for t in s.scalars(select(Transaction))}
        returning = customer_for_phone(s, secret, "+8613800138001", datetime.now(UTC))
        claim_receipt(s, secret, tx["j7"], returning, datetime.now(UTC))  # 10 days ago
        claim_receipt(s, secret, tx["j3"], returning, datetime.now(UTC))
        newcomer = customer_for_phone(s, secret, "+8613800138002", datetime.now(UTC))
        claim_receipt(s, secret, tx["j1"], newcomer, datetime.now(UTC))
        for email_, role, stores in [
            ("owner@acme.test", "owner", []),
            ("area@acme.test", "manager", ["s1"]),
            ("shop@acme.test", "store_manager", ["s1"]),
        ]:
            add_user(s, email_, email_, role, "acme", stores, None, datetime.now(UTC))
    return sessions, secret


def test_the_days_figures_in_the_stores_own_timezone(tmp_path: Path, cloud_db: str) -> None:
    sessions, _ = shop(cloud_db)
    with sessions() as s:
        store = s.scalars(select(Store)).one()
        r = daily_report(s, store, DAY)
    assert r.tickets == 4 and r.sales == Decimal("149.50") and r.refunds == Decimal("5.25")
    assert r.average_basket == Decimal("37.38") and r.currency == "CNY"
    hours = {h.hour: (h.sales, h.tickets) for h in r.by_hour if h.tickets}
    assert hours == {0: (Decimal("7.00"), 1), 9: (Decimal("42.50"), 2), 18: (Decimal("100.00"), 1)}
    assert [p.name for p in r.top_products[:2]] == ["Wine", "Bread"]
    milk = next(p for p in r.top_products if p.name == "Milk")
    assert milk.quantity == Decimal(3) and milk.sales == Decimal("15.75")
    assert r.new_customers == 1 and r.returning_customers == 1
    assert [c.spend for c in r.core_customers] == [Decimal("140.00"), Decimal("30.50")]


def test_each_role_gets_its_own_report_once_at_closing_time_with_its_chart(
    tmp_path: Path, cloud_db: str, smtp: Any
) -> None:
    inbox, port = smtp
    sessions, _ = shop(cloud_db)
    mail = MailSettings(host="127.0.0.1", port=port, sender="reports@acme.test")
    before = datetime(2026, 11, 27, 21, 29, tzinfo=SHANGHAI)
    assert send_due_reports(sessions, mail, before) == 0 and inbox.messages == []
    after = datetime(2026, 11, 27, 21, 31, tzinfo=SHANGHAI)
    assert send_due_reports(sessions, mail, after) == 3  # the store's, the manager's, the owner's
    assert send_due_reports(sessions, mail, after + timedelta(minutes=30)) == 0  # once a day
    mails = {tuple(rcpt): msg for rcpt, msg in inbox.messages}
    assert sorted(mails) == [("area@acme.test",), ("owner@acme.test",), ("shop@acme.test",)]
    msg = mails[("shop@acme.test",)]
    assert msg["Subject"] == "Daily report: Acme Store 1, 2026-11-27"
    html = msg.get_body(("html",))
    assert html is not None and 'src="cid:hourly-chart"' in html.get_content()
    assert "149.50" in html.get_content() and "Wine" in html.get_content()
    [png] = [p for p in msg.walk() if p.get_content_type() == "image/png"]
    assert png["Content-ID"] == "<hourly-chart>"
    chart = Image.open(io.BytesIO(png.get_payload(decode=True)))
    assert chart.size == (720, 260)
    plain = msg.get_body(("plain",))
    assert plain is not None and "4 tickets" in plain.get_content()
    assert mails[("area@acme.test",)]["Subject"] == "Stores report: 1 stores, 2026-11-27"
    owners = mails[("owner@acme.test",)]
    assert owners["Subject"] == "Chain report: acme, 2026-11-27"
    for m in (mails[("area@acme.test",)], owners):
        body = m.get_body(("plain",))
        assert body is not None and "Total CNY: 149.50 over 1 stores, 4 tickets" in body.get_content()
        [png] = [p for p in m.walk() if p.get_content_type() == "image/png"]
        assert png["Content-ID"] == "<role-chart>"
    # The next day's closing time: the next day's reports.
    assert send_due_reports(sessions, mail, after + timedelta(days=1)) == 3
    assert len(inbox.messages) == 6


def test_report_roles_leave_a_role_without_mail(tmp_path: Path, cloud_db: str, smtp: Any) -> None:
    inbox, port = smtp
    sessions, _ = shop(cloud_db)
    mail = MailSettings(host="127.0.0.1", port=port, sender="r@acme.test", report_roles=("store_manager",))
    assert send_due_reports(sessions, mail, datetime(2026, 11, 27, 21, 31, tzinfo=SHANGHAI)) == 1
    assert [rcpt for rcpt, _ in inbox.messages] == [["shop@acme.test"]]


def test_an_smtp_server_that_is_down_leaves_the_report_due(tmp_path: Path) -> None:
    sessions, _ = shop(f"sqlite:///{tmp_path / 'cloud.db'}")
    mail = MailSettings(host="127.0.0.1", port=free_port())  # nothing listens there
    after = datetime(2026, 11, 27, 21, 31, tzinfo=SHANGHAI)
    assert send_due_reports(sessions, mail, after) == 0
    with sessions() as s:
        assert s.scalars(select(Store.last_report_for)).one() is None  # still due: retried next pass


def test_the_report_command_prints_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'cloud.db'}"
    shop(url)
    monkeypatch.setenv("TILLBOX_CLOUD_DATABASE_URL", url)
    assert cloud(["report", "--retailer", "acme", "--store", "s1", "--date", "2026-11-27"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["sales"] == "149.50" and report["tickets"] == 4
    assert cloud(["report", "--retailer", "acme", "--store", "nope", "--date", "2026-11-27"]) == 2
    assert "no store 'nope'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as bad_date:
        cloud(["report", "--store", "s1", "--date", "27/11/2026"])
    assert bad_date.value.code == 2 and "a date as YYYY-MM-DD" in capsys.readouterr().err


def test_currencies_are_never_added_and_flagged_receipts_name_no_top_product(tmp_path: Path) -> None:
    """A till that read a euro and a dollar receipt into a yuan store's day, and a receipt whose names are
    mojibake (flagged needs_review): the store's figures are its own currency's alone, the others are
    listed apart, and the garbled names are in no top-products list."""
    url = f"sqlite:///{tmp_path / 'cloud.db'}"
    sessions, _ = shop(url)
    at = datetime(DAY.year, DAY.month, DAY.day, 12, tzinfo=SHANGHAI)
    with sessions.begin() as s:
        _receipt(s, 41, at, "26000.00", [("Flipper", "1", "26000.00")], currency="EUR")
        _receipt(s, 42, at, "300.00", [("Coffee", "1", "300.00")], currency="USD")
        _receipt(s, 43, at, "1.00", [("f乺", "1", "1.00")], currency=None)
        _receipt(s, 44, at, "5000.00", [("罐 寐罐", "9", "5000.00")], status="needs_review")
    with sessions() as s:
        store = s.scalars(select(Store)).one()
        r = daily_report(s, store, DAY)
        assert r.currency == "CNY" and r.sales == Decimal("5149.50") and r.tickets == 5  # yuan only
        assert [(o.currency, o.sales, o.tickets) for o in r.other_currencies] == [
            (None, Decimal("1.00"), 1),
            ("EUR", Decimal("26000.00"), 1),
            ("USD", Decimal("300.00"), 1),
        ]
        names = {p.name for p in r.top_products}
        assert "罐 寐罐" not in names and "Flipper" not in names and "Wine" in names
        store.currency = "EUR"  # HQ says what the store takes: its figures are in that
        r = daily_report(s, store, DAY)
        assert r.currency == "EUR" and r.sales == Decimal("26000.00") and r.tickets == 1
        assert {o.currency for o in r.other_currencies} == {"CNY", "USD", None}
