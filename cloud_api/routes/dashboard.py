"""HQ's pages: a login (e-mail and password, a session cookie), and the dashboard — live purchases,
store health, the needs_review queue with the paper beside the parse, and daily reports. Server-rendered,
and scoped exactly as the API: the same queries with the signed-in user's `Scope`."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, Form, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from cloud_api.crud import hq
from cloud_api.crud.funnel import funnel
from cloud_api.crud.reports import daily_report
from cloud_api.crud.role_reports import chain_report, stores_report
from cloud_api.crud.sales_today import sales_today
from cloud_api.crud.store_health import reader_label, store_health
from cloud_api.crud.users import Scope, authenticate, issue_token, revoke_token, scope_of, user_for_token
from cloud_api.deps import AppState, Db, app_state, client_address
from cloud_api.reports_mail import chart_data_uri, role_context

router = APIRouter(prefix="/hq", include_in_schema=False)
COOKIE = "tillbox_hq"
COOKIE_PATHS = ("/hq", "/r")
SESSION_TTL = timedelta(hours=12)
NO_STORE = {"Cache-Control": "no-store"}
FUNNEL_DAYS = 7


def _page(state: AppState, request: Request, name: str, status: int = 200, **context: Any) -> Response:
    return state.templates.TemplateResponse(
        request, name, {**LABELS, **context}, status_code=status, headers=NO_STORE
    )


def _share(value: Decimal | None) -> str:
    return "—" if value is None else f"{value * 100:.0f} %"


def _change(value: Decimal | None) -> str:
    """+12 % / −3 % against last week; "new" when last week had nothing to compare with."""
    if value is None:
        return "new"
    pct = value * 100
    return "±0 %" if abs(pct) < Decimal("0.5") else f"{'+' if pct > 0 else '−'}{abs(pct):.0f} %"


def _duration(seconds: int | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 90:
        return f"{seconds} s"
    if seconds < 5400:
        return f"{seconds // 60} min"
    return f"{seconds // 3600} h {seconds % 3600 // 60} min"


# Plain words for what the pages show (helpers the templates call).
LABELS: dict[str, Any] = {"share": _share, "change": _change, "duration": _duration, "reader": reader_label}


def signed_in(request: Request, s: Db) -> Scope:
    """The page's user, from the session cookie; without one, off to the login page."""
    user = user_for_token(s, request.cookies.get(COOKIE, ""), "session", datetime.now(UTC))
    if user is None:
        raise HTTPException(303, "log in first", headers={"Location": "/hq/login"})
    return scope_of(s, user)


Who = Annotated[Scope, Depends(signed_in)]


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> Response:
    return _page(app_state(request), request, "hq_login.html", error=None)


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    s: Db,
    email: Annotated[str, Form(max_length=254)] = "",
    password: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    state = app_state(request)
    client, account = client_address(request), email.strip().lower()
    limits, limiter = state.per_client, state.limiter
    # Every try counts per account and address and per address, before the password is checked (a burst
    # gets no more tries than the limit); failures count per account, from anywhere.
    pair = f"{account}\0{client}"
    if (
        limiter.blocked(limits.login_account, account)
        or not limiter.take(limits.login_address, client)
        or not limiter.take(limits.login_account_address, pair)
    ):
        return _page(
            state, request, "hq_login.html", 429, error="Too many failed logins; wait a few minutes."
        )
    user = authenticate(s, email.strip(), password)
    if user is None:
        limiter.count(limits.login_account, account)
        return _page(state, request, "hq_login.html", 401, error="Wrong e-mail or password.")
    token = issue_token(s, user, "session", "dashboard", datetime.now(UTC), SESSION_TTL)
    s.commit()
    response = RedirectResponse("/hq", status_code=303)
    # Also to the e-receipt pages: there it only tells HQ's own views from shoppers' scans (the funnel).
    for path in COOKIE_PATHS:
        response.set_cookie(
            COOKIE,
            token,
            max_age=int(SESSION_TTL.total_seconds()),
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path=path,
        )
    return response


