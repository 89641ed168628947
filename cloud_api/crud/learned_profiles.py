"""POS profiles learned from HQ's corrections (issue 17): a draft induced from the corrected receipts of
one layout (edge/parsing/induce.py, the library `tillbox induce-profile` runs), scored on every stored
receipt of that layout before anyone ships it, then approved — signed and pushed with the fleet
configuration to the stores that print the layout, which use it for new receipts and re-read their
`needs_review` ones — or rolled back the same way.

The score reads each stored receipt's print job again as a box would with the draft (it applies only
where its header pattern is found, as on the box) and compares with what is known:
- a corrected receipt: HQ's correction is the truth; read `ok` but money-wrong is *worse* (a silent error);
- a receipt read `ok` before: read differently, or flagged now, is *worse* (one of the two readings is
  wrong, and the one in hand was proven by its own numbers);
- a receipt that needed review: read `ok` now is *newly proven* (its numbers add up under the draft).
A draft that would make any receipt worse cannot be approved."""

from __future__ import annotations

import functools
import itertools
import json
import multiprocessing
import os
import re
import secrets
import tomllib
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from cloud_api.crud.corrections import corrected_of_layout
from cloud_api.crud.users import Scope
from cloud_api.fleet_push import Pusher, current_profile, prepare
from cloud_api.models import LearnedProfile, ReceiptPrint, Store, Transaction
from cloud_api.schemas import LayoutOut, LearnedProfileOut
from edge.escpos.printer_profile import GENERIC, PROFILES
from edge.parsing.evaluate import judge
from edge.parsing.induce import MAX_EXAMPLES, Example, InduceError, example, induce
from edge.parsing.layout import share_a_word
from edge.parsing.pipeline import applies, decode_bytes, parse_decoded
from edge.parsing.profiles import PosProfile, ProfileError, parse_profile
from sync.topics import DeviceTopics

MIN_EXAMPLES = 2  # one corrected receipt shows no column that varies: the draft would learn its values
APPROVERS = ("owner", "manager")  # a push reaches every store of the layout: not one store's manager
SHOWN_WORSE = 50
LAYOUT_PATTERN = r"^[^\x00-\x1f\x7f]+$"  # a layout key as edge/parsing/layout.py makes one: printable


class ProfileRefused(ValueError):
    """A draft not offered, or an approval or rollback not allowed; the message says why."""


@dataclass
class Score:
    receipts: int = 0  # stored receipts of the layout with their print job
    without_print: int = 0  # of the layout, sent before boxes sent the job (record_version < 4)
    corrected: int = 0
    corrected_right: int = 0  # read ok and money-right against HQ's correction
    ok_before: int = 0
    ok_kept: int = 0  # read ok before, and the same now
    newly_proven: int = 0  # needed review before, read ok now
    still_review: int = 0
    changed: int = 0  # read otherwise than stored
    worse: list[dict[str, Any]] = field(default_factory=list)  # {"transaction_id", "why"}, the first 50
    worse_count: int = 0

    @property
    def money_right(self) -> int:
        return self.corrected_right + self.ok_kept + self.newly_proven

    def merge(self, other: Score) -> None:
        for f in fields(self):
            if f.name == "worse":
                self.worse = (self.worse + other.worse)[:SHOWN_WORSE]
            else:
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def add_worse(self, transaction_id: int, why: str) -> None:
        self.worse_count += 1
        if len(self.worse) < SHOWN_WORSE:
            self.worse.append({"transaction_id": transaction_id, "why": why})


def _prints(session: Session, ids: list[int]) -> dict[int, ReceiptPrint]:
    return {
        p.transaction_id: p
        for p in session.scalars(select(ReceiptPrint).where(ReceiptPrint.transaction_id.in_(ids)))
    }


