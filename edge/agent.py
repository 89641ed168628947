"""The agent: takes what the bridge spooled into the store as fast as it comes, answers the bridge's QR
requests, syncs, keeps the store trim and says how it is doing. It never touches the print path: if it
stops, receipts still print and wait in the spool.

It is made of its duties (edge/duties/), each testable alone: those of its one loop (the scheduler,
which also pings systemd's watchdog) and those that run in threads of their own beside it (started in
order, stopped in reverse)."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from edge.escpos.printer_profile import PROFILES

if TYPE_CHECKING:
    from edge.config import BoxConfig
    from edge.duties.services import Service
    from edge.store.records import ParseSettings
    from edge.uplink import UplinkSettings


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


def run_agent(settings: AgentSettings, stop: threading.Event) -> None:
    # Imported here: `tillbox bridge` shares this command line and must start in a blink.
    from edge.duties.fleet import FleetDuty
    from edge.duties.metrics import MetricsDuty, MetricsEndpoint
    from edge.duties.retention import RetentionDuty
    from edge.duties.scheduler import Scheduler
    from edge.duties.services import started
    from edge.duties.shared import Shared, software_version
    from edge.duties.spool import SpoolDuty
    from edge.duties.status import StatusDuty
    from edge.fleet import FleetApplier, parse_hq_key
    from edge.metrics import AgentMetrics
    from edge.store.database import open_store
    from edge.store.sealing import load_or_create_key
    from firmware_bridge.systemd import Notifier

    s = settings
    parse = replace(s.parse, key=load_or_create_key(s.key))
    sessions = open_store(s.db)
    shared = Shared(parse, version=software_version())
    metrics = AgentMetrics()
    fleet = FleetApplier(parse_hq_key(s.hq_key) if s.hq_key else None, s.db.parent)
    notifier = Notifier()

    services: list[Service] = []
    if s.metrics_port:
        services.append(MetricsEndpoint(metrics, s.metrics_port))
    if s.inject_socket and s.qr_url:
        from edge.duties.qr import QrService

        services.append(QrService(s.spool, parse.printer, s.qr_url, s.qr_skip_kinds, s.inject_socket))
    uplink = None
    if s.uplink is not None and parse.key is not None:
        from edge.duties.uplink import UplinkService  # (paho and sync's publisher: only with a broker)
        from edge.uplink import Uplink

        uplink = UplinkService(partial(Uplink, s.uplink, sessions, parse.key, on_config=fleet.receive))
        services.append(uplink)

    def watchdog() -> None:
        notifier.notify("WATCHDOG=1")

    loop = Scheduler(watchdog, notifier.watchdog_interval() or 1.0)
    loop.each_pass(FleetDuty(fleet, sessions, shared, alive=watchdog))
    loop.each_pass(SpoolDuty(s.spool, sessions, shared, metrics, s.db.parent, s.min_free_bytes, s.poll_s))
    loop.every(s.housekeeping_s, RetentionDuty(sessions, s.retention_days, metrics))
    loop.every(
        s.health_s,
        StatusDuty(
            sessions,
            s.spool,
            s.db.parent,
            shared,
            s.status,
            s.broker,
            uplink.connected if uplink is not None else lambda: None,
        ),
    )
    if uplink is not None and s.uplink is not None:
        from edge.duties.uplink import HeartbeatDuty

        loop.every(s.uplink.heartbeat_s, HeartbeatDuty(shared, uplink.send_heartbeat))
    loop.every(s.health_s, MetricsDuty(metrics, shared))

    with started(services):
        notifier.notify("READY=1", f"STATUS=storing {s.spool} into {s.db}")
        try:
            loop.run(stop)
        finally:
            notifier.notify("STOPPING=1")


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
        pos_profile=load_profile(cfg.parser.profile) if cfg.parser.profile else None,
        box=BoxIds(cfg.box.device_id, cfg.box.store_id, cfg.box.till_id),
        rules=cfg.tags.rules,
        currency=cfg.box.currency,
        date_order=cfg.parser.date_order,
    )


def settings_from_config(cfg: BoxConfig) -> AgentSettings:
    return AgentSettings(
        spool=cfg.paths.spool,
        db=cfg.paths.db,
        key=cfg.paths.key,
        parse=parse_settings(cfg),
        inject_socket=cfg.paths.inject_socket if cfg.qr.url else None,
        qr_url=cfg.qr.url,
        retention_days=cfg.retention.days,
        min_free_bytes=cfg.retention.min_free_mb * 2**20,
        status=cfg.paths.status,
        metrics_port=cfg.metrics.port,
        broker=cfg.cloud.broker,
        qr_skip_kinds=cfg.qr.skip_kinds,
        uplink=uplink_settings(cfg),
        hq_key=cfg.cloud.hq_key,
    )


def uplink_settings(cfg: BoxConfig) -> UplinkSettings | None:
    if cfg.cloud.broker is None or cfg.cloud.retailer is None:
        return None
    from edge.uplink import UplinkSettings
    from sync.topics import DeviceTopics

    return UplinkSettings(
        broker=cfg.cloud.broker,
        topics=DeviceTopics(cfg.cloud.retailer, cfg.box.store_id, cfg.box.device_id),
        signing_key=cfg.paths.signing_key,
        tls=cfg.cloud.tls,
    )


def run_check_config(args: argparse.Namespace) -> int:
    cfg = load_config_or_report(args.config)
    if cfg is None:
        return 2
    box, printer = cfg.box, cfg.printer
    print(
        f"{args.config}: ok (device {box.device_id}, store {box.store_id}, printer {printer.name}, "
        f"{printer.dots} dots, QR {'on' if cfg.qr.url else 'off'}, {len(cfg.tags.rules)} tag rules)"
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
