"""/api/v1: HQ's API. Every request carries `Authorization: Bearer <token>` (`tillbox-cloud tokens
create`), and every answer is limited to the token's user's stores; another store's data is "not
found", as if it did not exist."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from cloud_api.crud import baskets, churn, consents, customer_views, hq, products
from cloud_api.crud.assortment import assortment_gap
from cloud_api.crud.funnel import funnel
from cloud_api.crud.reports import daily_report
from cloud_api.crud.role_reports import chain_report, stores_report
from cloud_api.crud.store_health import store_health
from cloud_api.crud.users import Scope, scope_of, user_for_token
from cloud_api.deps import Db, app_state, bearer
from cloud_api.schemas import (
    BasketRuleOut,
    ChainReport,
    ChurnWarningOut,
    ConsentCount,
    CustomerDetail,
    CustomerPage,
    DailyReport,
    DeviceOut,
    FunnelOut,
    GapItem,
    Recommendation,
    ReviewPage,
    StoreHealth,
    StoreOut,
    StoresReport,
    TransactionDetail,
    TransactionOut,
    TransactionPage,
    UnmappedItem,
)

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "Not found, or not in your stores"}}
router = APIRouter(
    prefix="/api/v1",
    tags=["hq"],
    responses={401: {"description": "No valid API token"}},
)


def scope(request: Request, s: Db) -> Scope:
    token = bearer(request)
    if token is None:
        raise HTTPException(401, "an API token is needed", headers={"WWW-Authenticate": "Bearer"})
    user = user_for_token(s, token, "api", datetime.now(UTC))
    if user is None:
        raise HTTPException(401, "unknown, expired or revoked token", headers={"WWW-Authenticate": "Bearer"})
    return scope_of(s, user)


Who = Annotated[Scope, Depends(scope)]
# Row ids are 32-bit integers on PostgreSQL: anything outside cannot exist and must not reach the driver.
MAX_ID = 2**31 - 1
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]
QueryId = Annotated[int | None, Query(ge=1, le=MAX_ID)]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]


def _aware(t: datetime | None, name: str) -> datetime | None:
    if t is None:
        return None
    if t.tzinfo is None:
        raise HTTPException(422, f"{name}: give a timezone (e.g. 2026-11-29T00:00:00+08:00 or …Z)")
    try:
        return t.astimezone(UTC)
    except OverflowError:  # "0001-01-01T00:00:00+00:01" is before the first day a time can hold
        raise HTTPException(422, f"{name}: out of range") from None


@router.get("/stores", response_model=list[StoreOut])
def list_stores(who: Who, s: Db) -> list[StoreOut]:
    return hq.stores(s, who)


@router.get("/stores/{store_id}", response_model=StoreOut, responses=NOT_FOUND)
def get_store(store_id: PathId, who: Who, s: Db) -> StoreOut:
    found = hq.store(s, who, store_id)
    if found is None:
        raise HTTPException(404, "no such store")
    return StoreOut.model_validate(found)


@router.get("/stores/{store_id}/warnings", response_model=list[ChurnWarningOut], responses=NOT_FOUND)
def get_warnings(store_id: PathId, request: Request, who: Who, s: Db) -> list[ChurnWarningOut]:
    """The store's core customers who have gone quiet against their own cadence, most value at risk
    first."""
    if hq.store(s, who, store_id) is None:
        raise HTTPException(404, "no such store")
    found = churn.warnings(s, [store_id], datetime.now(UTC), app_state(request).secret)
    return [ChurnWarningOut(**{**vars(w), "currency": w.currency or None}) for w in found]


@router.get("/stores/{store_id}/rules", response_model=list[BasketRuleOut], responses=NOT_FOUND)
def get_basket_rules(
    store_id: PathId, who: Who, s: Db, limit: Annotated[int, Query(ge=1, le=500)] = 100
) -> list[BasketRuleOut]:
    """What the store's baskets hold together more than chance has it, strongest first (as of the
    nightly refresh)."""
    store = hq.store(s, who, store_id)
    if store is None:
        raise HTTPException(404, "no such store")
    return [
        BasketRuleOut.model_validate(r, from_attributes=True)
        for r in baskets.rules_for(s, who.retailer, store.code, limit)
    ]


@router.get("/stores/{store_id}/assortment-gap", response_model=list[GapItem], responses=NOT_FOUND)
def get_assortment_gap(store_id: PathId, who: Who, s: Db) -> list[GapItem]:
    """What the store's high-value customers bought at your other stores in the last 30 days that this
    store has not sold in them, most buyers first."""
    store = hq.store(s, who, store_id)
    if store is None:
        raise HTTPException(404, "no such store")
    return assortment_gap(s, store, datetime.now(UTC))


@router.get("/stores/{store_id}/funnel", response_model=FunnelOut, responses=NOT_FOUND)
def get_funnel(
    store_id: PathId, who: Who, s: Db, days: Annotated[int, Query(ge=1, le=366)] = 30
) -> FunnelOut:
    """The store's sales of the last `days` days from paper to person: linked to a customer, opened by
    the QR, saved to a phone, and the savers who came back; in total, per cashier, per local hour."""
    if hq.store(s, who, store_id) is None:
        raise HTTPException(404, "no such store")
    end = datetime.now(UTC)
    return funnel(s, [store_id], end - timedelta(days=days), end)[0]


@router.get("/consents/summary", response_model=list[ConsentCount])
def get_consent_summary(who: Who, s: Db) -> list[ConsentCount]:
    """How many of your stores' customers agree to offers now, per channel: whom a campaign may reach."""
    return consents.summary(s, who.store_ids)


