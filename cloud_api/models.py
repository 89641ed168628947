"""The cloud's tables. Alembic (cloud_api/migrations) creates them, with sync's ledger beside them.

Stores and devices come from enrolment; transactions from ingest, one row per (device, job) however
often the box sends it, updated in place by a correction with a higher revision.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    true,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from cloud_api.money import Money
from sync.aware_time import Aware
from sync.aware_time import UtcDateTime as UtcDateTime  # the migrations name cloud_api.models.UtcDateTime

# JSONB on PostgreSQL (indexable, compact), JSON text on SQLite.
Document = JSON().with_variant(JSONB(), "postgresql")

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Store(Base):
    __tablename__ = "stores"
    __table_args__ = (UniqueConstraint("retailer", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    retailer: Mapped[str] = mapped_column(String(64))
    code: Mapped[str] = mapped_column(String(64))  # the store id in box.toml and in topics
    name: Mapped[str | None] = mapped_column(String(200))  # as HQ calls it (`tillbox-cloud stores set`)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    # ISO 4217: the currency its figures are reported in; receipts in any other are shown apart, never
    # added in. None: the one most of its receipts carry.
    currency: Mapped[str | None] = mapped_column(String(3))
    # The daily report goes out at closing time (store's local time, HH:MM) for that day's sales.
    closing_time: Mapped[str] = mapped_column(String(5), default="22:00", server_default="22:00")
    last_report_for: Mapped[str | None] = mapped_column(String(10))  # ISO date of the last report sent
    region: Mapped[str | None] = mapped_column(String(64))  # as HQ groups its stores: the owner's report


class Device(Base):
    __tablename__ = "devices"

    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)  # = its certificate's CN
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), index=True)
    public_key: Mapped[str] = mapped_column(String(64))  # Ed25519, base64url as `tillbox status` prints
    enrolled_at: Mapped[datetime] = mapped_column(Aware)
    revoked_at: Mapped[datetime | None] = mapped_column(Aware)
    last_seen_at: Mapped[datetime | None] = mapped_column(Aware)
    online: Mapped[bool] = mapped_column(default=False)
    health: Mapped[dict[str, Any] | None] = mapped_column(Document)  # the last heartbeat's body


class Transaction(Base):
    __tablename__ = "transactions"
    __table_args__ = (
        UniqueConstraint("device_id", "job_id"),
        Index("ix_transactions_store_started", "store_id", "started_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("devices.device_id"))
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    job_id: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int]  # the envelope that brought the current revision
    revision: Mapped[int]
    qr_token: Mapped[str | None] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(32))  # ok / needs_review / …
    currency: Mapped[str | None] = mapped_column(String(8))
    total: Mapped[Decimal | None] = mapped_column(Money)
    printed_at: Mapped[str | None] = mapped_column(String(32))  # the till's local time, as printed
    started_at: Mapped[datetime] = mapped_column(Aware)  # when the box saw it, UTC
    received_at: Mapped[datetime] = mapped_column(Aware)
    record: Mapped[dict[str, Any]] = mapped_column(Document)  # the box's record, whole
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    # The printed member number's keyed hash (cloud_api.crud.customers.member_hash), so that linking a
    # member number to a customer finds that member's receipts, earlier and later, by index.
    member_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    # The receipt's layout (edge/parsing/layout.py, from the paper's head) and the profile that read it:
    # corrections group by the one, health per profile by the other.
    layout: Mapped[str | None] = mapped_column(String(64), index=True)
    parser: Mapped[str | None] = mapped_column(String(64))
    # Set when someone at HQ corrected it: `record`'s transaction is then theirs (the box's kept in the
    # first revision's `before`), and a later parse from the box does not replace it.
    corrected_at: Mapped[datetime | None] = mapped_column(Aware)
    corrected_by: Mapped[str | None] = mapped_column(String(254))
    # Raised by every ORM update: an ingest that read the row before a correction committed fails its
    # update (and is retried, seeing the correction) instead of writing the box's parse over HQ's.
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    # The funnel from paper to person (cloud_api/crud/funnel.py). First shopper's view of /r/{token}: the
    # QR scanned (set once, by one conditional UPDATE; HQ's own views are not counted).
    first_viewed_at: Mapped[datetime | None] = mapped_column(Aware)
    # When a shopper saved it with their proven phone (crud/customers.claim_receipt): a member number links
    # receipts to a customer too, and only this tells the two apart.
    claimed_at: Mapped[datetime | None] = mapped_column(Aware)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's declarative attribute)


class ReceiptPrint(Base):
    """The print job's bytes as the till sent them, and the printer profile the box decoded them with:
    what the cloud reads a corrected receipt again from, to learn its layout (beside the record, like
    the paper's picture)."""

    __tablename__ = "receipt_prints"

    transaction_id: Mapped[int] = mapped_column(ForeignKey("transactions.id"), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    printer: Mapped[str | None] = mapped_column(String(64))


class Revision(Base):
    """One correction HQ made to a transaction: who, when, the transaction before and after (wire JSON),
    and the fields that changed. The first one's `before` is the box's own parse."""

    __tablename__ = "revisions"
    __table_args__ = (UniqueConstraint("transaction_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    transaction_id: Mapped[int] = mapped_column(ForeignKey("transactions.id"), index=True)
    number: Mapped[int]  # 1, 2, … per transaction
    author: Mapped[str] = mapped_column(String(254))
    at: Mapped[datetime] = mapped_column(Aware)
    before: Mapped[dict[str, Any]] = mapped_column(Document)
    after: Mapped[dict[str, Any]] = mapped_column(Document)
    changes: Mapped[list[str]] = mapped_column(Document)  # field paths: "total", "items[2].amount", …


class LearnedProfile(Base):
    """A POS profile induced from HQ's corrections of one layout: a draft with its score on every stored
    receipt of the layout, then approved (signed and pushed to `stores`) or rolled back."""

    __tablename__ = "learned_profiles"
    __table_args__ = (UniqueConstraint("retailer", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    retailer: Mapped[str] = mapped_column(String(64))
    layout: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(64))
    toml: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))  # draft, approved, rolled_back, superseded
    examples: Mapped[list[int]] = mapped_column(Document)  # the corrected transactions it was learned from
    score: Mapped[dict[str, Any]] = mapped_column(Document)
    stores: Mapped[list[int]] = mapped_column(Document)  # where it was pushed
    # What each of those stores ran before it ({store id: [name, TOML] or null}): what a rollback restores.
    replaced: Mapped[dict[str, Any]] = mapped_column(Document, default=dict)
    created_by: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(Aware)
    decided_by: Mapped[str | None] = mapped_column(String(254))
    decided_at: Mapped[datetime | None] = mapped_column(Aware)


class ReceiptPaper(Base):
    """The paper as it printed, as the box drew it (PNG, 1 bit): kept beside the record, not inside its
    JSON, so that the queries over records do not carry pictures."""

    __tablename__ = "receipt_papers"

    transaction_id: Mapped[int] = mapped_column(ForeignKey("transactions.id"), primary_key=True)
    png: Mapped[bytes] = mapped_column(LargeBinary)


class Customer(Base):
    """A person, as one view over every identity that points to them. A customer merged into another
    keeps its row (with `merged_into`) so old references still resolve."""

    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(Aware)
    merged_into: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))


class Identity(Base):
    """Something that names a customer: a verified phone (kind "phone", any retailer) or a member number
    (kind "member", per retailer). Found by a keyed hash; the value itself is kept only encrypted."""

    __tablename__ = "identities"
    __table_args__ = (UniqueConstraint("kind", "retailer", "key_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    retailer: Mapped[str] = mapped_column(String(64))  # "" for a phone: a phone is the person's everywhere
    key_hash: Mapped[str] = mapped_column(String(64))  # HMAC-SHA256 under the service's secret
    sealed_value: Mapped[str] = mapped_column(String(400))  # AES-GCM under the same secret
    verified_at: Mapped[datetime] = mapped_column(Aware)


class ClaimCode(Base):
    """A one-time code sent to a phone: to save a receipt (`transaction_id`) or to sign in to /me."""

    __tablename__ = "claim_codes"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # random: it is in the form's URL
    phone_hash: Mapped[str] = mapped_column(String(64), index=True)
    phone_sealed: Mapped[str] = mapped_column(String(400))
    transaction_id: Mapped[int | None] = mapped_column(ForeignKey("transactions.id"))
    code_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(Aware, index=True)
    expires_at: Mapped[datetime] = mapped_column(Aware)
    attempts: Mapped[int] = mapped_column(default=0)
    used_at: Mapped[datetime | None] = mapped_column(Aware)


class ConsentEvent(Base):
    """A customer's marketing consent on one channel given or withdrawn, kept as history (never updated):
    the current state per channel is the latest event (cloud_api/crud/consents.py). Nothing but the
    customer's id: the address a channel reaches is the identity's, sealed there."""

    __tablename__ = "consent_events"
    __table_args__ = (Index("ix_consent_events_customer_channel_at", "customer_id", "channel", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    channel: Mapped[str] = mapped_column(String(16))  # sms, email, wechat, push
    granted: Mapped[bool]
    at: Mapped[datetime] = mapped_column(Aware)
    source: Mapped[str] = mapped_column(String(32))  # where it was said: me-page, receipt-claim


class ShopperSession(Base):
    """A shopper signed in by a code: the cookie holds a random token, the table only its hash."""

    __tablename__ = "shopper_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(Aware)
    expires_at: Mapped[datetime] = mapped_column(Aware)


class User(Base):
    """Someone at HQ. owner: every store of the retailer; manager: the stores assigned; store_manager:
    the one store assigned. Reports go by e-mail to each role's users of the store."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    retailer: Mapped[str] = mapped_column(String(64))
    password_hash: Mapped[str | None] = mapped_column(String(200))  # None: API tokens only
    created_at: Mapped[datetime] = mapped_column(Aware)
    disabled_at: Mapped[datetime | None] = mapped_column(Aware)
    # ISO date of the last closing report of this user's scope mailed (managers and owners: one mail
    # for all their stores, once the last of them has closed)
    last_report_for: Mapped[str | None] = mapped_column(String(10))


class UserStore(Base):
    __tablename__ = "user_stores"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), primary_key=True)


class ApiToken(Base):
    """A bearer token for /api/v1 (or an HQ page session, kind "session"): only its hash is kept."""

    __tablename__ = "api_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # "api" or "session"
    name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(Aware)
    expires_at: Mapped[datetime | None] = mapped_column(Aware)
    revoked_at: Mapped[datetime | None] = mapped_column(Aware)


class PushedConfig(Base):
    """A configuration HQ pushed to a store's boxes (sync/config_doc.py), as signed and sent."""

    __tablename__ = "pushed_configs"
    __table_args__ = (UniqueConstraint("store_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), index=True)
    version: Mapped[int]
    pos_profile: Mapped[str | None] = mapped_column(String(100))
    pos_profile_toml: Mapped[str | None] = mapped_column(Text)  # carried into the store's next version
    reparse_id: Mapped[str | None] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)  # the signed document, byte for byte as published
    pushed_at: Mapped[datetime] = mapped_column(Aware)
    pushed_by: Mapped[str] = mapped_column(String(254))


class RateCount(Base):
    """How often a key (a limit's name and whom it counts: an address, a phone, an account) was counted in
    one fixed window. One row per (key, window), incremented by one atomic upsert, so every web worker
    and every parallel request sees one count (cloud_api.core.ratelimit)."""

    __tablename__ = "rate_counts"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)  # a hash: no address or phone in clear
    window_start: Mapped[int] = mapped_column(BigInteger, primary_key=True)  # unix seconds
    count: Mapped[int] = mapped_column(Integer)
    expires_at: Mapped[int] = mapped_column(BigInteger, index=True)  # unix seconds: swept after this


class CustomerFeature(Base):
    """What one customer did in one store, in one currency (never added to another's), kept so that pages
    and reports read a row instead of folding every receipt (cloud_api/crud/customer_features.py
    refreshes it). Weekday and hour counts in the store's local time."""

    __tablename__ = "customer_features"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), primary_key=True, index=True)
    currency: Mapped[str] = mapped_column(String(8), primary_key=True)  # "" where the receipt named none
    purchases: Mapped[int] = mapped_column(Integer)
    spend: Mapped[Decimal] = mapped_column(Money)
    # The sum of each basket's square: with purchases and spend, the spread of the basket's size.
    spend_squares: Mapped[Decimal] = mapped_column(Money)
    # What was spent on lines that carried a discount: the customer's taste for promotions.
    discounted_spend: Mapped[Decimal] = mapped_column(Money)
    first_purchase_at: Mapped[datetime] = mapped_column(Aware)
    last_purchase_at: Mapped[datetime] = mapped_column(Aware)
    weekdays: Mapped[list[int]] = mapped_column(Document)  # Monday first, 7 counts
    hours: Mapped[list[int]] = mapped_column(Document)  # 24 counts
    refreshed_at: Mapped[datetime] = mapped_column(Aware)


class ValueModel(Base):
    """A retailer's customer value model in one currency, as last fitted (cloud_api/crud/customer_values.py):
    BG/NBD (r, alpha in days, a, b) and, where enough customers bought again, Gamma-Gamma (p, q, v).

    A fit that did not converge (or had too little to go on) is a row too, so the failure is on record:
    `converged` false, `problem` why, no parameters and nobody valued."""

    __tablename__ = "value_models"

    retailer: Mapped[str] = mapped_column(String(64), primary_key=True)
    currency: Mapped[str] = mapped_column(String(8), primary_key=True)
    customers: Mapped[int] = mapped_column(Integer)  # valued
    fitted_on: Mapped[int | None] = mapped_column(Integer)  # the customers of the (sampled) fit
    converged: Mapped[bool] = mapped_column(server_default=true())
    problem: Mapped[str | None] = mapped_column(String(500))
    r: Mapped[float | None]
    alpha: Mapped[float | None]
    a: Mapped[float | None]
    b: Mapped[float | None]
    p: Mapped[float | None]
    q: Mapped[float | None]
    v: Mapped[float | None]
    fitted_at: Mapped[datetime] = mapped_column(Aware)


class CustomerValue(Base):
    """One customer's figures from their retailer's value model, in one currency: whether they are still
    a customer, how many purchases to expect in 30 and 90 days, what a purchase is worth, and the 90 days'
    value (CLV)."""

    __tablename__ = "customer_values"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), primary_key=True)
    retailer: Mapped[str] = mapped_column(String(64), primary_key=True)
    currency: Mapped[str] = mapped_column(String(8), primary_key=True)
    p_alive: Mapped[float]
    expected_30: Mapped[float]
    expected_90: Mapped[float]
    expected_spend: Mapped[Decimal | None] = mapped_column(Money)  # per purchase
    clv_90: Mapped[Decimal | None] = mapped_column(Money)
    fitted_at: Mapped[datetime] = mapped_column(Aware)


class Product(Base):
    """A retailer's catalogue entry (cloud_api/crud/products.py): what a receipt's item is, found by the
    code or barcode the till prints, else by its normalised name."""

    __tablename__ = "products"
    __table_args__ = (
        UniqueConstraint("retailer", "code"),
        Index("ix_products_retailer_name_key", "retailer", "name_key"),
        Index("ix_products_retailer_barcode", "retailer", "barcode"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    retailer: Mapped[str] = mapped_column(String(64))
    code: Mapped[str | None] = mapped_column(String(64))  # the POS's article code or PLU
    barcode: Mapped[str | None] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200))  # products.name_key(name)
    category: Mapped[str | None] = mapped_column(String(100))
    brand: Mapped[str | None] = mapped_column(String(100))
    size: Mapped[str | None] = mapped_column(String(50))
    price_band: Mapped[str | None] = mapped_column(String(20))
    updated_at: Mapped[datetime] = mapped_column(Aware)


class TagRule(Base):
    """A life-stage or interest rule HQ wrote (cloud_api/crud/tags.py): at least `min_count` purchases of
    the catalogue's `category` within `window_days` make a customer `tag` from the purchase that met it."""

    __tablename__ = "tag_rules"
    __table_args__ = (UniqueConstraint("retailer", "tag"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    retailer: Mapped[str] = mapped_column(String(64))
    tag: Mapped[str] = mapped_column(String(40))
    category: Mapped[str] = mapped_column(String(100))
    min_count: Mapped[int] = mapped_column(Integer)
    window_days: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(300))  # as HQ wrote it
    created_at: Mapped[datetime] = mapped_column(Aware)


class CustomerTag(Base):
    """A tag a rule gave a customer, and since when."""

    __tablename__ = "customer_tags"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), primary_key=True)
    rule_id: Mapped[int] = mapped_column(ForeignKey("tag_rules.id"), primary_key=True)
    since: Mapped[datetime] = mapped_column(Aware)


class BasketRule(Base):
    """ "Who buys A buys B": a pair of items bought together more than chance has it, in one store's or the
    whole chain's recent baskets (cloud_api/crud/baskets.py, refreshed nightly)."""

    __tablename__ = "basket_rules"
    __table_args__ = (Index("ix_basket_rules_retailer_scope", "retailer", "scope"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    retailer: Mapped[str] = mapped_column(String(64))
    scope: Mapped[str] = mapped_column(String(64))  # a store's code, or "" for the chain
    antecedent: Mapped[str] = mapped_column(String(200))  # an item's name as the catalogue or a till has it
    consequent: Mapped[str] = mapped_column(String(200))
    baskets: Mapped[int] = mapped_column(Integer)  # holding both
    support: Mapped[float]
    confidence: Mapped[float]
    lift: Mapped[float]
    refreshed_at: Mapped[datetime] = mapped_column(Aware)
