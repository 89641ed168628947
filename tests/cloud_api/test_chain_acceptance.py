"""Issue 18's acceptance: a generated chain (3 regions, 12 stores, 60 days, 2,000 members and 1,000 walk-ins,
tests/cloud_api/generated_chain.py) through the real ingest on SQLite and PostgreSQL, then the nightly
refresh by its command. Every planted behaviour is found where it belongs and nowhere else; each role's
closing mail (a real SMTP server, aiosmtpd) holds exactly its scope, and the owner's totals are the sum of
the stores' own daily reports; every new endpoint and page answers each role for its stores only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from cloud_api.cli import main as cloud_main
from cloud_api.core.config import MailSettings
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import load_or_create_secret
from cloud_api.crud.reports import daily_report
from cloud_api.crud.tags import tags_of
from cloud_api.migrate import upgrade
from cloud_api.models import Store, User
from cloud_api.reports_mail import send_due_reports
from tests.cloud_api.chain import cloud_config
from tests.cloud_api.generated_chain import (
    CHURN_STORE,
    GAP_STORE,
    HONEY,
    HONEY_STORE,
    REGIONS,
    ZONE,
    Chain,
    Ingest,
    generate,
    set_up,
    stores,
)
from tests.cloud_api.test_reports import Inbox
from tests.cloud_app import app_for

PASSWORD = "correct horse battery"


@dataclass
class Built:
    url: str
    sessions: sessionmaker[Session]
    chain: Chain
    config: Path
    ids: dict[str, int]  # store code -> id


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    tmp = tmp_path_factory.mktemp(f"chain-{request.param}")
    if request.param == "sqlite":
        yield _build(f"sqlite:///{tmp / 'cloud.db'}", tmp)
        return
    from tests.postgres import fresh_database

    with fresh_database() as url:
        yield _build(url, tmp)


def _build(url: str, tmp: Path) -> Built:
    upgrade(url)
    sessions = make_sessions(make_engine(url))
    config = cloud_config(tmp, url)
    secret = load_or_create_secret(tmp / "cloud.key")  # the one the command line reads too
    chain = generate(secret)
    set_up(sessions, chain)
    Ingest(sessions, secret).send(chain.sales)
    assert cloud_main(["--config", str(config), "features", "refresh"]) == 0
    with sessions() as s:
        ids = {st.code: st.id for st in s.scalars(select(Store))}
    return Built(url, sessions, chain, config, ids)


def _client(b: Built) -> TestClient:
    return TestClient(app_for(b.url, secret=b.chain.secret))


def _token(b: Built, email: str) -> dict[str, str]:
    from cloud_api.crud.users import issue_token, user_by_email

    with b.sessions.begin() as s:
        token = issue_token(s, user_by_email(s, "acme", email), "api", "test", datetime.now(UTC))
    return {"Authorization": f"Bearer {token}"}


def test_the_churner_is_in_their_stores_warning_list_only(built: Built) -> None:
    churner = built.chain.customers[built.chain.planted["churner"]]
    owner = _token(built, "owner@acme.test")
    with _client(built) as c:
        warned = {
            code: {w["customer_id"] for w in c.get(f"/api/v1/stores/{i}/warnings", headers=owner).json()}
            for code, i in built.ids.items()
        }
    assert [code for code, found in warned.items() if churner in found] == [CHURN_STORE]
    # In the store's health alerts too, counted with the rest of its list.
    with _client(built) as c:
        [health] = c.get("/api/v1/health", headers=_token(built, "shop-n1@acme.test")).json()
    assert health["gone_quiet"] == len(warned[CHURN_STORE])
    assert any(f"{len(warned[CHURN_STORE])} core customers gone quiet" in a for a in health["alerts"])
    with built.sessions() as s:
        n1 = s.get(Store, built.ids[CHURN_STORE])
        assert n1 is not None
        report = daily_report(s, n1, built.chain.last_day, built.chain.secret)
    assert churner in {w.customer_id for w in report.gone_quiet}


def test_the_new_parent_is_tagged_on_the_second_qualifying_purchase(built: Built) -> None:
    chain = built.chain
    parent = chain.customers[chain.planted["new_parent"]]
    first, second = chain.planted["new_parent_sales"]
    ingest = Ingest(built.sessions, chain.secret)
    ingest.seq = {f"{code}-t1": 10_000 for code in stores()}  # after the boxes' earlier messages
    ingest.send([first])
    with built.sessions() as s:
        assert tags_of(s, parent, "acme") == []
    ingest.send([second])
    with built.sessions() as s:
        assert tags_of(s, parent, "acme") == [("new_parent", second.at.astimezone(UTC))]
        assert tags_of(s, chain.customers[chain.planted["once"]], "acme") == []  # one purchase is not two


def test_the_pair_is_in_the_rules_of_the_chain_and_its_stores(built: Built, capsys: Any) -> None:
    capsys.readouterr()
    assert cloud_main(["--config", str(built.config), "rules", "--json"]) == 0
    chain_rules = json.loads(capsys.readouterr().out)
    pasta = [r for r in chain_rules if (r["antecedent"], r["consequent"]) == ("Pasta 500g", "Pasta Sauce")]
    assert pasta and pasta[0]["lift"] > 3
    owner = _token(built, "owner@acme.test")
    with _client(built) as c:
        s1 = c.get(f"/api/v1/stores/{built.ids['s1']}/rules", headers=owner).json()
    assert any(
        (r["antecedent"], r["consequent"]) == ("Pasta 500g", "Pasta Sauce") and r["lift"] > 3 for r in s1
    )


def test_the_assortment_gap_is_in_the_right_stores_list(built: Built) -> None:
    owner = _token(built, "owner@acme.test")
    with _client(built) as c:
        gaps = {
            code: c.get(f"/api/v1/stores/{i}/assortment-gap", headers=owner).json()
            for code, i in built.ids.items()
        }
    honey = HONEY[1]
    assert [code for code, items in gaps.items() if any(g["name"] == honey for g in items)] == [GAP_STORE]
    [entry] = [g for g in gaps[GAP_STORE] if g["name"] == honey]
    assert entry == {"name": honey, "category": "Grocery", "buyers": 10, "bought_at": [HONEY_STORE]}


def test_each_role_gets_exactly_its_scope_by_mail(built: Built) -> None:
    from aiosmtpd.controller import Controller

    from hardware_tests.ports import free_port

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        mail = MailSettings(host="127.0.0.1", port=controller.port, sender="reports@acme.test")
        day = built.chain.last_day
        closed = datetime.combine(day, time(23, 0), ZONE)
        with built.sessions.begin() as s:  # the day before was mailed already: only `day` is due
            for row in [*s.scalars(select(Store)), *s.scalars(select(User))]:
                row.last_report_for = (day - timedelta(days=1)).isoformat()
        # 21:15: the three stores that close at 21:00 are out; no manager's stores have all closed.
        assert send_due_reports(built.sessions, mail, closed - timedelta(hours=1, minutes=45)) == 3
        assert {r[0] for r, _ in inbox.messages} == {
            "shop-n1@acme.test",
            "shop-s1@acme.test",
            "shop-w1@acme.test",
        }
        assert (
            send_due_reports(built.sessions, mail, closed) == 9 + 3 + 1
        )  # the other stores, managers, owner
        assert send_due_reports(built.sessions, mail, closed + timedelta(minutes=30)) == 0
    finally:
        controller.stop()
    got: dict[str, Any] = {}
    for rcpt, msg in inbox.messages:
        [to] = rcpt
        assert to not in got, f"{to} got two mails"
        got[to] = msg
    assert set(got) == {"owner@acme.test"} | {f"{r.lower()}@acme.test" for r in REGIONS} | {
        f"shop-{code}@acme.test" for code in stores()
    }
    with built.sessions() as s:
        dailies = {st.code: daily_report(s, st, day, built.chain.secret) for st in s.scalars(select(Store))}
    for code in stores():
        msg = got[f"shop-{code}@acme.test"]
        assert msg["Subject"] == f"Daily report: Acme {code.upper()}, {day.isoformat()}"
        funnel = dailies[code].funnel
        assert (
            funnel is not None and funnel.sales == dailies[code].tickets and 0 < funnel.linked < funnel.sales
        )
        assert f"From paper to person: {funnel.linked} linked to a customer" in _plain(msg)
    for region, codes in REGIONS.items():
        body = _plain(got[f"{region.lower()}@acme.test"])
        assert {c for c in stores() if f"({c})" in body} == set(codes)
        total = sum((dailies[c].sales for c in codes), Decimal(0))
        assert f"Total CNY: {total} over 4 stores" in body
    owner = _plain(got["owner@acme.test"])
    chain_total = sum((r.sales for r in dailies.values()), Decimal(0))
    assert chain_total > 0 and f"Total CNY: {chain_total} over 12 stores" in owner
    for region in REGIONS:
        assert f"  {region} (CNY): " in owner
    # The owner's report as JSON: the same totals, and each region the sum of its stores.
    with _client(built) as c:
        r = c.get(f"/api/v1/reports/chain?day={day}", headers=_token(built, "owner@acme.test")).json()
    assert Decimal(r["totals"][0]["sales"]) == chain_total
    for region in r["regions"]:
        assert Decimal(region["sales"]) == sum(
            (dailies[c].sales for c in REGIONS[region["region"]]), Decimal(0)
        )
    assert [d["code"] for d in r["stores"]] == sorted(dailies, key=lambda c: (-dailies[c].sales, c))


def _plain(msg: Any) -> str:
    body = msg.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def test_every_new_endpoint_and_page_answers_each_role_for_its_stores_only(built: Built) -> None:
    day = built.chain.last_day
    churner = built.chain.customers[built.chain.planted["churner"]]
    roles = {
        "owner@acme.test": set(stores()),
        "north@acme.test": set(REGIONS["North"]),
        "shop-n1@acme.test": {"n1"},
    }
    for email, scope in roles.items():
        auth = _token(built, email)
        with _client(built) as c:
            for code, i in built.ids.items():
                want = 200 if code in scope else 404
                for path in (
                    f"/api/v1/stores/{i}/warnings",
                    f"/api/v1/stores/{i}/rules",
                    f"/api/v1/stores/{i}/assortment-gap",
                    f"/api/v1/reports/daily?store_id={i}&day={day}",
                ):
                    assert c.get(path, headers=auth).status_code == want, (email, path)
            side = c.get(f"/api/v1/reports/stores?day={day}", headers=auth).json()
            assert {d["code"] for d in side["stores"]} == scope
            chain = c.get(f"/api/v1/reports/chain?day={day}", headers=auth)
            assert chain.status_code == (200 if email.startswith("owner") else 403)
            assert c.get(f"/api/v1/customers/{churner}", headers=auth).status_code == 200  # bought at n1
            unmapped = c.get("/api/v1/products/unmapped", headers=auth)
            assert unmapped.status_code == 200
            # The pages, signed in.
            assert c.post("/hq/login", data={"email": email, "password": PASSWORD}).status_code == 200
            page = c.get(f"/hq/reports/stores/{day}")
            assert page.status_code == 200
            shown = {code for code in stores() if f">{code}<" in page.text}
            assert shown == scope
            assert c.get(f"/hq/reports/chain/{day}").status_code == (
                200 if email.startswith("owner") else 403
            )
            for code, i in built.ids.items():
                assert c.get(f"/hq/reports/{i}/{day}").status_code == (200 if code in scope else 404)
    with _client(built) as c:
        south = _token(built, "south@acme.test")
        assert (
            c.get(f"/api/v1/customers/{churner}", headers=south).status_code == 404
        )  # never at their stores


def test_the_owners_report_reads_by_region_with_top_and_bottom(built: Built, capsys: Any) -> None:
    day = built.chain.last_day
    capsys.readouterr()
    assert cloud_main(["--config", str(built.config), "report", "--chain", "--date", day.isoformat()]) == 0
    report = json.loads(capsys.readouterr().out)
    assert sorted(r["region"] for r in report["regions"]) == sorted(REGIONS)
    assert len(report["top"]) == 3 and len(report["bottom"]) == 3
    assert not {d["code"] for d in report["top"]} & {d["code"] for d in report["bottom"]}
    ranked = [d["code"] for d in report["stores"]]
    assert [d["code"] for d in report["top"]] == ranked[:3] and [
        d["code"] for d in report["bottom"]
    ] == ranked[:-4:-1]
    for d in report["stores"]:
        assert d["identified"] <= d["tickets"] and (
            d["tickets"] == 0 or 0 <= Decimal(d["identified_share"]) <= 1
        )