@router.get("/products/unmapped", response_model=list[UnmappedItem])
def get_unmapped(
    who: Who, s: Db, store_id: QueryId = None, limit: Annotated[int, Query(ge=1, le=500)] = 100
) -> list[UnmappedItem]:
    """Items your stores' recent sales printed that match no product of the catalogue, most printed
    first: what to add to it."""
    stores = who.store_ids if store_id is None else who.store_ids & {store_id}
    found = products.unmapped(s, who.retailer, stores, limit) if stores else []
    return [UnmappedItem(name=u.name, code=u.code, lines=u.lines, sales=u.sales) for u in found]


@router.get("/devices", response_model=list[DeviceOut])
def list_devices(who: Who, s: Db, store_id: QueryId = None) -> list[DeviceOut]:
    return hq.devices(s, who, store_id)


@router.get("/transactions", response_model=TransactionPage)
def list_transactions(
    who: Who,
    s: Db,
    store_id: QueryId = None,
    since: datetime | None = None,
    until: datetime | None = None,
    status: Annotated[str | None, Query(max_length=32)] = None,
    kind: Annotated[str | None, Query(max_length=32)] = None,
    customer_id: QueryId = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> TransactionPage:
    q = hq.transactions_query(
        who, store_id, _aware(since, "since"), _aware(until, "until"), status, kind, customer_id
    )
    total, rows = hq.page(s, q, limit, offset)
    items = [TransactionOut.model_validate(t) for t in rows]
    return TransactionPage(total=total, limit=limit, offset=offset, items=items)


@router.get("/transactions/{transaction_id}", response_model=TransactionDetail, responses=NOT_FOUND)
def get_transaction(transaction_id: PathId, who: Who, s: Db) -> TransactionDetail:
    t = hq.transaction(s, who, transaction_id)
    if t is None:
        raise HTTPException(404, "no such transaction")
    return hq.transaction_detail(t)


@router.get("/review", response_model=ReviewPage)
def review_queue(
    who: Who, s: Db, store_id: QueryId = None, limit: Limit = 50, offset: Offset = 0
) -> ReviewPage:
    """Receipts that did not add up (`needs_review`), each with the paper as printed beside the parse."""
    q = hq.transactions_query(who, store_id, status="needs_review")
    total, rows = hq.page(s, q, limit, offset)
    items = [hq.transaction_detail(t) for t in rows]
    return ReviewPage(total=total, limit=limit, offset=offset, items=items)


@router.get("/customers", response_model=CustomerPage)
def list_customers(
    who: Who,
    s: Db,
    segment: Annotated[str | None, Query(max_length=32)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> CustomerPage:
    """Customers with purchases in your stores, biggest spend first; figures over your stores only."""
    total, rows = customer_views.customers(s, who, limit, offset, segment, datetime.now(UTC))
    return CustomerPage(total=total, limit=limit, offset=offset, items=rows)


@router.get("/customers/{customer_id}", response_model=CustomerDetail, responses=NOT_FOUND)
def get_customer(customer_id: PathId, who: Who, s: Db) -> CustomerDetail:
    found = customer_views.customer(s, who, customer_id, datetime.now(UTC))
    if found is None:
        raise HTTPException(404, "no such customer in your stores")
    return found


@router.get(
    "/customers/{customer_id}/recommendations", response_model=list[Recommendation], responses=NOT_FOUND
)
def get_recommendations(
    customer_id: PathId, who: Who, s: Db, limit: Annotated[int, Query(ge=1, le=50)] = 10
) -> list[Recommendation]:
    found = customer_views.recommendations(s, who, customer_id, limit)
    if found is None:
        raise HTTPException(404, "no such customer in your stores")
    return found


@router.get("/health", response_model=list[StoreHealth])
def get_health(request: Request, who: Who, s: Db) -> list[StoreHealth]:
    """Each of your stores: boxes offline, unsent backlog, parse failures per POS program, and the alerts
    raised by the configured thresholds (`[alerts]` in cloud.toml)."""
    return store_health(s, who, datetime.now(UTC), app_state(request).thresholds)


@router.get("/reports/daily", response_model=DailyReport, responses=NOT_FOUND)
def get_daily_report(
    store_id: Annotated[int, Query(ge=1, le=MAX_ID)], day: date, request: Request, who: Who, s: Db
) -> DailyReport:
    """The store's day (its local calendar day): sales, tickets, basket, by hour, products, customers,
    and its regulars gone quiet."""
    found = hq.store(s, who, store_id)
    if found is None:
        raise HTTPException(404, "no such store")
    return daily_report(s, found, day, app_state(request).secret)


@router.get("/reports/stores", response_model=StoresReport)
def get_stores_report(day: date, who: Who, s: Db) -> StoresReport:
    """Your stores side by side for their local `day`: sales, tickets, basket, identified share, change
    against the same weekday a week before, and the rank within each currency."""
    return stores_report(s, who.store_ids, day)


@router.get("/reports/chain", response_model=ChainReport, responses={403: {"description": "Owners only"}})
def get_chain_report(day: date, who: Who, s: Db) -> ChainReport:
    """The chain for the owner: totals per currency, regions, the best and worst stores."""
    if who.role != "owner":
        raise HTTPException(403, "the chain's report is the owner's")
    return chain_report(s, who.retailer, who.store_ids, day)
