"""The HQ API's response shapes (and so its OpenAPI schema). Money is Decimal, sent as a decimal string;
times are timezone-aware (UTC) except `printed_at`, the till's own local time as printed."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from sync.wire.config import MAX_ITEM_RULES_CHARS
from sync.wire.heartbeat import BridgeCounters


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class StoreOut(Out):
    id: int
    retailer: str
    code: str
    name: str | None
    timezone: str
    closing_time: str
    region: str | None = None


class SeqRange(BaseModel):
    first: int
    last: int


class DeviceOut(Out):
    device_id: str
    store_id: int
    online: bool
    revoked: bool
    last_seen_at: datetime | None
    outbox_depth: int | None
    oldest_unsent_age_s: int | None
    parse_failure_rate: Decimal | None
    disk_used_share: Decimal | None
    # The POS speaks another printer language (e.g. star) than the box's printer profile: it prints no QR.
    foreign_printer_commands: str | None = None
    disk_alarm: bool
    version: str | None  # the box's software
    config_version: int | None  # the configuration from HQ it runs (0: none yet)
    pos_profile: str | None  # the POS profile it reads receipts with (None: detected per receipt)
    # Sequence numbers the cloud never received, below the highest it has: runs (the first 1,000), and
    # how many numbers in all.
    missing: list[SeqRange]
    missing_count: int
    quarantined: dict[str, int]  # envelopes the cloud kept aside instead of storing, by reason
    # The bridge's counters as the box last said them (sync/wire/heartbeat.py): copy bytes dropped, cuts
    # printed without the QR block, spool errors. None: the box has sent none.
    bridge: BridgeCounters | None = None


class TransactionOut(Out):
    id: int
    store_id: int
    device_id: str
    job_id: str
    revision: int
    kind: str
    status: str
    currency: str | None
    total: Decimal | None
    printed_at: str | None
    started_at: datetime
    customer_id: int | None


class TransactionDetail(TransactionOut):
    transaction: dict[str, Any]  # the parsed receipt, as the box sent it
    tags: dict[str, Any]
    paper: str | None  # the receipt as printed (text), for checking the parse against


class Page(BaseModel):
    total: int
    limit: int
    offset: int


class TransactionPage(Page):
    items: list[TransactionOut]


class ReviewPage(Page):
    items: list[TransactionDetail]


class CustomerSummary(BaseModel):
    id: int
    first_purchase_at: datetime | None
    last_purchase_at: datetime | None
    purchases: int
    currency: str | None = None  # of spend and average_basket: the one most purchases were in
    spend: Decimal
    average_basket: Decimal | None
    recency_days: int | None
    rfm: str  # R, F and M scores 1–5, e.g. "545"
    segment: str


class CustomerPage(Page):
    items: list[CustomerSummary]


class CountedName(BaseModel):
    name: str
    count: int


class ChurnWarningOut(BaseModel):
    """A core customer of the store overdue against their own cadence (cloud_api/crud/churn.py)."""

    customer_id: int
    phone: str | None  # masked
    member: str | None  # masked
    purchases: int  # in this store
    last_visit: datetime
    expected_visit: datetime
    cadence_days: float
    p_alive: float | None
    currency: str | None
    value_at_risk: Decimal  # what their cadence and basket here would bring in 90 days


class UnmappedItem(BaseModel):
    """A receipt item that matches no product of the catalogue (cloud_api/crud/products.py)."""

    name: str  # as a till printed it
    code: str | None
    lines: int
    sales: dict[str, Decimal]  # by currency ("" where none was read)


class LifeStage(BaseModel):
    """A tag a rule of HQ's gave the customer (cloud_api/crud/tags.py), and since when."""

    tag: str
    since: datetime


class BasketRuleOut(BaseModel):
    """Who buys `antecedent` buys `consequent` too (cloud_api/crud/baskets.py), in the store's recent
    baskets: in `baskets` of them together, `confidence` of the antecedent's, `lift` times chance."""

    antecedent: str
    consequent: str
    baskets: int
    support: float
    confidence: float
    lift: float
    refreshed_at: datetime


class CustomerValueOut(BaseModel):
    """From the retailer's value model as last fitted (nightly): in the customer's main currency."""

    p_alive: float
    expected_purchases_30_days: float
    expected_purchases_90_days: float
    expected_spend: Decimal | None  # per purchase
    value_90_days: Decimal | None
    fitted_at: datetime


class ConsentOut(BaseModel):
    """A customer's marketing consent on one channel as it stands: their latest word on it."""

    channel: str
    granted: bool
    at: datetime
    source: str  # where it was said: "me-page", "receipt-claim"


class CustomerDetail(CustomerSummary):
    favourite_items: list[CountedName]
    tags: list[CountedName]
    preferred_hours: list[int]  # local hours of day, most frequent first
    value: CustomerValueOut | None = None  # none before the first nightly fit, or where it failed
    life_stages: list[LifeStage] = []
    history: list[TransactionOut]
    # Marketing consent per channel the customer has ever answered (granted or withdrawn); a channel
    # not listed was never asked: no consent.
    consents: list[ConsentOut] = []


