"""In a real browser (Debian's Chromium driven by Playwright) against a real `tillbox-cloud serve`: the
e-receipt on a phone-sized screen in Chinese and in English (screenshots kept in artifacts/), saving it to
an account end to end with the code read from the development SMS sender's log, with what goes with it under
the receipt and on the shopper's /me (screenshots too), and HQ's dashboard after logging in, on a desktop and
on a phone."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import load_or_create_secret
from cloud_api.crud.devices import enroll
from cloud_api.crud.ingest import record_heartbeat, store_envelope
from cloud_api.crud.stores import StoreChanges, set_store
from cloud_api.crud.users import add_user
from cloud_api.migrate import upgrade
from cloud_api.models import BasketRule, Store, Transaction
from edge.store.database import open_store
from edge.store.ingest import ingest_spool
from edge.store.outbox_port import StoreOutbox
from edge.store.records import ParseSettings
from edge.store.sealing import load_or_create_key
from hardware_tests.ports import free_port
from sync.envelope import Envelope
from tests.browser import chromium
from tests.cloud_api.chain import add_sale
from tests.helpers import corpus, spool_jobs

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "artifacts"
TOKEN = "PhoneTok12345678"
PASSWORD = "correct horse battery"


@dataclass
class Server:
    base: str
    log: Path
    url: str  # its database


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    url = f"sqlite:///{tmp_path / 'cloud.db'}"
    upgrade(url)
    secret = load_or_create_secret(tmp_path / "cloud.key")
    # The record exactly as a box sends it: through the box's own store and outbox.
    spool_jobs(tmp_path / "spool", [corpus("zh-supermarket-00")], qr_tokens=[TOKEN])
    box = open_store(tmp_path / "box.db")
    key = load_or_create_key(tmp_path / "box.key")
    ingest_spool(tmp_path / "spool", box, ParseSettings(key=key))
    [sent] = StoreOutbox(box, key).pending(0, 10)
    sessions = make_sessions(make_engine(url))
    now = datetime.now(UTC)
    with sessions.begin() as s:
        enroll(s, "acme", "s12", "s12-t1", "A" * 43)
        store_envelope(s, Envelope("s12-t1", 1, "transaction", now, {**sent.body, "qr_token": TOKEN}), secret)
        record_heartbeat(s, Envelope("s12-t1", None, "heartbeat", now, {"outbox_depth": 0}))
        add_user(s, "owner@acme.test", "Owner", "owner", "acme", [], PASSWORD, now)
        # A second store, in another region, for the reports side by side.
        enroll(s, "acme", "s13", "s13-t1", "A" * 43)
        set_store(s, "acme", "s12", StoreChanges(name="Acme Jing'an", region="East"))
        s13 = set_store(s, "acme", "s13", StoreChanges(name="Acme Chengdu", region="West", currency="CNY"))
        s.flush()
        for items in ([("可口可乐330ml", "3.50"), ("冰块 1kg", "6.00")], [("大米 5kg", "45.00")]):
            add_sale(s, s13, now, items)  # (at one moment: one day)
        # What the nightly refresh would have found: cola goes with crisps and ice, in this store and the
        # chain (the receipt is one bottle of cola).
        for scope in ("s12", ""):
            for consequent, lift in (("乐事薯片 原味 70g", 3.1), ("冰块 1kg", 2.4)):
                s.add(
                    BasketRule(
                        retailer="acme",
                        scope=scope,
                        antecedent="可口可乐330ml",
                        consequent=consequent,
                        baskets=40,
                        support=0.02,
                        confidence=0.3,
                        lift=lift,
                        refreshed_at=now,
                    )
                )
    (tmp_path / "cloud.toml").write_text(
        f'retailer = "acme"\n[database]\nurl = "{url}"\n[secrets]\nfile = "{tmp_path / "cloud.key"}"\n'
        '[shoppers]\nregion = "CN"\n'
    )
    port = free_port()
    log = tmp_path / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "cloud_api.cli",
                "--config",
                str(tmp_path / "cloud.toml"),
                "serve",
                "--port",
                str(port),
            ],
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={k: v for k, v in os.environ.items() if not k.startswith("TILLBOX_CLOUD_")},
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    urllib.request.urlopen(f"{base}/openapi.json", timeout=1)
                    break
                except OSError:
                    if time.monotonic() > deadline or proc.poll() is not None:
                        raise AssertionError("the server did not start: " + log.read_text()) from None
                    time.sleep(0.2)
            yield Server(base, log, url)
        finally:
            proc.terminate()
            proc.wait(10)


@pytest.fixture
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


def phone(browser: Any, locale: str = "en-US") -> Any:
    return browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale=locale,
    ).new_page()


def no_sideways_scroll(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


@pytest.mark.parametrize(
    ("locale", "lang", "total", "paid", "with_receipt", "together"),
    [
        ("zh-CN", "zh-Hans", "合计", "银联", "与您所购商品搭配", "常与可口可乐330ml一起购买"),
        (
            "en-US",
            "en",
            "Total",
            "UnionPay",
            "Goes well with your purchase",
            "Often bought with 可口可乐330ml",
        ),
    ],
)
def test_the_e_receipt_on_a_phone(
    server: Server,
    browser: Any,
    locale: str,
    lang: str,
    total: str,
    paid: str,
    with_receipt: str,
    together: str,
) -> None:
    """The Chinese receipt in a Chinese phone's browser reads Chinese, in an English one English; either
    way its items as printed, the date, the payment, the paper as a picture, and what goes with it."""
    page = phone(browser, locale)
    page.goto(f"{server.base}/r/{TOKEN}")
    assert page.evaluate("document.documentElement.lang") == lang
    receipt = page.get_by_role("article", name="receipt")
    assert receipt.is_visible()
    text = receipt.inner_text()
    assert "可口可乐330ml" in text and total in text and paid in text
    assert page.locator("time").first.is_visible()
    picture = page.locator("img.paper-picture")
    picture.scroll_into_view_if_needed()
    assert (
        picture.is_visible()
        and page.evaluate("document.querySelector('img.paper-picture').naturalWidth") == 576
    )  # the paper as the box drew it, not [image] placeholders
    # Under it, what goes with its cola, in the page's language (the store's rules).
    suggested = page.get_by_role("region", name=with_receipt)
    suggested.scroll_into_view_if_needed()
    assert suggested.is_visible() and "乐事薯片 原味 70g" in suggested.inner_text()
    assert together in suggested.inner_text()
    # Made for the phone: nothing wider than the screen, text at a readable size.
    assert no_sideways_scroll(page)
    assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('td')).fontSize)") >= 14
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"e-receipt-phone-{lang}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    other = "en" if lang == "zh-Hans" else "zh-Hans"
    page.locator(f'nav.lang a[hreflang="{other}"]').click()  # the switch
    page.wait_for_url(f"{server.base}/r/{TOKEN}?lang={other}")
    assert page.evaluate("document.documentElement.lang") == other
    page.goto(f"{server.base}/r/Unknown123456789")
    assert page.inner_text("h1") == (
        "Your receipt is on its way" if other == "en" else "您的电子小票正在路上"
    )


def test_saving_the_receipt_with_a_texted_code(server: Server, browser: Any) -> None:
    page = phone(browser)
    page.goto(f"{server.base}/r/{TOKEN}")
    page.get_by_label("Save it to your account").fill("138 0013 8000")
    page.get_by_role("button", name="Save").click()
    page.wait_for_selector("text=Enter your code")
    deadline = time.monotonic() + 10
    while not (
        found := re.search(r"to \+8613800138000: (\d{6}) is your tillbox code", server.log.read_text())
    ):
        assert time.monotonic() < deadline, "no code in the development sender's log"
        time.sleep(0.1)
    page.get_by_label("Code").fill(found.group(1))
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(f"{server.base}/me?lang=en")
    history = page.get_by_role("table", name="purchases")
    assert history.get_by_role("link").count() == 1
    # Her own history, as the box would have sent it before: nappies every 9 days, the last 12 days ago.
    sessions = make_sessions(make_engine(server.url))
    with sessions.begin() as s:
        store = s.scalars(select(Store).where(Store.code == "s12")).one()
        mine = s.scalar(select(Transaction.customer_id).where(Transaction.qr_token == TOKEN))
        now = datetime.now(UTC)
        for days_ago in (30, 21, 12):
            add_sale(s, store, now - timedelta(days=days_ago), [("好奇 纸尿裤 L码", "89.00")], mine, now)
    for lang, again, together, title in (
        ("en", "You usually buy 好奇 纸尿裤 L码 every 9 days — time again?", "Often bought with", "For you"),
        ("zh-Hans", "您通常每 9 天买一次好奇 纸尿裤 L码，该再买了吗？", "常与", "为您推荐"),
    ):
        page.goto(f"{server.base}/me?lang={lang}")
        suggested = page.get_by_role("region", name=title)
        text = suggested.inner_text()
        assert again in text and together in text and "乐事薯片 原味 70g" in text, text
        assert no_sideways_scroll(page)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"me-phone-{lang}.png"), full_page=True)
    history = page.get_by_role("table", name="purchases")
    history.get_by_role("link").click()
    page.wait_for_url(f"{server.base}/r/{TOKEN}?via=me")  # (a look again, not a scan: see the funnel)


@pytest.mark.parametrize(("width", "height"), [(1440, 900), (390, 844)], ids=["desktop", "phone"])
def test_hq_dashboard_after_login(server: Server, browser: Any, width: int, height: int) -> None:
    """HQ logs in and lands on today's sales per store against last week, in plain words, with no
    sideways scrolling on a desktop or on a phone; the daily report is a click away."""
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(f"{server.base}/hq")
    page.wait_for_url(f"{server.base}/hq/login")
    page.get_by_label("E-mail").fill("owner@acme.test")
    page.get_by_label("Password").fill("wrong password!")
    page.get_by_role("button", name="Log in").click()
    assert "Wrong e-mail or password" in page.inner_text("main")
    page.get_by_label("E-mail").fill("owner@acme.test")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{server.base}/hq")
    today = page.get_by_role("region", name="today")
    assert "against the same day last week" in today.inner_text()
    card = today.get_by_role("article").first
    assert "11.22" in card.inner_text() and "CNY" in card.inner_text()
    assert page.get_by_role("region", name="live purchases").locator("tr.purchase").count() == 3
    health = page.get_by_role("region", name="store health").inner_text()
    assert "s12-t1" in health and "tillbox-parser" not in health and "0.6" not in health
    # As wide as the window at most: the layout, not the reader, does the fitting.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    main_width = page.evaluate("document.querySelector('main').getBoundingClientRect().width")
    assert main_width > min(width * 0.9, 1100), main_width  # not squeezed into a narrow column
    ARTIFACTS.mkdir(exist_ok=True)
    name = "desktop" if width > 1000 else "phone"
    page.screenshot(path=str(ARTIFACTS / f"hq-dashboard-{name}.png"), full_page=True)
    page.get_by_role("link", name="today").first.click()
    assert "Sales by hour" in page.inner_text("main")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(ARTIFACTS / f"hq-report-{name}.png"), full_page=True)
    # The owner's own report: the chain by region; and the stores side by side. Today's, for figures.
    with make_sessions(make_engine(server.url))() as s:  # s13's sales' day (UTC, the stores' zone)
        sold = max(s.scalars(select(Transaction.started_at).where(Transaction.device_id == "s13-t1")))
    day = sold.astimezone(UTC).date()
    for kind, heading in (("chain", "Regions"), ("stores", "Stores side by side")):
        page.goto(f"{server.base}/hq/reports/{kind}/{day}")
        main = page.inner_text("main")
        assert heading in main and "Acme Chengdu" in main and "Acme Jing'an" in main, main
        assert "54.50 CNY" in main, main  # s13's two sales
        assert page.evaluate("document.querySelector('img.chart').naturalWidth") == 720
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        page.screenshot(path=str(ARTIFACTS / f"hq-{kind}-report-{name}.png"), full_page=True)


def test_the_api_documentation_works_without_internet(server: Server, browser: Any) -> None:
    """/docs with every request that would leave this machine refused: Swagger UI comes from our server."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    left: list[str] = []

    def only_here(route: Any) -> None:
        if route.request.url.startswith(server.base):
            route.continue_()
        else:
            left.append(route.request.url)
            route.abort()

    page.route("**/*", only_here)
    page.goto(f"{server.base}/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15_000)
    assert "tillbox cloud" in page.inner_text(".swagger-ui .info")
    assert page.locator(".opblock").count() > 5 and left == []


def test_a_form_on_another_site_cannot_sign_the_visitor_in(server: Server, browser: Any) -> None:
    """Login CSRF: an attacker asks for a code for their own phone, then has the visitor's browser post
    their claim id and code from a page on another site. Refused; the visitor stays signed out (and
    their next "Save" asks for their own phone)."""
    import http.server
    import threading
    import urllib.parse

    asked = urllib.request.urlopen(  # the attacker's own request: no browser, nothing refused
        f"{server.base}/me/login", data=urllib.parse.urlencode({"phone": "139 0013 9000"}).encode()
    ).read()
    claim = re.search(rb'action="/codes/([^"?]+)', asked)
    assert claim
    deadline = time.monotonic() + 10
    while not (found := re.search(r"to \+8613900139000: (\d{6})", server.log.read_text())):
        assert time.monotonic() < deadline, "no code in the development sender's log"
        time.sleep(0.1)
    form = (
        f'<form method="post" action="{server.base}/codes/{claim.group(1).decode()}">'
        f'<input name="code" value="{found.group(1)}"></form><script>document.forms[0].submit()</script>'
    ).encode()

    class Attacker(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(form)

        def log_message(self, *args: Any) -> None:
            pass

    evil = http.server.HTTPServer(("127.0.0.1", 0), Attacker)
    threading.Thread(target=evil.serve_forever, daemon=True).start()
    try:
        page = phone(browser)
        # "localhost" is another site than the server's 127.0.0.1, as evil.example would be.
        page.goto(f"http://localhost:{evil.server_address[1]}/")
        page.wait_for_url(f"{server.base}/codes/*")
        assert "sent from another site" in page.content()
        assert not [c for c in page.context.cookies() if c["name"] == "tillbox_me"]
        page.goto(f"{server.base}/me")
        assert page.get_by_label("Mobile number").count() == 1  # signed out: /me asks for a phone
    finally:
        evil.shutdown()
