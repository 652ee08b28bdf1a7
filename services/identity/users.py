"""Users: registration, password sign-in with a time-bounded lockout, password changes, preferences.

Sign-in answers a wrong password, an unknown e-mail and a locked account alike, and does the same
work for each (one argon2 verification; a dummy hash for unknown e-mails). After
`login_max_failures` failures an account is locked for `login_lockout_seconds`; the lock then lapses
by itself and the count starts again. E-mails without an account are locked the same way
(`services.identity.login_throttle`), so the seconds until a retry never tell whether an account exists.

E-mails are compared in one form: Unicode NFKC, surrounding whitespace removed, lower case.
Passwords longer than `MAX_PASSWORD_LENGTH` characters are never hashed; the others are hashed and
checked in NFKC (`services.identity.passwords`), and a hash of the password as typed is upgraded at sign-in.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from config import Settings
from models.identity import User
from models.independent import on_its_own
from services.identity.login_throttle import count_unknown_email_failure, seconds_until, unknown_email_retry_after
from services.identity.passwords import hash_password, normalise_password, verify_password
from services.infra.ids import to_global_id
from services.infra.kv import KeyValue
from services.infra.problems import Problem
from services.platform import audit
from subscriptions.revocations import announce

log = logging.getLogger("shulgraph.security")

EMAIL_PATTERN = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
MAX_EMAIL_LENGTH = 254
MAX_PASSWORD_LENGTH = 1024
MAX_DISPLAY_NAME_LENGTH = 200
NAME_FORMAT_CHARACTERS = frozenset("\u200c\u200d\u200e\u200f")  # ZWNJ, ZWJ, LRM, RLM: mixed scripts, emoji
THEMES = ("system", "light", "dark")
LANGUAGES = ("en", "he", "yi", "fr", "es", "ru")
INVALID_CREDENTIALS = "the e-mail or password is not correct"


@dataclass(frozen=True)
class SignIn:
    """The outcome of a password check: the user, or None and, when locked, the seconds until a retry."""

    user: User | None
    retry_after: int | None = None

    @property
    def problems(self) -> list[Problem]:
        """A refusal as the caller sees it: a wrong password, an unknown e-mail and a locked one alike."""
        return [] if self.user else [Problem(None, "INVALID_CREDENTIALS", INVALID_CREDENTIALS, self.retry_after)]


def normalise_email(email: str) -> str:
    return unicodedata.normalize("NFKC", email).strip().lower()


def _invisible(char: str) -> bool:
    """Control, format, separator and unassigned characters: nothing an address or a name shows."""
    return unicodedata.category(char)[0] in "CZ" and char != " "


def email_problems(email: str) -> list[Problem]:
    """Problems of an already normalised e-mail."""
    local, _, domain = email.partition("@")
    if (
        len(email) > MAX_EMAIL_LENGTH
        or not EMAIL_PATTERN.match(email)
        or any(_invisible(char) for char in email)
        or ".." in email
        or local.startswith(".")
        or local.endswith(".")
        or domain.startswith((".", "-"))
        or domain.endswith((".", "-"))
    ):
        return [Problem("email", "INVALID", "enter a valid e-mail address")]
    return []


def password_problems(settings: Settings, password: str, field: str, email: str | None = None) -> list[Problem]:
    if len(password) > MAX_PASSWORD_LENGTH:
        return [Problem(field, "TOO_LONG", f"use at most {MAX_PASSWORD_LENGTH} characters")]
    if len(normalise_password(password)) < settings.password_min_length or not password.strip():
        minimum = settings.password_min_length
        return [Problem(field, "WEAK_PASSWORD", f"use at least {minimum} characters")]
    if email is not None and normalise_email(password) == email:
        return [Problem(field, "WEAK_PASSWORD", "do not use your e-mail address as your password")]
    return []


def display_name_problems(name: str) -> list[Problem]:
    if len(name) > MAX_DISPLAY_NAME_LENGTH:
        return [Problem("displayName", "TOO_LONG", f"use at most {MAX_DISPLAY_NAME_LENGTH} characters")]
    if any(_invisible(char) and char not in NAME_FORMAT_CHARACTERS for char in name):
        return [Problem("displayName", "INVALID", "use letters, digits, spaces and punctuation only")]
    return []


async def register_user(
    settings: Settings, email: str, password: str, display_name: str | None
) -> tuple[User | None, list[Problem]]:
    """Create a user; problems for a malformed or taken e-mail, a weak or over-long password, a bad name."""
    email = normalise_email(email[: MAX_EMAIL_LENGTH * 4])
    name = unicodedata.normalize("NFC", display_name or "").strip()
    problems = email_problems(email)
    problems += password_problems(settings, password, "password", email)
    problems += display_name_problems(name)
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


async def record_failure(settings: Settings, user_id: int, now: datetime | None = None) -> datetime | None:
    """Count a failed sign-in, committed on its own; the failure that reaches the limit locks the account for a
    while. Returns the end of the account's lock, if it is locked now."""
    moment = now or datetime.now(UTC)

    async def count() -> datetime | None:
        user = await User.filter(id=user_id).select_for_update().only("id", "failed_logins", "locked_until").first()
        if user is None:
            return None
        if user.locked_until is not None and user.locked_until <= moment:
            user.failed_logins, user.locked_until = 0, None
        user.failed_logins += 1
        if user.failed_logins >= settings.login_max_failures and not _is_locked(user, moment):
            user.locked_until = moment + timedelta(seconds=settings.login_lockout_seconds)
            log.warning("account locked", extra={"user_id": user_id, "failures": user.failed_logins})
        await User.filter(id=user_id).update(failed_logins=user.failed_logins, locked_until=user.locked_until)
        return user.locked_until if _is_locked(user, moment) else None

    return await on_its_own(count)  # A4: the count stays, whatever becomes of the operation


