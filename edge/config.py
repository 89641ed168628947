"""The box's one configuration file, /etc/tillbox/box.toml, read and checked in one place.

    [box]
    device_id = "store12-till1"         # letters, digits, - and _
    store_id = "store12"
    till_id = "till1"
    currency = "CNY"                    # optional, ISO 4217: what a receipt that prints no currency is in

    [links]                             # what the bridge is started with (systemd/tillbox-bridge.service)
    pos = "serial:///dev/ttyUSB0?baud=19200&rtscts=1"
    printer = "serial:///dev/ttyUSB1?baud=19200&rtscts=1"

    [printer]
    profile = "chinese-80mm"            # a built-in printer profile (edge/escpos/printer_profile.py)
    native_qr = true                    # optional overrides of the profile
    dots = 576
    code_table = "CT-S651"              # the printer model whose ESC t numbers apply (python-escpos's
                                        # printer database or edge/escpos/maker_code_tables.json;
                                        # default: Epson's numbering)
    # command_set = "star-line"         # optional: the printer's command set where the profile's is not it;
                                        # a Star one makes the bridge read Star from the first byte

    [parser]
    profile = "huaxin-pos"              # optional POS profile: bundled name or a .toml path
    date_order = "DMY"                  # optional: "DMY", "MDY" or "YMD", for dates like 03/04/2026 that
                                        # nothing on the receipt decides (else they are needs_review)

    [qr]
    url_template = "https://r.example.com/r/{token}"
    enabled = true
    skip_kinds = ["non_sale"]           # no QR on these: kitchen tickets, reports, test prints (non_sale);
                                        # add "void" or "refund" if those should get none either

    [tags]
    rules = "/etc/tillbox/tags.toml"    # optional: item-name patterns -> tags (edge/tags/rules.py)

    [paths]
    spool = "/var/spool/tillbox"
    db = "/var/lib/tillbox/box.db"
    key = "/var/lib/tillbox/box.key"    # AES key sealing customer data at rest; made (0600) at first start
    signing_key = "/var/lib/tillbox/signing.key"  # Ed25519 key signing what the box sends; made likewise
    inject_socket = "/run/tillbox/inject.sock"
    status = "/run/tillbox/agent-status.json"

    [cloud]
    broker = "mqtts://mqtt.example.com:8883"  # off when absent: receipts stay in the outbox
    retailer = "acme"                   # the first level of the box's MQTT topics
    ca = "/etc/tillbox/tls/ca.crt"      # the retailer's CA: the only one the broker's certificate may have
    cert = "/etc/tillbox/tls/box.crt"   # this box's client certificate (common name = device_id)
    tls_key = "/etc/tillbox/tls/box.key"
    hq_key = "…"                        # HQ's config-signing key (`tillbox-cloud config key`): pushed
                                        # profiles are applied only when signed by it
    api = "https://api.example.com"

    [retention]
    days = 30                           # captures kept this long, and removed only once synced
    min_free_mb = 200                   # below this, captures are stored without raster images

    [metrics]
    port = 9464                         # Prometheus endpoint on 127.0.0.1; 0 turns it off

Every problem is reported, one line each, naming the key; nothing starts on a bad file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from edge.escpos.printer_profile import PROFILES, PrinterProfile
from edge.parsing.dates import DATE_ORDERS, DateOrder
from edge.tags.rules import TagRule, TagRulesError, load_rules

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
SECTIONS: dict[str, set[str]] = {
    "box": {"device_id", "store_id", "till_id", "currency"},
    "links": {"pos", "printer"},
    "printer": {
        "profile",
        "native_qr",
        "dots",
        "columns",
        "code_page",
        "multibyte",
        "code_table",
        "command_set",
    },
    "parser": {"profile", "date_order"},
    "qr": {"url_template", "enabled", "skip_kinds"},
    "tags": {"rules"},
    "paths": {"spool", "db", "key", "signing_key", "inject_socket", "status"},
    "cloud": {"broker", "api", "retailer", "ca", "cert", "tls_key", "hq_key"},
    "retention": {"days", "min_free_mb"},
    "metrics": {"port"},
}


class ConfigError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class BoxConfig:
    device_id: str
    store_id: str
    till_id: str
    pos_url: str
    printer_url: str
    printer: PrinterProfile
    pos_profile: str | None
    qr_url: str | None
    spool: Path
    db: Path
    inject_socket: Path
    broker: str | None
    api: str | None
    retention_days: int = 30
    min_free_mb: int = 200
    key: Path = Path("/var/lib/tillbox/box.key")
    status: Path = Path("/run/tillbox/agent-status.json")
    tag_rules: tuple[TagRule, ...] = ()
    metrics_port: int = 9464
    qr_skip_kinds: frozenset[str] = frozenset({"non_sale"})
    signing_key: Path = Path("/var/lib/tillbox/signing.key")
    retailer: str | None = None
    broker_tls: tuple[Path, Path, Path] | None = None  # (ca, cert, key) for mqtts
    hq_key: str | None = None  # HQ's Ed25519 config-signing key, base64url
    currency: str | None = None  # the store's: receipts that print none are in it
    date_order: DateOrder | None = None  # where a receipt's date leaves day and month open
    source: Path = field(default=Path("box.toml"), compare=False)


def _scheme(url: str, port: bool = False) -> str | None:
    """The URL's scheme, or None for one that does not parse (a bad IPv6 literal; with `port`, also no
    host or a port that is not 1 to 65535)."""
    try:
        parts = urlsplit(url)
        if port and (not parts.hostname or (parts.port is not None and not parts.port > 0)):
            return None
    except ValueError:
        return None
    return parts.scheme


def load_config(path: Path) -> BoxConfig:
    from firmware_bridge.tomlfile import TomlError, read_toml

    try:
        data = read_toml(path)
    except TomlError as e:
        raise ConfigError([str(e)]) from None
    return parse_config(data, path)


def parse_config(data: dict[str, Any], path: Path) -> BoxConfig:
    problems: list[str] = []

    def bad(key: str, why: str) -> None:
        problems.append(f"{path}: {key}: {why}")

    for section, value in data.items():
        if section not in SECTIONS:
            bad(section, f"unknown section (known: {', '.join(SECTIONS)})")
        elif not isinstance(value, dict):
            bad(section, "must be a table")
        else:
            for key in value:
                if key not in SECTIONS[section]:
                    bad(f"{section}.{key}", f"unknown key (known: {', '.join(sorted(SECTIONS[section]))})")

    def get(section: str, key: str, default: Any = None) -> Any:
        table = data.get(section)
        return table.get(key, default) if isinstance(table, dict) else default

    ids = {}
    for key in ("device_id", "store_id", "till_id"):
        value = get("box", key)
        if not isinstance(value, str) or not _ID.fullmatch(value):
            bad(f"box.{key}", "required: letters, digits, '-' or '_' (up to 64)")
        ids[key] = value if isinstance(value, str) else ""

    currency = get("box", "currency")
    if currency is not None and not (isinstance(currency, str) and re.fullmatch(r"[A-Z]{3}", currency)):
        bad("box.currency", "an ISO 4217 code such as CNY, EUR or USD")
        currency = None

    links = {}
    for key in ("pos", "printer"):
        value = get("links", key)
        if not isinstance(value, str):
            bad(f"links.{key}", "required: a link URL such as serial:///dev/ttyUSB0?baud=19200")
            value = ""
        else:
            from firmware_bridge.links import LinkConfigError, open_endpoint

            try:
                open_endpoint(value)
            except LinkConfigError as e:
                bad(f"links.{key}", str(e))
        links[key] = value

    printer = PROFILES["generic-80mm"]
    name = get("printer", "profile", "generic-80mm")
    if not isinstance(name, str) or name not in PROFILES:
        bad("printer.profile", f"unknown profile {name!r} (known: {', '.join(sorted(PROFILES))})")
    else:
        printer = PROFILES[name]
    overrides = {k: get("printer", k) for k in sorted(SECTIONS["printer"] - {"profile"})}
    try:
        printer = replace(printer, **{k: v for k, v in overrides.items() if v is not None})
    except (ValueError, TypeError) as e:
        bad("printer", str(e))

    pos_profile = get("parser", "profile")
    if pos_profile is not None and not isinstance(pos_profile, str):
        bad("parser.profile", "the name of a bundled POS profile or the path of a .toml file")
        pos_profile = None
    elif pos_profile is not None:
        from edge.parsing.profiles import ProfileError, load_profile

        try:
            load_profile(pos_profile)
        except ProfileError as e:
            bad("parser.profile", str(e))

    date_order = get("parser", "date_order")
    if date_order is not None and date_order not in DATE_ORDERS:
        bad("parser.date_order", f"one of {', '.join(DATE_ORDERS)}")
        date_order = None

    qr_url = get("qr", "url_template")
    if get("qr", "enabled", True) is False:
        qr_url = None
    elif not isinstance(qr_url, str) or "{token}" not in qr_url or _scheme(qr_url) not in ("http", "https"):
        bad("qr.url_template", "required: an http(s) URL with {token}, e.g. https://r.example.com/r/{token}")
        qr_url = None

    skip = get("qr", "skip_kinds", ["non_sale"])
    kinds = {"sale", "refund", "void", "non_sale"}
    if not isinstance(skip, list) or not all(isinstance(k, str) and k in kinds for k in skip):
        bad("qr.skip_kinds", f"a list of transaction kinds ({', '.join(sorted(kinds))})")
        skip = ["non_sale"]

    for key in ("broker", "api"):
        value = get("cloud", key)
        schemes = ("mqtt", "mqtts") if key == "broker" else ("http", "https")
        if value is not None and (not isinstance(value, str) or _scheme(value, port=True) not in schemes):
            bad(f"cloud.{key}", f"must be a {' or '.join(s + '://' for s in schemes)}host[:port] URL")

    broker = get("cloud", "broker")
    retailer = get("cloud", "retailer")
    tls: tuple[Path, Path, Path] | None = None
    if isinstance(broker, str) and _scheme(broker, port=True) is not None:
        if not isinstance(retailer, str) or not _ID.fullmatch(retailer):
            bad("cloud.retailer", "required with a broker: letters, digits, '-' or '_' (up to 64)")
        if _scheme(broker) == "mqtts":
            files = []
            for key in ("ca", "cert", "tls_key"):
                value = get("cloud", key)
                if not isinstance(value, str) or not Path(value).is_file():
                    bad(f"cloud.{key}", "required with an mqtts:// broker: the path of an existing PEM file")
                files.append(Path(value) if isinstance(value, str) else Path())
            tls = (files[0], files[1], files[2])

    hq_key = get("cloud", "hq_key")
    if hq_key is not None:
        from edge.fleet import parse_hq_key

        try:
            parse_hq_key(hq_key if isinstance(hq_key, str) else "")
        except ValueError as e:
            bad("cloud.hq_key", str(e))

    def whole(section: str, key: str, default: int, low: int, high: int, unit: str) -> int:
        value = get(section, key, default)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            bad(f"{section}.{key}", f"a whole number of {unit} from {low} to {high}")
            return default
        return value

    days = whole("retention", "days", 30, 1, 3650, "days")
    min_free_mb = whole("retention", "min_free_mb", 200, 0, 1_000_000, "megabytes")
    metrics_port = whole("metrics", "port", 9464, 0, 65535, "(a TCP port; 0 is off)")

    rules: tuple[TagRule, ...] = ()
    rules_path = get("tags", "rules")
    if rules_path is not None:
        if not isinstance(rules_path, str):
            bad("tags.rules", "a path to a TOML rules file")
        else:
            try:
                rules = load_rules(Path(rules_path))
            except TagRulesError as e:
                problems.extend(f"{path}: tags.rules: {p}" for p in e.problems)

    paths = {}
    for key, default in (
        ("spool", "/var/spool/tillbox"),
        ("db", "/var/lib/tillbox/box.db"),
        ("key", "/var/lib/tillbox/box.key"),
        ("signing_key", "/var/lib/tillbox/signing.key"),
        ("inject_socket", "/run/tillbox/inject.sock"),
        ("status", "/run/tillbox/agent-status.json"),
    ):
        value = get("paths", key, default)
        if not isinstance(value, str) or not value.startswith("/"):
            bad(f"paths.{key}", "an absolute path")
            value = default
        paths[key] = Path(value)

    if problems:
        raise ConfigError(problems)
    return BoxConfig(
        device_id=ids["device_id"],
        store_id=ids["store_id"],
        till_id=ids["till_id"],
        pos_url=links["pos"],
        printer_url=links["printer"],
        printer=printer,
        pos_profile=pos_profile,
        qr_url=qr_url,
        spool=paths["spool"],
        db=paths["db"],
        inject_socket=paths["inject_socket"],
        broker=get("cloud", "broker"),
        api=get("cloud", "api"),
        retention_days=days,
        min_free_mb=min_free_mb,
        key=paths["key"],
        status=paths["status"],
        tag_rules=rules,
        metrics_port=metrics_port,
        qr_skip_kinds=frozenset(skip),
        signing_key=paths["signing_key"],
        retailer=retailer,
        broker_tls=tls,
        hq_key=hq_key,
        currency=currency,
        date_order=date_order,
        source=path,
    )
