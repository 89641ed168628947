"""Delivering the closing reports, each role its own (HTML with the chart embedded by Content-ID, and a
plain-text part):

- a store's daily report, at its closing time, to its store managers;
- a manager's report (their stores side by side) and the owner's (the chain by region), once the last
  store of their scope has closed — that is, once every one of its stores' daily reports is out.

Each goes out once: a store's day is marked in `Store.last_report_for`, a user's in
`User.last_report_for`, each claimed under a row lock so several schedulers never send twice. Which roles
get mail at all is `[mail] report_roles`."""

from __future__ import annotations

import base64
import logging
import smtplib
import threading
from datetime import UTC, date, datetime, time
from decimal import Decimal
from email.message import EmailMessage
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from cloud_api.chart import bar_chart, hourly_chart
from cloud_api.core.config import MailSettings
from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.reports import daily_report
from cloud_api.crud.role_reports import chain_report, stores_report
from cloud_api.crud.users import scope_of
from cloud_api.deps import templates
from cloud_api.models import Store, User, UserStore
from cloud_api.schemas import ChainReport, DailyReport, StoresReport

log = logging.getLogger("tillbox.cloud.reports")


def recipients(session: Session, store: Store, roles: tuple[str, ...]) -> list[str]:
    """The store's daily report goes to its store managers: managers and owners get their own."""
    if "store_manager" not in roles:
        return []
    assigned = select(UserStore.user_id).where(UserStore.store_id == store.id)
    q = select(User.email).where(
        User.retailer == store.retailer,
        User.disabled_at.is_(None),
        User.role == "store_manager",
        User.id.in_(assigned),
    )
    return sorted(session.scalars(q))


def report_page(report: DailyReport, chart_src: str) -> str:
    env = templates().env
    return env.get_template("report.html").render(r=report, chart_src=chart_src)


def data_uri(png: bytes) -> str:
    """A chart inline in a page (a mail refers to it by Content-ID instead)."""
    return "data:image/png;base64," + base64.b64encode(png).decode()


def chart_data_uri(report: DailyReport) -> str:
    return data_uri(hourly_chart(report.by_hour))


def report_message(report: DailyReport, sender: str, to: list[str]) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = f"Daily report: {report.store}, {report.date.isoformat()}"
    msg["From"] = sender
    msg["To"] = ", ".join(to)
    cur = f" {report.currency}" if report.currency else ""
    r = report
    msg.set_content(
        f"{r.store}, {r.date.isoformat()}\n"
        f"Sales {r.sales}{cur}, {r.tickets} tickets, average basket {r.average_basket or '-'}\n"
        f"Refunds {r.refunds}; new/returning customers {r.new_customers}/{r.returning_customers}\n"
        + "".join(
            f"Apart, in {o.currency or 'no currency read'}: {o.sales}, {o.tickets} tickets\n"
            for o in r.other_currencies
        )
        + "".join(f"  {p.name}: {p.quantity} for {p.sales}\n" for p in r.top_products)
        + (
            f"From paper to person: {r.funnel.linked} linked to a customer, {r.funnel.scanned} QR scanned, "
            f"{r.funnel.saved} saved, {r.funnel.repeat} came back\n"
            if r.funnel and r.funnel.sales
            else ""
        )
        + ("Gone quiet (overdue against their own rhythm):\n" if r.gone_quiet else "")
        + "".join(
            f"  {w.phone or w.member or f'#{w.customer_id}'}: every {w.cadence_days} days, last "
            f"{w.last_visit:%Y-%m-%d}, {w.value_at_risk}{cur} at risk\n"
            for w in r.gone_quiet
        )
        + (
            "Assortment gap (bought by its best customers elsewhere, not sold here in 30 days):\n"
            if r.assortment_gap
            else ""
        )
        + "".join(
            f"  {g.name}: {g.buyers} customers, at {', '.join(g.bought_at)}\n" for g in r.assortment_gap
        )
    )
    msg.add_alternative(report_page(report, "cid:hourly-chart"), subtype="html")
    html = msg.get_payload()[1]  # type: ignore[index]
    if not isinstance(html, EmailMessage):
        raise TypeError("the HTML part is missing")
    html.add_related(hourly_chart(report.by_hour), "image", "png", cid="<hourly-chart>")
    return msg


