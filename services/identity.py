"""Users: registration, password sign-in with a time-bounded lockout, password changes, preferences.

Sign-in answers a wrong password, an unknown e-mail and a locked account alike, and does the same
work for each (one argon2 verification; a dummy hash for unknown e-mails). After
`login_max_failures` failures an account is locked for `login_lockout_seconds`; the lock then lapses
by itself and the count starts again.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from config import Settings
from models.identity import User
from services.passwords import hash_password, verify_password

log = logging.getLogger("shulgraph.security")

EMAIL_PATTERN = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
MAX_PASSWORD_LENGTH = 1024
THEMES = ("system", "light", "dark")
LANGUAGES = ("en", "he", "yi", "fr", "es", "ru")


@dataclass(frozen=True)
class Problem:
    """A rejected input value: the input field, a `UserErrorCode` name, a readable message."""

    field: str | None
    code: str
    message: str


def normalise_email(email: str) -> str:
    return email.strip().lower()


def password_problems(settings: Settings, password: str, field: str) -> list[Problem]:
    if len(password) < settings.password_min_length:
        minimum = settings.password_min_length
        return [Problem(field, "WEAK_PASSWORD", f"use at least {minimum} characters")]
    if len(password) > MAX_PASSWORD_LENGTH:
        return [Problem(field, "TOO_LONG", f"use at most {MAX_PASSWORD_LENGTH} characters")]
    return []


async def register_user(
    settings: Settings, email: str, password: str, display_name: str | None
) -> tuple[User | None, list[Problem]]:
    """Create a user; problems for a malformed or taken e-mail, a weak password, a long name."""
    email = normalise_email(email)
    name = (display_name or "").strip()
    problems: list[Problem] = []
    if len(email) > 254 or not EMAIL_PATTERN.match(email):
        problems.append(Problem("email", "INVALID", "enter a valid e-mail address"))
    problems += password_problems(settings, password, "password")
    if len(name) > 200:
        problems.append(Problem("displayName", "TOO_LONG", "use at most 200 characters"))
    if problems:
        return None, problems
    taken = Problem("email", "TAKEN", "an account with this e-mail already exists")
    if await User.exists(email=email):
        return None, [taken]
    password_hash = await hash_password(password)
    try:
        async with in_transaction():
            user = await User.create(email=email, password_hash=password_hash, display_name=name)
    except IntegrityError:
        return None, [taken]
    return user, []


def _is_locked(user: User, now: datetime) -> bool:
    return user.locked_until is not None and user.locked_until > now


async def record_failure(settings: Settings, user_id: int, now: datetime | None = None) -> None:
    """Count a failed sign-in; the failure that reaches the limit locks the account for a while."""
    now = now or datetime.now(UTC)
    async with in_transaction():
        user = await User.filter(id=user_id).select_for_update().only("id", "failed_logins", "locked_until").first()
        if user is None:
            return
        if user.locked_until is not None and user.locked_until <= now:
            user.failed_logins, user.locked_until = 0, None
        user.failed_logins += 1
        if user.failed_logins >= settings.login_max_failures and not _is_locked(user, now):
            user.locked_until = now + timedelta(seconds=settings.login_lockout_seconds)
            log.warning("account locked", extra={"user_id": user_id, "failures": user.failed_logins})
        await User.filter(id=user_id).update(failed_logins=user.failed_logins, locked_until=user.locked_until)


async def record_refused_attempt(settings: Settings, email: str) -> None:
    """A sign-in that was refused unchecked (e.g. a second login in one request) still counts."""
    user = await User.get_or_none(email=normalise_email(email)).only("id")
    if user is not None:
        await record_failure(settings, user.id)


async def check_password(settings: Settings, user: User | None, password: str) -> bool:
    """Verify a password with lockout: counts failures, refuses a locked account, upgrades old hashes."""
    now = datetime.now(UTC)
    ok, rehash = await verify_password(user.password_hash if user else None, password)
    if user is None:
        return False
    if _is_locked(user, now):
        return False
    if not ok:
        await record_failure(settings, user.id, now)
        return False
    updates: dict[str, object] = {}
    if user.failed_logins or user.locked_until is not None:
        updates.update(failed_logins=0, locked_until=None)
    if rehash:
        updates["password_hash"] = user.password_hash = await hash_password(password)
    if updates:
        await User.filter(id=user.id).update(**updates)
    return True


async def authenticate_password(settings: Settings, email: str, password: str) -> User | None:
    """The user for an e-mail and password, or None (wrong, unknown and locked alike)."""
    user = await User.get_or_none(email=normalise_email(email))
    return user if await check_password(settings, user, password) else None


async def change_password(settings: Settings, user: User, current: str, new: str) -> list[Problem]:
    """Set a new password after checking the current one (a wrong one counts toward lockout)."""
    problems = password_problems(settings, new, "newPassword")
    if not await check_password(settings, user, current):
        return [Problem("currentPassword", "INVALID_CREDENTIALS", "the current password is not correct")]
    if problems:
        return problems
    user.password_hash = await hash_password(new)
    user.password_changed_at = datetime.now(UTC)
    await User.filter(id=user.id).update(
        password_hash=user.password_hash, password_changed_at=user.password_changed_at, failed_logins=0
    )
    return []


async def update_preferences(user: User, theme: str | None, language: str | None) -> list[Problem]:
    """Store the user's theme and language; unknown values are problems and nothing is written."""
    problems: list[Problem] = []
    updates: dict[str, str] = {}
    if theme is not None:
        value = theme.strip().lower()
        if value not in THEMES:
            problems.append(Problem("theme", "INVALID", f"choose one of: {', '.join(THEMES)}"))
        updates["theme"] = value
    if language is not None:
        value = language.strip().lower()
        if value not in LANGUAGES:
            problems.append(Problem("language", "INVALID", f"choose one of: {', '.join(LANGUAGES)}"))
        updates["language"] = value
    if problems:
        return problems
    if updates:
        await User.filter(id=user.id).update(**updates)
        for name, value in updates.items():
            setattr(user, name, value)
    return []


async def create_platform_admin(email: str, password: str) -> bool:
    """Create a platform admin, or promote an existing user; True when created."""
    email = normalise_email(email)
    user = await User.get_or_none(email=email)
    if user is None:
        await User.create(email=email, password_hash=await hash_password(password), is_platform_admin=True)
        return True
    user.is_platform_admin = True
    await user.save(update_fields=["is_platform_admin"])
    return False
