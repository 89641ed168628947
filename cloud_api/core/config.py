"""The cloud service's settings, from a TOML file (`--config cloud.toml`) with environment overrides.

Defaults are the embedded ones (a SQLite file, a local broker) so a single shop or a trial needs no
file at all; a fleet sets `database.url` to PostgreSQL and `broker` to its cluster.
"""

from __future__ import annotations

import ipaddress
import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


class ConfigError(ValueError):
    """A bad cloud.toml or environment value; the message names the key."""


@dataclass(frozen=True)
class BrokerSettings:
    url: str = "mqtt://127.0.0.1:1883"
    ca: Path | None = None  # the retailer CA that signed the broker's certificate
    cert: Path | None = None  # this ingest worker's own certificate (each worker its own common name)
    key: Path | None = None
    # The cloud's control identity (common name "cloud-control"): registers boxes at enrolment, drops
    # them at revocation, pushes configurations. Needed whenever the broker speaks TLS.
    control_cert: Path | None = None
    control_key: Path | None = None
    group: str = "tillbox-ingest"  # the shared subscription every ingest worker joins
    client_id: str = ""  # empty: a unique, unguessable one per process
    probe_seconds: float = 10.0  # how often the worker checks it still consumes (cloud_api.ingest.serve)
    watchdog_seconds: float = 60.0  # no probe back for this long while connected: the worker exits 1

    @property
    def address(self) -> tuple[str, int]:
        """(host, port) of `url`; ConfigError for one that is not mqtt(s)://host[:port]."""
        try:
            url = urlsplit(self.url)
            port = url.port
        except ValueError as e:
            raise ConfigError(f"broker.url {self.url!r}: {e}") from None
        if url.scheme not in ("mqtt", "mqtts") or not url.hostname:
            raise ConfigError(f"broker.url {self.url!r}: mqtt://host:port or mqtts://host:port")
        return url.hostname, port or (8883 if url.scheme == "mqtts" else 1883)

    @property
    def tls(self) -> tuple[Path, Path, Path] | None:
        """(ca, cert, key) of this ingest worker; None for a broker without TLS."""
        self.check()
        if self.ca is None:
            return None
        if self.cert is None or self.key is None:
            raise ConfigError(
                "[broker] cert and key are not set: each ingest worker connects with its own certificate "
                "(or TILLBOX_CLOUD_BROKER_CERT / TILLBOX_CLOUD_BROKER_KEY)"
            )
        return (self.ca, self.cert, self.key)

    def check(self) -> None:
        """What is wrong whatever the process: halves of a pair, a certificate without the CA."""
        for cert, key in (("cert", "key"), ("control_cert", "control_key")):
            if (getattr(self, cert) is None) != (getattr(self, key) is None):
                raise ConfigError(f"[broker] {cert} and {key} go together")
            if getattr(self, cert) is not None and self.ca is None:
                raise ConfigError(f"[broker] {cert} needs [broker] ca (the CA of the broker's certificate)")

    @property
    def control(self) -> tuple[Path, Path, Path] | None:
        """(ca, cert, key) of the control identity; None for a broker without TLS (nothing to register)."""
        self.check()
        if self.ca is None:
            return None
        if self.control_cert is None or self.control_key is None:
            raise ConfigError(
                "[broker] control_cert and control_key are not set: the broker only lets in the boxes "
                "the cloud registers with it (see docs/run-cloud.md)"
            )
        return (self.ca, self.control_cert, self.control_key)


@dataclass(frozen=True)
class EnrolmentSettings:
    ca_cert: Path | None = None  # the retailer CA that signs box certificates at enrolment
    ca_key: Path | None = None
    out: Path = Path("enrolled")  # where a box's certificate and key are written for its installer


@dataclass(frozen=True)
class ShopperSettings:
    region: str = "US"  # where a phone number typed without +country is read (ISO 3166 code)
    sms_sender: str = "log"  # "log" (development: the code goes to the log) or "package.module:factory"
    sms_options: dict[str, Any] = field(default_factory=dict)  # the whole [sms] table, for the factory


@dataclass(frozen=True)
class MailSettings:
    host: str = "127.0.0.1"
    port: int = 25
    sender: str = "tillbox@localhost"
    starttls: bool = False
    username: str | None = None  # the password comes from TILLBOX_CLOUD_SMTP_PASSWORD, never the file
    password: str | None = None
    # Which roles get their closing report by mail: a store manager their store's, a manager their stores
    # side by side, an owner the chain (one mail a night each, whatever the number of stores).
    report_roles: tuple[str, ...] = ("owner", "manager", "store_manager")


@dataclass(frozen=True)
class AlertSettings:
    offline_minutes: int = 5
    outbox_depth: int = 500
    oldest_unsent_minutes: int = 60
    parse_failure_rate: str = "0.10"  # a decimal string: money and rates never pass through float
    min_receipts: int = 20