def deliver(mail: MailSettings, msg: EmailMessage) -> None:
    with smtplib.SMTP(mail.host, mail.port, timeout=30) as smtp:
        if mail.starttls:
            smtp.starttls()
        if mail.username:
            smtp.login(mail.username, mail.password or "")
        smtp.send_message(msg)


Row = TypeVar("Row", Store, User)


def _claimed(session: Session, model: type[Row], row_id: int) -> Row | None:
    """The row, locked for this pass; None if another scheduler holds it (it sends that one) or it went."""
    return session.scalars(select(model).where(model.id == row_id).with_for_update(skip_locked=True)).first()


def _delivered(mail: MailSettings, message: EmailMessage, whose: str) -> bool:
    """Handed to the mail server; a server that is away leaves the report due for the next pass."""
    try:
        deliver(mail, message)
    except (OSError, smtplib.SMTPException) as e:
        log.warning("report for %s not delivered (%s); retrying next pass", whose, e)
        return False
    return True


def send_report(
    sessions: sessionmaker[Session],
    mail: MailSettings,
    store_id: int,
    day: date,
    secret: ServiceSecret | None = None,
) -> list[str]:
    with sessions() as s:
        store = s.get(Store, store_id)
        if store is None:
            raise ValueError(f"no store {store_id}")
        to = recipients(s, store, mail.report_roles)
        report = daily_report(s, store, day, secret)
    if to:
        deliver(mail, report_message(report, mail.sender, to))
    return to


def due_today(store: Store, now: datetime) -> date | None:
    """The store's local date if its closing time has passed today and today's report is not out."""
    local = now.astimezone(ZoneInfo(store.timezone))
    closing = time.fromisoformat(store.closing_time)
    if local.time() < closing or store.last_report_for == local.date().isoformat():
        return None
    return local.date()


def send_due_reports(
    sessions: sessionmaker[Session],
    mail: MailSettings,
    now: datetime | None = None,
    secret: ServiceSecret | None = None,
) -> int:
    """One pass: every store whose closing time has passed gets its day's report, once, then every manager
    and owner whose stores have all closed gets theirs. A failed delivery is retried on the next pass (the
    day is marked only after the mail server took the message). Returns how many reports went out."""
    now = now or datetime.now(UTC)
    sent = 0
    with sessions() as s:
        ids = list(s.scalars(select(Store.id).order_by(Store.id)))
    for store_id in ids:
        with sessions() as s:
            store = _claimed(s, Store, store_id)
            if store is None:
                continue
            day = due_today(store, now)
            if day is None:
                continue
            to = recipients(s, store, mail.report_roles)
            if to and not _delivered(
                mail, report_message(daily_report(s, store, day, secret), mail.sender, to), store.code
            ):
                continue
            store.last_report_for = day.isoformat()
            s.commit()
            sent += 1
            log.info("report for %s on %s sent to %d recipient(s)", store.code, day, len(to))
    return sent + send_due_role_reports(sessions, mail)


RoleReport = StoresReport | ChainReport


def role_report(session: Session, user: User, day: date) -> RoleReport:
    """The owner's chain report, or a manager's (or store manager's) stores side by side."""
    scope = scope_of(session, user)
    if user.role == "owner":
        return chain_report(session, user.retailer, scope.store_ids, day)
    return stores_report(session, scope.store_ids, day)


def role_title(report: RoleReport) -> str:
    if isinstance(report, ChainReport):
        return f"Chain report: {report.retailer}, {report.date.isoformat()}"
    return f"Stores report: {len(report.stores)} stores, {report.date.isoformat()}"


def role_chart(report: RoleReport) -> bytes:
    """Regions (the owner) or stores (a manager) by sales, in the currency most of them report in."""
    if not report.totals:
        return bar_chart("No sales", [])
    main = max(report.totals, key=lambda t: (t.stores, t.sales)).currency
    cur = f" ({main})" if main else ""
    if isinstance(report, ChainReport):
        regions = [(r.region, r.sales) for r in report.regions if r.currency == main]
        return bar_chart(f"Sales by region{cur}", sorted(regions, key=lambda b: -b[1]))
    return bar_chart(f"Sales by store{cur}", [(d.code, d.sales) for d in report.stores if d.currency == main])


