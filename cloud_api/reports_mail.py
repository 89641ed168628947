"""Delivering daily reports: one e-mail per store and day (HTML with the chart embedded by Content-ID,
and a plain-text part), to the users of the configured roles whose stores include it; and the loop that
sends each store's report at its closing time, once (`Store.last_report_for`, claimed under a row lock so
several schedulers never send twice)."""

from __future__ import annotations

import base64
import logging
import smtplib
import threading
from datetime import UTC, date, datetime, time
from email.message import EmailMessage
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from cloud_api.chart import hourly_chart
from cloud_api.core.config import MailSettings
from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.reports import daily_report
from cloud_api.deps import templates
from cloud_api.models import Store, User, UserStore
from cloud_api.schemas import DailyReport

log = logging.getLogger("tillbox.cloud.reports")


def recipients(session: Session, store: Store, roles: tuple[str, ...]) -> list[str]:
    assigned = select(UserStore.user_id).where(UserStore.store_id == store.id)
    q = select(User.email).where(
        User.retailer == store.retailer,
        User.disabled_at.is_(None),
        User.role.in_(roles),
        or_(User.role == "owner", User.id.in_(assigned)),
    )
    return sorted(session.scalars(q))


def report_page(report: DailyReport, chart_src: str) -> str:
    env = templates().env
    return env.get_template("report.html").render(r=report, chart_src=chart_src)


def chart_data_uri(report: DailyReport) -> str:
    return "data:image/png;base64," + base64.b64encode(hourly_chart(report.by_hour)).decode()


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
        + ("Gone quiet (overdue against their own rhythm):\n" if r.gone_quiet else "")
        + "".join(
            f"  {w.phone or w.member or f'#{w.customer_id}'}: every {w.cadence_days} days, last "
            f"{w.last_visit:%Y-%m-%d}, {w.value_at_risk}{cur} at risk\n"
            for w in r.gone_quiet
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
    """One pass: every store whose closing time has passed gets its day's report, once. A failed delivery
    is retried on the next pass (the day is marked only after the mail server took the message)."""
    now = now or datetime.now(UTC)
    sent = 0
    with sessions() as s:
        ids = list(s.scalars(select(Store.id).order_by(Store.id)))
    for store_id in ids:
        with sessions() as s:
            store = s.scalars(
                select(Store).where(Store.id == store_id).with_for_update(skip_locked=True)
            ).first()
            if store is None:
                continue
            day = due_today(store, now)
            if day is None:
                continue
            to = recipients(s, store, mail.report_roles)
            try:
                if to:
                    deliver(mail, report_message(daily_report(s, store, day, secret), mail.sender, to))
            except (OSError, smtplib.SMTPException) as e:
                log.warning("report for %s on %s not delivered (%s); retrying next pass", store.code, day, e)
                continue
            store.last_report_for = day.isoformat()
            s.commit()
            sent += 1
            log.info("report for %s on %s sent to %d recipient(s)", store.code, day, len(to))
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