@dataclass(frozen=True)
class CloudSettings:
    database_url: str = "sqlite:///tillbox-cloud.db"
    retailer: str = "demo"
    broker: BrokerSettings = field(default_factory=BrokerSettings)
    enrolment: EnrolmentSettings = field(default_factory=EnrolmentSettings)
    # 32 random bytes (0600), made at first start: keys phone/member hashes and seals their values.
    secret_file: Path = Path("tillbox-cloud.key")
    # HQ's Ed25519 key signing what is pushed to boxes (made likewise; boxes hold its public half).
    config_key_file: Path = Path("tillbox-cloud-config.key")
    shoppers: ShopperSettings = field(default_factory=ShopperSettings)
    mail: MailSettings = field(default_factory=MailSettings)
    alerts: AlertSettings = field(default_factory=AlertSettings)
    # The load balancers whose X-Forwarded-For / -Proto are believed (addresses or networks). Empty: no
    # one's, so a client cannot pick the address its limits are counted under by sending the header.
    trusted_proxies: tuple[str, ...] = ()


def _proxies(table: dict[str, Any]) -> tuple[str, ...]:
    value = table.get("trusted_proxies", [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(
            'web.trusted_proxies: a list of addresses or networks, e.g. ["10.0.0.5", "10.1.0.0/16"]'
        )
    for v in value:
        try:
            ipaddress.ip_network(v, strict=False)
        except ValueError:
            raise ConfigError(f"web.trusted_proxies: {v!r} is not an IP address or network") from None
    return tuple(value)


def _path(table: dict[str, Any], key: str, where: str) -> Path | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}.{key}: a path (string) is needed")
    return Path(value)


def _client_id(table: dict[str, Any]) -> str:
    value = table.get("client_id", "")
    if not isinstance(value, str) or len(value) > 100:
        raise ConfigError("broker.client_id: a string (empty: a random one per worker)")
    return value


def _env_path(env: dict[str, str], name: str) -> Path | None:
    value = env.get(name)
    return Path(value) if value else None


def _str(table: dict[str, Any], key: str, where: str, default: str) -> str:
    value = table.get(key, default)
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}.{key}: a non-empty string is needed, not {value!r}")
    return value


def _seconds(table: dict[str, Any], key: str, default: float) -> float:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 86400:
        raise ConfigError(f"broker.{key}: a number of seconds, more than 0, not {value!r}")
    return float(value)


KNOWN = {
    "database": {"url"},
    "retailer": None,
    "broker": {
        "url",
        "ca",
        "cert",
        "key",
        "control_cert",
        "control_key",
        "group",
        "client_id",
        "probe_seconds",
        "watchdog_seconds",
    },
    "enrolment": {"ca_cert", "ca_key", "out"},
    "web": {"trusted_proxies"},
    "secrets": {"file", "config_key"},
    "alerts": {
        "offline_minutes",
        "outbox_depth",
        "oldest_unsent_minutes",
        "parse_failure_rate",
        "min_receipts",
    },
    "shoppers": {"region"},
    "mail": {"host", "port", "sender", "starttls", "username", "report_roles"},
    "sms": None,  # free-form: the sender's own options besides `sender`
}


def _mail(table: dict[str, Any], env: dict[str, str]) -> MailSettings:
    port = table.get("port", MailSettings.port)
    if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
        raise ConfigError(f"mail.port: a port number is needed, not {port!r}")
    starttls = table.get("starttls", False)
    if not isinstance(starttls, bool):
        raise ConfigError("mail.starttls: true or false")
    roles = table.get("report_roles", list(MailSettings.report_roles))
    if not isinstance(roles, list) or not set(roles) <= {"owner", "manager", "store_manager"}:
        raise ConfigError('mail.report_roles: a list of "owner", "manager", "store_manager"')
    user = table.get("username")
    if user is not None and not isinstance(user, str):
        raise ConfigError("mail.username: a string")
    return MailSettings(
        host=_str(table, "host", "mail", MailSettings.host),
        port=port,
        sender=_str(table, "sender", "mail", MailSettings.sender),
        starttls=starttls,
        username=user,
        password=env.get("TILLBOX_CLOUD_SMTP_PASSWORD"),
        report_roles=tuple(roles),
    )


def _alerts(table: dict[str, Any]) -> AlertSettings:
    values: dict[str, Any] = {}
    for key in ("offline_minutes", "outbox_depth", "oldest_unsent_minutes", "min_receipts"):
        value = table.get(key, getattr(AlertSettings, key))
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ConfigError(f"alerts.{key}: a whole number, 0 or more")
        values[key] = value
    rate = table.get("parse_failure_rate", AlertSettings.parse_failure_rate)
    try:
        if not isinstance(rate, str) or not 0 <= Decimal(rate) <= 1:
            raise ValueError
    except (ValueError, ArithmeticError):
        raise ConfigError(
            'alerts.parse_failure_rate: a decimal string from "0" to "1", e.g. "0.10"'
        ) from None
    return AlertSettings(parse_failure_rate=rate, **values)