def role_context(report: RoleReport, chart_src: str | None = None) -> dict[str, Any]:
    """What role_report.html draws, on the page (chart inline) and in the mail (chart by Content-ID)."""
    return {
        "r": report,
        "kind": "chain" if isinstance(report, ChainReport) else "stores",
        "title": role_title(report),
        "chart_src": chart_src or "data:image/png;base64," + base64.b64encode(role_chart(report)).decode(),
    }


def role_page(report: RoleReport, chart_src: str) -> str:
    return templates().env.get_template("role_report.html").render(**role_context(report, chart_src))


def role_message(report: RoleReport, sender: str, to: list[str]) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = role_title(report)
    msg["From"] = sender
    msg["To"] = ", ".join(to)

    def pct(x: Decimal | None) -> str:
        return "-" if x is None else f"{x * 100:+.1f} %"

    lines = [role_title(report), ""]
    for t in report.totals:
        lines.append(
            f"Total {t.currency or '(no currency read)'}: {t.sales} over {t.stores} stores, {t.tickets} "
            f"tickets, {pct(t.change)} against a week before"
        )
    if isinstance(report, ChainReport):
        lines += ["", "Regions:"] + [
            f"  {r.region} ({r.currency or '-'}): {r.sales}, {pct(r.change)}" for r in report.regions
        ]
        lines += ["", "Top stores:"] + [f"  {d.rank}. {d.store} ({d.code}): {d.sales}" for d in report.top]
        if report.bottom:
            lines += ["Bottom stores:"] + [
                f"  {d.rank}. {d.store} ({d.code}): {d.sales}" for d in report.bottom
            ]
    else:
        lines += ["", "Stores:"] + [
            f"  {d.rank}. {d.store} ({d.code}): {d.sales} {d.currency or ''}, {d.tickets} tickets, "
            f"{pct(d.change)}"
            for d in report.stores
        ]
    msg.set_content("\n".join(lines) + "\n")
    msg.add_alternative(role_page(report, "cid:role-chart"), subtype="html")
    html = msg.get_payload()[1]  # type: ignore[index]
    if not isinstance(html, EmailMessage):
        raise TypeError("the HTML part is missing")
    html.add_related(role_chart(report), "image", "png", cid="<role-chart>")
    return msg


def scope_closed_day(session: Session, store_ids: frozenset[int]) -> date | None:
    """The last day every store of the scope has closed (and had its daily report made), or None."""
    if not store_ids:
        return None
    days = list(session.scalars(select(Store.last_report_for).where(Store.id.in_(list(store_ids)))))
    if not days or any(d is None for d in days):
        return None
    return date.fromisoformat(min(d for d in days if d is not None))


def send_due_role_reports(sessions: sessionmaker[Session], mail: MailSettings) -> int:
    """One pass: each manager and owner whose scope has closed a day they have not had gets its report."""
    roles = [r for r in ("manager", "owner") if r in mail.report_roles]
    with sessions() as s:
        ids = list(
            s.scalars(
                select(User.id).where(User.role.in_(roles), User.disabled_at.is_(None)).order_by(User.id)
            )
        )
    sent = 0
    for user_id in ids:
        with sessions() as s:
            user = _claimed(s, User, user_id)
            if user is None or user.disabled_at is not None:
                continue
            day = scope_closed_day(s, scope_of(s, user).store_ids)
            if day is None or (user.last_report_for or "") >= day.isoformat():
                continue
            if not _delivered(
                mail, role_message(role_report(s, user, day), mail.sender, [user.email]), user.email
            ):
                continue
            user.last_report_for = day.isoformat()
            s.commit()
            sent += 1
            log.info("%s report for %s sent to %s", user.role, day, user.email)
    return sent


def run_scheduler(
    sessions: sessionmaker[Session],
    mail: MailSettings,
    stop: threading.Event,
    every_s: float = 60,
    secret: ServiceSecret | None = None,
) -> None:
    while not stop.is_set():
        try:
            send_due_reports(sessions, mail, secret=secret)
        except Exception:  # the database away for a moment must not end the scheduler
            log.exception("report pass failed")
        stop.wait(every_s)
