"""`tillbox-cloud`: the server side's commands.

    tillbox-cloud [--config cloud.toml] migrate
    tillbox-cloud stores list | add CODE | set CODE  [--name N] [--timezone TZ] [--closing-time HH:MM]
                                                     [--currency XXX] [--region R]
    tillbox-cloud devices enroll --store S --device D --public-key KEY   (key as `tillbox status` prints it)
    tillbox-cloud devices revoke DEVICE
    tillbox-cloud devices list
    tillbox-cloud broker sync | add-worker NAME | init --out FILE   (the broker's identities)
    tillbox-cloud ingest
    tillbox-cloud serve [--host H] [--port P]
    tillbox-cloud users add --email E --role owner|manager|store_manager [--stores S1,S2]
    tillbox-cloud users list | disable EMAIL
    tillbox-cloud tokens create --email E | list [--email E] | revoke ID
    tillbox-cloud report --store S --date YYYY-MM-DD [--send]
    tillbox-cloud schedule        (daily reports by e-mail at each store's closing time)
    tillbox-cloud config key | config push --store S [--profile FILE.toml] [--reparse]
    tillbox-cloud tags push-rules FILE.toml (--store S | --all)   (the boxes' item-name tag rules)

`--config` goes before or after the command; without it, TILLBOX_CLOUD_CONFIG names the file. The database
is `database.url` in cloud.toml or TILLBOX_CLOUD_DATABASE_URL (default: tillbox-cloud.db here). Every
command but `migrate` and `config key` refuses a database that is absent or not migrated, in one line.
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
from typing import TYPE_CHECKING, Any

from cloud_api.core.config import CloudSettings, ConfigError, load_settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from cloud_api.crud.stores import StoreChanges
    from cloud_api.models import Store


def _sessions(settings: CloudSettings) -> sessionmaker[Session]:
    from cloud_api.core.db import check_database, make_engine, make_sessions

    check_database(settings.database_url)
    return make_sessions(make_engine(settings.database_url))


def _store(s: Session, retailer: str, code: str) -> Store:
    """The retailer's store of this code, or the command's refusal naming it."""
    from cloud_api.crud.stores import find_store

    store = find_store(s, retailer, code)
    if store is None:
        raise ValueError(f"no store {code!r}")
    return store


def cmd_migrate(settings: CloudSettings, args: argparse.Namespace) -> int:
    from cloud_api.migrate import upgrade

    upgrade(settings.database_url)
    print(f"database at {settings.database_url.split('@')[-1]}: schema up to date")
    return 0


def cmd_enroll(settings: CloudSettings, args: argparse.Namespace) -> int:
    from cloud_api.broker_registry import admit_box
    from cloud_api.crud.devices import enroll
    from sync.pki import issue, load_issued
    from sync.topics import DeviceTopics

    en = settings.enrolment
    if (en.ca_cert is None) != (en.ca_key is None):
        raise ConfigError("[enrolment] ca_cert and ca_key go together")
    retailer = args.retailer or settings.retailer
    settings.broker.control  # noqa: B018  (a missing control identity is said before anything changes)
    with _sessions(settings).begin() as s:
        enroll(s, retailer, args.store, args.device, args.public_key)
        # Registered with the broker before the commit: an enrolment the broker does not know is not
        # recorded (the box could not connect); a broker that knows a box the registry lost is
        # undone by `tillbox-cloud broker sync`.
        registered = admit_box(settings.broker, DeviceTopics(retailer, args.store, args.device))
    print(f"enrolled {args.device} in store {args.store}")
    if not registered:
        print("the broker has no TLS identities ([broker] ca unset): nothing registered with it")
    if en.ca_cert is not None and en.ca_key is not None:
        ca = load_issued(en.ca_key, en.ca_cert)
        key, cert = issue(ca, args.device).write(args.out or en.out, args.device)
        print(f"its broker certificate: {cert} (key {key}, mode 0600) — install both on the box")
    else:
        print("no [enrolment] CA configured: issue the box's broker certificate elsewhere (CN = device id)")
    return 0


def cmd_revoke(settings: CloudSettings, args: argparse.Namespace) -> int:
    from cloud_api.broker_registry import forget_box
    from cloud_api.crud.devices import revoke, topics_of

    settings.broker.control  # noqa: B018
    with _sessions(settings).begin() as s:
        where = topics_of(s, revoke(s, args.device))
    print(f"revoked {args.device}: its messages are refused from now on")
    try:
        if forget_box(settings.broker, where):
            print("the broker has dropped it and will refuse it from now on")
    except RuntimeError as e:
        raise RuntimeError(
            f"{e}; the registry has revoked {args.device} (its messages are refused), but the broker "
            "still lets it in: run `tillbox-cloud broker sync` once the broker answers"
        ) from None
    return 0


def cmd_broker_sync(settings: CloudSettings, args: argparse.Namespace) -> int:
    """Make the broker's identities match the registry: after a broker was rebuilt or a change failed."""
    from cloud_api.broker_registry import admit_box, forget_box
    from cloud_api.crud.devices import all_devices

    settings.broker.control  # noqa: B018
    with _sessions(settings)() as s:
        devices = all_devices(s)
    admitted = forgotten = 0
    for where, live in devices:
        if live:
            admitted += admit_box(settings.broker, where)
        else:
            forgotten += forget_box(settings.broker, where)
    print(f"broker: {admitted} box(es) registered, {forgotten} revoked one(s) removed")
    return 0


