"""What HQ's dashboard opens on: each store's sales today so far against the same weekday last week up to
the same local time, in each store's own time zone and currency. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select, update

from cloud_api.core.db import make_engine, make_sessions
from cloud_api.crud.devices import enroll
from cloud_api.crud.ingest import store_envelope
from cloud_api.crud.sales_today import sales_today
from cloud_api.crud.users import Scope
from cloud_api.migrate import upgrade
from cloud_api.models import Store
from sync.envelope import Envelope

SHANGHAI, BERLIN = ZoneInfo("Asia/Shanghai"), ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 12, 2, 14, 0, tzinfo=SHANGHAI)  # 14:00 in Shanghai = 07:00 in Berlin


def receipt(
    s: object, device: str, seq: int, at: datetime, total: str, currency: str, status: str = "ok"
) -> None:
    record = {
        "job_id": f"j{seq}",
        "revision": 1,
        "qr_token": None,
        "transaction": {"kind": "sale", "status": status, "currency": currency, "total": total},
        "started_at": at.astimezone(UTC).isoformat(),
    }
    store_envelope(s, Envelope(device, seq, "transaction", NOW, record))  # type: ignore[arg-type]


def test_today_against_the_same_day_last_week_per_store(cloud_db: str) -> None:
    upgrade(cloud_db)
    sessions = make_sessions(make_engine(cloud_db))
    week = timedelta(days=7)
    with sessions.begin() as s:
        enroll(s, "acme", "sh", "sh-1", "A" * 43)
        enroll(s, "acme", "be", "be-1", "B" * 43)
        s.execute(update(Store).where(Store.code == "sh").values(timezone="Asia/Shanghai", name="Shanghai"))
        s.execute(update(Store).where(Store.code == "be").values(timezone="Europe/Berlin", currency="EUR"))
        today = NOW.replace(hour=0, minute=5)
        receipt(s, "sh-1", 1, today, "100.00", "CNY")
        receipt(s, "sh-1", 2, NOW - timedelta(hours=1), "50.50", "CNY", status="needs_review")
        receipt(s, "sh-1", 3, NOW - timedelta(hours=2), "9.00", "USD")  # another currency: apart
        receipt(s, "sh-1", 4, today - timedelta(minutes=10), "999.00", "CNY")  # yesterday, 23:55
        receipt(s, "sh-1", 5, NOW - week - timedelta(hours=3), "40.00", "CNY")  # last week, 11:00
        receipt(s, "sh-1", 6, NOW - week + timedelta(hours=3), "500.00", "CNY")  # last week, after 14:00
        berlin_morning = NOW.astimezone(BERLIN).replace(hour=6)
        receipt(s, "be-1", 1, berlin_morning, "12.00", "EUR")
        receipt(s, "be-1", 2, berlin_morning - timedelta(hours=7), "80.00", "EUR")  # 23:00 yesterday there
    with sessions() as s:
        ids = frozenset(s.scalars(select(Store.id)))
        got = {
            f.name: f for f in sales_today(s, Scope(1, "o@acme", "owner", "acme", ids), NOW.astimezone(UTC))
        }
    sh, be = got["Shanghai"], got["be"]
    assert (sh.day, sh.currency) == ("2026-12-02", "CNY")
    assert (sh.today.sales, sh.today.tickets, sh.today.to_review) == (Decimal("150.50"), 2, 1)
    assert sh.today.average_basket == Decimal("75.25") and sh.other_currencies == 1
    assert (sh.last_week.sales, sh.last_week.tickets) == (Decimal("40.00"), 1)
    assert sh.change("sales") == Decimal("2.762")  # (150.50 - 40) / 40 = 2.7625, to even
    assert (be.day, be.currency, be.today.sales, be.today.tickets) == (
        "2026-12-02",
        "EUR",
        Decimal("12.00"),
        1,
    )
    assert be.last_week.tickets == 0 and be.change("sales") is None  # nothing to compare with


def test_an_average_basket_is_in_the_currencys_own_smallest_unit() -> None:
    from cloud_api.money import average

    assert average(Decimal("616600"), 11, "KRW") == Decimal("56055")  # no such thing as a tenth of a won
    assert average(Decimal("10.00"), 3, "EUR") == Decimal("3.33")
    assert average(Decimal("5"), 0, "JPY") is None
