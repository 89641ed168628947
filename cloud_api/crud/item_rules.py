"""The item-name tag rules of a retailer's boxes (issue 18): HQ edits one rules file and pushes it, signed,
in the stores' configuration (cloud_api/fleet_push.py), in place of each box's own `[tags] rules` file.

The text is checked with the parser the boxes run (edge/parsing/tag_rules.py) before anything is signed:
a bad file is refused with every problem, one line each, and no store gets a new version. A good one
becomes a new configuration version of each store asked for, carrying its profile on; every later push
to the store (a profile, a re-parse) carries these rules on in turn (`fleet_push.prepare`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from cloud_api.fleet_push import current_profile, prepare
from cloud_api.models import Store
from edge.parsing.tag_rules import TagRulesError, rules_from_text
from sync.topics import DeviceTopics
from sync.wire.config import MAX_ITEM_RULES_CHARS

SETTERS = ("owner",)  # the rules tag every store's sales: not one store's, nor a region's, to change
Publish = Callable[[bytes, list[DeviceTopics]], None]


class RulesRefused(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class StorePushed:
    store: str
    version: int
    devices: list[str]  # the boxes it was published to; none yet: the store's next box gets it later


def check(text: str) -> int:
    """The number of rules in the text, or every problem of it."""
    if len(text) > MAX_ITEM_RULES_CHARS:
        raise RulesRefused([f"item rules: {len(text)} characters, more than {MAX_ITEM_RULES_CHARS}"])
    try:
        return len(rules_from_text(text, "item rules"))
    except TagRulesError as e:
        raise RulesRefused(e.problems) from None


def push_item_rules(
    session: Session,
    retailer: str,
    store_codes: list[str] | None,  # None: every store of the retailer
    text: str,
    key: Ed25519PrivateKey,
    publish: Publish,
    by: str,
) -> list[StorePushed]:
    """Each store a new version carrying `text`, all made before any is published; the caller commits
    once every publish is out (a version that never reached the broker is not recorded as pushed).

    A store without a box yet still gets its version: the rules are the store's from now on, carried
    into whatever is pushed to it later."""
    check(text)
    query = select(Store).where(Store.retailer == retailer).order_by(Store.code)
    stores = list(session.scalars(query))
    if store_codes is not None:
        unknown = sorted(set(store_codes) - {s.code for s in stores})
        if unknown:
            raise ValueError(f"no store {', '.join(map(repr, unknown))} at {retailer}")
        stores = [s for s in stores if s.code in store_codes]
    if not stores:
        raise ValueError(f"{retailer} has no stores")
    made = []
    with session.no_autoflush:
        for store in stores:
            profile = current_profile(session, store.id)
            row, targets = prepare(session, key, retailer, store.code, profile, False, by, item_rules=text)
            made.append((store.code, row, targets))
    for _, row, targets in made:
        if targets:
            publish(row.payload.encode(), targets)
    return [StorePushed(code, row.version, [t.device for t in targets]) for code, row, targets in made]