def cmd_broker_add_worker(settings: CloudSettings, args: argparse.Namespace) -> int:
    from cloud_api.broker_registry import admit_worker
    from sync.pki import issue, load_issued
    from sync.topics import DeviceTopics

    DeviceTopics("x", "x", args.name)  # the same rules as a device id: a plain name for the broker
    if not admit_worker(settings.broker, args.name):
        raise ConfigError("[broker] ca is not set: a broker without TLS has no identities to register")
    print(f"ingest worker {args.name} registered with the broker")
    en = settings.enrolment
    if en.ca_cert is not None and en.ca_key is not None:
        key, cert = issue(load_issued(en.ca_key, en.ca_cert), args.name).write(args.out or en.out, args.name)
        print(f"its certificate: {cert} (key {key}, mode 0600) — [broker] cert and key of that worker")
    return 0


def cmd_broker_init(settings: CloudSettings, args: argparse.Namespace) -> int:
    from sync.broker_config import CONTROL_IDENTITY, write_dynsec_file

    try:
        write_dynsec_file(args.out, CONTROL_IDENTITY, settings.broker.group)
    except FileExistsError:
        raise ValueError(f"{args.out} exists: it holds the broker's identities; not overwritten") from None
    except OSError as e:
        raise ValueError(f"{args.out}: {e.strerror}") from None
    print(f"wrote {args.out}: the control identity {CONTROL_IDENTITY!r} and the ingest workers' role")
    return 0


def cmd_list(settings: CloudSettings, args: argparse.Namespace) -> int:
    from cloud_api.crud.devices import listed

    with _sessions(settings)() as s:
        for device, store in listed(s):
            state = "revoked" if device.revoked_at else ("online" if device.online else "offline")
            seen = device.last_seen_at.isoformat() if device.last_seen_at else "never"
            print(f"{device.device_id}\t{store.retailer}/{store.code}\t{state}\tlast seen {seen}")
    return 0


def cmd_ingest(settings: CloudSettings, args: argparse.Namespace) -> int:
    from cloud_api.core.secrets import load_or_create_secret
    from cloud_api.ingest import WorkerStopped, serve, subscriber

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    sessions = _sessions(settings)
    secret = load_or_create_secret(settings.secret_file)
    sub = subscriber(sessions, secret)
    try:
        serve(sub, settings.broker, stop)
    except WorkerStopped as e:
        # Exit non-zero so that systemd (Restart=always) starts a fresh worker; what was not
        # acknowledged is delivered again.
        print(f"ingest worker stopped: {e}; counts {dict(sub.counts)}", file=sys.stderr)
        return 1
    print(f"ingest stopped: {dict(sub.counts)}", file=sys.stderr)
    return 0


