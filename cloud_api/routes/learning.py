"""/api/v1 for HQ's corrections and the POS profiles learned from them (issue 17): check a correction
live, store it as a revision, list the layouts to learn, draft a profile from a layout's corrections,
approve it (signed and pushed to the stores of the layout) or roll it back. Scoped like the rest of the
API: another store's receipt or profile is "not found"."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException, Request
from pydantic import BaseModel, Field
from sqlalchemy.orm.exc import StaleDataError

from cloud_api.crud import corrections, learned_profiles
from cloud_api.crud.corrections import CorrectionRefused, NotYours
from cloud_api.crud.hq import transaction
from cloud_api.crud.learned_profiles import LAYOUT_PATTERN, ProfileRefused
from cloud_api.crud.users import Scope
from cloud_api.deps import Db, app_state
from cloud_api.routes.api import NOT_FOUND, PathId, Who
from cloud_api.schemas import Checked, LayoutOut, LearnedProfileOut, Pushed, RevisionOut
from sync.wire.model import to_wire

router = APIRouter(
    prefix="/api/v1", tags=["corrections"], responses={401: {"description": "No valid API token"}}
)
Proposed = Annotated[
    dict[str, Any],
    Body(description="the transaction as corrected (wire JSON); fields left out keep their values"),
]


class DraftRequest(BaseModel):
    layout: str = Field(min_length=1, max_length=64, pattern=LAYOUT_PATTERN)


def _current(s: Db, who: Who, transaction_id: int) -> dict[str, Any]:
    row = transaction(s, who, transaction_id)
    if row is None:
        raise HTTPException(404, "no such transaction")
    current = row.record.get("transaction") if isinstance(row.record, dict) else None
    return current if isinstance(current, dict) else {}


@router.post("/transactions/{transaction_id}/check", response_model=Checked, responses=NOT_FOUND)
def check_correction(transaction_id: PathId, proposed: Proposed, who: Who, s: Db) -> Checked:
    """The self-check the box runs, on a correction being typed: do its numbers prove each other?"""
    try:
        checked = corrections.check(_current(s, who, transaction_id), proposed)
    except CorrectionRefused as e:
        raise HTTPException(422, {"reasons": e.reasons}) from None
    return Checked(adds_up=checked.adds_up, reasons=checked.reasons, transaction=_wire(checked.transaction))


def _wire(tx: Any) -> dict[str, Any]:
    body: dict[str, Any] = to_wire(tx)
    return body


@router.post(
    "/transactions/{transaction_id}/corrections",
    response_model=RevisionOut,
    status_code=201,
    responses=NOT_FOUND,
)
def correct(transaction_id: PathId, proposed: Proposed, who: Who, s: Db) -> RevisionOut:
    """Store a correction as the transaction's next revision. One that does not add up is refused (422)
    with the reasons."""
    try:
        revision = corrections.correct(s, who, transaction_id, proposed, datetime.now(UTC))
        s.commit()
    except NotYours:
        raise HTTPException(404, "no such transaction") from None
    except CorrectionRefused as e:
        raise HTTPException(422, {"reasons": e.reasons}) from None
    except StaleDataError:
        raise HTTPException(
            409, "the receipt changed meanwhile (a box's new reading, another correction): reload it"
        ) from None
    return RevisionOut.model_validate(revision)


@router.get("/transactions/{transaction_id}/revisions", response_model=list[RevisionOut], responses=NOT_FOUND)
def list_revisions(transaction_id: PathId, who: Who, s: Db) -> list[RevisionOut]:
    found = corrections.revisions(s, who, transaction_id)
    if found is None:
        raise HTTPException(404, "no such transaction")
    return [RevisionOut.model_validate(r) for r in found]


@router.get("/layouts", response_model=list[LayoutOut])
def list_layouts(who: Who, s: Db) -> list[LayoutOut]:
    """Layouts of your stores with receipts to review or corrected: where a learned profile helps."""
    return learned_profiles.layouts(s, who)


@router.post("/profiles/drafts", response_model=LearnedProfileOut, status_code=201)
def draft_profile(request: DraftRequest, http: Request, who: Who, s: Db) -> LearnedProfileOut:
    """Learn a draft POS profile from the layout's corrected receipts and score it on every stored
    receipt of the layout. Receipts of two layouts, or too few corrections: refused (422) with why; more
    than 20 drafts and edits an hour by one account: 429."""
    _drafting(http, who)
    try:
        row = learned_profiles.draft(s, who, request.layout, datetime.now(UTC))
    except ProfileRefused as e:
        raise HTTPException(422, str(e)) from None
    s.commit()
    return learned_profiles.view(s, who, row)


class EditRequest(BaseModel):
    toml: str = Field(min_length=1, max_length=learned_profiles.MAX_TOML)


@router.post(
    "/profiles/{profile_id}/edits", response_model=LearnedProfileOut, status_code=201, responses=NOT_FOUND
)
def edit_profile(
    profile_id: PathId, request: EditRequest, http: Request, who: Who, s: Db
) -> LearnedProfileOut:
    """A person's edit of the profile's TOML, as a new draft of the layout, scored like any draft. One
    that does not load, or takes a name in use, is refused (422) with why."""
    _drafting(http, who)
    with _answers(refused=422):
        row = learned_profiles.edited(s, who, profile_id, request.toml, datetime.now(UTC))
    s.commit()
    return learned_profiles.view(s, who, row)


def _drafting(request: Request, who: Who) -> None:
    if not may_draft(request, who):
        raise HTTPException(429, DRAFTS_LIMITED)


@router.get("/profiles", response_model=list[LearnedProfileOut])
def list_learned(who: Who, s: Db) -> list[LearnedProfileOut]:
    return [learned_profiles.view(s, who, r) for r in learned_profiles.list_profiles(s, who)]


@router.get("/profiles/{profile_id}", response_model=LearnedProfileOut, responses=NOT_FOUND)
def get_learned(profile_id: PathId, who: Who, s: Db) -> LearnedProfileOut:
    row = learned_profiles.get(s, who, profile_id)
    if row is None:
        raise HTTPException(404, "no such profile")
    return learned_profiles.view(s, who, row)


@router.post("/profiles/{profile_id}/approve", response_model=Pushed, responses=NOT_FOUND)
def approve(profile_id: PathId, request: Request, who: Who, s: Db) -> Pushed:
    """Sign the draft and push it to your stores that print its layout, with a re-parse of their
    receipts that need review. Refused (409) when it would make a stored receipt worse."""
    return _decide("approve", profile_id, request, who, s)


@router.post("/profiles/{profile_id}/rollback", response_model=Pushed, responses=NOT_FOUND)
def rollback(profile_id: PathId, request: Request, who: Who, s: Db) -> Pushed:
    """Push each store of the profile the one it had before (or none)."""
    return _decide("rollback", profile_id, request, who, s)


def _decide(action: str, profile_id: int, request: Request, who: Who, s: Db) -> Pushed:
    with _answers(refused=409):
        stores = learned_profiles.decide(
            s, who, profile_id, action, app_state(request).pusher, datetime.now(UTC)
        )
    s.commit()
    return Pushed(stores=stores)


def may_draft(request: Request, who: Scope) -> bool:
    """Counted once per draft or edit, by the API and the pages alike."""
    state = app_state(request)
    return state.limiter.take(state.per_client.drafts, f"user:{who.user_id}")


DRAFTS_LIMITED = "20 drafts an hour at most: wait a while"


@contextmanager
def _answers(refused: int) -> Iterator[None]:
    """A profile not in the asker's stores: 404; not the asker's role: 403; refused for what it is."""
    try:
        yield
    except LookupError:
        raise HTTPException(404, "no such profile") from None
    except PermissionError as e:
        raise HTTPException(403, str(e)) from None
    except ProfileRefused as e:
        raise HTTPException(refused, str(e)) from None
    except learned_profiles.NoPush as e:
        raise HTTPException(503, str(e)) from None
