"""Ids as clients see them: opaque global ids (`base64("Type:pk")`) and the numbers read from clients (ids in global
ids and tenant headers, cursor offsets): ASCII digits only and within the range of the database's `integer`
columns, so that a malformed one is "not found" or "invalid", never an exception (`int("²")` raises although
`"²".isdigit()`) or a database error (a number past the column's range).

Global ids live here, below the GraphQL layer, because services name objects to the outside world too (webhook
payloads, e-mails, the screen state)."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable
from functools import lru_cache

MAX_INT = 2**31 - 1
"""Every primary key is a PostgreSQL `integer`."""


def parse_int(raw: str, minimum: int = 1) -> int | None:
    """`raw` as an int in `minimum`..MAX_INT, or None."""
    if not raw.isascii() or not raw.isdigit() or len(raw) > len(str(MAX_INT)):
        return None
    value = int(raw)
    return value if minimum <= value <= MAX_INT else None


@lru_cache(maxsize=65_536)  # a page writes the same ids again and again; each is pure
def to_global_id(type_name: str, pk: int | str) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{pk}".encode()).decode().rstrip("=")


def from_global_id(global_id: str) -> tuple[str, int] | None:
    """(type name, primary key), or None for anything malformed."""
    try:
        decoded = base64.urlsafe_b64decode(global_id + "=" * (-len(global_id) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    type_name, _, raw = decoded.partition(":")
    pk = parse_int(raw)
    if not type_name or pk is None:
        return None
    return type_name, pk


def decode_id(global_id: str, expected: str | Iterable[str]) -> int | None:
    """The primary key of a global id of the expected type(s), else None (treated as not found)."""
    parsed = from_global_id(global_id)
    types = {expected} if isinstance(expected, str) else set(expected)
    if parsed is None or parsed[0] not in types:
        return None
    return parsed[1]
