"""Password hashing: argon2id with argon2-cffi's defaults, always off the event loop.

The CPU-bound work (`_hash`, `_verify`) runs in a worker thread through `asyncio.to_thread`, so a
login never stalls other requests. Hashes made with weaker parameters are reported as needing a
rehash, and the login that proves the password upgrades them.

Passwords are hashed in Unicode NFKC (NIST SP 800-63B 5.1.1.2), so a password typed with composed or
decomposed accents, or full-width characters, on another keyboard is still the same password. Hashes
made before that from the password as typed still verify: when the normalised form does not match,
the typed form is tried too, and a match through it asks for a rehash (into the normalised form). So
that the number of checks never tells whether an account exists, an unknown e-mail costs the same
number of checks against a dummy hash.
"""

from __future__ import annotations

import asyncio
import unicodedata

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher(type=Type.ID)
_DUMMY_HASH = _hasher.hash("a password nobody has: equalises the time of unknown e-mails")


def normalise_password(password: str) -> str:
    """The one form a password is hashed and checked in: Unicode NFKC, nothing else changed."""
    return unicodedata.normalize("NFKC", password)


def _forms(password: str) -> list[str]:
    """The forms to check: the normalised one, then the typed one when it differs (older hashes)."""
    normalised = normalise_password(password)
    return [normalised] if normalised == password else [normalised, password]


def _hash(password: str) -> str:
    return _hasher.hash(normalise_password(password))


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
    """(matches, needs_rehash). With no hash (unknown user) a dummy hash is checked for equal timing.
    A match of the typed (not normalised) form needs a rehash, which stores the normalised form."""
    forms = _forms(password)
    if password_hash is None:
        for form in forms:
            await asyncio.to_thread(_verify, _DUMMY_HASH, form)
        return False, False
    for index, form in enumerate(forms):
        if await asyncio.to_thread(_verify, password_hash, form):
            return True, index > 0 or needs_rehash(password_hash)
    return False, False
