"""The agent's main loop: spool -> store, QR blocks for the bridge, retention, health. It takes what the
bridge spooled as fast as it comes and never touches the print path: if it stops, receipts still print
and wait in the spool."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import signal
import sys
import threading
import time
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from edge.escpos.printer_profile import PROFILES
from sync.wire.heartbeat import Conditions as WireConditions
from sync.wire.model import to_wire

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from edge.config import BoxConfig
    from edge.fleet import FleetApplier, Update
    from edge.store.records import ParseSettings
    from edge.uplink import UplinkSettings

log = logging.getLogger("tillbox.agent")


@dataclass(frozen=True)
class AgentSettings:
    spool: Path
    db: Path
    key: Path
    parse: ParseSettings  # without its key: the agent loads (or makes) that at start
    inject_socket: Path | None = None
    qr_url: str | None = None
    retention_days: int = 30
    min_free_bytes: int = 200 * 1024 * 1024
    status: Path | None = None
    metrics_port: int = 0
    broker: str | None = None
    qr_skip_kinds: frozenset[str] = frozenset({"non_sale"})
    uplink: UplinkSettings | None = None  # None: no broker configured, the outbox only fills
    hq_key: str | None = None  # HQ's config-signing key: pushed configurations are applied only if signed
    poll_s: float = 0.2
    housekeeping_s: float = 600.0  # retention pass
    health_s: float = 2.0  # status file and metrics


DISK_ALARM_SHARE = 0.8  # used share of the store's disk at which HQ hears about it


@dataclass
class Conditions:
    disk_alarm: bool = False  # 80 % used: nothing is dropped yet, but someone should look
    disk_low: bool = False
    disk_full: bool = False

    def report(self, name: str, now_on: bool, detail: str) -> None:
        if getattr(self, name) != now_on:
            setattr(self, name, now_on)
            if now_on:
                log.warning("%s: %s", name, detail, extra={"condition": name, "on": True})
            else:
                log.info("%s cleared", name, extra={"condition": name, "on": False})


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("tillbox")
    except PackageNotFoundError:
        return "unknown"


def apply_fleet_update(
    fleet: FleetApplier, update: Update, parse: ParseSettings, sessions: sessionmaker[Session]
) -> ParseSettings:
    """A configuration HQ pushed (verified): its profile for every receipt from now on, and the re-parse
    it asks for, once — the corrections go out through the outbox like any other."""
    from edge.store.reparse import reparse

    if update.profile is not None:
        parse = replace(parse, pos_profile=update.profile)
        log.info("POS profile %s from HQ (configuration %d)", update.profile.name, update.config.version)
    status = fleet.reparse_due(update)
    if status is not None:
        result = reparse(sessions, datetime(1970, 1, 1, tzinfo=UTC), parse, only_status=status)
        fleet.reparse_ran(update)
        log.info("re-parsed %d %s receipts for HQ: %d corrected", result.read, status, result.corrected)
    return parse


def run_agent(settings: AgentSettings, stop: threading.Event) -> None:
    # Imported here: `tillbox bridge` shares this command line and must start in a blink.
    from edge.fleet import FleetApplier, parse_hq_key
    from edge.health import collect
    from edge.metrics import AgentMetrics
    from edge.status_file import AgentStatus, BrokerLink, write_status
    from edge.store.database import open_store
    from edge.store.ingest import ingest_spool
    from edge.store.retention import prune
    from edge.store.sealing import load_or_create_key
    from firmware_bridge.systemd import Notifier

    s = settings
    parse = replace(s.parse, key=load_or_create_key(s.key))
    sessions = open_store(s.db)

    metrics = AgentMetrics()
    if s.metrics_port:
        metrics.serve(s.metrics_port)
    server = injector = None
    if s.inject_socket and s.qr_url:
        from edge.qr.injector import QrInjector, serve

        injector = QrInjector(s.spool, parse.printer, s.qr_url, s.qr_skip_kinds)
        server = serve(s.inject_socket, injector)
    notifier = Notifier()
    notifier.notify("READY=1", f"STATUS=storing {s.spool} into {s.db}")
    conditions = Conditions()
    started = datetime.now(UTC)
    version = _version()
    next_prune = next_health = next_ping = 0.0
    ping_every = notifier.watchdog_interval() or 1.0
    uplink = None
    next_heartbeat = 0.0
    fleet = FleetApplier(parse_hq_key(s.hq_key) if s.hq_key else None, s.db.parent)
    if s.uplink is not None and parse.key is not None:
        from edge.uplink import Uplink

        uplink = Uplink(s.uplink, sessions, parse.key, on_config=fleet.receive)
        uplink.start()  # its own thread: storing never waits on the network
    try:
        while not stop.is_set():
            update = fleet.take()
            if update is not None:
                parse = apply_fleet_update(fleet, update, parse, sessions)
            if time.monotonic() >= next_ping:  # from the loop itself: a hung store stops the pings
                notifier.notify("WATCHDOG=1")
                next_ping = time.monotonic() + ping_every
            usage = shutil.disk_usage(s.db.parent)
            free = usage.free
            conditions.report(
                "disk_alarm",
                usage.used >= DISK_ALARM_SHARE * usage.total,
                f"{usage.used / usage.total:.0%} of the store's disk used",
            )
            conditions.report(
                "disk_low",
                free < s.min_free_bytes,
                f"{free // 2**20} MB free: captures are stored without raster images",
            )
            result = ingest_spool(s.spool, sessions, parse, limit=100, lean=conditions.disk_low)
            conditions.report(
                "disk_full",
                result.disk_full,
                "the store cannot write: receipts print and wait in the spool",
            )
            for name in ("stored", "duplicates", "skipped", "bad", "images_dropped"):
                if getattr(result, name):
                    metrics.jobs.labels(name).inc(getattr(result, name))
            if result.stored or result.bad:
                log.info(
                    "stored %d, duplicates %d, empty %d, bad %d",
                    result.stored,
                    result.duplicates,
                    result.skipped,
                    result.bad,
                    extra={"stored": result.stored, "bad": result.bad},
                )
            now = time.monotonic()
            if now >= next_prune:
                next_prune = now + s.housekeeping_s
                pruned = prune(sessions, s.retention_days)
                metrics.pruned.inc(pruned.captures)
                if pruned.captures or pruned.outbox_rows:
                    log.info(
                        "retention removed %d captures, %d delivered outbox rows",
                        pruned.captures,
                        pruned.outbox_rows,
                    )
            if now >= next_health:
                next_health = now + s.health_s
                health = collect(sessions, s.spool, s.db.parent, parse.printer.command_language)
                if uplink is not None and s.uplink is not None and now >= next_heartbeat:
                    next_heartbeat = now + s.uplink.heartbeat_s
                    try:
                        heartbeat = health.heartbeat(
                            WireConditions(**asdict(conditions)),
                            fleet.version,
                            parse.pos_profile.name if parse.pos_profile else None,
                            version,
                        )
                        uplink.publisher.heartbeat(to_wire(heartbeat))
                    except ValueError:  # a heartbeat that cannot be sent must not stop the store
                        log.exception("heartbeat not sent")
                metrics.update(health)
                metrics.disk_low.set(conditions.disk_low)
                metrics.disk_full.set(conditions.disk_full)
                if s.status is not None:
                    write_status(
                        s.status,
                        AgentStatus(
                            version=version,
                            config_version=fleet.version,
                            pos_profile=parse.pos_profile.name if parse.pos_profile else None,
                            conditions=WireConditions(**asdict(conditions)),
                            pid=os.getpid(),
                            started_at=started,
                            updated_at=datetime.now(UTC),
                            broker=BrokerLink(s.broker, uplink.publisher.connected if uplink else None),
                            health=health.readings(),
                        ),
                    )
            if result.disk_full:
                stop.wait(5.0)  # the spool holds the jobs; try again when there may be room
            elif not (result.stored or result.duplicates or result.skipped):
                stop.wait(s.poll_s)
    finally:
        notifier.notify("STOPPING=1")
        if server is not None and s.inject_socket is not None:
            server.shutdown()
            server.server_close()
            s.inject_socket.unlink(missing_ok=True)
        if injector is not None:
            injector.close()
        if uplink is not None:
            uplink.stop()


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("agent", help="store the bridge's spooled receipts (capture, transaction, outbox)")
    p.add_argument("--config", type=Path, help="the box's configuration (/etc/tillbox/box.toml)")
    p.add_argument("--spool", type=Path, help="(without --config) the bridge's spool directory")
    p.add_argument("--db", type=Path, help="(without --config) the box's SQLite store")
    p.add_argument("--key", type=Path, help="(without --config) key file; default: box.key beside --db")
    p.add_argument("--printer-profile", default="generic-80mm", choices=sorted(PROFILES))
    p.add_argument("--inject-socket", type=Path, help="answer the bridge's injection requests here")
    p.add_argument("--qr-url", help="e-receipt URL template, e.g. https://r.example.com/r/{token}")
    p.add_argument("--metrics-port", type=int, default=0, help="(without --config) 0 is off")
    p.add_argument("--log-format", choices=("auto", "json", "text"), default="auto")
    p.set_defaults(func=run)
    c = sub.add_parser("check-config", help="check the box's configuration; one line per problem")
    c.add_argument("--config", type=Path, default=Path("/etc/tillbox/box.toml"))
    c.set_defaults(func=run_check_config)


def load_config_or_report(path: Path) -> BoxConfig | None:
    """The configuration, or None after printing each of its problems on a line of its own."""
    from edge.config import ConfigError, load_config

    try:
        return load_config(path)
    except ConfigError as e:
        for problem in e.problems:
            print(problem, file=sys.stderr)
        return None


def parse_settings(cfg: BoxConfig) -> ParseSettings:
    from edge.parsing.profiles import load_profile
    from edge.store.records import ParseSettings
    from edge.tags.tagger import BoxIds

    return ParseSettings(
        printer=cfg.printer,
        pos_profile=load_profile(cfg.pos_profile) if cfg.pos_profile else None,
        box=BoxIds(cfg.device_id, cfg.store_id, cfg.till_id),
        rules=cfg.tag_rules,
        currency=cfg.currency,
        date_order=cfg.date_order,
    )


def settings_from_config(cfg: BoxConfig) -> AgentSettings:
    return AgentSettings(
        spool=cfg.spool,
        db=cfg.db,
        key=cfg.key,
        parse=parse_settings(cfg),
        inject_socket=cfg.inject_socket if cfg.qr_url else None,
        qr_url=cfg.qr_url,
        retention_days=cfg.retention_days,
        min_free_bytes=cfg.min_free_mb * 2**20,
        status=cfg.status,
        metrics_port=cfg.metrics_port,
        broker=cfg.broker,
        qr_skip_kinds=cfg.qr_skip_kinds,
        uplink=uplink_settings(cfg),
        hq_key=cfg.hq_key,
    )


def uplink_settings(cfg: BoxConfig) -> UplinkSettings | None:
    if cfg.broker is None or cfg.retailer is None:
        return None
    from edge.uplink import UplinkSettings
    from sync.topics import DeviceTopics

    return UplinkSettings(
        broker=cfg.broker,
        topics=DeviceTopics(cfg.retailer, cfg.store_id, cfg.device_id),
        signing_key=cfg.signing_key,
        tls=cfg.broker_tls,
    )


def run_check_config(args: argparse.Namespace) -> int:
    cfg = load_config_or_report(args.config)
    if cfg is None:
        return 2
    print(
        f"{args.config}: ok (device {cfg.device_id}, store {cfg.store_id}, printer {cfg.printer.name}, "
        f"{cfg.printer.dots} dots, QR {'on' if cfg.qr_url else 'off'}, {len(cfg.tag_rules)} tag rules)"
    )
    return 0


def run(args: argparse.Namespace) -> int:
    from edge.logs import setup_logging

    setup_logging(args.log_format)
    if args.config is not None:
        cfg = load_config_or_report(args.config)
        if cfg is None:
            return 2
        settings = settings_from_config(cfg)
    elif args.spool is None or args.db is None:
        print("tillbox agent: give --config, or --spool and --db", file=sys.stderr)
        return 2
    elif bool(args.inject_socket) != bool(args.qr_url):
        print("tillbox agent: --inject-socket and --qr-url go together", file=sys.stderr)
        return 2
    else:
        from edge.store.records import ParseSettings

        settings = AgentSettings(
            spool=args.spool,
            db=args.db,
            key=args.key or args.db.parent / "box.key",
            parse=ParseSettings(printer=PROFILES[args.printer_profile]),
            inject_socket=args.inject_socket,
            qr_url=args.qr_url,
            status=args.db.parent / "agent-status.json",
            metrics_port=args.metrics_port,
        )
    if not settings.spool.is_dir():
        print(f"tillbox agent: spool directory {settings.spool} does not exist", file=sys.stderr)
        return 2
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        run_agent(settings, stop)
    except (RuntimeError, ValueError, OSError) as e:  # a store, key or port this agent cannot use
        print(f"tillbox agent: {e}", file=sys.stderr)
        return 2
    return 0
