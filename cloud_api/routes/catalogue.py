"""/api/v1/products and /api/v1/tag-rules: the retailer's catalogue and its life-stage and interest rules,
edited at HQ by the owner (the rules apply to every customer of every store: no store's manager sets
them); any HQ user reads the rules (issue 18)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, HTTPException, Response

from cloud_api.crud import products, tags
from cloud_api.deps import Db
from cloud_api.models import TagRule
from cloud_api.routes.api import PathId, Who
from cloud_api.schemas import ProductsImported, ProductsIn, RowRefused, TagRuleIn, TagRuleOut

router = APIRouter(
    prefix="/api/v1", tags=["catalogue"], responses={401: {"description": "No valid API token"}}
)
OWNERS_ONLY: dict[int | str, dict[str, Any]] = {403: {"description": "Only an owner edits the catalogue"}}


def _owner(who: Who) -> None:
    if who.role != "owner":
        raise HTTPException(403, "only an owner edits the retailer's catalogue and tag rules")


@router.post("/products", response_model=ProductsImported, responses=OWNERS_ONLY)
def import_products(body: ProductsIn, who: Who, s: Db) -> ProductsImported:
    """Add or replace products (by code, else by name): every refused row with its reason, the rest
    imported — the same checks as `tillbox-cloud products import`."""
    _owner(who)
    rows = [
        (n, {k: (v or "").strip() for k, v in p.model_dump().items()}) for n, p in enumerate(body.products, 1)
    ]
    result = products.import_catalogue(s, who.retailer, rows, datetime.now(UTC))
    s.commit()
    return ProductsImported(
        added=result.added,
        replaced=result.replaced,
        refused=[RowRefused(row=n, reason=why) for n, why in result.refused],
    )


def _out(rule: TagRule, customers: int) -> TagRuleOut:
    return TagRuleOut(
        id=rule.id,
        tag=rule.tag,
        category=rule.category,
        min_count=rule.min_count,
        window_days=rule.window_days,
        text=rule.text,
        created_at=rule.created_at,
        customers=customers,
    )


@router.get("/tag-rules", response_model=list[TagRuleOut])
def list_tag_rules(who: Who, s: Db) -> list[TagRuleOut]:
    return [_out(rule, n) for rule, n in tags.list_rules(s, who.retailer)]


@router.post(
    "/tag-rules",
    response_model=TagRuleOut,
    status_code=201,
    responses={**OWNERS_ONLY, 422: {"description": "The rule does not read, or names no category"}},
)
def add_tag_rule(body: TagRuleIn, who: Who, s: Db) -> TagRuleOut:
    """Add a rule ("2 or more baby purchases in 60 days -> new_parent") and apply it to every customer."""
    _owner(who)
    try:
        rule = tags.add_rule(s, who.retailer, body.rule, datetime.now(UTC))
    except tags.RuleError as e:
        raise HTTPException(422, str(e)) from None
    s.commit()
    return next(_out(r, n) for r, n in tags.list_rules(s, who.retailer) if r.id == rule.id)


@router.delete(
    "/tag-rules/{rule_id}", status_code=204, responses={**OWNERS_ONLY, 404: {"description": "No such rule"}}
)
def remove_tag_rule(rule_id: PathId, who: Who, s: Db) -> Response:
    """The rule and the tags it gave go."""
    _owner(who)
    if not tags.remove_rule(s, who.retailer, rule_id):
        raise HTTPException(404, "no such rule")
    s.commit()
    return Response(status_code=204)
