"""HQ users, their stores, and the tokens that stand for them (API tokens and page sessions)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cloud_api.core.passwords import check_password, hash_password
from cloud_api.crud.stores import find_store
from cloud_api.models import ApiToken, Store, User, UserStore

ROLES = ("owner", "manager", "store_manager")


class UserError(ValueError):
    pass


@dataclass(frozen=True)
class Scope:
    """Who is asking and which stores they may see: every query of the HQ API filters by `store_ids`."""

    user_id: int
    email: str
    role: str
    retailer: str
    store_ids: frozenset[int]


def add_user(
    session: Session,
    email: str,
    name: str,
    role: str,
    retailer: str,
    store_codes: list[str],
    password: str | None,
    now: datetime,
) -> User:
    if role not in ROLES:
        raise UserError(f"role {role!r}: one of {', '.join(ROLES)}")
    if "@" not in email or len(email) > 254:
        raise UserError(f"{email!r} is not an e-mail address")
    if session.scalar(select(User.id).where(User.email == email)) is not None:
        raise UserError(f"{email} exists already")
    if role == "owner" and store_codes:
        raise UserError("an owner sees every store; give no --stores")
    if role == "store_manager" and len(store_codes) != 1:
        raise UserError("a store_manager has exactly one store")
    if role == "manager" and not store_codes:
        raise UserError("a manager needs at least one store")
    stores = []
    for code in store_codes:
        store = find_store(session, retailer, code)
        if store is None:
            raise UserError(
                f"no store {code!r} at {retailer} (add it with `tillbox-cloud stores add`, or enrol its box)"
            )
        stores.append(store)
    if password is not None and len(password) < 10:
        raise UserError("a password needs at least 10 characters")
    user = User(
        email=email,
        name=name,
        role=role,
        retailer=retailer,
        password_hash=hash_password(password) if password else None,
        created_at=now,
    )
    session.add(user)
    session.flush()
    for store in stores:
        session.add(UserStore(user_id=user.id, store_id=store.id))
    return user


def scope_of(session: Session, user: User) -> Scope:
    if user.role == "owner":
        ids = session.scalars(select(Store.id).where(Store.retailer == user.retailer))
    else:
        ids = session.scalars(select(UserStore.store_id).where(UserStore.user_id == user.id))
    return Scope(user.id, user.email, user.role, user.retailer, frozenset(ids))


def _hash(token: str) -> str:
    # Tokens are 256 random bits: a plain digest is enough (nothing to guess), and it is fast per request.
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(
    session: Session, user: User, kind: str, name: str, now: datetime, ttl: timedelta | None = None
) -> str:
    token = ("tbx_" if kind == "api" else "") + secrets.token_urlsafe(32)
    session.add(
        ApiToken(
            token_hash=_hash(token),
            user_id=user.id,
            kind=kind,
            name=name[:100],
            created_at=now,
            expires_at=now + ttl if ttl else None,
        )
    )
    return token


def user_for_token(session: Session, token: str, kind: str, now: datetime) -> User | None:
    if not token or len(token) > 200:
        return None
    row = session.get(ApiToken, _hash(token))
    if row is None or row.kind != kind or row.revoked_at is not None:
        return None
    if row.expires_at is not None and row.expires_at <= now:
        return None
    user = session.get(User, row.user_id)
    return user if user is not None and user.disabled_at is None else None


def revoke_token(session: Session, token: str, now: datetime) -> None:
    row = session.get(ApiToken, _hash(token)) if token and len(token) <= 200 else None
    if row is not None:
        row.revoked_at = now


def authenticate(session: Session, email: str, password: str) -> User | None:
    user = session.scalars(select(User).where(User.email == email)).first()
    # The hash is computed either way, so a wrong address takes as long as a wrong password.
    ok = check_password(password, user.password_hash if user else hash_password("x" * 10))
    return user if user is not None and ok and user.disabled_at is None else None


def user_by_email(session: Session, retailer: str, email: str) -> User:
    user = session.scalars(select(User).where(User.email == email, User.retailer == retailer)).first()
    if user is None:
        raise UserError(f"no user {email} at {retailer}")
    return user


def list_users(session: Session, retailer: str) -> list[tuple[User, list[str]]]:
    users = list(session.scalars(select(User).where(User.retailer == retailer).order_by(User.email)))
    codes: dict[int, list[str]] = {}
    for user_id, code in session.execute(
        select(UserStore.user_id, Store.code)
        .join(Store, Store.id == UserStore.store_id)
        .where(UserStore.user_id.in_([u.id for u in users]))
        .order_by(Store.code)
    ):
        codes.setdefault(user_id, []).append(code)
    return [(u, codes.get(u.id, [])) for u in users]


def disable_user(session: Session, retailer: str, email: str, now: datetime) -> int:
    """The user can no longer sign in, and every token of theirs stops working; returns how many."""
    user = user_by_email(session, retailer, email)
    if user.disabled_at is None:
        user.disabled_at = now
    live = list(
        session.scalars(select(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None)))
    )
    for t in live:
        t.revoked_at = now
    return len(live)


def list_tokens(session: Session, retailer: str, email: str | None = None) -> list[tuple[ApiToken, str]]:
    q = (
        select(ApiToken, User.email)
        .join(User, User.id == ApiToken.user_id)
        .where(User.retailer == retailer)
        .order_by(ApiToken.created_at)
    )
    if email is not None:
        q = q.where(User.email == email)
    return [(t, e) for t, e in session.execute(q)]


TOKEN_ID_CHARS = 12  # what `tokens list` shows of a token's hash: enough to name it, nothing to use


def revoke_token_id(session: Session, retailer: str, token_id: str, now: datetime) -> str:
    """Revoke the token whose hash starts with `token_id` (as listed); returns its user's e-mail."""
    if len(token_id) < TOKEN_ID_CHARS or not all(c in "0123456789abcdef" for c in token_id):
        raise UserError(f"token id {token_id!r}: the {TOKEN_ID_CHARS} characters `tokens list` shows")
    rows = session.execute(
        select(ApiToken, User.email)
        .join(User, User.id == ApiToken.user_id)
        .where(User.retailer == retailer, ApiToken.token_hash.startswith(token_id))
    ).all()
    if len(rows) != 1:
        raise UserError(f"no token {token_id} at {retailer}" if not rows else f"{token_id} names several")
    token, owner = rows[0]
    if token.revoked_at is None:
        token.revoked_at = now
    return str(owner)
