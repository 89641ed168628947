"""One-time codes that prove a phone: sent to save a receipt or to sign in to /me.

A code is six digits, kept only as a keyed hash, valid for 10 minutes and for 5 tries; a phone gets at
most 3 codes an hour. Both limits are atomic statements in the database, so they hold for requests sent
in parallel and across web workers: a try is counted by an UPDATE that only succeeds while tries are
left, a code by the phone's row in rate_counts. Whoever types a right code gets a session; nothing of a
phone's receipts is shown before that.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from cloud_api.core.ratelimit import Limit, count_in
from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.customers import AlreadyClaimed, claim_receipt, customer_for_phone, phone_hash, resolve
from cloud_api.i18n import Texts
from cloud_api.models import ClaimCode, Customer, ShopperSession, Transaction


@dataclass(frozen=True)
class ClaimLimits:
    code_ttl: timedelta = timedelta(minutes=10)
    attempts_per_code: int = 5
    codes_per_phone: int = 3
    codes_window: timedelta = timedelta(hours=1)
    session_ttl: timedelta = timedelta(days=30)


class ClaimRefused(Exception):
    """Said to the shopper as it is, in their language: `key` names the text in cloud_api/i18n."""

    def __init__(self, key: str, **values: object) -> None:
        self.key, self.values = key, values
        super().__init__(Texts("en")(key, **values))


def _code_hash(secret: ServiceSecret, claim_id: str, code: str) -> str:
    return secret.keyed_hash("claim-code", f"{claim_id}:{code}")


def start_claim(
    session: Session,
    secret: ServiceSecret,
    e164: str,
    transaction: Transaction | None,
    now: datetime,
    limits: ClaimLimits,
) -> tuple[ClaimCode, str]:
    """A new code for this phone (the code itself is returned once, for the SMS, and never stored)."""
    ph = phone_hash(secret, e164)
    per_phone = Limit("codes-per-phone", limits.codes_per_phone, int(limits.codes_window.total_seconds()))
    if count_in(session, per_phone, ph, now.timestamp()) > per_phone.limit:
        raise ClaimRefused("account.too_many_codes")
    claim_id = secrets.token_urlsafe(16)
    code = f"{secrets.randbelow(1_000_000):06d}"
    claim = ClaimCode(
        id=claim_id,
        phone_hash=ph,
        phone_sealed=secret.seal("phone", e164),
        transaction_id=transaction.id if transaction is not None else None,
        code_hash=_code_hash(secret, claim_id, code),
        created_at=now,
        expires_at=now + limits.code_ttl,
        attempts=0,
    )
    session.add(claim)
    return claim, code


@dataclass(frozen=True)
class Verified:
    customer: Customer
    session_token: str  # for the cookie; only its hash is stored
    transaction: Transaction | None
    note: str | None = None  # the phone is proven, but the receipt was someone else's (a text's key)


def verify_code(
    session: Session, secret: ServiceSecret, claim_id: str, code: str, now: datetime, limits: ClaimLimits
) -> Verified:
    # The try is counted first, by one statement that succeeds only while the code is live and has
    # tries left: parallel tries queue on the row and each sees the ones before it.
    tried = session.execute(
        update(ClaimCode)
        .where(
            ClaimCode.id == claim_id,
            ClaimCode.used_at.is_(None),
            ClaimCode.expires_at > now,
            ClaimCode.attempts < limits.attempts_per_code,
        )
        .values(attempts=ClaimCode.attempts + 1)
        .returning(ClaimCode.attempts)
    ).scalar_one_or_none()
    claim = session.get(ClaimCode, claim_id, populate_existing=True)
    if claim is None or claim.used_at is not None or claim.expires_at <= now:
        raise ClaimRefused("account.code_expired")
    if tried is None:
        raise ClaimRefused("account.too_many_wrong")
    typed = "".join(code.split())
    if not hmac.compare_digest(_code_hash(secret, claim_id, typed), claim.code_hash):
        left = limits.attempts_per_code - tried
        raise (
            ClaimRefused("account.wrong_code_left", left=left) if left else ClaimRefused("account.wrong_code")
        )
    # The row is ours until the commit (the UPDATE above): a right code typed twice in parallel signs in
    # once, the second try finding it used.
    claim.used_at = now
    customer = customer_for_phone(session, secret, secret.open("phone", claim.phone_sealed), now)
    tx = session.get(Transaction, claim.transaction_id) if claim.transaction_id is not None else None
    note = None
    if tx is not None:
        try:
            customer = claim_receipt(session, secret, tx, customer, now)
        except AlreadyClaimed:
            note = "account.taken"
    token = secrets.token_urlsafe(32)
    session.add(
        ShopperSession(
            token_hash=secret.keyed_hash("session", token),
            customer_id=customer.id,
            created_at=now,
            expires_at=now + limits.session_ttl,
        )
    )
    return Verified(customer, token, tx, note)


def session_customer(
    session: Session, secret: ServiceSecret, token: str | None, now: datetime
) -> Customer | None:
    if not token or len(token) > 100:
        return None
    row = session.get(ShopperSession, secret.keyed_hash("session", token))
    if row is None or row.expires_at <= now:
        return None
    return resolve(session, row.customer_id)


def end_session(session: Session, secret: ServiceSecret, token: str | None) -> None:
    if token and len(token) <= 100:
        row = session.get(ShopperSession, secret.keyed_hash("session", token))
        if row is not None:
            session.delete(row)