def examples_of(session: Session, scope: Scope, layout: str) -> tuple[list[Example], list[int]]:
    """The corrected receipts of a layout in the asker's stores that carry their print job, newest first."""
    rows = corrected_of_layout(session, scope.store_ids, layout)[:MAX_EXAMPLES]
    prints = _prints(session, [r.id for r in rows])
    out, ids = [], []
    for r in rows:
        p = prints.get(r.id)
        if p is None:
            continue
        printer = PROFILES.get(p.printer or "", GENERIC)
        out.append(example(f"receipt {r.id}", bytes(p.data), r.record["transaction"], printer))
        ids.append(r.id)
    return out, ids


def _slug(layout: str) -> str:
    ascii_part = re.sub(r"[^a-z0-9]+", "-", layout.lower()).strip("-")
    return (ascii_part or "layout")[:40]


def draft(session: Session, scope: Scope, layout: str, now: datetime) -> LearnedProfile:
    """Induce and score a draft from the layout's corrected receipts; the caller commits."""
    examples, ids = examples_of(session, scope, layout)
    if len(examples) < MIN_EXAMPLES:
        raise ProfileRefused(
            f"{len(examples)} corrected receipt(s) of this layout with their print job: correct at least "
            f"{MIN_EXAMPLES} to learn it"
        )
    try:
        induced = induce(examples, "draft")
    except InduceError as e:
        raise ProfileRefused(f"no draft offered: {e}") from None
    totals = tomllib.loads(induced.toml).get("words", {}).get("total", [])
    papers = [[b.text for b in decode_bytes(e.data, e.printer).text_lines()] for e in examples]
    if not share_a_word(papers, totals):
        raise ProfileRefused(
            f"no draft offered: the corrected receipts print their total under different words "
            f"({', '.join(totals)}): they are of two layouts; correct receipts of one layout"
        )
    unread = [r.name for r in induced.results if not (r.money_right and r.status == "ok")]
    if unread:
        # One profile that cannot read its own examples was learned from two layouts (a store that
        # changed its till program keeps its name) or from a correction that is wrong.
        raise ProfileRefused(
            f"no draft offered: the corrected receipts do not read as one layout ({', '.join(unread)} "
            f"not read right by what the others teach); correct receipts of one layout, or check these"
        )
    return _scored_draft(session, scope, layout, induced.toml, ids, now)


def _scored_draft(
    session: Session,
    scope: Scope,
    layout: str,
    toml: str,
    examples: list[int],
    now: datetime,
    name: str | None = None,
) -> LearnedProfile:
    """Scored on the asker's stores (those an approval by them would reach); a learned draft is named by
    its row, unique for good (`learned-LAYOUT-ID`), and its TOML says that name."""
    score = score_profile(session, scope.store_ids, layout, toml)
    row = LearnedProfile(
        retailer=scope.retailer,
        layout=layout,
        name=name or f"pending-{secrets.token_hex(8)}",
        toml=toml,
        status="draft",
        examples=examples,
        score=asdict(score) | {"money_right": score.money_right},
        stores=[],
        created_by=scope.email,
        created_at=now,
        replaced={},
    )
    session.add(row)
    if name is None:
        session.flush()
        row.name = f"learned-{_slug(layout)}-{row.id}"
        row.toml = _named(toml, row.name)
    return row


def _named(toml: str, name: str) -> str:
    """The TOML with its `name` line saying `name` (the induced text's first key)."""
    return re.sub(r"(?m)^name = .*$", lambda _: f"name = {json.dumps(name)}", toml, count=1)


MAX_TOML = 64 * 1024


