"""/api/v1/item-rules: the owner sets the item-name tag rules of every box of the retailer (issue 18),
signed and pushed in each store's configuration (cloud_api/crud/item_rules.py)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request

from cloud_api.crud import item_rules
from cloud_api.deps import Db, app_state
from cloud_api.routes.api import Who
from cloud_api.schemas import ItemRulesIn, ItemRulesPushed, StoreRulesPushed

router = APIRouter(
    prefix="/api/v1", tags=["configuration"], responses={401: {"description": "No valid API token"}}
)


@router.put(
    "/item-rules",
    response_model=ItemRulesPushed,
    responses={
        403: {"description": "Only an owner sets the rules"},
        422: {"description": "The rules do not load: every problem, one line each"},
        503: {"description": "This service pushes no configuration"},
    },
)
def put_item_rules(body: ItemRulesIn, request: Request, who: Who, s: Db) -> ItemRulesPushed:
    """Check the rules with the boxes' own parser, then push them to every store of the retailer as a new
    configuration version (its POS profile carried on). A bad file pushes nothing."""
    if who.role not in item_rules.SETTERS:
        raise HTTPException(403, "only an owner sets the item rules of the retailer's boxes")
    try:
        count = item_rules.check(body.toml)
    except item_rules.RulesRefused as e:
        raise HTTPException(422, {"problems": e.problems}) from None
    pusher = app_state(request).pusher
    if pusher is None:
        raise HTTPException(503, "this service pushes no configuration")
    try:
        pushed = item_rules.push_item_rules(
            s, who.retailer, None, body.toml, pusher.key(), pusher.publish, who.email
        )
    except ValueError as e:  # no store yet, or a document larger than a box takes
        raise HTTPException(409, str(e)) from None
    s.commit()
    return ItemRulesPushed(
        rules=count,
        stores=[StoreRulesPushed(store=p.store, version=p.version, devices=p.devices) for p in pushed],
    )