@router.post("/logout")
def logout(request: Request, s: Db) -> Response:
    revoke_token(s, request.cookies.get(COOKIE, ""), datetime.now(UTC))
    s.commit()
    response = RedirectResponse("/hq/login", status_code=303)
    for path in COOKIE_PATHS:
        response.delete_cookie(COOKIE, path=path)
    return response


@router.get("", response_class=HTMLResponse)
def dashboard(request: Request, who: Who, s: Db) -> Response:
    state = app_state(request)
    _, live = hq.page(s, hq.transactions_query(who), 20, 0)
    review_total, _ = hq.page(s, hq.transactions_query(who, status="needs_review"), 1, 0)
    stores = hq.stores(s, who)
    devices = hq.devices(s, who)
    now = datetime.now(UTC)
    health = store_health(s, who, now, state.thresholds)
    today_figures = sales_today(s, who, now)
    names = {st.id: st.name or st.code for st in stores}
    today = {st.id: datetime.now(ZoneInfo(st.timezone)).date() for st in stores}
    yesterday = min(today.values(), default=now.date()) - timedelta(days=1)
    return _page(
        state,
        request,
        "hq_dashboard.html",
        who=who,
        live=live,
        names=names,
        stores=stores,
        today=today,
        devices=devices,
        review_total=review_total,
        alerts=[(h.store, a) for h in health for a in h.alerts],
        health=health,
        figures=today_figures,
        yesterday=yesterday,
        funnel=funnel(s, who.store_ids, now - timedelta(days=FUNNEL_DAYS), now),
        funnel_days=FUNNEL_DAYS,
    )


@router.get("/review", response_class=HTMLResponse)
def review(request: Request, who: Who, s: Db) -> Response:
    total, rows = hq.page(s, hq.transactions_query(who, status="needs_review"), 50, 0)
    items = [hq.transaction_detail(t) for t in rows]
    names = {st.id: st.name or st.code for st in hq.stores(s, who)}
    pictured = hq.with_pictures(s, [t.id for t in items])
    return _page(
        app_state(request),
        request,
        "hq_review.html",
        items=items,
        total=total,
        names=names,
        pictured=pictured,
    )


@router.get("/reports/stores/{day}", response_class=HTMLResponse)
def stores_report_page(day: date, request: Request, who: Who, s: Db) -> Response:
    r = stores_report(s, who.store_ids, day)
    return _page(app_state(request), request, "role_report.html", **role_context(r))


@router.get("/reports/chain/{day}", response_class=HTMLResponse)
def chain_report_page(day: date, request: Request, who: Who, s: Db) -> Response:
    state = app_state(request)
    if who.role != "owner":
        return _page(state, request, "message.html", 403, title="The chain's report is the owner's", text="")
    r = chain_report(s, who.retailer, who.store_ids, day)
    return _page(state, request, "role_report.html", **role_context(r))


@router.get("/reports/{store_id}/{day}", response_class=HTMLResponse)
def report(
    store_id: Annotated[int, Path(ge=1, le=2**31 - 1)], day: date, request: Request, who: Who, s: Db
) -> Response:
    state = app_state(request)
    store = hq.store(s, who, store_id)
    if store is None:
        return _page(state, request, "message.html", 404, title="No such store", text="")
    r = daily_report(s, store, day, state.secret)
    return _page(state, request, "report.html", r=r, chart_src=chart_data_uri(r))


@router.get("/papers/{transaction_id}.png")
def paper_png(
    transaction_id: Annotated[int, Path(ge=1, le=2**63 - 1)], request: Request, who: Who
) -> Response:
    """The paper of a receipt in the user's stores, as the box drew it (for the review queue)."""
    state = app_state(request)
    with state.reads() as s:
        png = hq.paper_picture(s, who, transaction_id)
    if png is None:
        return Response(status_code=404, headers=NO_STORE)
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})
