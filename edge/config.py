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
    profile = "chinese-80mm"            # a built-in printer profile (edge/escpos/printer_profile.py);
                                        # default "generic-80mm"
    native_qr = true                    # optional overrides of the profile
    dots = 576
    # columns = 48                      # font A characters per line
    # code_page = "cp437"               # what the printer prints before any ESC t
    # multibyte = "gb18030"             # the double-byte encoding of its Chinese/Kanji mode (FS &)
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
    url_template = "https://r.example.com/r/{token}"   # required unless enabled = false
    enabled = true
    skip_kinds = ["non_sale"]           # no QR on these: kitchen tickets, reports, test prints (non_sale);
                                        # add "void" or "refund" if those should get none either

    [tags]
    rules = "/etc/tillbox/tags.toml"    # optional: item-name patterns -> tags (edge/parsing/tag_rules.py)

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

The values shown for [paths], [qr] enabled and skip_kinds, [retention] and [metrics] are the defaults.
Each section is a frozen dataclass below: its fields are the section's keys, and a field's default is
what a box gets without the key (stated there alone: the readers never name a fallback of their own).
The file is read once into a BoxConfig holding the sections; `tillbox check-config` and the agent load
the same. Every problem is reported, one line each, naming the key; nothing starts on a bad file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar, get_args, get_type_hints
from urllib.parse import urlsplit

from edge.escpos.printer_profile import GENERIC, PROFILES, PrinterProfile
from edge.parsing.dates import DATE_ORDERS, DateOrder
from edge.parsing.tag_rules import TagRule, TagRulesError, load_rules
from firmware_bridge.boxfile import INJECT_SOCKET, SPOOL
from sync.wire.transaction import Kind

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

S = TypeVar("S", bound="DataclassInstance")

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
_ID_RULE = "letters, digits, '-' or '_' (up to 64)"
_KINDS: tuple[str, ...] = tuple(sorted(get_args(Kind)))  # the wire's (sync/wire/transaction.py)


class ConfigError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class _Section:
    """One [section] as it is read: the values found good so far (the rest keep their defaults), and
    its problems, each reported as "section.key: what is wrong". A key whose field has no default is
    required."""

    def __init__(
        self,
        name: str,
        cls: type[DataclassInstance],
        table: dict[str, Any],
        report: Callable[[str, str], None],
    ) -> None:
        self.name = name
        self.table = table
        self.good: dict[str, Any] = {}
        self.required = {f.name for f in fields(cls) if f.default is MISSING and f.default_factory is MISSING}
        self._report = report

    def given(self, key: str) -> Any:
        return self.table.get(key)  # None: absent (TOML has no null)

    def bad(self, key: str, why: str) -> None:
        self._report(f"{self.name}.{key}", why)

    def take(self, key: str, value: Any) -> None:
        self.good[key] = value

    def check(self, key: str, ok: Callable[[Any], bool], why: str, required: bool | None = None) -> Any:
        """The key's value when it is given and `ok` (taken), else None: reported when given, or when
        required (by its field, or by `required` where another key decides) and absent."""
        value = self.given(key)
        if value is not None and ok(value):
            self.take(key, value)
            return value
        if value is not None or (key in self.required if required is None else required):
            self.bad(key, why)
        return None

    def whole(self, key: str, low: int, high: int, unit: str) -> None:
        self.check(
            key,
            lambda v: _is_whole(v) and low <= v <= high,
            f"a whole number of {unit} from {low} to {high}",
        )

    def make(self, cls: type[S]) -> S | None:
        """The section of the values found good, the others at their defaults; None when a required key
        is missing or bad (a problem then names it, so no BoxConfig is made)."""
        return cls(**self.good) if self.required <= self.good.keys() else None


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


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and _ID.fullmatch(value) is not None


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _is_flag(value: Any) -> bool:
    return isinstance(value, bool)


def _is_whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# How a value of each kind of field is checked before the section's own checks, and what it should be.
_OF_KIND: dict[type, tuple[Callable[[Any], bool], str]] = {
    bool: (_is_flag, "true or false"),
    int: (_is_whole, "a whole number"),
    str: (_is_text, "a name"),
}


def _is_url(schemes: tuple[str, ...]) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, str) and _scheme(v, port=True) in schemes


@dataclass(frozen=True)
class BoxSection:
    device_id: str
    store_id: str
    till_id: str
    currency: str | None = None  # the store's: receipts that print none are in it

    @classmethod
    def read(cls, s: _Section) -> BoxSection | None:
        for key in ("device_id", "store_id", "till_id"):
            s.check(key, _is_id, f"required: {_ID_RULE}")
        s.check(
            "currency",
            lambda v: isinstance(v, str) and re.fullmatch(r"[A-Z]{3}", v) is not None,
            "an ISO 4217 code such as CNY, EUR or USD",
        )
        return s.make(cls)


