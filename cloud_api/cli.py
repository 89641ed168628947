"""`tillbox-cloud`: the server side's commands.

    tillbox-cloud [--config cloud.toml] migrate
    tillbox-cloud devices enroll --store S --device D --public-key KEY   (key as `tillbox status` prints it)
    tillbox-cloud devices revoke DEVICE
    tillbox-cloud devices list
    tillbox-cloud ingest
    tillbox-cloud serve [--host H] [--port P]

The database is `database.url` in cloud.toml or TILLBOX_CLOUD_DATABASE_URL (default: a SQLite file).
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cloud_api.core.config import CloudSettings, ConfigError, load_settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker


def _sessions(settings: CloudSettings) -> sessionmaker[Session]:
    from cloud_api.core.db import make_engine, make_sessions

    return make_sessions(make_engine(settings.database_url))


def cmd_migrate(settings: CloudSettings, args: argparse.Namespace) -> int:
    from cloud_api.migrate import upgrade

    upgrade(settings.database_url)
    print(f"database at {settings.database_url.split('@')[-1]}: schema up to date")
    return 0


def cmd_enroll(settings: CloudSettings, args: argparse.Namespace) -> int:
    from cloud_api.crud.devices import enroll
    from sync.pki import issue, load_issued

    en = settings.enrolment
    if (en.ca_cert is None) != (en.ca_key is None):
        raise ConfigError("[enrolment] ca_cert and ca_key go together")
    with _sessions(settings).begin() as s:
        enroll(s, args.retailer or settings.retailer, args.store, args.device, args.public_key)
    print(f"enrolled {args.device} in store {args.store}")
    if en.ca_cert is not None and en.ca_key is not None:
        ca = load_issued(en.ca_key, en.ca_cert)
        key, cert = issue(ca, args.device).write(args.out or en.out, args.device)
        print(f"its broker certificate: {cert} (key {key}, mode 0600) — install both on the box")
    else:
        print("no [enrolment] CA configured: issue the box's broker certificate elsewhere (CN = device id)")
    return 0


def cmd_revoke(settings: CloudSettings, args: argparse.Namespace) -> int:
    from cloud_api.crud.devices import revoke

    with _sessions(settings).begin() as s:
        revoke(s, args.device)
    print(f"revoked {args.device}: its messages are refused from now on")
    return 0


def cmd_list(settings: CloudSettings, args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from cloud_api.models import Device, Store

    with _sessions(settings)() as s:
        rows = s.execute(
            select(Device, Store).join(Store, Store.id == Device.store_id).order_by(Device.device_id)
        )
        for device, store in rows:
            state = "revoked" if device.revoked_at else ("online" if device.online else "offline")
            seen = device.last_seen_at.isoformat() if device.last_seen_at else "never"
            print(f"{device.device_id}\t{store.retailer}/{store.code}\t{state}\tlast seen {seen}")
    return 0


def cmd_ingest(settings: CloudSettings, args: argparse.Namespace) -> int:
    from cloud_api.ingest import run_ingest

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    sub = run_ingest(_sessions(settings), settings.broker, stop)
    print(f"ingest stopped: {dict(sub.counts)}", file=sys.stderr)
    return 0


def cmd_serve(settings: CloudSettings, args: argparse.Namespace) -> int:
    import uvicorn

    from cloud_api.app import create_app

    uvicorn.run(create_app(_sessions(settings)), host=args.host, port=args.port, log_level="info")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tillbox-cloud", description="tillbox cloud service")
    p.add_argument("--config", type=Path, help="cloud.toml")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="create or upgrade the database schema").set_defaults(run=cmd_migrate)
    devices = sub.add_parser("devices", help="the device registry").add_subparsers(dest="what", required=True)
    e = devices.add_parser("enroll", help="register a box's signing key (and issue its broker certificate)")
    e.add_argument("--store", required=True)
    e.add_argument("--device", required=True)
    e.add_argument("--public-key", required=True, help="as `tillbox status` prints it")
    e.add_argument("--retailer", help="default: retailer in cloud.toml")
    e.add_argument("--out", type=Path, help="where the certificate goes (default: [enrolment] out)")
    e.set_defaults(run=cmd_enroll)
    r = devices.add_parser("revoke", help="refuse a box's messages from now on")
    r.add_argument("device")
    r.set_defaults(run=cmd_revoke)
    devices.add_parser("list", help="every device, its store and state").set_defaults(run=cmd_list)
    sub.add_parser("ingest", help="one ingest worker (run several: they share the load)").set_defaults(
        run=cmd_ingest
    )
    serve = sub.add_parser("serve", help="the HTTP service: e-receipt pages")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(run=cmd_serve)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        settings = load_settings(args.config)
        return int(args.run(settings, args))
    except ConfigError as e:
        print(f"tillbox-cloud: configuration: {e}", file=sys.stderr)
        return 2
    except ValueError as e:  # enrolment and other refusals of bad input
        print(f"tillbox-cloud: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
