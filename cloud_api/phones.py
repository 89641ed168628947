"""A shopper's phone number, as typed, to one canonical form (E.164) by libphonenumber's rules, so that
"138 0013 8000" and "+86 13800138000" are the same person and a mistyped number is refused, not stored."""

from __future__ import annotations

import phonenumbers


class PhoneError(ValueError):
    """`key` names the shopper's text in cloud_api/i18n; str() is the English one."""

    def __init__(self, key: str, english: str) -> None:
        self.key = key
        super().__init__(english)


def normalise_phone(typed: str, region: str) -> str:
    """E.164 ("+8613800138000"); `region` (ISO 3166, "CN") is where a number without +country is read."""
    if len(typed) > 40:
        raise PhoneError("account.phone_too_long", "that is too long for a phone number")
    try:
        number = phonenumbers.parse(typed, region)
    except phonenumbers.NumberParseException:
        raise PhoneError("account.phone_unreadable", "that does not look like a phone number") from None
    if not phonenumbers.is_valid_number(number):
        raise PhoneError("account.phone_invalid", "that is not a valid phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def masked(e164: str) -> str:
    """For pages and logs: enough to recognise one's own number, not enough to call it."""
    return e164[:3] + "•" * max(len(e164) - 7, 0) + e164[-4:]