def cmd_serve(settings: CloudSettings, args: argparse.Namespace) -> int:
    import os

    import uvicorn

    from cloud_api.app import app_for_settings
    from cloud_api.core.db import check_database
    from cloud_api.core.secrets import load_or_create_secret

    check_database(settings.database_url)
    load_or_create_secret(settings.secret_file)  # made once here, before any worker reads it
    # uvicorn believes X-Forwarded-For from 127.0.0.1 unless told otherwise: only the configured proxies.
    proxy_headers, allow = bool(settings.trusted_proxies), ",".join(settings.trusted_proxies)
    if args.workers == 1:
        uvicorn.run(
            app_for_settings(settings),
            host=args.host,
            port=args.port,
            log_level="info",
            proxy_headers=proxy_headers,
            forwarded_allow_ips=allow,
        )
        return 0
    # Worker processes build their own app from the same settings (each its own pool; the limits are
    # counted in the database, which they share).
    if settings_path(args) is not None:
        os.environ["TILLBOX_CLOUD_CONFIG"] = str(settings_path(args).resolve())  # type: ignore[union-attr]
    uvicorn.run(
        "cloud_api.asgi:app",
        factory=True,
        workers=args.workers,
        host=args.host,
        port=args.port,
        log_level="info",
        proxy_headers=proxy_headers,
        forwarded_allow_ips=allow,
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


def cmd_user_list(settings: CloudSettings, args: argparse.Namespace) -> int:
    from cloud_api.crud.users import list_users

    with _sessions(settings)() as s:
        for user, codes in list_users(s, args.retailer or settings.retailer):
            state = "disabled" if user.disabled_at else "active"
            where = ", ".join(codes) if codes else ("every store" if user.role == "owner" else "no store")
            print(f"{user.email}\t{user.role}\t{where}\t{state}")
    return 0


def cmd_user_disable(settings: CloudSettings, args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from cloud_api.crud.users import disable_user

    with _sessions(settings).begin() as s:
        revoked = disable_user(s, args.retailer or settings.retailer, args.email, datetime.now(UTC))
    print(f"disabled {args.email}: signed out, {revoked} token(s) revoked")
    return 0


def cmd_token_list(settings: CloudSettings, args: argparse.Namespace) -> int:
    from cloud_api.crud.users import TOKEN_ID_CHARS, list_tokens

    with _sessions(settings)() as s:
        for t, email in list_tokens(s, args.retailer or settings.retailer, args.email):
            state = "revoked" if t.revoked_at else "live"
            made = f"{t.created_at:%Y-%m-%d %H:%M}"
            print(f"{t.token_hash[:TOKEN_ID_CHARS]}\t{email}\t{t.kind}\t{t.name}\t{made}\t{state}")
    return 0


def cmd_token_revoke(settings: CloudSettings, args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from cloud_api.crud.users import revoke_token_id

    with _sessions(settings).begin() as s:
        email = revoke_token_id(s, args.retailer or settings.retailer, args.id, datetime.now(UTC))
    print(f"revoked token {args.id} of {email}")
    return 0


def cmd_store_list(settings: CloudSettings, args: argparse.Namespace) -> int:
    from cloud_api.crud.stores import stores_with_devices

    with _sessions(settings)() as s:
        for st, devices in stores_with_devices(s, args.retailer or settings.retailer):
            print(
                f"{st.code}\t{st.name or '(no name)'}\t{st.timezone}\tcloses {st.closing_time}\t"
                f"{st.currency or 'currency of its receipts'}\t{st.region or '(no region)'}\t"
                f"{devices} box(es)"
            )
    return 0


def _store_changes(args: argparse.Namespace) -> StoreChanges:
    from cloud_api.crud.stores import StoreChanges

    return StoreChanges(args.name, args.timezone, args.closing_time, args.currency, args.region)


def cmd_store_add(settings: CloudSettings, args: argparse.Namespace) -> int:
    from cloud_api.crud.stores import add_store

    with _sessions(settings).begin() as s:
        st = add_store(s, args.retailer or settings.retailer, args.code, _store_changes(args))
        print(f"store {st.code}: {st.name or '(no name)'}, {st.timezone}, closes {st.closing_time}")
    return 0


def cmd_store_set(settings: CloudSettings, args: argparse.Namespace) -> int:
    from cloud_api.crud.stores import set_store

    changes = _store_changes(args)
    if changes == type(changes)():
        raise ValueError(
            "nothing to change: give --name, --timezone, --closing-time, --currency and/or --region"
        )
    with _sessions(settings).begin() as s:
        st = set_store(s, args.retailer or settings.retailer, args.code, changes)
        print(f"store {st.code}: {st.name or '(no name)'}, {st.timezone}, closes {st.closing_time}")
    return 0


def cmd_token_create(settings: CloudSettings, args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from cloud_api.crud.users import issue_token, user_by_email

    with _sessions(settings).begin() as s:
        user = user_by_email(s, args.retailer or settings.retailer, args.email)
        token = issue_token(s, user, "api", args.name, datetime.now(UTC))
    print(token)
    print("(shown once: keep it; it acts as that user in /api/v1)", file=sys.stderr)
    return 0


def cmd_report(settings: CloudSettings, args: argparse.Namespace) -> int:
    from cloud_api.core.secrets import load_or_create_secret
    from cloud_api.crud.reports import daily_report

    sessions = _sessions(settings)  # (the database checked before the secret is made beside it)
    if args.store is None:
        return _role_report(sessions, args.retailer or settings.retailer, args)
    secret = load_or_create_secret(settings.secret_file)
    with sessions() as s:
        store = _store(s, args.retailer or settings.retailer, args.store)
        report = daily_report(s, store, args.date, secret)
    print(report.model_dump_json(indent=2))
    if args.send:
        from cloud_api.reports_mail import send_report

        sent = send_report(sessions, settings.mail, store.id, args.date, secret)
        print(f"sent to {', '.join(sent) or 'nobody (no users for this store)'}", file=sys.stderr)
    return 0


def _role_report(sessions: sessionmaker[Session], retailer: str, args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from cloud_api.crud.role_reports import chain_report, stores_report
    from cloud_api.models import Store

    if args.send:
        raise ValueError("--send is for a store's report: managers' and owners' go out by `schedule`")
    with sessions() as s:
        if args.chain:
            ids = list(s.scalars(select(Store.id).where(Store.retailer == retailer)))
            if not ids:
                raise ValueError(f"retailer {retailer!r} has no stores")
            print(chain_report(s, retailer, ids, args.date).model_dump_json(indent=2))
        else:
            codes = [c for c in args.stores.split(",") if c]
            ids = [_store(s, retailer, c).id for c in codes]
            print(stores_report(s, ids, args.date).model_dump_json(indent=2))
    return 0


def cmd_features_refresh(settings: CloudSettings, args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from sqlalchemy import select

    from cloud_api.crud.baskets import refresh_rules
    from cloud_api.crud.customer_features import refresh
    from cloud_api.crud.customer_values import fit_values
    from cloud_api.models import Store

    retailer = args.retailer or settings.retailer
    now = datetime.now(UTC)
    with _sessions(settings).begin() as s:
        store_ids = list(s.scalars(select(Store.id).where(Store.retailer == retailer)))
        if not store_ids:
            raise ValueError(f"retailer {retailer!r} has no stores")
        rows = refresh(s, now, store_ids=store_ids)
        fitted = fit_values(s, retailer, now)
        rules = refresh_rules(s, retailer, now)
    print(f"customer features: {rows} rows (customer, store, currency) over {len(store_ids)} stores")
    for f in fitted:
        valued = f"{f.customers} customers valued" if f.customers else "no customer valued"
        why = f" ({f.problem})" if f.problem else ""
        print(f"value model, {f.currency or 'no currency'}: {valued}{why}")
    chain = rules.get("", 0)
    print(f"basket rules: {chain} for the chain, {sum(rules.values()) - chain} in its stores")
    return 0


def cmd_import(settings: CloudSettings, args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from cloud_api.core.secrets import load_or_create_secret
    from cloud_api.crud.history_import import import_lines

    try:
        text = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ValueError(f"{args.file}: cannot read it: {e}") from None
    sessions = _sessions(settings)  # (the database checked before the secret is made beside it)
    secret = load_or_create_secret(settings.secret_file)
    with sessions.begin() as s:
        store = _store(s, args.retailer or settings.retailer, args.store)
        result = import_lines(s, store, text.splitlines(), datetime.now(UTC), secret)
    for number, why in result.refused:
        print(f"{args.file}:{number}: {why}", file=sys.stderr)
    unchanged = result.lines - result.imported - len(result.refused)
    print(
        f"{result.imported} receipts imported into {args.store}, {unchanged} already there, "
        f"{len(result.refused)} lines refused"
    )
    return 1 if result.refused else 0


def cmd_customer_show(settings: CloudSettings, args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from sqlalchemy import select

    from cloud_api.crud.customer_views import customer
    from cloud_api.crud.users import Scope
    from cloud_api.models import Store

    retailer = args.retailer or settings.retailer
    with _sessions(settings)() as s:
        stores = frozenset(s.scalars(select(Store.id).where(Store.retailer == retailer)))
        found = customer(s, Scope(0, "cli", "owner", retailer, stores), args.id, datetime.now(UTC))
    if found is None:
        raise ValueError(f"no customer {args.id} with purchases at {retailer}")
    if args.json:
        print(found.model_dump_json(indent=2))
    else:
        value = f", P(alive) {found.value.p_alive:.2f}" if found.value else ""
        print(
            f"customer {found.id}: {found.purchases} purchases, {found.spend} {found.currency or ''} spent, "
            f"last {found.last_purchase_at:%Y-%m-%d}, {found.segment}{value}"
        )
    return 0


def cmd_products_import(settings: CloudSettings, args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from cloud_api.crud.products import import_catalogue, read_csv

    try:
        text = args.file.read_text(encoding="utf-8-sig")  # (a spreadsheet's CSV may start with a BOM)
    except (OSError, UnicodeDecodeError) as e:
        raise ValueError(f"{args.file}: cannot read it: {e}") from None
    rows, wrong = read_csv(text)
    for line, why in wrong:
        print(f"{args.file}:{line}: {why}", file=sys.stderr)
    if wrong:
        return 2
    with _sessions(settings).begin() as s:
        result = import_catalogue(s, args.retailer or settings.retailer, rows, datetime.now(UTC))
    for line, why in result.refused:
        print(f"{args.file}:{line}: {why}", file=sys.stderr)
    print(f"{result.added} products added, {result.replaced} replaced, {len(result.refused)} rows refused")
    return 1 if result.refused else 0


def cmd_tags_add(settings: CloudSettings, args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from cloud_api.crud.tags import add_rule

    with _sessions(settings).begin() as s:
        rule = add_rule(s, args.retailer or settings.retailer, args.rule, datetime.now(UTC))
        print(f"rule {rule.id}: {rule.text} (applied to every customer)")
    return 0


def cmd_tags_list(settings: CloudSettings, args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from cloud_api.models import CustomerTag, TagRule

    with _sessions(settings)() as s:
        rules = s.scalars(select(TagRule).where(TagRule.retailer == (args.retailer or settings.retailer)))
        for rule in rules:
            n = s.scalar(select(func.count()).select_from(CustomerTag).where(CustomerTag.rule_id == rule.id))
            print(f"{rule.id}  {rule.text}  ({n} customers)")
    return 0


def cmd_tags_push_rules(settings: CloudSettings, args: argparse.Namespace) -> int:
    from functools import partial

    from cloud_api.crud.item_rules import RulesRefused, check, push_item_rules
    from cloud_api.fleet_push import config_key, publish

    try:
        text = args.file.read_text(encoding="utf-8")
    except OSError as e:
        raise ValueError(f"{args.file}: cannot read: {e.strerror}") from None
    except UnicodeDecodeError as e:
        raise ValueError(f"{args.file}: not UTF-8 text (byte {e.start}); save it as UTF-8") from None
    try:
        count = check(text)
    except RulesRefused as e:  # before the database or the key: a bad file changes nothing
        for problem in e.problems:
            print(f"{args.file}: {problem}", file=sys.stderr)
        print("tillbox-cloud: the rules were not pushed", file=sys.stderr)
        return 1
    sessions = _sessions(settings)
    key = config_key(settings.config_key_file)
    with sessions() as s:
        pushed = push_item_rules(
            s,
            args.retailer or settings.retailer,
            None if args.all else [args.store],
            text,
            key,
            partial(publish, settings.broker),
            "cli",
        )
        s.commit()
    for p in pushed:
        to = ", ".join(p.devices) or "no box yet"
        print(f"{p.store}: configuration {p.version} with {count} item rules pushed to {to}")
    return 0


def cmd_rules(settings: CloudSettings, args: argparse.Namespace) -> int:
    import json

    from cloud_api.crud.baskets import rules_for
    from cloud_api.schemas import BasketRuleOut

    retailer = args.retailer or settings.retailer
    with _sessions(settings)() as s:
        scope = ""
        if args.store is not None:
            store = _store(s, retailer, args.store)
            scope = store.code
        found = [BasketRuleOut.model_validate(r, from_attributes=True) for r in rules_for(s, retailer, scope)]
    if args.json:
        print(json.dumps([r.model_dump(mode="json") for r in found], indent=2, ensure_ascii=False))
        return 0
    for r in found:
        print(f"{r.antecedent} -> {r.consequent}: {r.baskets} baskets, {r.confidence:.0%}, lift {r.lift:.1f}")
    if not found:
        print("no rules (yet: `tillbox-cloud features refresh` makes them)")
    return 0


def cmd_warnings(settings: CloudSettings, args: argparse.Namespace) -> int:
    import json
    from datetime import UTC, datetime

    from cloud_api.core.secrets import load_or_create_secret
    from cloud_api.crud.churn import warnings
    from cloud_api.schemas import ChurnWarningOut

    sessions = _sessions(settings)  # (the database checked before the secret is made beside it)
    if args.store is None:
        return _role_report(sessions, args.retailer or settings.retailer, args)
    secret = load_or_create_secret(settings.secret_file)
    with sessions() as s:
        store = _store(s, args.retailer or settings.retailer, args.store)
        found = warnings(s, [store.id], datetime.now(UTC), secret)
    out = [ChurnWarningOut(**{**vars(w), "currency": w.currency or None}) for w in found]
    if args.json:
        print(json.dumps([w.model_dump(mode="json") for w in out], indent=2, ensure_ascii=False))
        return 0
    for w in out:
        who = w.phone or w.member or f"customer {w.customer_id}"
        print(
            f"{who}: {w.purchases} visits every {w.cadence_days:g} days, last {w.last_visit:%Y-%m-%d}, "
            f"expected {w.expected_visit:%Y-%m-%d}, {w.value_at_risk} {w.currency or ''} at risk".rstrip()
        )
    if not out:
        print("no core customer is overdue")
    return 0


def cmd_funnel(settings: CloudSettings, args: argparse.Namespace) -> int:
    import json
    from datetime import UTC, datetime, timedelta

    from cloud_api.crud.funnel import funnel

    if not 1 <= args.days <= 366:
        raise ValueError(f"--days {args.days}: 1 to 366")
    end = datetime.now(UTC)
    with _sessions(settings)() as s:
        store = _store(s, args.retailer or settings.retailer, args.store)
        found = funnel(s, [store.id], end - timedelta(days=args.days), end)[0]
    if args.json:
        print(json.dumps(found.model_dump(mode="json"), indent=2, ensure_ascii=False))
        return 0
    t = found.totals
    print(f"{found.store}, the last {args.days} days: {t.sales} sales")
    print(f"  linked to a customer {t.linked} ({t.linked_share:.1%})")
    print(f"  opened by the QR     {t.scanned} ({t.scan_share:.1%})")
    print(f"  saved to a phone     {t.saved} ({t.save_share:.1%}), by {found.saving_customers} customers")
    back = found.returning_customers
    print(f"  bought again after   {t.repeat} ({t.repeat_share:.1%} of saved), {back} customers")
    for c in found.by_cashier:
        print(
            f"  cashier {c.cashier or '(none printed)'}: {c.sales} sales, {c.scanned} opened, {c.saved} saved"
        )
    for h in found.by_hour:
        print(f"  {h.hour:02d}:00  {h.sales} sales, {h.scanned} opened, {h.saved} saved")
    return 0


def cmd_schedule(settings: CloudSettings, args: argparse.Namespace) -> int:
    from cloud_api.reports_mail import run_scheduler

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    from cloud_api.core.secrets import load_or_create_secret

    sessions = _sessions(settings)  # (the database checked before the secret is made beside it)
    run_scheduler(sessions, settings.mail, stop, secret=load_or_create_secret(settings.secret_file))
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
    # --config is taken before the command and after it alike: every subcommand knows it too, with a
    # default that leaves the top-level one standing when it is not repeated.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, default=argparse.SUPPRESS, help="cloud.toml")
    p = argparse.ArgumentParser(prog="tillbox-cloud", description="tillbox cloud service")
    p.add_argument("--config", type=Path, help="cloud.toml (default: $TILLBOX_CLOUD_CONFIG)")
    sub = p.add_subparsers(dest="command", required=True)

    def command(group: Any, name: str, run: Any, help: str) -> argparse.ArgumentParser:
        leaf: argparse.ArgumentParser = group.add_parser(name, help=help, parents=[common])
        leaf.set_defaults(run=run)
        return leaf

    def retailer(leaf: argparse.ArgumentParser) -> None:
        leaf.add_argument("--retailer", help="default: retailer in cloud.toml")

    command(sub, "migrate", cmd_migrate, "create or upgrade the database schema")
    stores = sub.add_parser("stores", help="stores: name, time zone, closing time, currency").add_subparsers(
        dest="what", required=True
    )
    retailer(command(stores, "list", cmd_store_list, "every store and its settings"))
    for name, run, what in (
        ("add", cmd_store_add, "add a store before its first box"),
        ("set", cmd_store_set, "change a store's name, time zone, closing time or currency"),
    ):
        st = command(stores, name, run, what)
        st.add_argument("code", help="the store id, as in box.toml [box] store_id")
        st.add_argument("--name", help="as HQ and the shoppers' pages call it")
        st.add_argument(
            "--timezone", help="IANA time zone, e.g. Asia/Shanghai (the day and hours of reports)"
        )
        st.add_argument("--closing-time", help="HH:MM local: when its daily report is mailed")
        st.add_argument("--currency", help="ISO 4217 code its figures are reported in, e.g. CNY")
        st.add_argument("--region", help="the region HQ groups it in (the owner's report, by region)")
        retailer(st)
    devices = sub.add_parser("devices", help="the device registry").add_subparsers(dest="what", required=True)
    e = command(
        devices, "enroll", cmd_enroll, "register a box's signing key (and issue its broker certificate)"
    )
    e.add_argument("--store", required=True)
    e.add_argument("--device", required=True)
    e.add_argument("--public-key", required=True, help="as `tillbox status` prints it")
    retailer(e)
    e.add_argument("--out", type=Path, help="where the certificate goes (default: [enrolment] out)")
    command(devices, "revoke", cmd_revoke, "refuse a box's messages from now on").add_argument("device")
    command(devices, "list", cmd_list, "every device, its store and state")
    broker = sub.add_parser("broker", help="the broker's identities").add_subparsers(
        dest="what", required=True
    )
    command(broker, "sync", cmd_broker_sync, "register every enrolled box with the broker, drop revoked ones")
    bw = command(broker, "add-worker", cmd_broker_add_worker, "register an ingest worker's certificate name")
    bw.add_argument("name", help="its certificate's common name, e.g. cloud-ingest-2")
    bw.add_argument("--out", type=Path, help="where its certificate goes (default: [enrolment] out)")
    bi = command(broker, "init", cmd_broker_init, "write a new broker's dynamic-security file")
    bi.add_argument("--out", type=Path, required=True, help="plugin_opt_config_file of mosquitto.conf")
    command(sub, "ingest", cmd_ingest, "one ingest worker (run several: they share the load)")
    users = sub.add_parser("users", help="HQ users").add_subparsers(dest="what", required=True)
    ua = command(
        users,
        "add",
        cmd_user_add,
        "add an HQ user (password from TILLBOX_CLOUD_PASSWORD or --password-prompt)",
    )
    ua.add_argument("--email", required=True)
    ua.add_argument("--name")
    ua.add_argument("--role", required=True, choices=["owner", "manager", "store_manager"])
    ua.add_argument(
        "--stores", help="store codes, comma-separated (manager: one or more; store_manager: one)"
    )
    retailer(ua)
    ua.add_argument("--password-prompt", action="store_true")
    retailer(command(users, "list", cmd_user_list, "every HQ user, role, stores and state"))
    ud = command(users, "disable", cmd_user_disable, "sign a user out for good and revoke their tokens")
    ud.add_argument("email")
    retailer(ud)
    tokens = sub.add_parser("tokens", help="API tokens").add_subparsers(dest="what", required=True)
    tc = command(tokens, "create", cmd_token_create, "print a new API token for a user")
    tc.add_argument("--email", required=True)
    tc.add_argument("--name", default="api")
    retailer(tc)
    tl = command(tokens, "list", cmd_token_list, "tokens (API and page sessions): id, user, kind, state")
    tl.add_argument("--email", help="only this user's")
    retailer(tl)
    tr = command(tokens, "revoke", cmd_token_revoke, "revoke a token by the id `tokens list` shows")
    tr.add_argument("id")
    retailer(tr)
    rep = command(
        sub,
        "report",
        cmd_report,
        "a closing report as JSON: a store's, stores side by side, or the chain's (--send: e-mail it)",
    )
    which = rep.add_mutually_exclusive_group(required=True)
    which.add_argument("--store", help="a store's daily report")
    which.add_argument("--stores", help="store codes, comma-separated: side by side (a manager's report)")
    which.add_argument("--chain", action="store_true", help="the chain by region (the owner's report)")
    rep.add_argument("--date", required=True, type=date_arg)
    retailer(rep)
    rep.add_argument("--send", action="store_true", help="also e-mail it to the store's recipients")
    config = sub.add_parser("config", help="configuration pushed to boxes").add_subparsers(
        dest="what", required=True
    )
    command(config, "key", cmd_config_key, "print HQ's config-signing public key (for box.toml)")
    cp = command(
        config, "push", cmd_config_push, "push a POS profile and/or a re-parse request to a store's boxes"
    )
    cp.add_argument("--store", required=True)
    cp.add_argument("--profile", type=Path, help="a POS profile TOML file (its name: the file's stem)")
    cp.add_argument("--reparse", action="store_true", help="boxes re-parse their needs_review receipts")
    retailer(cp)
    features = sub.add_parser("features", help="the stored customer features").add_subparsers(
        dest="what", required=True
    )
    retailer(
        command(features, "refresh", cmd_features_refresh, "recompute every customer's features at once")
    )
    products = sub.add_parser("products", help="the product master").add_subparsers(
        dest="what", required=True
    )
    pi = command(products, "import", cmd_products_import, "add or replace products from a catalogue CSV")
    pi.add_argument("file", type=Path, help="CSV: code, barcode, name, category, brand, size, price_band")
    retailer(pi)
    tags = sub.add_parser("tags", help="life-stage and interest tag rules").add_subparsers(
        dest="what", required=True
    )
    ta = command(tags, "add", cmd_tags_add, "add a rule and apply it to every customer")
    ta.add_argument("rule", help="e.g. '2 or more baby purchases in 60 days -> new_parent'")
    retailer(ta)
    retailer(command(tags, "list", cmd_tags_list, "the rules and how many customers each tags"))
    tp = command(
        tags, "push-rules", cmd_tags_push_rules, "push the boxes' item-name tag rules (signed) to stores"
    )
    tp.add_argument("file", type=Path, help="a rules TOML file: [[rule]] tag = ..., items = [patterns]")
    which = tp.add_mutually_exclusive_group(required=True)
    which.add_argument("--store", help="one store's boxes")
    which.add_argument("--all", action="store_true", help="every store of the retailer")
    retailer(tp)
    ru = command(sub, "rules", cmd_rules, "what baskets hold together: a store's, or the chain's")
    ru.add_argument("--store", help="default: the whole chain")
    ru.add_argument("--json", action="store_true")
    retailer(ru)
    im = command(sub, "import", cmd_import, "load a store's history: one record a line (JSONL)")
    im.add_argument("file", type=Path, help="records in the published record format, one a line")
    im.add_argument("--store", required=True)
    retailer(im)
    customers = sub.add_parser("customers", help="HQ's view of customers").add_subparsers(
        dest="what", required=True
    )
    cs = command(customers, "show", cmd_customer_show, "a customer's figures, as the API gives them")
    cs.add_argument("id", type=int)
    cs.add_argument("--json", action="store_true")
    retailer(cs)
    wa = command(sub, "warnings", cmd_warnings, "a store's core customers overdue against their own cadence")
    wa.add_argument("--store", required=True)
    wa.add_argument("--json", action="store_true", help="as the API gives them")
    retailer(wa)
    fu = command(sub, "funnel", cmd_funnel, "a store's receipts from paper to person: opened, saved, back")
    fu.add_argument("--store", required=True)
    fu.add_argument("--days", type=int, default=30, help="the last N days (default 30)")
    fu.add_argument("--json", action="store_true", help="as the API gives it")
    retailer(fu)
    command(sub, "schedule", cmd_schedule, "send each store's daily report at its closing time")
    serve = command(sub, "serve", cmd_serve, "the HTTP service: e-receipt pages, HQ's API and dashboard")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1, help="processes (one per core is the usual choice)")
    return p


def settings_path(args: argparse.Namespace) -> Path | None:
    """--config, before or after the command; else TILLBOX_CLOUD_CONFIG."""
    import os

    if args.config is not None:
        return Path(args.config)
    env = os.environ.get("TILLBOX_CLOUD_CONFIG")
    return Path(env) if env else None


def date_arg(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: a date as YYYY-MM-DD") from None


def _key_value_joined(argv: list[str]) -> list[str]:
    """`--public-key -abc…` as `--public-key=-abc…`: a base64url key may begin with '-', which argparse
    would otherwise take for an option."""
    out = list(argv)
    for i, arg in enumerate(out[:-1]):
        if arg == "--public-key":
            out[i : i + 2] = [f"--public-key={out[i + 1]}"]
            break
    return out


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(_key_value_joined(list(sys.argv[1:] if argv is None else argv)))
    # The services log what they do; a one-off command prints its answer and only warnings beside it.
    service = args.command in ("serve", "ingest", "schedule", "migrate")
    logging.basicConfig(
        level=logging.INFO if service else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if args.command != "migrate":
        logging.getLogger("alembic").setLevel(logging.WARNING)  # the schema check at start is not news
    try:
        settings = load_settings(settings_path(args))
        return int(args.run(settings, args))
    except ConfigError as e:
        print(f"tillbox-cloud: configuration: {e}", file=sys.stderr)
        return 2
    except RuntimeError as e:  # an unusable secret file, a database absent, unmigrated or unreachable
        print(f"tillbox-cloud: {e}", file=sys.stderr)
        return 2
    except ValueError as e:  # enrolment and other refusals of bad input
        print(f"tillbox-cloud: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
