"""Numbers read from clients (ids in global ids and tenant headers, cursor offsets): ASCII digits only and within
the range of the database's `integer` columns, so that a malformed one is "not found" or "invalid", never an
exception (`int("²")` raises although `"²".isdigit()`) or a database error (a number past the column's range)."""

from __future__ import annotations

MAX_INT = 2**31 - 1
"""Every primary key is a PostgreSQL `integer`."""


def parse_int(raw: str, minimum: int = 1) -> int | None:
    """`raw` as an int in `minimum`..MAX_INT, or None."""
    if not raw.isascii() or not raw.isdigit() or len(raw) > len(str(MAX_INT)):
        return None
    value = int(raw)
    return value if minimum <= value <= MAX_INT else None