class Recommendation(BaseModel):
    item: str
    # "together": bought with the customer's items more than chance has it (score: the rule's lift, which
    # corrects for how popular the item is anyway); "again": an item they buy regularly, due by their own
    # rhythm (score: how many of their rhythms have passed since they last bought it).
    kind: str
    score: Decimal
    because_of: list[str]
    reason: (
        str  # for HQ: "bought with Milk Powder by 100 % of those who buy Nappies", "every 14 days; 20 since"
    )


class HourSales(BaseModel):
    hour: int
    sales: Decimal
    tickets: int


class ProductSales(BaseModel):
    name: str
    quantity: Decimal
    sales: Decimal


class CoreCustomer(BaseModel):
    customer_id: int
    spend: Decimal
    tickets: int


class CurrencySales(BaseModel):
    """Sales in a currency other than the store's (or with none read): reported apart, never added in."""

    currency: str | None
    sales: Decimal
    refunds: Decimal
    tickets: int


class GapItem(BaseModel):
    """An item a store's high-value customers bought at the chain's other stores and it has not sold."""

    name: str  # as the catalogue names it, else as printed
    category: str | None
    buyers: int  # of the store's high-value customers, in the last 30 days
    bought_at: list[str]  # the store codes where they bought it


class DailyReport(BaseModel):
    store_id: int
    store: str
    date: date
    # The store's currency (HQ's setting, else the one most of the day's sales carry); every figure below
    # but `other_currencies` is in it alone.
    currency: str | None
    sales: Decimal
    refunds: Decimal
    tickets: int
    average_basket: Decimal | None
    other_currencies: list[CurrencySales]
    by_hour: list[HourSales]
    top_products: list[ProductSales]  # from receipts that add up (status ok) only
    core_customers: list[CoreCustomer]
    # Core customers gone quiet against their own cadence (as the features stand when it is made), the
    # most value at risk first; masked phone and member number where the service's secret was at hand.
    gone_quiet: list[ChurnWarningOut] = []
    # What the store's high-value customers bought at the chain's other stores in the last 30 days that
    # it has not sold in them (cloud_api/crud/assortment.py)
    assortment_gap: list[GapItem] = []
    # From paper to person over the day's sales (crud/funnel.py): linked, scanned, saved, came back; and
    # per cashier, who asks for the member card or shows the QR
    funnel: FunnelFigures | None = None
    funnel_by_cashier: list[CashierFunnel] = []
    new_customers: int
    returning_customers: int
    needs_review: int


class StoreDay(BaseModel):
    """A store's day in a manager's or the owner's report (cloud_api/crud/role_reports.py)."""

    store_id: int
    store: str
    code: str
    region: str | None
    currency: str | None  # every figure below in it alone
    sales: Decimal
    tickets: int
    average_basket: Decimal | None
    identified: int  # sales linked to a known customer
    identified_share: Decimal | None  # identified / tickets, 0 to 1; None without sales
    sales_week_before: Decimal  # the same weekday a week before
    change: Decimal | None  # (sales - sales_week_before) / sales_week_before; None where that was 0
    other_currency_tickets: int  # sales in another currency: not in these figures
    rank: int  # by sales among the report's stores of the same currency, 1 the best


class CurrencyTotal(BaseModel):
    """The sum of the stores' figures in one currency (never across currencies)."""

    currency: str | None
    stores: int
    sales: Decimal
    tickets: int
    average_basket: Decimal | None
    identified_share: Decimal | None
    sales_week_before: Decimal
    change: Decimal | None


class RegionTotal(CurrencyTotal):
    region: str


class StoresReport(BaseModel):
    """A manager's closing report: their stores side by side."""

    date: date
    stores: list[StoreDay]  # by currency, then rank
    totals: list[CurrencyTotal]


class ChainReport(BaseModel):
    """The owner's closing report: the chain by region, its best and worst stores."""

    retailer: str
    date: date
    totals: list[CurrencyTotal]
    regions: list[RegionTotal]
    top: list[StoreDay]  # the best few of each currency
    bottom: list[StoreDay]  # the worst few of each currency, the worst first; none of them in `top`
    stores: list[StoreDay]


class DayReading(BaseModel):
    day: date  # UTC
    receipts: int
    needs_review: int
    corrected: int  # by HQ (they count as ok from then on)


class ParserHealth(BaseModel):
    parser: str  # the POS program's profile the receipts were read with
    receipts: int  # in the window
    needs_review: int
    corrected: int  # by HQ, of the window's receipts
    rate: Decimal | None  # needs_review's share of the window's receipts
    ok_rate: Decimal | None
    corrected_rate: Decimal | None
    baseline_receipts: int  # in the days before the window: what "rising" is measured against
    baseline_rate: Decimal | None
    days: list[DayReading]  # the window and the baseline, day by day, oldest first


