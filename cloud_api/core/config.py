"""The cloud service's settings, from a TOML file (`--config cloud.toml`) with environment overrides.

Defaults are the embedded ones (a SQLite file, a local broker) so a single shop or a trial needs no
file at all; a fleet sets `database.url` to PostgreSQL and `broker` to its cluster.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class ConfigError(ValueError):
    """A bad cloud.toml or environment value; the message names the key."""


@dataclass(frozen=True)
class BrokerSettings:
    url: str = "mqtt://127.0.0.1:1883"
    ca: Path | None = None  # the retailer CA that signed the broker's certificate
    cert: Path | None = None  # this worker's client certificate (common name: cloud-ingest)
    key: Path | None = None
    group: str = "tillbox-ingest"  # the shared subscription every ingest worker joins
    client_id: str = ""  # empty: a unique one per process

    @property
    def tls(self) -> tuple[Path, Path, Path] | None:
        parts = (self.ca, self.cert, self.key)
        if all(p is None for p in parts):
            return None
        if any(p is None for p in parts):
            raise ConfigError("[broker] ca, cert and key go together: set all three or none")
        return (self.ca, self.cert, self.key)  # type: ignore[return-value]


@dataclass(frozen=True)
class EnrolmentSettings:
    ca_cert: Path | None = None  # the retailer CA that signs box certificates at enrolment
    ca_key: Path | None = None
    out: Path = Path("enrolled")  # where a box's certificate and key are written for its installer


@dataclass(frozen=True)
class CloudSettings:
    database_url: str = "sqlite:///tillbox-cloud.db"
    retailer: str = "demo"
    broker: BrokerSettings = field(default_factory=BrokerSettings)
    enrolment: EnrolmentSettings = field(default_factory=EnrolmentSettings)


def _path(table: dict[str, Any], key: str, where: str) -> Path | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}.{key}: a path (string) is needed")
    return Path(value)


def _str(table: dict[str, Any], key: str, where: str, default: str) -> str:
    value = table.get(key, default)
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}.{key}: a non-empty string is needed, not {value!r}")
    return value


KNOWN = {
    "database": {"url"},
    "retailer": None,
    "broker": {"url", "ca", "cert", "key", "group", "client_id"},
    "enrolment": {"ca_cert", "ca_key", "out"},
}


def load_settings(path: Path | None = None, env: dict[str, str] | None = None) -> CloudSettings:
    """cloud.toml (if given), then TILLBOX_CLOUD_DATABASE_URL / TILLBOX_CLOUD_BROKER over it."""
    env = dict(os.environ) if env is None else env
    raw: dict[str, Any] = {}
    if path is not None:
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as e:
            raise ConfigError(f"{path}: no such file") from e
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"{path}: {e}") from e
    for key, value in raw.items():
        if key not in KNOWN:
            raise ConfigError(f"unknown setting {key!r} (known: {', '.join(sorted(KNOWN))})")
        allowed = KNOWN[key]
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
        cert=_path(br, "cert", "broker"),
        key=_path(br, "key", "broker"),
        group=_str(br, "group", "broker", BrokerSettings.group),
        client_id=br.get("client_id", ""),
    )
    broker.tls  # noqa: B018  (all three or none, checked now rather than at connect)
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
    if not settings.database_url.startswith(("sqlite:", "postgresql")):
        raise ConfigError(f"database.url {settings.database_url!r}: sqlite:///FILE or postgresql+psycopg://…")
    return settings
