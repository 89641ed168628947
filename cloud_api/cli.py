"""`tillbox-cloud`: the server side's commands.

    tillbox-cloud [--config cloud.toml] migrate
    tillbox-cloud devices enroll --store S --device D --public-key KEY   (key as `tillbox status` prints it)
    tillbox-cloud devices revoke DEVICE
    tillbox-cloud devices list
    tillbox-cloud ingest
    tillbox-cloud serve [--host H] [--port P]
    tillbox-cloud users add --email E --role owner|manager|store_manager [--stores S1,S2]
    tillbox-cloud tokens create --email E
    tillbox-cloud report --store S --date YYYY-MM-DD [--send]
    tillbox-cloud schedule        (daily reports by e-mail at each store's closing time)
    tillbox-cloud config key | config push --store S [--profile FILE.toml] [--reparse]

The database is `database.url` in cloud.toml or TILLBOX_CLOUD_DATABASE_URL (default: a SQLite file).
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Sequence
from datetime import date
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
    from cloud_api.core.secrets import load_or_create_secret
    from cloud_api.ingest import run_ingest

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    secret = load_or_create_secret(settings.secret_file)
    sub = run_ingest(_sessions(settings), secret, settings.broker, stop)
    print(f"ingest stopped: {dict(sub.counts)}", file=sys.stderr)
    return 0


def cmd_serve(settings: CloudSettings, args: argparse.Namespace) -> int:
    import os

    import uvicorn

    from cloud_api.app import app_for_settings
    from cloud_api.core.secrets import load_or_create_secret

    load_or_create_secret(settings.secret_file)  # made once here, before any worker reads it
    if args.workers == 1:
        uvicorn.run(app_for_settings(settings), host=args.host, port=args.port, log_level="info")
        return 0
    # Worker processes build their own app from the same settings (each its own pool and limits).
    if args.config is not None:
        os.environ["TILLBOX_CLOUD_CONFIG"] = str(args.config.resolve())
    uvicorn.run(
        "cloud_api.asgi:app",
        factory=True,
        workers=args.workers,
        host=args.host,
        port=args.port,
        log_level="info",
    )
    return 0


def cmd_user_add(settings: CloudSettings, args: argparse.Namespace) -> int:
    import getpass
    import os
    from datetime import UTC, datetime

    from cloud_api.crud.users import add_user

    password = os.environ.get("TILLBOX_CLOUD_PASSWORD")
    if args.password_prompt:
        password = getpass.getpass(f"password for {args.email}: ")
    stores = [c for c in (args.stores or "").split(",") if c]
    with _sessions(settings).begin() as s:
        user = add_user(
            s,
            args.email,
            args.name or args.email,
            args.role,
            args.retailer or settings.retailer,
            stores,
            password,
            datetime.now(UTC),
        )
        print(f"user {user.email}: {user.role}" + (f" of {', '.join(stores)}" if stores else ", every store"))
    return 0


def cmd_token_create(settings: CloudSettings, args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from sqlalchemy import select

    from cloud_api.crud.users import issue_token
    from cloud_api.models import User

    with _sessions(settings).begin() as s:
        user = s.scalars(select(User).where(User.email == args.email)).first()
        if user is None:
            raise ValueError(f"no user {args.email}")
        token = issue_token(s, user, "api", args.name, datetime.now(UTC))
    print(token)
    print("(shown once: keep it; it acts as that user in /api/v1)", file=sys.stderr)
    return 0


def cmd_report(settings: CloudSettings, args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from cloud_api.crud.reports import daily_report
    from cloud_api.models import Store

    with _sessions(settings)() as s:
        store = s.scalars(
            select(Store).where(
                Store.retailer == (args.retailer or settings.retailer), Store.code == args.store
            )
        ).first()
        if store is None:
            raise ValueError(f"no store {args.store!r}")
        report = daily_report(s, store, args.date)
    print(report.model_dump_json(indent=2))
    if args.send:
        from cloud_api.reports_mail import send_report

        sent = send_report(_sessions(settings), settings.mail, store.id, args.date)
        print(f"sent to {', '.join(sent) or 'nobody (no users for this store)'}", file=sys.stderr)
    return 0


def cmd_schedule(settings: CloudSettings, args: argparse.Namespace) -> int:
    from cloud_api.reports_mail import run_scheduler

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    run_scheduler(_sessions(settings), settings.mail, stop)
    return 0


def cmd_config_key(settings: CloudSettings, args: argparse.Namespace) -> int:
    from cloud_api.fleet_push import config_key
    from sync.keys import public_key_text

    print(public_key_text(config_key(settings.config_key_file)))
    print(
        "(put it in each box.toml as [cloud] hq_key: boxes apply only what this key signed)", file=sys.stderr
    )
    return 0


def cmd_config_push(settings: CloudSettings, args: argparse.Namespace) -> int:
    from cloud_api.fleet_push import config_key, push

    if args.profile is None and not args.reparse:
        raise ValueError("nothing to push: give --profile FILE.toml and/or --reparse")
    pushed = push(
        _sessions(settings),
        settings.broker,
        config_key(settings.config_key_file),
        args.retailer or settings.retailer,
        args.store,
        args.profile,
        args.reparse,
    )
    print(f"configuration {pushed.version} pushed to {', '.join(pushed.devices)}")
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
    users = sub.add_parser("users", help="HQ users").add_subparsers(dest="what", required=True)
    ua = users.add_parser(
        "add", help="add an HQ user (password from TILLBOX_CLOUD_PASSWORD or --password-prompt)"
    )
    ua.add_argument("--email", required=True)
    ua.add_argument("--name")
    ua.add_argument("--role", required=True, choices=["owner", "manager", "store_manager"])
    ua.add_argument(
        "--stores", help="store codes, comma-separated (manager: one or more; store_manager: one)"
    )
    ua.add_argument("--retailer", help="default: retailer in cloud.toml")
    ua.add_argument("--password-prompt", action="store_true")
    ua.set_defaults(run=cmd_user_add)
    tokens = sub.add_parser("tokens", help="API tokens").add_subparsers(dest="what", required=True)
    tc = tokens.add_parser("create", help="print a new API token for a user")
    tc.add_argument("--email", required=True)
    tc.add_argument("--name", default="api")
    tc.set_defaults(run=cmd_token_create)
    rep = sub.add_parser("report", help="a store's daily report as JSON (and --send it by e-mail)")
    rep.add_argument("--store", required=True)
    rep.add_argument("--date", required=True, type=date_arg)
    rep.add_argument("--retailer", help="default: retailer in cloud.toml")
    rep.add_argument("--send", action="store_true", help="also e-mail it to the store's recipients")
    rep.set_defaults(run=cmd_report)
    config = sub.add_parser("config", help="configuration pushed to boxes").add_subparsers(
        dest="what", required=True
    )
    config.add_parser("key", help="print HQ's config-signing public key (for box.toml)").set_defaults(
        run=cmd_config_key
    )
    cp = config.add_parser("push", help="push a POS profile and/or a re-parse request to a store's boxes")
    cp.add_argument("--store", required=True)
    cp.add_argument("--profile", type=Path, help="a POS profile TOML file (its name: the file's stem)")
    cp.add_argument("--reparse", action="store_true", help="boxes re-parse their needs_review receipts")
    cp.add_argument("--retailer", help="default: retailer in cloud.toml")
    cp.set_defaults(run=cmd_config_push)
    sub.add_parser("schedule", help="send each store's daily report at its closing time").set_defaults(
        run=cmd_schedule
    )
    serve = sub.add_parser("serve", help="the HTTP service: e-receipt pages")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1, help="processes (one per core is the usual choice)")
    serve.set_defaults(run=cmd_serve)
    return p


def date_arg(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: a date as YYYY-MM-DD") from None


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        settings = load_settings(args.config)
        return int(args.run(settings, args))
    except ConfigError as e:
        print(f"tillbox-cloud: configuration: {e}", file=sys.stderr)
        return 2
    except RuntimeError as e:  # an unusable secret file, a database that cannot be reached
        print(f"tillbox-cloud: {e}", file=sys.stderr)
        return 2
    except ValueError as e:  # enrolment and other refusals of bad input
        print(f"tillbox-cloud: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