def edited(session: Session, scope: Scope, profile_id: int, toml: str, now: datetime) -> LearnedProfile:
    """A person's edit of a profile (its TOML, as `tillbox parse --profile` reads it) as a new draft of the
    same layout, scored the same way before anyone may approve it; the caller commits."""
    base = get(session, scope, profile_id)
    if base is None:
        raise LookupError(profile_id)
    if scope.role not in APPROVERS:
        # A hand-written profile carries regular expressions the scoring and the boxes run: the same
        # people who may push one write one.
        raise PermissionError("only an owner or a manager edits a profile")
    if len(toml) > MAX_TOML:
        raise ProfileRefused(f"the profile is {len(toml)} characters; at most {MAX_TOML}")
    try:
        data = tomllib.loads(toml)
        profile = parse_profile(data, "the edited profile")
    except (tomllib.TOMLDecodeError, ProfileError) as e:
        raise ProfileRefused(f"the profile does not load: {e}") from None
    if profile.detect is None:
        # Without it the boxes would read every receipt of the store with it, not the layout's only.
        raise ProfileRefused("the profile needs [detect] header: the pattern that tells its layout apart")
    taken = session.scalar(
        select(LearnedProfile.id).where(
            LearnedProfile.retailer == scope.retailer, LearnedProfile.name == profile.name
        )
    )
    # "learned-…" names are the cloud's own (learned-LAYOUT-ID): an edit takes another.
    if (
        taken is not None
        or profile.name.startswith("learned-")
        or not re.fullmatch(r"[\w.-]{1,64}", profile.name)
    ):
        raise ProfileRefused(
            f"name {profile.name!r}: give the edit a new name (letters, digits, . - _; 64 at most)"
        )
    return _scored_draft(session, scope, base.layout, toml, base.examples, now, profile.name)


def _layout_rows(
    session: Session, store_ids: frozenset[int], layout: str
) -> Iterator[tuple[Transaction, ReceiptPrint | None]]:
    q = (
        select(Transaction, ReceiptPrint)
        .outerjoin(ReceiptPrint, ReceiptPrint.transaction_id == Transaction.id)
        .where(Transaction.layout == layout, Transaction.store_id.in_(store_ids))
        .order_by(Transaction.id)
        .execution_options(yield_per=500)
    )
    for row in session.execute(q):
        yield row[0], row[1]


CHUNK = 500  # receipts a scoring task reads
PARALLEL_FROM = 4 * CHUNK  # fewer: read here, a process pool costs more than it saves


@dataclass(frozen=True)
class _Stored:
    id: int
    status: str
    corrected: bool
    transaction: dict[str, Any]
    data: bytes
    printer: str | None