@dataclass(frozen=True)
class LinksSection:
    pos: str
    printer: str

    @classmethod
    def read(cls, s: _Section) -> LinksSection | None:
        from firmware_bridge.links import LinkConfigError, open_endpoint

        for key in ("pos", "printer"):
            url = s.given(key)
            if not isinstance(url, str):
                s.bad(key, "required: a link URL such as serial:///dev/ttyUSB0?baud=19200")
                continue
            try:
                open_endpoint(url)  # parses and checks only: nothing is opened
            except LinkConfigError as e:
                s.bad(key, str(e))
            else:
                s.take(key, url)
        return s.make(cls)


@dataclass(frozen=True)
class PrinterSection:
    """[printer] as written: a built-in profile, and what this printer does differently (None: the
    profile's own). What the box uses is the two put together, a PrinterProfile (BoxConfig.printer)."""

    profile: str = GENERIC.name
    native_qr: bool | None = None
    dots: int | None = None
    columns: int | None = None
    code_page: str | None = None
    multibyte: str | None = None
    code_table: str | None = None
    command_set: str | None = None

    @classmethod
    def read(cls, s: _Section) -> PrinterProfile:
        s.check(
            "profile",
            lambda v: isinstance(v, str) and v in PROFILES,
            f"unknown profile {s.given('profile')!r} (known: {', '.join(sorted(PROFILES))})",
        )
        overrides = {k: t for k, t in get_type_hints(cls).items() if k != "profile"}
        for key, kind in overrides.items():
            s.check(key, *_OF_KIND[next(t for t in get_args(kind) if t is not type(None))])
        section = cls(**s.good)
        printer = PROFILES[section.profile]
        # One override at a time, so that a value the profile refuses is reported under its own key.
        for key in overrides:
            value = getattr(section, key)
            if value is not None:
                try:
                    printer = replace(printer, **{key: value})
                except ValueError as e:
                    s.bad(key, str(e))
        return printer


@dataclass(frozen=True)
class ParserSection:
    profile: str | None = None  # a bundled POS profile's name or a .toml path; None: the generic parser
    date_order: DateOrder | None = None  # where a receipt's date leaves day and month open

    @classmethod
    def read(cls, s: _Section) -> ParserSection:
        name = s.check("profile", _is_text, "the name of a bundled POS profile or the path of a .toml file")
        if name is not None:
            from edge.parsing.profiles import ProfileError, load_profile

            try:
                load_profile(name)
            except ProfileError as e:
                s.bad("profile", str(e))
        s.check("date_order", lambda v: v in DATE_ORDERS, f"one of {', '.join(DATE_ORDERS)}")
        return cls(**s.good)


@dataclass(frozen=True)
class QrSection:
    url_template: str | None = None
    enabled: bool = True
    skip_kinds: frozenset[str] = frozenset({"non_sale"})  # transaction kinds that get no QR block

    @property
    def url(self) -> str | None:
        """The e-receipt URL template, or None when the box prints no QR block."""
        return self.url_template if self.enabled else None

    @classmethod
    def read(cls, s: _Section) -> QrSection:
        if s.check("enabled", _is_flag, "true or false") is not False:
            s.check(
                "url_template",
                lambda v: isinstance(v, str) and "{token}" in v and _scheme(v) in ("http", "https"),
                "required: an http(s) URL with {token}, e.g. https://r.example.com/r/{token}",
                required=True,
            )
        kinds = s.check(
            "skip_kinds",
            lambda v: isinstance(v, list) and all(isinstance(k, str) and k in _KINDS for k in v),
            f"a list of transaction kinds ({', '.join(_KINDS)})",
        )
        if kinds is not None:
            s.take("skip_kinds", frozenset(kinds))
        return cls(**s.good)


@dataclass(frozen=True)
class TagsSection:
    rules: tuple[TagRule, ...] = ()  # those of the file the key names

    @classmethod
    def read(cls, s: _Section) -> TagsSection:
        path = s.given("rules")
        if path is None:
            return cls()
        if not isinstance(path, str):
            s.bad("rules", "a path to a TOML rules file")
            return cls()
        try:
            return cls(load_rules(Path(path)))
        except TagRulesError as e:
            for problem in e.problems:
                s.bad("rules", problem)
            return cls()


@dataclass(frozen=True)
class PathsSection:
    spool: Path = Path(SPOOL)  # the bridge's default too (firmware_bridge/boxfile.py)
    db: Path = Path("/var/lib/tillbox/box.db")
    key: Path = Path("/var/lib/tillbox/box.key")
    signing_key: Path = Path("/var/lib/tillbox/signing.key")
    inject_socket: Path = Path(INJECT_SOCKET)  # likewise
    status: Path = Path("/run/tillbox/agent-status.json")

    @classmethod
    def read(cls, s: _Section) -> PathsSection:
        for key in (f.name for f in fields(cls)):
            value = s.check(key, lambda v: isinstance(v, str) and v.startswith("/"), "an absolute path")
            if value is not None:
                s.take(key, Path(value))
        return cls(**s.good)