class StoreHealth(BaseModel):
    store_id: int
    store: str
    devices: int
    offline: list[str]
    outbox_depth: int
    oldest_unsent_age_s: int
    receipts: int  # in the window (24 h)
    needs_review: int
    parse_failure_rate: Decimal | None
    by_parser: list[ParserHealth]
    quarantined: int  # records and heartbeats of the store's boxes kept aside unstored (see the devices)
    gone_quiet: int = 0  # core customers overdue against their own cadence (/stores/{id}/warnings)
    alerts: list[str]  # empty when every threshold holds


class Checked(BaseModel):
    """A proposed correction, self-checked: `adds_up` when its numbers prove each other."""

    adds_up: bool
    reasons: list[str]
    transaction: dict[str, Any]  # as it would be stored (wire JSON), status and reasons the check's


class RevisionOut(Out):
    number: int
    author: str
    at: datetime
    changes: list[str]
    before: dict[str, Any]
    after: dict[str, Any]


class LayoutOut(BaseModel):
    layout: str  # the first line of the receipts' head that names the shop or its program
    receipts: int
    needs_review: int
    corrected: int
    with_print: int  # receipts the cloud can read again (their boxes send the print job)
    stores: list[str]


class LearnedProfileOut(Out):
    id: int
    layout: str
    name: str
    status: str  # draft, approved, rolled_back, superseded
    toml: str
    examples: list[int]
    score: dict[str, Any]
    stores: list[int]
    created_by: str
    created_at: datetime
    decided_by: str | None
    decided_at: datetime | None


class Pushed(BaseModel):
    stores: list[str]


class ItemRulesIn(BaseModel):
    """A rules file's text, as a box's `[tags] rules` file holds it ([[rule]] tag, items)."""

    toml: str = Field(max_length=MAX_ITEM_RULES_CHARS)


class StoreRulesPushed(BaseModel):
    store: str
    version: int  # the store's configuration version that carries the rules
    devices: list[str]  # the boxes it was published to


class ItemRulesPushed(BaseModel):
    rules: int  # how many rules the file holds
    stores: list[StoreRulesPushed]


class FunnelFigures(BaseModel):
    """From paper to person, over the sale receipts of a period. `linked`: sales tied to a known customer
    (a saved receipt or a member number); `scanned`: receipts a shopper opened by the QR (HQ's views not
    counted); `saved`: receipts a shopper saved to their phone; `repeat`: saved receipts whose customer
    bought again later at the retailer (any store, up to now).

    Shares are fractions (0.25 = 25 %), rounded to 0.001: `linked_share`, `scan_share`, `save_share` of
    `sales`, `repeat_share` of `saved`; 0 where there is nothing to divide by."""

    sales: int = 0
    linked: int = 0
    scanned: int = 0
    saved: int = 0
    repeat: int = 0
    linked_share: Decimal = Decimal(0)
    scan_share: Decimal = Decimal(0)
    save_share: Decimal = Decimal(0)
    repeat_share: Decimal = Decimal(0)


class CashierFunnel(FunnelFigures):
    cashier: str | None  # as the receipt prints it; None: the receipt names none


class HourFunnel(FunnelFigures):
    hour: int  # the store's local hour of day, 0–23


class FunnelOut(BaseModel):
    """One store's funnel over [start, end): in total, per cashier (most sales first) and per local hour
    (hours with sales only). Customers are counted once however many receipts they saved."""

    store_id: int
    store: str
    start: datetime
    end: datetime
    totals: FunnelFigures
    saving_customers: int  # who saved at least one of the period's receipts
    returning_customers: int  # of those, who bought again later at the retailer
    by_cashier: list[CashierFunnel]
    by_hour: list[HourFunnel]


class ConsentCount(BaseModel):
    channel: str
    customers: int  # consenting now, among the customers who bought in your stores


class TagRuleIn(BaseModel):
    rule: str = Field(max_length=300)  # "2 or more baby purchases in 60 days -> new_parent"


class TagRuleOut(BaseModel):
    id: int
    tag: str
    category: str
    min_count: int
    window_days: int
    text: str
    created_at: datetime
    customers: int  # tagged by it now


class ProductIn(BaseModel):
    """A catalogue entry: as a CSV row of `tillbox-cloud products import` (name required)."""

    code: str | None = None
    barcode: str | None = None
    name: str
    category: str | None = None
    brand: str | None = None
    size: str | None = None
    price_band: str | None = None


class ProductsIn(BaseModel):
    products: list[ProductIn] = Field(max_length=10_000)


class RowRefused(BaseModel):
    row: int  # 1 for the first product of the request
    reason: str


class ProductsImported(BaseModel):
    added: int
    replaced: int
    refused: list[RowRefused]
