"""Phone numbers of text-message recipients: parsed, validated and written in E.164 by Google's libphonenumber
rules (the `phonenumbers` package), so that a number is stored once in one form however it was typed."""

from __future__ import annotations

import phonenumbers

MAX_INPUT_LENGTH = 40


def to_e164(raw: str, region: str | None = None) -> str | None:
    """`raw` as E.164 (`+12125550123`), or None when it is not a valid number. Without a leading `+` the number is
    read in `region` (ISO 3166 alpha-2, such as "US" or "IL"); with neither it is not a number we can place."""
    text = raw.strip()
    if not text or len(text) > MAX_INPUT_LENGTH:
        return None
    try:
        number = phonenumbers.parse(text, (region or "").upper() or None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def is_region(code: str) -> bool:
    """Whether `code` names a region libphonenumber knows (ISO 3166 alpha-2)."""
    return code.upper() in phonenumbers.SUPPORTED_REGIONS