def score_profile(session: Session, store_ids: frozenset[int], layout: str, toml: str) -> Score:
    """The draft's reading of every stored receipt of the layout in these stores: read in chunks from the
    database and scored on every core (10,000 receipts: 9 s on one core of this machine)."""
    score = Score()
    chunks = _chunks(session, store_ids, layout, score)
    first = list(itertools.islice(chunks, PARALLEL_FROM // CHUNK))
    if len(first) < PARALLEL_FROM // CHUNK:
        for chunk in first:
            score.merge(_score_chunk(toml, chunk))
        return score
    workers = min(4, os.cpu_count() or 1)
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("forkserver")) as pool:
        pending = [pool.submit(_score_chunk, toml, c) for c in first]
        for chunk in chunks:  # a bounded number in flight: the chunks hold print jobs
            if len(pending) >= 2 * workers:
                score.merge(pending.pop(0).result())
            pending.append(pool.submit(_score_chunk, toml, chunk))
        for future in pending:
            score.merge(future.result())
    return score


def _chunks(
    session: Session, store_ids: frozenset[int], layout: str, score: Score
) -> Iterator[list[_Stored]]:
    chunk: list[_Stored] = []
    for t, p in _layout_rows(session, store_ids, layout):
        if p is None:
            score.without_print += 1
            continue
        stored = t.record.get("transaction") if isinstance(t.record, dict) else None
        chunk.append(
            _Stored(
                t.id,
                t.status,
                t.corrected_at is not None,
                stored if isinstance(stored, dict) else {},
                bytes(p.data),
                p.printer,
            )
        )
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@functools.lru_cache(maxsize=4)
def _profile(toml: str) -> PosProfile:
    return parse_profile(tomllib.loads(toml), "draft")


def _score_chunk(toml: str, chunk: list[_Stored]) -> Score:
    profile, score = _profile(toml), Score()
    for t in chunk:
        score.receipts += 1
        doc = decode_bytes(t.data, PROFILES.get(t.printer or "", GENERIC))
        if not applies(profile, doc):
            # The box would not use the draft here (its header is not this layout's): read as before.
            score.ok_before += t.status == "ok" and not t.corrected
            score.ok_kept += t.status == "ok" and not t.corrected
            score.corrected += t.corrected
            score.corrected_right += t.corrected
            score.still_review += t.status != "ok"
            continue
        result = judge(f"receipt {t.id}", parse_decoded(doc, profile.options).to_json(), t.transaction)
        if t.corrected:
            score.corrected += 1
            if result.status == "ok" and result.money_right:
                score.corrected_right += 1
            elif result.status == "ok":
                score.add_worse(t.id, f"read ok but wrong against HQ's correction: {', '.join(result.wrong)}")
            continue
        if t.status == "ok":
            score.ok_before += 1
            if result.status != "ok":
                score.add_worse(t.id, "read ok before; the draft flags it for review")
            elif not result.money_right:
                score.add_worse(t.id, f"read ok before; the draft reads otherwise: {', '.join(result.wrong)}")
            else:
                score.ok_kept += 1
                score.changed += bool(result.wrong)
            continue
        if result.status == "ok":
            score.newly_proven += 1
            score.changed += 1
        else:
            score.still_review += 1
    return score


def layouts(session: Session, scope: Scope) -> list[LayoutOut]:
    """The layouts of the asker's stores that have receipts to review or corrections, most to review
    first: where learning a profile helps."""
    rows = session.execute(
        select(
            Transaction.layout,
            func.count(),
            func.count().filter(Transaction.status == "needs_review"),
            func.count(Transaction.corrected_at),
            func.count(ReceiptPrint.transaction_id),
        )
        .outerjoin(ReceiptPrint, ReceiptPrint.transaction_id == Transaction.id)
        .where(Transaction.store_id.in_(scope.store_ids), Transaction.layout.is_not(None))
        .group_by(Transaction.layout)
    ).all()
    wanted = [(str(r[0]), *r[1:]) for r in rows if r[2] or r[3]]
    codes: dict[str, list[str]] = {}
    for layout, code in session.execute(
        select(Transaction.layout, Store.code)
        .join(Store, Store.id == Transaction.store_id)
        .where(Transaction.store_id.in_(scope.store_ids), Transaction.layout.in_([r[0] for r in wanted]))
        .distinct()
        .order_by(Store.code)
    ):
        codes.setdefault(str(layout), []).append(code)
    out = [
        LayoutOut(
            layout=r[0],
            receipts=r[1],
            needs_review=r[2],
            corrected=r[3],
            with_print=r[4],
            stores=codes.get(r[0], []),
        )
        for r in wanted
    ]
    return sorted(out, key=lambda x: (-x.needs_review, x.layout))


def get(session: Session, scope: Scope, profile_id: int) -> LearnedProfile | None:
    row = session.get(LearnedProfile, profile_id)
    if row is None or row.retailer != scope.retailer:
        return None
    # A profile is seen by whoever sees a store of its layout (or of its push).
    visible = session.scalar(
        select(Transaction.id)
        .where(Transaction.layout == row.layout, Transaction.store_id.in_(scope.store_ids))
        .limit(1)
    )
    return row if visible is not None or set(row.stores) & scope.store_ids else None


def view(session: Session, scope: Scope, row: LearnedProfile) -> LearnedProfileOut:
    """The profile as the asker may see it: the receipts it names (its examples, those it would make
    worse) only where they are of the asker's stores (a draft an owner made names every store's)."""
    named = set(row.examples) | {w["transaction_id"] for w in row.score.get("worse", [])}
    mine = set(
        session.scalars(
            select(Transaction.id).where(Transaction.id.in_(named), Transaction.store_id.in_(scope.store_ids))
        )
    )
    out = LearnedProfileOut.model_validate(row)
    out.examples = [i for i in row.examples if i in mine]
    out.score = {**row.score, "worse": [w for w in row.score.get("worse", []) if w["transaction_id"] in mine]}
    return out


def list_profiles(session: Session, scope: Scope) -> list[LearnedProfile]:
    """Those `get` shows the asker, in one query for the layouts of their stores (not one per profile)."""
    theirs = set(
        session.scalars(
            select(Transaction.layout).where(Transaction.store_id.in_(scope.store_ids)).distinct()
        )
    )
    rows = session.scalars(
        select(LearnedProfile)
        .where(LearnedProfile.retailer == scope.retailer)
        .order_by(LearnedProfile.id.desc())
    )
    return [r for r in rows if r.layout in theirs or set(r.stores) & scope.store_ids]


Publish = Callable[[bytes, list[DeviceTopics]], None]


class NoPush(RuntimeError):
    """This service was started without a way to push (no broker for configurations)."""


def decide(
    session: Session, scope: Scope, profile_id: int, action: str, pusher: Pusher | None, now: datetime
) -> list[str]:
    """`approve` or `rollback` as HQ's pages and API ask for it: a profile outside the asker's stores is
    not found, a role that may not push is refused, before a service that cannot push says so."""
    row = get(session, scope, profile_id)
    if row is None or action not in ("approve", "rollback"):
        raise LookupError(profile_id)
    if scope.role not in APPROVERS:
        raise PermissionError("only an owner or a manager pushes a profile to the stores")
    if pusher is None:
        raise NoPush("this service pushes no configuration")
    do = approve if action == "approve" else rollback
    return do(session, scope, profile_id, pusher.key(), pusher.publish, now)


def _stores_of_layout(session: Session, scope: Scope, layout: str) -> list[Store]:
    ids = set(
        session.scalars(
            select(Transaction.store_id)
            .where(Transaction.layout == layout, Transaction.store_id.in_(scope.store_ids))
            .distinct()
        )
    )
    return list(session.scalars(select(Store).where(Store.id.in_(ids)).order_by(Store.code)))


def approve(
    session: Session, scope: Scope, profile_id: int, key: Ed25519PrivateKey, publish: Publish, now: datetime
) -> list[str]:
    """Sign and push the draft to the asker's stores that print its layout, each with a re-parse of its
    `needs_review` receipts; returns the stores' codes. The caller commits once every push is out.

    A store's boxes hold one pushed profile: a store that runs another layout's learned profile is
    refused (roll that one back, or edit one profile that reads both)."""
    row = _decidable(session, scope, profile_id, "draft")
    if row.score.get("worse_count", 0):
        raise ProfileRefused(
            f"the draft would make {row.score['worse_count']} stored receipt(s) worse: not approved"
        )
    stores = _stores_of_layout(session, scope, row.layout)
    running = {s.id: current_profile(session, s.id) for s in stores}
    others = _learned_elsewhere(session, scope.retailer, row.layout, running)
    if others:
        raise ProfileRefused(
            "a store's boxes hold one pushed profile, and "
            + "; ".join(f"{code} runs {name} (layout {layout})" for code, name, layout in others)
            + ": roll that back first, or edit one profile that reads both layouts"
        )
    with _claimed(session, row, "draft"):
        pushed = _push(session, scope, [(s, (row.name, row.toml)) for s in stores], key, publish)
        if not pushed:
            raise ProfileRefused("no store of this layout has an enrolled box to push to")
    ids = {s.id for s in pushed}
    # The profiles this one replaces, where it replaced them all, step aside (a rollback restores them).
    for older in session.scalars(
        select(LearnedProfile).where(
            LearnedProfile.retailer == scope.retailer,
            LearnedProfile.layout == row.layout,
            LearnedProfile.status == "approved",
            LearnedProfile.id != row.id,
        )
    ):
        if set(older.stores) <= ids:
            older.status = "superseded"
    row.replaced = {str(i): list(p) if (p := running[i]) is not None else None for i in ids}
    row.status, row.stores, row.decided_by, row.decided_at = "approved", sorted(ids), scope.email, now
    return [s.code for s in pushed]


def _learned_elsewhere(
    session: Session, retailer: str, layout: str, running: dict[int, tuple[str, str] | None]
) -> list[tuple[str, str, str]]:
    """(store code, profile, layout) where a store runs a learned profile of another layout."""
    names = {p[0]: sid for sid, p in running.items() if p is not None}
    if not names:
        return []
    out = []
    for other in session.scalars(
        select(LearnedProfile).where(
            LearnedProfile.retailer == retailer,
            LearnedProfile.name.in_(names),
            LearnedProfile.layout != layout,
        )
    ):
        store = session.get(Store, names[other.name])
        out.append((store.code if store else "?", other.name, other.layout))
    return out


def rollback(
    session: Session, scope: Scope, profile_id: int, key: Ed25519PrivateKey, publish: Publish, now: datetime
) -> list[str]:
    """Push to each store the profile it ran before this one (or none), as a new, higher version; a store
    that runs something else by now (pushed by hand since) is left as it is. A learned profile this one
    had set aside runs again, and is approved again."""
    row = _decidable(session, scope, profile_id, "approved")
    stores = list(session.scalars(select(Store).where(Store.id.in_(row.stores)).order_by(Store.code)))
    plan: list[tuple[Store, tuple[str, str] | None]] = []
    for store in stores:
        now_running = current_profile(session, store.id)
        if now_running is None or now_running[0] != row.name:
            continue
        before = row.replaced.get(str(store.id))
        plan.append(
            (
                store,
                (str(before[0]), str(before[1])) if isinstance(before, list) and len(before) == 2 else None,
            )
        )
    with _claimed(session, row, "approved"):
        done = _push(session, scope, plan, key, publish)
    restored = {profile[0] for _, profile in plan if profile is not None}
    if restored:
        for older in session.scalars(
            select(LearnedProfile).where(
                LearnedProfile.retailer == scope.retailer,
                LearnedProfile.name.in_(restored),
                LearnedProfile.status == "superseded",
            )
        ):
            older.status = "approved"
    row.status, row.decided_by, row.decided_at = "rolled_back", scope.email, now
    return [s.code for s in done]


def _decidable(session: Session, scope: Scope, profile_id: int, status: str) -> LearnedProfile:
    row = get(session, scope, profile_id)
    if row is None:
        raise LookupError(profile_id)
    if scope.role not in APPROVERS:
        raise PermissionError("only an owner or a manager pushes a profile to the stores")
    if row.status != status:
        raise ProfileRefused(f"the profile is {row.status}, not {status}")
    if not set(row.stores) <= scope.store_ids:
        raise PermissionError("the profile was pushed to stores outside yours")
    return row


@contextmanager
def _claimed(session: Session, row: LearnedProfile, status: str) -> Iterator[None]:
    """The decision claimed by one conditional update, committed before anything is published: of two
    decisions sent at once the second finds the status changed and pushes nothing, and no lock is held
    while the broker takes its time (SQLite has one writer: ingest would wait). If the push fails, the
    claim is given back."""
    claimed = session.execute(
        update(LearnedProfile)
        .where(LearnedProfile.id == row.id, LearnedProfile.status == status)
        .values(status="deciding")
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        session.rollback()
        raise ProfileRefused(f"the profile is being decided by someone else, or was: not {status} any more")
    session.commit()
    try:
        yield
    except BaseException:
        session.rollback()
        session.execute(
            update(LearnedProfile)
            .where(LearnedProfile.id == row.id, LearnedProfile.status == "deciding")
            .values(status=status)
        )
        session.commit()
        raise


def _push(
    session: Session,
    scope: Scope,
    plan: list[tuple[Store, tuple[str, str] | None]],
    key: Ed25519PrivateKey,
    publish: Publish,
) -> list[Store]:
    """Each store its configuration (a new version: `profile` and a re-parse), all made before any is
    published and none written before all are (no write lock held while the broker answers)."""
    made = []
    with session.no_autoflush:
        for store, profile in plan:
            row, targets = prepare(session, key, scope.retailer, store.code, profile, True, scope.email)
            if targets:
                made.append((store, row, targets))
            else:
                session.expunge(row)
    for _, row, targets in made:
        publish(row.payload.encode(), targets)
    return [store for store, _, _ in made]
