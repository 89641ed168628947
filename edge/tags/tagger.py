"""The tags of one transaction, from its JSON, the box it was made on, and the tag rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from edge.parsing.tag_rules import TagRule


@dataclass(frozen=True)
class BoxIds:
    device_id: str
    store_id: str
    till_id: str


def _hour(printed: Any, started_at: datetime | None) -> int | None:
    # The hour as printed (the till's local time); else when the box saw the job, in the box's zone.
    if isinstance(printed, str) and len(printed) >= 13 and printed[10] == "T":
        return int(printed[11:13])
    return started_at.astimezone().hour if started_at is not None else None


def tags_for(
    body: dict[str, Any], box: BoxIds, rules: tuple[TagRule, ...], started_at: datetime | None = None
) -> dict[str, Any]:
    names = [i["name"] for i in body.get("items", []) if isinstance(i.get("name"), str)]
    return {
        "device_id": box.device_id,
        "store_id": box.store_id,
        "till_id": box.till_id,
        "kind": body.get("kind"),
        "payment_methods": sorted({p["method"] for p in body.get("payments", [])}),
        "member_id": body.get("member_id"),
        "basket_size": len(names),
        "hour": _hour(body.get("datetime"), started_at),
        "labels": sorted({r.tag for r in rules if r.matches(names)}),
    }
