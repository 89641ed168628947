"""The configuration document: what HQ pushes to a store's boxes on their config topic (signed: see
sync/config_doc.py). `version` only ever rises; a box ignores a version it has already applied."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from sync.wire.model import Limit, Short
from sync.wire.transaction import Status

MAX_CONFIG_BYTES = 256 * 1024  # the whole signed payload
# A retailer's item-name rules are a few kilobytes; the bound leaves a pushed profile room in the payload.
MAX_ITEM_RULES_CHARS = 64 * 1024


@dataclass(frozen=True)
class PushedProfile:
    """A POS profile for every receipt from now on: the same TOML the parser loads from a file."""

    name: Short
    toml: Annotated[str, Limit(max_length=MAX_CONFIG_BYTES)]


@dataclass(frozen=True)
class Reparse:
    """Read the stored receipts of this status again, once (a box remembers the ids it has run)."""

    id: Short
    status: Status = "needs_review"


@dataclass(frozen=True)
class FleetConfig:
    version: Annotated[int, Limit(ge=1)]
    issued_at: datetime
    pos_profile: PushedProfile | None = None
    reparse: Reparse | None = None
    # The item-name tag rules (the TOML a box's `[tags] rules` file holds, edge/parsing/tag_rules.py) for
    # every transaction from now on, in place of the box's own file. Optional with no default but None, so
    # a document from before them still reads, and an older box reads past the field it does not know.
    item_rules: Annotated[str, Limit(max_length=MAX_ITEM_RULES_CHARS)] | None = None