async def _find_user(email: str) -> User | None:
    if len(email) > MAX_EMAIL_LENGTH:
        return None
    user: User | None = await User.get_or_none(email=email)
    return user


async def record_refused_attempt(settings: Settings, kv: KeyValue, email: str) -> None:
    """A sign-in that was refused unchecked (e.g. a second login in one request) still counts."""
    email = normalise_email(email[: MAX_EMAIL_LENGTH * 4])
    user = await _find_user(email)
    if user is not None:
        await record_failure(settings, user.id)
    else:
        await count_unknown_email_failure(settings, kv, email, datetime.now(UTC))


async def check_password(settings: Settings, user: User | None, password: str) -> SignIn:
    """Verify a password with lockout: counts failures, refuses a locked account, upgrades old hashes.
    An over-long password is checked against the dummy hash instead, so it costs the same and fails."""
    now = datetime.now(UTC)
    too_long = len(password) > MAX_PASSWORD_LENGTH
    stored = None if user is None or too_long else user.password_hash
    ok, rehash = await verify_password(stored, password[:MAX_PASSWORD_LENGTH])
    if user is None:
        return SignIn(None)
    if _is_locked(user, now):
        return SignIn(None, seconds_until(user.locked_until, now))
    if not ok:
        return SignIn(None, seconds_until(await record_failure(settings, user.id, now), now))
    updates: dict[str, object] = {}
    if user.failed_logins or user.locked_until is not None:
        updates.update(failed_logins=0, locked_until=None)
    if rehash:
        updates["password_hash"] = user.password_hash = await hash_password(password)
    if updates:
        await User.filter(id=user.id).update(**updates)
    return SignIn(user)


async def authenticate_password(settings: Settings, kv: KeyValue, email: str, password: str) -> SignIn:
    """The user for an e-mail and password; wrong, unknown and locked alike give no user, and a
    locked e-mail (with or without an account) the seconds until it may try again."""
    email = normalise_email(email[: MAX_EMAIL_LENGTH * 4])
    user = await _find_user(email)
    result = await check_password(settings, user, password)
    if user is not None:
        return result
    now = datetime.now(UTC)
    locked = await unknown_email_retry_after(kv, email, now)
    if locked is not None:
        return SignIn(None, locked)
    return SignIn(None, await count_unknown_email_failure(settings, kv, email, now))


async def change_password(settings: Settings, user: User, current: str, new: str) -> list[Problem]:
    """Set a new password after checking the current one (a wrong one counts toward lockout)."""
    problems = password_problems(settings, new, "newPassword", user.email)
    checked = await check_password(settings, user, current)
    if checked.user is None:
        message = "the current password is not correct"
        return [Problem("currentPassword", "INVALID_CREDENTIALS", message, checked.retry_after)]
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
        await announce(f"user:{user.id}")  # the user every process keeps with its credential
    return []


async def create_platform_admin(settings: Settings, email: str, password: str) -> bool:
    """Create a platform admin, or promote an existing user; True when created. A new admin's e-mail and
    password meet the rules of registration, else `ValueError` names the problems and nothing is written.
    Either way the platform audit log records it (no actor: this is the command line's road)."""
    email = normalise_email(email[: MAX_EMAIL_LENGTH * 4])
    user = await User.get_or_none(email=email)
    if user is None:
        problems = email_problems(email) + password_problems(settings, password, "password", email)
        if problems:
            raise ValueError("; ".join(f"{problem.field}: {problem.message}" for problem in problems))
        password_hash = await hash_password(password)
        async with in_transaction():
            user = await User.create(email=email, password_hash=password_hash, is_platform_admin=True)
            await audit.record_platform("platform_admin.create", to_global_id("User", user.id), email=email)
        return True
    already = user.is_platform_admin
    async with in_transaction():
        user.is_platform_admin = True
        await user.save(update_fields=["is_platform_admin"])
        await audit.record_platform(
            "platform_admin.promote", to_global_id("User", user.id), email=email, already_admin=already
        )
    return False
