"""Tag rules from TOML: item-name patterns that give a transaction a tag (`baby`, `fresh`, `alcohol`).

    # /etc/tillbox/tags.toml
    [[rule]]
    tag = "baby"
    items = ["奶粉", "尿不湿", "(?i)\\bdiapers?\\b"]   # regular expressions, searched in each item name

    [[rule]]
    tag = "alcohol"
    items = ["(?i)\\b(beer|wine|vodka)\\b", "啤酒", "白酒"]

A rule matches when any of its patterns is found in any item's name. Every problem of the file is
reported, one line each, and the agent does not start on a bad file.

It lives with the receipt-reading library (pure: text in, rules out) because HQ edits the retailer's
rules and pushes them to the boxes (sync/wire/config.py `FleetConfig.item_rules`): the cloud refuses a
bad set with this parser before signing it, and the box checks what it receives with the same one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from firmware_bridge.tomlfile import TomlError, parse_toml, read_toml

_TAG = re.compile(r"[a-z0-9][a-z0-9_-]{0,31}")


class TagRulesError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class TagRule:
    tag: str
    patterns: tuple[re.Pattern[str], ...]

    def matches(self, names: list[str]) -> bool:
        return any(p.search(name) for p in self.patterns for name in names)


def parse_rules(data: dict[str, Any], source: str) -> tuple[TagRule, ...]:
    problems: list[str] = []
    unknown = set(data) - {"rule"}
    if unknown:
        problems.append(f"{source}: unknown keys {sorted(unknown)} (a rules file holds [[rule]] tables)")
    raw = data.get("rule", [])
    if not isinstance(raw, list):
        raw = []
        problems.append(f"{source}: rule: must be an array of tables ([[rule]])")
    rules: list[TagRule] = []
    for n, entry in enumerate(raw, 1):
        where = f"{source}: rule {n}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: must be a table")
            continue
        extra = set(entry) - {"tag", "items"}
        if extra:
            problems.append(f"{where}: unknown keys {sorted(extra)} (known: items, tag)")
        tag = entry.get("tag")
        if not isinstance(tag, str) or not _TAG.fullmatch(tag):
            problems.append(f"{where}: tag: required, lower-case letters, digits, '-' or '_' (up to 32)")
        items = entry.get("items")
        if not isinstance(items, list) or not items or not all(isinstance(i, str) and i for i in items):
            problems.append(f"{where}: items: required, a non-empty list of patterns")
            continue
        patterns = []
        for pattern in items:
            try:
                patterns.append(re.compile(pattern))
            except (re.error, OverflowError, RecursionError) as e:  # a{99999999999}, ((((…)))) nested deep
                problems.append(f"{where}: items: {pattern[:80]!r} is not a regular expression: {e}")
        if isinstance(tag, str) and _TAG.fullmatch(tag):
            rules.append(TagRule(tag, tuple(patterns)))
    if problems:
        raise TagRulesError(problems)
    return tuple(rules)


def load_rules(path: Path) -> tuple[TagRule, ...]:
    try:
        data = read_toml(path)
    except TomlError as e:
        raise TagRulesError([str(e)]) from None
    return parse_rules(data, str(path))


def rules_from_text(text: str, source: str) -> tuple[TagRule, ...]:
    """A rules file's text, as HQ pushes it: every problem of it, one line each."""
    try:
        data = parse_toml(text, source)
    except TomlError as e:
        raise TagRulesError([str(e)]) from None
    return parse_rules(data, source)
