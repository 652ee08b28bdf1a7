"""Password hashing: argon2id with argon2-cffi's defaults, always off the event loop.

The CPU-bound work (`_hash`, `_verify`) runs in a worker thread through `asyncio.to_thread`, so a
login never stalls other requests. Hashes made with weaker parameters are reported as needing a
rehash, and the login that proves the password upgrades them.
"""

from __future__ import annotations

import asyncio

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher(type=Type.ID)
_DUMMY_HASH = _hasher.hash("a password nobody has: equalises the time of unknown e-mails")


def _hash(password: str) -> str:
    return _hasher.hash(password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash is not argon2id with the current parameters (or is not argon2 at all)."""
    try:
        return _hasher.check_needs_rehash(password_hash)
    except (InvalidHashError, ValueError):
        return True


async def hash_password(password: str) -> str:
    return await asyncio.to_thread(_hash, password)


async def verify_password(password_hash: str | None, password: str) -> tuple[bool, bool]:
    """(matches, needs_rehash). With no hash (unknown user) a dummy hash is checked for equal timing."""
    if password_hash is None:
        await asyncio.to_thread(_verify, _DUMMY_HASH, password)
        return False, False
    ok = await asyncio.to_thread(_verify, password_hash, password)
    return ok, ok and needs_rehash(password_hash)
