"""Commands that read or rework the box's store: `tillbox status` and `tillbox reparse`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any

from edge.agent import load_config_or_report, parse_settings


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    s = sub.add_parser("status", help="last receipt, spool and outbox depth, broker, parse failures, disk")
    s.add_argument("--config", type=Path, default=Path("/etc/tillbox/box.toml"))
    s.add_argument("--json", action="store_true", help="one JSON object instead of lines for people")
    s.set_defaults(func=run_status)
    r = sub.add_parser("reparse", help="parse stored captures again; changed ones are sent as corrections")
    r.add_argument("--config", type=Path, default=Path("/etc/tillbox/box.toml"))
    r.add_argument("--since", required=True, help="a date (2026-11-01) or an ISO time; UTC")
    r.add_argument("--profile", help="POS profile to read them with (bundled name or .toml path)")
    r.set_defaults(func=run_reparse)


def _since(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"--since {text!r}: not a date (2026-11-01) or ISO time") from None
    if len(text) <= 10:
        value = datetime.combine(value.date(), time(), UTC)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def run_reparse(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from edge.parsing.profiles import ProfileError, load_profile
    from edge.store.database import open_store
    from edge.store.reparse import reparse
    from edge.store.sealing import load_or_create_key

    cfg = load_config_or_report(args.config)
    if cfg is None:
        return 2
    try:
        since = _since(args.since)
        settings = parse_settings(cfg)
        if args.profile:
            settings = replace(settings, pos_profile=load_profile(args.profile))
        if not cfg.paths.db.exists():
            raise ValueError(f"no store at {cfg.paths.db}")
        settings = replace(settings, key=load_or_create_key(cfg.paths.key))
        result = reparse(open_store(cfg.paths.db), since, settings)
    except (ValueError, ProfileError, RuntimeError) as e:
        print(f"tillbox reparse: {e}", file=sys.stderr)
        return 2
    print(
        f"read {result.read} captures since {since.isoformat()}: {result.corrected} corrected "
        f"(queued for sync), {result.unchanged} unchanged, {result.unavailable} without their bytes"
    )
    return 0


def gather_status(cfg_path: Path) -> dict[str, Any] | None:
    from edge.health import collect
    from edge.signing import enrolment_key
    from edge.status_file import StatusFileError, read_status
    from edge.store.database import open_store_readonly
    from sync.wire.model import to_wire

    cfg = load_config_or_report(cfg_path)
    if cfg is None:
        return None
    paths = cfg.paths
    unreadable = None
    try:
        agent = read_status(paths.status)  # None: no agent has written one yet
    except StatusFileError as e:  # (an older agent's, until it restarts): the box's own readings still count
        agent, unreadable = None, str(e)
    store = open_store_readonly(paths.db)
    health = collect(store, paths.spool, paths.db.parent, cfg.printer.command_language)
    return {
        "device_id": cfg.box.device_id,
        "public_key": enrolment_key(paths.signing_key),  # what `tillbox-cloud devices enroll` registers
        "agent": {
            "running": agent is not None and _alive(agent.pid),
            "updated_at": agent.updated_at.isoformat() if agent else None,
            "version": agent.version if agent else None,  # the software the agent runs
            "status_file_error": unreadable,
            "conditions": to_wire(agent.conditions) if agent else {},
        },
        "broker": {"url": cfg.cloud.broker, "connected": agent.broker.connected if agent else None},
        # The configuration from HQ in use (0: none).
        "config_version": (agent.config_version or 0) if agent else 0,
        "pos_profile": agent.pos_profile if agent else None,
        "printer_profile": cfg.printer.name,
        **health.to_json(),
    }


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


def run_status(args: argparse.Namespace) -> int:
    try:
        st = gather_status(args.config)
    except RuntimeError as e:
        print(f"tillbox status: {e}", file=sys.stderr)
        return 2
    if st is None:
        return 2
    # A status file that does not read is said, with everything else the box knows, and exits 2.
    unreadable = st["agent"]["status_file_error"]
    if args.json:
        print(json.dumps(st, indent=1))
        return 2 if unreadable else 0
    a = st["agent"]
    on = [name for name, value in a["conditions"].items() if value]
    broker = st["broker"]
    if broker["url"] is None:
        link = "not configured"
    elif broker["connected"] is None:
        link = f"{broker['url']}: no publisher running in the agent"
    else:
        link = f"{broker['url']}: {'connected' if broker['connected'] else 'NOT connected'}"
    oldest = st["oldest_unsent_age_s"]
    rate = st["parse_failure_rate"]
    lines = [
        f"device         {st['device_id']}",
        f"public key     {st['public_key']}",
        (
            f"agent          unknown: {unreadable}"
            if unreadable
            else f"agent          {'running' if a['running'] else 'NOT running'}"
            + (f" (tillbox {a['version']})" if a["version"] else "")
            + (f" (as of {a['updated_at']})" if a["updated_at"] else "")
        ),
        f"conditions     {', '.join(on) if on else 'none'}",
        "last receipt   "
        + (
            f"{st['last_receipt_at']}  total {st['last_receipt_total']}  {st['last_receipt_status']}"
            if st["last_receipt_at"]
            else "none yet"
        ),
        f"spool          {st['spool_depth']} waiting"
        + (f", {st['spool_bad']} set aside" if st["spool_bad"] else ""),
        f"outbox         {st['outbox_depth']} unsent"
        + (f", oldest {oldest:,.0f} s" if oldest is not None else ""),
        f"broker         {link}",
        f"configuration  {st['config_version'] or 'none from HQ'}; "
        f"POS profile {st['pos_profile'] or 'detected per receipt'}",
        "parse failures " + (f"{rate:.1%} of the last 24 h" if rate is not None else "no receipts in 24 h"),
        f"disk free      {_mb(st['disk_free_bytes'])} of {_mb(st['disk_total_bytes'])}",
    ]
    bridge = st.get("bridge")
    if bridge:
        # The bridge's own word (bridge-status.json): what the line printed without the box's help.
        missed = bridge["injection_timeouts"] + bridge["injection_skipped_busy"] + bridge["injection_errors"]
        lines.append(
            f"line           printer {'connected' if bridge['printer_connected'] else 'NOT connected'}; "
            f"{missed} cut{'' if missed == 1 else 's'} without QR, {bridge['copy_dropped_bytes']} bytes "
            f"not read, {bridge['spool_errors']} jobs not spooled"
        )
    else:
        lines.append("line           the bridge has said nothing yet")
    if st.get("foreign_printer_commands"):
        lines.append(
            f"printer        the POS sends {st['foreign_printer_commands']} printer commands, the printer "
            f"profile {st['printer_profile']} another language: no QR is printed (the print passes "
            "unchanged); choose a profile of the printer's language (tillbox check-config lists them)"
        )
    print("\n".join(lines))
    return 2 if unreadable else 0
