"""Sending the one-time codes. A sender is anything with `send(phone, text)`; the development sender logs
the message, real providers plug in by config (`[sms] sender = "package.module:factory"`, called with the
`[sms]` table) without this service knowing them."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any, Protocol

log = logging.getLogger("tillbox.sms")


class SmsSender(Protocol):
    def send(self, phone: str, text: str) -> None: ...


class LogSender:
    """Development and trials: the code goes to the service's log, where whoever runs it can read it."""

    def send(self, phone: str, text: str) -> None:
        log.warning("SMS (development sender, not sent) to %s: %s", phone, text)


class SmsConfigError(ValueError):
    pass


def load_sender(spec: str, options: dict[str, Any]) -> SmsSender:
    """ "log", or "module:factory" — the factory is called with the [sms] table and returns a sender."""
    if spec == "log":
        return LogSender()
    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise SmsConfigError(f'sms.sender {spec!r}: "log" or "package.module:factory"')
    try:
        factory: Callable[[dict[str, Any]], SmsSender] = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as e:
        raise SmsConfigError(f"sms.sender {spec!r}: {e}") from e
    sender = factory(options)
    if not callable(getattr(sender, "send", None)):
        raise SmsConfigError(f"sms.sender {spec!r}: the factory returned no sender (no send method)")
    return sender
