"""One customer per person, over every identity that names them (a verified phone, member numbers per
retailer), and the receipts linked to them. Two customers found to be one person (a member number
already linked elsewhere turns up on a phone's receipt) are merged: the later one points to the earlier."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.customer_features import renew_for
from cloud_api.crud.records import transaction_of
from cloud_api.models import ConsentEvent, Customer, Identity, ShopperSession, Store, Transaction

PHONE, MEMBER = "phone", "member"


def member_key(member_id: str) -> str:
    """Member numbers as tills print them vary in spacing and case, never in meaning."""
    return "".join(member_id.split()).upper()


def member_hash(secret: ServiceSecret, retailer: str, member_id: str) -> str:
    return secret.keyed_hash(f"member/{retailer}", member_key(member_id))


def phone_hash(secret: ServiceSecret, e164: str) -> str:
    return secret.keyed_hash("phone", e164)


def resolve(session: Session, customer_id: int) -> Customer:
    """The customer an id stands for now, following merges."""
    customer = session.get(Customer, customer_id)
    seen = set()
    while customer is not None and customer.merged_into is not None and customer.id not in seen:
        seen.add(customer.id)
        customer = session.get(Customer, customer.merged_into)
    if customer is None:
        raise LookupError(f"customer {customer_id} does not exist")
    return customer


def _identity(session: Session, kind: str, retailer: str, key_hash: str) -> Identity | None:
    return session.scalars(
        select(Identity).where(
            Identity.kind == kind, Identity.retailer == retailer, Identity.key_hash == key_hash
        )
    ).first()


def customer_for_phone(session: Session, secret: ServiceSecret, e164: str, now: datetime) -> Customer:
    """The customer whose verified phone this is, made on first sight. Only for a phone proven by a code."""
    found = _identity(session, PHONE, "", phone_hash(secret, e164))
    if found is not None:
        return resolve(session, found.customer_id)
    customer = Customer(created_at=now)
    session.add(customer)
    session.flush()
    session.add(
        Identity(
            customer_id=customer.id,
            kind=PHONE,
            retailer="",
            key_hash=phone_hash(secret, e164),
            sealed_value=secret.seal("phone", e164),
            verified_at=now,
        )
    )
    return customer


def merge(session: Session, source: Customer, target: Customer) -> None:
    """Everything of `source` becomes `target`'s; `source` stays as a pointer."""
    if source.id == target.id:
        return
    for model in (Transaction, Identity, ShopperSession, ConsentEvent):
        session.execute(update(model).where(model.customer_id == source.id).values(customer_id=target.id))
    session.execute(update(Customer).where(Customer.merged_into == source.id).values(merged_into=target.id))
    source.merged_into = target.id
    renew_for(session, [source.id, target.id])


def _has_phone(session: Session, customer_id: int) -> bool:
    found = session.scalar(
        select(Identity.id).where(Identity.customer_id == customer_id, Identity.kind == PHONE).limit(1)
    )
    return found is not None


def link_member(
    session: Session, secret: ServiceSecret, customer: Customer, retailer: str, member_id: str, now: datetime
) -> Customer:
    """Tie a member number to a customer; its unclaimed receipts, earlier and later, are theirs from now
    on. Returns the customer (unchanged unless this was a member-only customer, merged in)."""
    key = member_hash(secret, retailer, member_id)
    found = _identity(session, MEMBER, retailer, key)
    if found is None:
        session.add(
            Identity(
                customer_id=customer.id,
                kind=MEMBER,
                retailer=retailer,
                key_hash=key,
                sealed_value=secret.seal(f"member/{retailer}", member_key(member_id)),
                verified_at=now,
            )
        )
    else:
        owner = resolve(session, found.customer_id)
        if owner.id != customer.id:
            if _has_phone(session, owner.id):
                # Someone else proved their phone and holds this member number (a shared or a house
                # card). A paper receipt is no proof of being them: nothing of theirs is merged or shown.
                return customer
            # A customer known only by this member number (an imported member): the same person.
            merge(session, owner, customer)
    store_ids = select(Store.id).where(Store.retailer == retailer)
    moved: CursorResult[Any] = session.execute(  # type: ignore[assignment]  # an UPDATE's: it has a rowcount
        update(Transaction)
        .where(
            Transaction.member_hash == key,
            Transaction.store_id.in_(store_ids),
            Transaction.customer_id.is_(None),  # never a receipt someone else saved
        )
        .values(customer_id=customer.id)
    )
    if moved.rowcount:  # a member enrolled before any receipt of theirs: nothing to renew
        renew_for(session, [customer.id], now)
    return customer


def customers_for_member_hashes(session: Session, retailer: str, keys: set[str]) -> dict[str, int]:
    """The customer each linked member number (by its hash) belongs to now."""
    if not keys:
        return {}
    rows = session.execute(
        select(Identity.key_hash, Identity.customer_id).where(
            Identity.kind == MEMBER, Identity.retailer == retailer, Identity.key_hash.in_(keys)
        )
    )
    return {key: resolve(session, cid).id for key, cid in rows}


class AlreadyClaimed(Exception):
    """The receipt is someone else's already; which customer is never said."""


def claim_receipt(
    session: Session, secret: ServiceSecret, tx: Transaction, customer: Customer, now: datetime
) -> Customer:
    """Link a receipt to the customer who proved their phone; a member number on it joins them too."""
    if tx.customer_id is not None:
        owner = resolve(session, tx.customer_id)
        if owner.id != customer.id:
            if _has_phone(session, owner.id):
                raise AlreadyClaimed
            merge(session, owner, customer)  # linked by a member number only: this phone is that member
    tx.customer_id = customer.id
    if tx.claimed_at is None:  # the first save is the funnel's step; a merge's re-link is not another
        tx.claimed_at = now
    renew_for(session, [customer.id], now)
    member = transaction_of(tx.record).member_id
    if member is not None and member.strip():
        store = session.get(Store, tx.store_id)
        if store is not None:
            customer = link_member(session, secret, customer, store.retailer, member, now)
    return customer
