"""Issue 17 end to end on the real processes — till simulator → `tillbox bridge` → `tillbox agent` →
Mosquitto (TLS, ACLs) → `tillbox-cloud ingest`/`serve` on SQLite and on PostgreSQL — with HQ in Debian's
Chromium: a till prints receipts of a layout the built-in reader cannot prove (a Tanzanian duka's program,
made by tests/edge/parsing/induce_layouts.py); three are corrected in the browser, the live self-check
saying when the numbers prove each other; the draft is learned and scored; it is approved and pushed
through the broker; the box re-reads its receipts and the review queue empties; the next 50 receipts of
the layout arrive money-right and `ok`; a forged configuration is refused by the box; a rollback restores
the reading before."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from cloud_api.core.db import make_engine, make_sessions
from cloud_api.models import Transaction
from edge.parsing.evaluate import judge
from firmware_bridge.links import open_endpoint
from hardware_tests.demo_system import HQ_USER, STORE, Services
from hardware_tests.ports import free_port
from hardware_tests.simulators.pos import PosSimulator
from hardware_tests.simulators.printer import PrinterSimulator
from sync.config_doc import sign_config
from sync.wire.config import FleetConfig, PushedProfile
from tests.browser import chromium
from tests.edge.parsing.induce_layouts import swahili_duka
from tests.helpers import wait_for

LAYOUT = "DUKALAMAMANJERI"
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
CORRECTED = (0, 2, 5)  # the reviewer picks receipts showing the layout's tenders: cash and M-PESA


@pytest.fixture
def system(tmp_path: Path, cloud_db: str) -> Iterator[Services]:
    printer_port = free_port()
    ep = open_endpoint(f"tcp-listen://127.0.0.1:{printer_port}")
    ep.bind()  # type: ignore[attr-defined]
    printer = PrinterSimulator(ep, tmp_path / "printed", idle_gap_s=0.5).start()
    services = Services.one_box(tmp_path / "sys", printer_port)
    services.database_url = cloud_db
    try:
        services.start()
        yield services
    finally:
        services.stop()
        printer.stop()


def _print(services: Services, seeds: range) -> list[dict[str, Any]]:
    jobs, truths = [], []
    for seed in seeds:
        data, truth = swahili_duka(seed)
        jobs.append(data)
        truths.append(truth)
    till = PosSimulator(open_endpoint(f"tcp://127.0.0.1:{services.box.bridge_port}"), per_receipt=True)
    till.run(jobs)
    return truths


def _rows(services: Services) -> list[Transaction]:
    with make_sessions(make_engine(services.cloud_db))() as s:
        q = select(Transaction).where(Transaction.layout == LAYOUT).order_by(Transaction.started_at)
        return list(s.scalars(q))


def _right(row: Transaction, truth: dict[str, Any]) -> bool:
    return row.status == "ok" and judge(row.job_id, row.record["transaction"], truth).money_right


def _all_right(services: Services, truths: list[dict[str, Any]]) -> bool:
    rows = _rows(services)
    return len(rows) == len(truths) and all(_right(r, t) for r, t in zip(rows, truths, strict=True))


def _status(services: Services) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((services.out / "box" / "agent-status.json").read_text())
    return data


def _correct_in_the_browser(page: Any, base: str, transaction_id: int, truth: dict[str, Any]) -> None:
    """What a reviewer does: the paper on the left, the fields on the right, typed until the check says
    the numbers prove each other, then saved."""
    page.goto(f"{base}/hq/receipts/{transaction_id}/correct")
    check = page.locator("#check")
    check.filter(has_text="do not add up").wait_for()  # the box's reading, as it came
    form = page.locator("#fix")
    for name in ("datetime", "receipt_no", "total", "subtotal", "change"):
        form.locator(f"input[name={name}]").fill(str(truth.get(name) or ""))
    for table in ("items", "payments", "discounts", "taxes"):
        rows = page.locator(f"#{table} tr")
        while rows.count():
            rows.first.get_by_role("button").click()
    for item in truth["items"]:
        page.locator("[data-add=items]").click()
        row = page.locator("#items tr").last
        for field in ("name", "quantity", "unit_price", "amount"):
            row.get_by_label(field, exact=True).fill(item[field])
    for payment in truth["payments"]:
        page.locator("[data-add=payments]").click()
        row = page.locator("#payments tr").last
        row.get_by_label("method", exact=True).select_option(payment["method"])
        row.get_by_label("amount", exact=True).fill(payment["amount"])
    check.filter(has_text="prove each other").wait_for()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "hq-correct-receipt.png"), full_page=True)
    page.get_by_role("button", name="Save the correction").click()
    page.wait_for_url(f"{base}/hq/review?saved={transaction_id}")


def test_hq_teaches_the_fleet_a_new_till_program_in_the_browser(system: Services) -> None:
    services, base = system, system.base_url
    truths = _print(services, range(12))
    wait_for(lambda: len(_rows(services)) == 12, 90, "twelve receipts of the layout in the cloud")
    rows = _rows(services)
    assert all(r.status == "needs_review" for r in rows)  # the built-in reader cannot prove them
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        page.goto(f"{base}/hq/login")
        page.get_by_label("E-mail").fill(HQ_USER)
        page.get_by_label("Password").fill(services.password)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(f"{base}/hq")
        for i in CORRECTED:
            _correct_in_the_browser(page, base, rows[i].id, truths[i])
        assert "9 to review" in page.inner_text("main")
        page.goto(f"{base}/hq/learning")
        page.locator(f"tr[data-layout='{LAYOUT}']").get_by_role("button", name="Draft a profile").click()
        page.wait_for_url(f"{base}/hq/learning/profiles/*")
        assert page.locator("#money-right").inner_text().startswith("12 (3 of 3 corrected")
        assert page.locator("#worse").inner_text() == "0"
        page.screenshot(path=str(ARTIFACTS / "hq-learned-profile.png"), full_page=True)
        profile_url = page.url
        page.get_by_role("button", name="Approve and push to the stores of this layout").click()
        page.wait_for_url(f"{profile_url}?done=*")
        assert f"Pushed to {STORE}" in page.inner_text("main")

        # Through the broker to the box: it applies the profile and re-reads its receipts that needed
        # review; its corrections reach the cloud, and the queue empties by itself.
        wait_for(lambda: _status(services).get("config_version") == 1, 60, "the box on configuration 1")
        assert str(_status(services)["pos_profile"]).startswith("learned-")
        wait_for(lambda: _all_right(services, truths), 90, "the twelve receipts read right")
        assert sum(r.corrected_at is not None for r in _rows(services)) == 3  # HQ's stay HQ's

        # The next 50 receipts of the layout: money-right and ok as they come.
        truths += _print(services, range(100, 150))
        wait_for(lambda: _all_right(services, truths), 180, "the next fifty read right")

        # A configuration not signed by HQ (the control identity misused) is refused by the box.
        assert services.broker is not None
        rogue = services.broker.client("cloud-control")
        rogue.connect("127.0.0.1", services.broker_port)
        rogue.loop_start()
        profile = PushedProfile("evil", 'name = "evil"\n')
        forged = sign_config(FleetConfig(99, datetime.now(UTC), profile), Ed25519PrivateKey.generate())
        topic = f"tillbox/demo/{STORE}/s1-till1/config"
        rogue.publish(topic, forged, qos=1, retain=True).wait_for_publish(10)
        rogue.loop_stop()
        rogue.disconnect()
        wait_for(lambda: "pushed configuration refused" in services.log("box-agent"), 30, "the refusal")
        assert _status(services)["config_version"] == 1

        # The rollback: the store gets the reading it had before (no pushed profile).
        page.goto(profile_url)
        page.get_by_role("button", name="Roll back").click()
        page.wait_for_url(f"{profile_url}?done=*")
        wait_for(lambda: _status(services).get("config_version") == 2, 60, "the box on configuration 2")
        assert _status(services)["pos_profile"] is None
        _print(services, range(200, 201))
        wait_for(lambda: len(_rows(services)) == 63, 60, "one more receipt")
        assert _rows(services)[-1].status == "needs_review"