def load_settings(path: Path | None = None, env: dict[str, str] | None = None) -> CloudSettings:
    """cloud.toml (if given), then TILLBOX_CLOUD_DATABASE_URL / _BROKER / _SECRET_FILE over it."""
    env = dict(os.environ) if env is None else env
    raw: dict[str, Any] = {}
    if path is not None:
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{path}: no such file") from None
        except OSError as e:
            raise ConfigError(f"{path}: cannot read: {e.strerror}") from None
        except UnicodeDecodeError as e:
            raise ConfigError(f"{path}: not UTF-8 text (byte {e.start}); save it as UTF-8") from None
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"{path}: {e}") from None
        except RecursionError:
            raise ConfigError(f"{path}: nested too deeply to be a cloud.toml") from None
    for key, value in raw.items():
        if key not in KNOWN:
            raise ConfigError(f"unknown setting {key!r} (known: {', '.join(sorted(KNOWN))})")
        allowed = KNOWN[key]
        if key == "sms" and not isinstance(value, dict):
            raise ConfigError("[sms] must be a table")
        if allowed is not None:
            if not isinstance(value, dict):
                raise ConfigError(f"[{key}] must be a table")
            unknown = set(value) - allowed
            if unknown:
                raise ConfigError(f"[{key}]: unknown setting(s) {', '.join(sorted(unknown))}")
    db, br, en = raw.get("database", {}), raw.get("broker", {}), raw.get("enrolment", {})
    broker = BrokerSettings(
        url=env.get("TILLBOX_CLOUD_BROKER") or _str(br, "url", "broker", BrokerSettings.url),
        ca=_path(br, "ca", "broker"),
        # One cloud.toml for every worker on a host; each worker's own certificate from its unit.
        cert=_env_path(env, "TILLBOX_CLOUD_BROKER_CERT") or _path(br, "cert", "broker"),
        key=_env_path(env, "TILLBOX_CLOUD_BROKER_KEY") or _path(br, "key", "broker"),
        control_cert=_path(br, "control_cert", "broker"),
        control_key=_path(br, "control_key", "broker"),
        group=_str(br, "group", "broker", BrokerSettings.group),
        client_id=_client_id(br),
        probe_seconds=_seconds(br, "probe_seconds", BrokerSettings.probe_seconds),
        watchdog_seconds=_seconds(br, "watchdog_seconds", BrokerSettings.watchdog_seconds),
    )
    if broker.watchdog_seconds <= broker.probe_seconds:
        raise ConfigError("broker.watchdog_seconds must be longer than broker.probe_seconds")
    broker.check()  # now rather than at connect
    broker.address  # noqa: B018
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", broker.group):
        raise ConfigError(f"broker.group {broker.group!r}: letters, digits, '-' or '_' (a topic segment)")
    settings = CloudSettings(
        database_url=env.get("TILLBOX_CLOUD_DATABASE_URL")
        or _str(db, "url", "database", CloudSettings.database_url),
        retailer=_str(raw, "retailer", "", CloudSettings.retailer),
        broker=broker,
        enrolment=EnrolmentSettings(
            ca_cert=_path(en, "ca_cert", "enrolment"),
            ca_key=_path(en, "ca_key", "enrolment"),
            out=_path(en, "out", "enrolment") or EnrolmentSettings.out,
        ),
    )
    region = _str(raw.get("shoppers", {}), "region", "shoppers", ShopperSettings.region)
    if not (len(region) == 2 and region.isalpha() and region.isupper()):
        raise ConfigError(f'shoppers.region {region!r}: a two-letter country code such as "CN" or "US"')
    sms = raw.get("sms", {})
    settings = replace(settings, mail=_mail(raw.get("mail", {}), env), alerts=_alerts(raw.get("alerts", {})))
    settings = replace(
        settings,
        secret_file=Path(env["TILLBOX_CLOUD_SECRET_FILE"])
        if env.get("TILLBOX_CLOUD_SECRET_FILE")
        else _path(raw.get("secrets", {}), "file", "secrets") or CloudSettings.secret_file,
        config_key_file=_path(raw.get("secrets", {}), "config_key", "secrets")
        or CloudSettings.config_key_file,
        shoppers=ShopperSettings(
            region=region,
            sms_sender=_str(sms, "sender", "sms", ShopperSettings.sms_sender),
            sms_options={k: v for k, v in sms.items() if k != "sender"},
        ),
    )
    settings = replace(settings, trusted_proxies=_proxies(raw.get("web", {})))
    if not settings.database_url.startswith(("sqlite:", "postgresql")):
        raise ConfigError(f"database.url {settings.database_url!r}: sqlite:///FILE or postgresql+psycopg://…")
    return settings
