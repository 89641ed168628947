"""HQ's pages for issue 17: correcting a receipt in the review queue (the paper beside the fields, the
self-check run live as the reviewer types), and learning a layout (the layouts to learn, a draft's score,
approving or rolling back). The same crud as /api/v1 (routes/learning.py), signed in by the dashboard's
session cookie; the page's script posts JSON to the two /hq endpoints below."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, get_args

from fastapi import APIRouter, Body, Form, Path, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from sqlalchemy.orm.exc import StaleDataError

from cloud_api.crud import corrections, hq, learned_profiles
from cloud_api.crud.corrections import CorrectionRefused, NotYours
from cloud_api.crud.learned_profiles import LAYOUT_PATTERN, ProfileRefused
from cloud_api.deps import Db, app_state
from cloud_api.routes.dashboard import Who, _page
from cloud_api.routes.learning import DRAFTS_LIMITED, may_draft
from sync.wire.transaction import Kind, Method

router = APIRouter(prefix="/hq", include_in_schema=False)
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.get("/receipts/{transaction_id}/correct", response_class=HTMLResponse)
def correct_form(transaction_id: Id, request: Request, who: Who, s: Db) -> Response:
    state = app_state(request)
    row = hq.transaction(s, who, transaction_id)
    if row is None:
        return _page(state, request, "message.html", 404, title="No such receipt", text="")
    detail = hq.transaction_detail(row)
    return _page(
        state,
        request,
        "hq_correct.html",
        t=detail,
        pictured=bool(hq.with_pictures(s, [row.id])),
        revisions=corrections.revisions(s, who, row.id) or [],
        kinds=get_args(Kind),
        methods=get_args(Method),
    )


def _refused(e: CorrectionRefused) -> JSONResponse:
    return JSONResponse({"adds_up": False, "reasons": e.reasons}, status_code=422)


@router.post("/receipts/{transaction_id}/check")
def check(transaction_id: Id, proposed: Annotated[dict[str, Any], Body()], who: Who, s: Db) -> Response:
    row = hq.transaction(s, who, transaction_id)
    if row is None:
        return JSONResponse({"detail": "no such receipt"}, status_code=404)
    try:
        checked = corrections.check(row.record.get("transaction") or {}, proposed)
    except CorrectionRefused as e:
        return _refused(e)
    return JSONResponse({"adds_up": checked.adds_up, "reasons": checked.reasons})


@router.post("/receipts/{transaction_id}/corrections")
def save(transaction_id: Id, proposed: Annotated[dict[str, Any], Body()], who: Who, s: Db) -> Response:
    try:
        revision = corrections.correct(s, who, transaction_id, proposed, datetime.now(UTC))
        s.commit()
    except NotYours:
        return JSONResponse({"detail": "no such receipt"}, status_code=404)
    except CorrectionRefused as e:
        return _refused(e)
    except StaleDataError:
        return _refused(CorrectionRefused(["the receipt changed meanwhile: reload the page"]))
    return JSONResponse({"number": revision.number, "changes": revision.changes}, status_code=201)


@router.get("/learning", response_class=HTMLResponse)
def learning(request: Request, who: Who, s: Db) -> Response:
    return _page(
        app_state(request),
        request,
        "hq_learning.html",
        who=who,
        layouts=learned_profiles.layouts(s, who),
        profiles=learned_profiles.list_profiles(s, who),
        error=None,
    )


@router.post("/learning/drafts", response_class=HTMLResponse)
def draft(
    request: Request,
    who: Who,
    s: Db,
    layout: Annotated[str, Form(max_length=64, pattern=LAYOUT_PATTERN)] = "",
) -> Response:
    try:
        if not may_draft(request, who):
            raise ProfileRefused(DRAFTS_LIMITED)
        row = learned_profiles.draft(s, who, layout, datetime.now(UTC))
    except ProfileRefused as e:
        return _page(
            app_state(request),
            request,
            "hq_learning.html",
            422,
            who=who,
            layouts=learned_profiles.layouts(s, who),
            profiles=learned_profiles.list_profiles(s, who),
            error=str(e),
        )
    s.commit()
    return RedirectResponse(f"/hq/learning/profiles/{row.id}", status_code=303)


@router.get("/learning/profiles/{profile_id}", response_class=HTMLResponse)
def profile(profile_id: Id, request: Request, who: Who, s: Db, done: str = "") -> Response:
    state = app_state(request)
    row = learned_profiles.get(s, who, profile_id)
    if row is None:
        return _page(state, request, "message.html", 404, title="No such profile", text="")
    p = learned_profiles.view(s, who, row)
    return _page(state, request, "hq_profile.html", p=p, who=who, error=None, done=done[:200])


@router.post("/learning/profiles/{profile_id}/edits", response_class=HTMLResponse)
def edit(
    profile_id: Id,
    request: Request,
    who: Who,
    s: Db,
    toml: Annotated[str, Form(max_length=learned_profiles.MAX_TOML)] = "",
) -> Response:
    state = app_state(request)
    base = learned_profiles.get(s, who, profile_id)
    if base is None:
        return _page(state, request, "message.html", 404, title="No such profile", text="")
    try:
        if not may_draft(request, who):
            raise ProfileRefused(DRAFTS_LIMITED)
        row = learned_profiles.edited(s, who, profile_id, toml, datetime.now(UTC))
    except (ProfileRefused, PermissionError) as e:
        status = 403 if isinstance(e, PermissionError) else 422
        return _page(
            state,
            request,
            "hq_profile.html",
            status,
            p=learned_profiles.view(s, who, base),
            who=who,
            error=str(e),
            done="",
            edit=toml,
        )
    s.commit()
    return RedirectResponse(f"/hq/learning/profiles/{row.id}", status_code=303)


@router.post("/learning/profiles/{profile_id}/{action}", response_class=HTMLResponse)
def decide(profile_id: Id, action: str, request: Request, who: Who, s: Db) -> Response:
    state = app_state(request)
    try:
        stores = learned_profiles.decide(s, who, profile_id, action, state.pusher, datetime.now(UTC))
    except LookupError:
        return _page(state, request, "message.html", 404, title="No such profile", text="")
    except (PermissionError, ProfileRefused, learned_profiles.NoPush) as e:
        status = 403 if isinstance(e, PermissionError) else 409 if isinstance(e, ProfileRefused) else 503
        row = learned_profiles.get(s, who, profile_id)
        assert row is not None  # decide found it
        p = learned_profiles.view(s, who, row)
        return _page(state, request, "hq_profile.html", status, p=p, who=who, error=str(e), done="")
    s.commit()
    done = f"{'Pushed to' if action == 'approve' else 'Rolled back at'} {', '.join(stores)}"
    return RedirectResponse(f"/hq/learning/profiles/{profile_id}?done={done}", status_code=303)