@dataclass(frozen=True)
class CloudSection:
    broker: str | None = None  # None: no uplink, receipts stay in the outbox
    api: str | None = None
    retailer: str | None = None
    ca: Path | None = None
    cert: Path | None = None
    tls_key: Path | None = None
    hq_key: str | None = None  # HQ's Ed25519 config-signing key, base64url

    @property
    def tls(self) -> tuple[Path, Path, Path] | None:
        """(ca, cert, key) for an mqtts:// broker, else None."""
        if self.broker is None or _scheme(self.broker) != "mqtts":
            return None
        if self.ca is None or self.cert is None or self.tls_key is None:  # the reader requires all three
            raise ValueError("an mqtts:// broker needs ca, cert and tls_key")
        return (self.ca, self.cert, self.tls_key)

    @classmethod
    def read(cls, s: _Section) -> CloudSection:
        for key, schemes in (("broker", ("mqtt", "mqtts")), ("api", ("http", "https"))):
            s.check(
                key,
                _is_url(schemes),
                f"must be a {' or '.join(x + '://' for x in schemes)}host[:port] URL",
            )
        broker = s.good.get("broker")
        s.check("retailer", _is_id, f"required with a broker: {_ID_RULE}", required=broker is not None)
        mqtts = broker is not None and _scheme(broker) == "mqtts"
        for key in ("ca", "cert", "tls_key"):
            value = s.check(
                key,
                lambda v: isinstance(v, str) and (not mqtts or Path(v).is_file()),
                "required with an mqtts:// broker: the path of an existing PEM file" if mqtts else "a path",
                required=mqtts,
            )
            if value is not None:
                s.take(key, Path(value))
        hq_key = s.given("hq_key")
        if hq_key is not None:
            from edge.fleet import parse_hq_key

            try:
                parse_hq_key(hq_key if isinstance(hq_key, str) else "")
            except ValueError as e:
                s.bad("hq_key", str(e))
            else:
                s.take("hq_key", hq_key)
        return cls(**s.good)


@dataclass(frozen=True)
class RetentionSection:
    days: int = 30
    min_free_mb: int = 200

    @classmethod
    def read(cls, s: _Section) -> RetentionSection:
        s.whole("days", 1, 3650, "days")
        s.whole("min_free_mb", 0, 1_000_000, "megabytes")
        return cls(**s.good)


@dataclass(frozen=True)
class MetricsSection:
    port: int = 9464

    @classmethod
    def read(cls, s: _Section) -> MetricsSection:
        s.whole("port", 0, 65535, "(a TCP port; 0 is off)")
        return cls(**s.good)


class _SectionClass(Protocol):
    __dataclass_fields__: ClassVar[dict[str, Any]]

    @classmethod
    def read(cls, s: _Section) -> object: ...


# Each section of box.toml and the dataclass whose fields are its keys, in the order they are checked
# (and their problems reported).
SECTIONS: dict[str, type[_SectionClass]] = {
    "box": BoxSection,
    "links": LinksSection,
    "printer": PrinterSection,
    "parser": ParserSection,
    "qr": QrSection,
    "cloud": CloudSection,
    "retention": RetentionSection,
    "metrics": MetricsSection,
    "tags": TagsSection,
    "paths": PathsSection,
}


def keys(section: str) -> list[str]:
    return [f.name for f in fields(SECTIONS[section])]


@dataclass(frozen=True)
class BoxConfig:
    box: BoxSection
    links: LinksSection
    printer: PrinterProfile  # [printer]'s profile with its overrides applied
    parser: ParserSection
    qr: QrSection
    cloud: CloudSection
    retention: RetentionSection
    metrics: MetricsSection
    tags: TagsSection
    paths: PathsSection
    source: Path = field(default=Path("box.toml"), compare=False)


def load_config(path: Path) -> BoxConfig:
    from firmware_bridge.tomlfile import TomlError, read_toml

    try:
        data = read_toml(path)
    except TomlError as e:
        raise ConfigError([str(e)]) from None
    return parse_config(data, path)


def parse_config(data: dict[str, Any], path: Path) -> BoxConfig:
    problems: list[str] = []

    def report(key: str, why: str) -> None:
        problems.append(f"{path}: {key}: {why}")

    for name, table in data.items():
        if name not in SECTIONS:
            report(name, f"unknown section (known: {', '.join(SECTIONS)})")
        elif not isinstance(table, dict):
            report(name, "must be a table")
        else:
            for key in table:
                if key not in keys(name):
                    report(f"{name}.{key}", f"unknown key (known: {', '.join(sorted(keys(name)))})")
    sections: dict[str, Any] = {}
    for name, section in SECTIONS.items():
        table = data.get(name)
        sections[name] = section.read(
            _Section(name, section, table if isinstance(table, dict) else {}, report)
        )
    if problems:
        raise ConfigError(problems)
    return BoxConfig(**sections, source=path)
