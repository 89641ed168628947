"""A generated chain for the customer layer's acceptance test: 3 regions of 4 stores, 60 days of sales by
2,000 members (and the planted few) and 1,000 walk-in shoppers, in seeded randomness, with behaviours
planted that the cloud must find:

- a weekly shopper of store n1 who stopped four weeks ago (the churner);
- a new parent: two baby-goods purchases in the last fortnight (and someone who bought baby goods once);
- an item sold in one store only (Local Honey at w3), bought there by ten of store s2's best customers;
- a pair bought together far more than chance has it (pasta and its sauce).

Every receipt is a record as a box sends it, stored through the real ingest (`store_envelopes`), each
device's in messages of up to 100 as the boxes batch them."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.customers import customer_for_phone, link_member
from cloud_api.crud.devices import enroll
from cloud_api.crud.ingest import store_envelopes
from cloud_api.crud.products import import_catalogue, read_csv
from cloud_api.crud.stores import StoreChanges, set_store
from cloud_api.crud.tags import add_rule
from cloud_api.crud.users import add_user
from sync.envelope import Envelope

ZONE = ZoneInfo("Asia/Shanghai")
REGIONS = {
    "North": ["n1", "n2", "n3", "n4"],
    "South": ["s1", "s2", "s3", "s4"],
    "West": ["w1", "w2", "w3", "w4"],
}
DAYS = 60
CHURN_STORE, GAP_STORE, HONEY_STORE = "n1", "s2", "w3"

COMMON = [
    ("P01", "Milk 1L", "Dairy", "6.50"),
    ("P02", "Bread", "Bakery", "8.00"),
    ("P03", "Eggs 10", "Dairy", "12.00"),
    ("P04", "Apples 1kg", "Fruit", "9.90"),
    ("P05", "Rice 5kg", "Grocery", "45.00"),
    ("P06", "Coffee", "Drinks", "38.00"),
    ("P07", "Tea", "Drinks", "25.00"),
    ("P08", "Yoghurt", "Dairy", "4.50"),
    ("P09", "Chicken", "Meat", "32.00"),
    ("P10", "Tofu", "Grocery", "3.50"),
    ("P11", "Noodles", "Grocery", "5.00"),
    ("P12", "Soap", "Household", "7.00"),
    ("P13", "Tissues", "Household", "12.50"),
    ("P14", "Beer 6", "Drinks", "30.00"),
    ("P15", "Chocolate", "Snacks", "15.00"),
]
PASTA = ("P20", "Pasta 500g", "Grocery", "9.00")
SAUCE = ("P21", "Pasta Sauce", "Grocery", "14.00")
HONEY = ("P30", "Local Honey", "Grocery", "58.00")
POWDER = ("P40", "Milk Powder 900g", "baby", "268.00")
NAPPIES = ("P41", "Nappies M", "baby", "99.00")
NEW_PARENT_RULE = "2 or more baby purchases in 60 days -> new_parent"
Item = tuple[str, str, str, str]


@dataclass
class Sale:
    store: str
    at: datetime  # aware
    items: list[Item]
    member: str | None = None


@dataclass
class Chain:
    today: date  # the stores' local today: the data ends the day before
    secret: ServiceSecret
    customers: dict[str, int] = field(default_factory=dict)  # member number -> customer id
    sales: list[Sale] = field(default_factory=list)
    planted: dict[str, Any] = field(default_factory=dict)

    @property
    def last_day(self) -> date:
        return self.today - timedelta(days=1)

    def at(self, days_ago: int, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(self.last_day - timedelta(days=days_ago), time(hour, minute), ZONE)


def stores() -> list[str]:
    return [code for codes in REGIONS.values() for code in codes]


def catalogue_csv() -> str:
    rows = [*COMMON, PASTA, SAUCE, HONEY, POWDER, NAPPIES]
    return "code,name,category\n" + "".join(f"{c},{n},{cat}\n" for c, n, cat, _ in rows)


def _basket(rnd: random.Random, store: str) -> list[Item]:
    items = rnd.sample(COMMON, rnd.randint(1, 4))
    if rnd.random() < 0.08:
        items.append(PASTA)
        if rnd.random() < 0.85:
            items.append(SAUCE)
    elif rnd.random() < 0.01:
        items.append(SAUCE)
    if store == HONEY_STORE and rnd.random() < 0.05:
        items.append(HONEY)
    return items


def generate(secret: ServiceSecret, members: int = 2000, walk_ins: int = 1000, seed: int = 18) -> Chain:
    rnd = random.Random(seed)
    chain = Chain(today=datetime.now(ZONE).date(), secret=secret)
    codes = stores()
    for n in range(members):  # members: a home store and a rhythm; a fifth stopped some time ago
        member, home = f"M{n:06d}", codes[n % len(codes)]
        cadence = rnd.choice([4, 7, 7, 14, 14, 30])
        stop = rnd.randint(10, 50) if n % 5 == 0 else 0
        day = rnd.uniform(0, cadence)
        while day < DAYS - stop:  # (DAYS - 1 - int(day) days before the last: down to it)
            chain.sales.append(
                Sale(
                    home,
                    chain.at(DAYS - 1 - int(day), rnd.randint(8, 20), rnd.randint(0, 59)),
                    _basket(rnd, home),
                    member,
                )
            )
            day += max(1.0, rnd.gauss(cadence, cadence / 4))
    for store in codes:  # every store has a walk-in on the report's day: a sale linked to nobody
        chain.sales.append(Sale(store, chain.at(0, 12), _basket(rnd, store)))
    for _ in range(walk_ins):
        store = rnd.choice(codes)
        chain.sales.append(
            Sale(
                store,
                chain.at(rnd.randint(0, DAYS - 1), rnd.randint(8, 20), rnd.randint(0, 59)),
                _basket(rnd, store),
            )
        )
    # The churner: every Saturday-ish week at n1, a big basket, until 28 days ago.
    chain.planted["churner"] = "W000001"
    for week in range(5):
        chain.sales.append(
            Sale(CHURN_STORE, chain.at(56 - 7 * week, 10), [COMMON[4], COMMON[5], COMMON[8]], "W000001")
        )
    # s2's best customers: every third day at s2, and twice in the last month at w3 for its honey.
    chain.planted["gap_buyers"] = [f"G{k:06d}" for k in range(10)]
    for k, member in enumerate(chain.planted["gap_buyers"]):
        for day in range(k % 3, DAYS, 3):
            chain.sales.append(
                Sale(GAP_STORE, chain.at(day, 11), [COMMON[4], COMMON[5], COMMON[8], COMMON[13]], member)
            )
        for day in (5 + k, 20 + k % 5):
            chain.sales.append(Sale(HONEY_STORE, chain.at(day, 15), [HONEY, COMMON[0]], member))
    # Someone who bought baby goods once: no new parent.
    chain.planted["once"] = "B000002"
    chain.sales.append(Sale("s1", chain.at(30, 12), [NAPPIES], "B000002"))
    chain.planted["new_parent"] = "B000001"  # their two purchases are ingested by the test, one by one
    chain.planted["new_parent_sales"] = [
        Sale("s3", chain.at(12, 9), [POWDER, COMMON[0]], "B000001"),
        Sale("s3", chain.at(4, 18), [NAPPIES], "B000001"),
    ]
    return chain


def set_up(sessions: sessionmaker[Session], chain: Chain) -> None:
    """The stores with their regions and closing times, the catalogue, the tag rule, HQ's users, and the
    members (each a verified phone with a member number, as a loyalty programme enrols them)."""
    now = datetime.now(UTC)
    with sessions.begin() as s:
        for region, codes in REGIONS.items():
            for k, code in enumerate(codes):
                enroll(s, "acme", code, f"{code}-t1", "A" * 43)
                closing = ("21:00", "21:30", "22:00", "22:30")[k]
                set_store(
                    s,
                    "acme",
                    code,
                    StoreChanges(f"Acme {code.upper()}", "Asia/Shanghai", closing, "CNY", region),
                )
        rows, problems = read_csv(catalogue_csv())
        assert not problems
        result = import_catalogue(s, "acme", rows, now)
        assert not result.refused
        add_rule(s, "acme", NEW_PARENT_RULE, now)
        add_user(s, "owner@acme.test", "Owner", "owner", "acme", [], "correct horse battery", now)
        for region, codes in REGIONS.items():
            add_user(
                s,
                f"{region.lower()}@acme.test",
                region,
                "manager",
                "acme",
                codes,
                "correct horse battery",
                now,
            )
        for code in stores():
            add_user(
                s,
                f"shop-{code}@acme.test",
                code,
                "store_manager",
                "acme",
                [code],
                "correct horse battery",
                now,
            )
        members = sorted({sale.member for sale in chain.sales if sale.member} | {"B000001"})
        for n, member in enumerate(members):
            customer = customer_for_phone(s, chain.secret, f"+86139{n:08d}", now)
            chain.customers[member] = link_member(s, chain.secret, customer, "acme", member, now).id


def record(sale: Sale, job: str) -> dict[str, Any]:
    total = sum((Decimal(price) for *_, price in sale.items), Decimal(0))
    return {
        "job_id": job,
        "revision": 1,
        "qr_token": hashlib.sha256(job.encode()).hexdigest()[:24],
        "transaction": {
            "kind": "sale",
            "status": "ok",
            "currency": "CNY",
            "total": str(total),
            "datetime": sale.at.replace(tzinfo=None).isoformat(timespec="seconds"),
            "items": [
                {"name": name, "code": code, "quantity": "1", "amount": price}
                for code, name, _, price in sale.items
            ],
            "member_id": sale.member,
        },
        "started_at": sale.at.astimezone(UTC).isoformat(),
        "tags": {},
    }


class Ingest:
    """Sends sales through the ingest as each store's box would: its own sequence, 100 a message."""

    def __init__(self, sessions: sessionmaker[Session], secret: ServiceSecret) -> None:
        self.sessions, self.secret = sessions, secret
        self.seq: dict[str, int] = {}

    def send(self, sales: list[Sale]) -> None:
        by_store: dict[str, list[Sale]] = {}
        for sale in sorted(sales, key=lambda x: x.at):
            by_store.setdefault(sale.store, []).append(sale)
        for store, of_store in by_store.items():
            device = f"{store}-t1"
            for start in range(0, len(of_store), 100):
                envelopes = []
                for sale in of_store[start : start + 100]:
                    n = self.seq[device] = self.seq.get(device, 0) + 1
                    envelopes.append(
                        Envelope(device, n, "transaction", datetime.now(UTC), record(sale, f"{device}-{n}"))
                    )
                with self.sessions.begin() as s:
                    refused = store_envelopes(s, envelopes, self.secret)
                    assert refused == [], [str(r) for _, r in refused][:3]
