"""The whole system, end to end, as a shopper and HQ meet it: till simulator → bridge (over a pty pair
and over TCP) → printer simulator's PNG → the QR decoded from the PNG → the e-receipt page in Chromium
shows the items and total the box parsed → saved with a phone and the texted code → HQ's API shows the
purchase linked to that customer, in the store's daily report, with the customer's RFM. Then the same
with the broker down for part of the day and the agent SIGKILLed once: the same final state, nothing
lost or doubled. Real processes throughout (Mosquitto with TLS and ACLs, `tillbox-cloud serve`/`ingest`,
`tillbox bridge`/`agent`); the SMS gateway is the development sender's log."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import zxingcpp
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import select

from cloud_api.core.db import make_engine, make_sessions
from cloud_api.crud.users import issue_token
from cloud_api.models import Transaction, User
from edge.escpos.printer_profile import PROFILES
from edge.store.database import open_store_readonly
from edge.store.models import Capture, TransactionRow
from firmware_bridge.links import open_endpoint
from hardware_tests.conftest import SocatPair
from hardware_tests.demo_system import HQ_USER, Services
from hardware_tests.ports import free_port
from hardware_tests.receipts import receipts
from hardware_tests.simulators.pos import PosSimulator
from hardware_tests.simulators.printer import PrinterSimulator
from tests.browser import chromium
from tests.helpers import wait_for

PAPER = PROFILES["chinese-80mm"]
PHONE = "+8613800138000"


class World:
    def __init__(self, tmp: Path, link: str) -> None:
        self.tmp = tmp
        self.pairs: list[SocatPair] = []
        if link == "pty":
            pos, prn = SocatPair(tmp, "pos"), SocatPair(tmp, "prn")
            self.pairs = [pos, prn]
            self.services = Services.one_box(
                tmp / "sys",
                0,
                pos_link=f"serial://{pos.b}",
                printer_link=f"serial://{prn.a}",
                inject_deadline_ms=1000,
            )
            till_url, printer_url = f"serial://{pos.a}", f"serial://{prn.b}"
        else:
            self.services = Services.one_box(tmp / "sys", free_port(), inject_deadline_ms=1000)
            till_url = f"tcp://127.0.0.1:{self.services.box.bridge_port}"
            printer_url = f"tcp-listen://127.0.0.1:{self.services.box.printer_port}"
        ep = open_endpoint(printer_url)
        if hasattr(ep, "bind"):
            ep.bind()
        self.printer = PrinterSimulator(ep, tmp / "printed", idle_gap_s=0.5, paper=PAPER).start()
        self.services.start()
        self.till = PosSimulator(open_endpoint(till_url), per_receipt=True)
        self.cloud = make_sessions(make_engine(self.services.cloud_db))

    def close(self) -> None:
        self.services.stop()
        self.printer.stop()
        for p in self.pairs:
            p.close()

    def print_receipts(self, batch: list[bytes]) -> None:
        for r in batch:
            self.till.run([r])
            time.sleep(1.0)  # a pause at the till longer than the printer simulator's idle gap

    def box_jobs(self) -> dict[str, dict[str, Any]]:
        with open_store_readonly(self.services.box_db())() as s:
            rows = s.execute(
                select(Capture.job_id, Capture.qr_token, TransactionRow.body).join(TransactionRow)
            )
            return {job: {"token": token, **json.loads(body)} for job, token, body in rows}

    def cloud_jobs(self) -> list[str]:
        with self.cloud() as s:
            return list(s.scalars(select(Transaction.job_id)))

    def synced(self, n: int) -> bool:
        return len(self.printer.jobs) >= n and len(self.box_jobs()) >= n and len(self.cloud_jobs()) >= n

    def our_url(self, png: Path) -> str | None:
        for code in zxingcpp.read_barcodes(Image.open(png).convert("L")):
            if code.text.startswith(self.services.base_url + "/r/"):
                return str(code.text)
        return None

    def hq(self) -> tuple[TestClient, dict[str, str]]:
        from cloud_api.app import app_for_settings
        from cloud_api.core.config import load_settings

        with self.cloud.begin() as s:
            user = s.scalars(select(User).where(User.email == HQ_USER)).one()
            token = issue_token(s, user, "api", "e2e", datetime.now(UTC))
        settings = load_settings(self.services.out / "cloud" / "cloud.toml", env={})
        return TestClient(app_for_settings(settings)), {"Authorization": f"Bearer {token}"}


@pytest.fixture
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


def shopper_and_hq_see_it(world: World, browser: Any, count: int) -> None:
    """From the first printed paper's QR to HQ's customer view."""
    url = world.our_url(world.tmp / "printed" / "job-00001.png")
    assert url is not None, "no e-receipt QR on the first printed paper"
    token = url.rsplit("/", 1)[1]
    parsed = next(j for j in world.box_jobs().values() if j["token"] == token)
    page = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True).new_page()
    page.goto(url)
    shown = page.get_by_role("article", name="receipt").inner_text()
    assert parsed["total"] in shown and all(i["amount"] in shown for i in parsed["items"])
    assert all(i["name"] in shown for i in parsed["items"])
    page.get_by_label("Save it to your account").fill("138 0013 8000")
    page.get_by_role("button", name="Save").click()
    page.wait_for_selector("text=Enter your code")
    code = re.findall(rf"to \{PHONE}: (\d{{6}}) is your tillbox code", world.services.log("cloud-serve"))
    assert code, "the development sender logged no code"
    page.get_by_label("Code").fill(code[-1])
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(f"{world.services.base_url}/me?lang=en")
    assert page.get_by_role("table", name="purchases").get_by_role("link").count() == 1

    client, auth = world.hq()
    with client:
        [store] = client.get("/api/v1/stores", headers=auth).json()
        mine = client.get("/api/v1/transactions", headers=auth).json()
        linked = [t for t in mine["items"] if t["customer_id"] is not None]
        assert mine["total"] == count and len(linked) == 1 and linked[0]["job_id"] in world.box_jobs()
        customer_id = linked[0]["customer_id"]
        customer = client.get(f"/api/v1/customers/{customer_id}", headers=auth).json()
        assert customer["purchases"] == 1 and Decimal(customer["spend"]) == Decimal(parsed["total"])
        assert re.fullmatch(r"[1-5]{3}", customer["rfm"]) and customer["rfm"][0] == "5"  # bought today
        day = datetime.now(ZoneInfo(store["timezone"])).date().isoformat()
        report = client.get(
            "/api/v1/reports/daily", params={"store_id": store["id"], "day": day}, headers=auth
        )
        body = report.json()
        # This till prints Chinese receipts (yuan) and English ones (no currency printed): never added up.
        tickets = body["tickets"] + sum(o["tickets"] for o in body["other_currencies"])
        assert tickets == sum(1 for j in world.box_jobs().values() if j["kind"] == "sale")
        assert [c["customer_id"] for c in body["core_customers"]] == [customer_id]
        assert body["new_customers"] == 1


@pytest.mark.parametrize("link", ["pty", "tcp"])
def test_from_the_till_to_the_shopper_and_hq(tmp_path: Path, browser: Any, link: str) -> None:
    world = World(tmp_path, link)
    try:
        world.print_receipts(receipts(4, seed=11))
        wait_for(lambda: world.synced(4), 60, "4 receipts printed, parsed and synced")
        assert sorted(world.cloud_jobs()) == sorted(world.box_jobs())
        shopper_and_hq_see_it(world, browser, 4)
    finally:
        world.close()


def test_a_day_with_the_broker_down_and_the_agent_killed(tmp_path: Path, browser: Any) -> None:
    world = World(tmp_path, "tcp")
    day = receipts(9, seed=11)
    try:
        world.print_receipts(day[:3])
        wait_for(lambda: world.synced(3), 60, "the morning synced")
        world.services.broker_down()  # the uplink is gone for a while; the till never notices
        world.print_receipts(day[3:6])
        wait_for(lambda: len(world.box_jobs()) >= 6, 60, "receipts stored while the broker is down")
        assert len(world.cloud_jobs()) == 3  # they wait in the box's outbox
        world.services.kill("box-agent")  # and the agent dies once
        world.print_receipts(day[6:8])  # printed without a QR: the agent is not there to ask
        world.services.restart("box-agent")
        world.services.broker_up()
        world.print_receipts(day[8:])
        wait_for(lambda: world.synced(9) and len(world.cloud_jobs()) == 9, 120, "the whole day synced")
        time.sleep(2)  # anything sent twice would have landed by now
        cloud = world.cloud_jobs()
        assert len(cloud) == len(set(cloud)) == 9 and sorted(cloud) == sorted(world.box_jobs())
        assert len(world.printer.jobs) == 9
        assert bytes(world.printer.received).count(b"\x1dV") >= 9
        shopper_and_hq_see_it(world, browser, 9)
    finally:
        world.close()
