"""Sessions: refresh-token families, rotation with replay detection, revocation, the refresh cookie.

A sign-in starts a `SessionFamily` with one opaque refresh token (stored as its SHA-256). Each refresh
claims the presented token with a compare-and-swap (`UPDATE ... WHERE replaced_at IS NULL`) and issues
its one successor, so two refreshes racing with the same token never yield two live successors.

A token that was already rotated is a replay and revokes its whole family (the newest token with it),
except within the grace window: for `refresh_grace_seconds` after its rotation, the immediate
predecessor of the family's live token is still answered with a new access token, but never with a
refresh token (the browser tab that lost the race keeps the cookie its sibling received). Access
tokens carry their family id (`sid`), so revoking a family ends its access tokens at once too.

A session ends `session_max_days` after its sign-in however often it is refreshed, and earlier when
it goes `session_idle_days` without a refresh; a refresh after that revokes it (reason "expired").
Idleness is counted between refreshes (access tokens are not tracked per request). Each refresh token
expires at the soonest of its own lifetime and those two ends, and each access token at the soonest of
its own lifetime and the session's end as of its issue (`Rotation.ends_at`), so no token outlives its
session's idle limit or absolute cap, whatever the lifetimes are set to.
`delete_ended_sessions` (run by the worker) deletes expired tokens and, a day after they ended,
revoked or lapsed sessions.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.requests import HTTPConnection
from starlette.responses import Response
from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet

from config import Settings
from models.identity import RefreshToken, SessionFamily
from models.independent import on_its_own
from services.identity.callers import jti_tag
from services.identity.principals import Principal, denylist_key
from services.identity.tokens import hash_secret, new_secret, secret_kind
from services.infra.errors import ErrorCode, Unauthenticated, Unavailable
from services.infra.kv import KeyValue
from subscriptions.revocations import announce
from subscriptions.sessions import close_local, close_principal_sockets

log = logging.getLogger("shulgraph.security")

INVALID = "the session has ended; sign in again"
ENDED_SESSION_RETENTION = timedelta(days=1)


@dataclass(frozen=True)
class Rotation:
    """The outcome of a refresh: whose session, and its new refresh token (None within the grace window)."""

    user_id: int
    family_id: int
    refresh_token: str | None
    expires_at: datetime | None = None  # when `refresh_token` expires
    ends_at: datetime | None = None  # when the session ends unless refreshed again: `session_end` now


def session_end(settings: Settings, created_at: datetime, last_used_at: datetime) -> datetime:
    """When a session ends unless it is refreshed first: its absolute cap or its idle limit."""
    return min(
        created_at + timedelta(days=settings.session_max_days),
        last_used_at + timedelta(days=settings.session_idle_days),
    )


def open_sessions(settings: Settings, now: datetime) -> Q:
    """The filter of sessions that are neither revoked nor past their idle limit or absolute cap."""
    return Q(
        revoked_at__isnull=True,
        created_at__gt=now - timedelta(days=settings.session_max_days),
        last_used_at__gt=now - timedelta(days=settings.session_idle_days),
    )


def open_sessions_of(settings: Settings, user_id: int) -> QuerySet[SessionFamily]:
    """A user's open sessions, the only ones they can see or revoke by id."""
    return SessionFamily.filter(open_sessions(settings, datetime.now(UTC)), user_id=user_id)


async def list_open_sessions(settings: Settings, user_id: int) -> list[SessionFamily]:
    """A user's open sessions, most recently used first."""
    return await open_sessions_of(settings, user_id).order_by("-last_used_at", "-id")


def _token_expiry(settings: Settings, created_at: datetime, now: datetime) -> datetime:
    return min(now + timedelta(seconds=settings.refresh_token_ttl_seconds), session_end(settings, created_at, now))


async def start_session(settings: Settings, user_id: int, user_agent: str = "", ip_address: str = "") -> Rotation:
    """Open a family for a fresh sign-in and issue its first refresh token."""
    now = datetime.now(UTC)
    secret = new_secret("refresh")
    expires_at = _token_expiry(settings, now, now)
    async def open_family() -> SessionFamily:
        family = await SessionFamily.create(
            user_id=user_id, user_agent=user_agent[:400], ip_address=ip_address[:64], last_used_at=now
        )
        await RefreshToken.create(family_id=family.id, token_hash=hash_secret(secret), expires_at=expires_at)
        return family

    family = await on_its_own(open_family)  # the cookie that carries it must always name a real session
    return Rotation(user_id, family.id, secret, expires_at, session_end(settings, now, now))


async def _find(secret: str) -> RefreshToken | None:
    if secret_kind(secret) != "refresh":
        return None
    token: RefreshToken | None = (
        await RefreshToken.filter(token_hash=hash_secret(secret)).select_related("family").first()
    )
    return token


async def rotate(settings: Settings, secret: str, broadcast: Any = None, now: datetime | None = None) -> Rotation:
    """Exchange a refresh token for its successor; raises `Unauthenticated` for anything else."""
    now = now or datetime.now(UTC)
    token = await _find(secret)
    if token is None or token.family.revoked_at is not None:
        raise Unauthenticated(INVALID)
    family: SessionFamily = token.family
    if session_end(settings, family.created_at, family.last_used_at) <= now:
        await revoke_family(family.id, "expired", broadcast)
        extra = {"event": "session_expired", "user_id": family.user_id, "family_id": family.id}
        log.info("session expired", extra=extra)
        raise Unauthenticated(INVALID)
    if token.expires_at <= now:
        raise Unauthenticated(INVALID)

    async def claim() -> Rotation | None:
        claimed = await RefreshToken.filter(id=token.id, replaced_at__isnull=True).update(replaced_at=now)
        if not claimed:
            return None
        successor = new_secret("refresh")
        expires_at = _token_expiry(settings, family.created_at, now)
        await RefreshToken.create(
            family_id=family.id, parent_id=token.id, token_hash=hash_secret(successor), expires_at=expires_at
        )
        await SessionFamily.filter(id=family.id).update(last_used_at=now)
        return Rotation(family.user_id, family.id, successor, expires_at, session_end(settings, family.created_at, now))

    rotation = await on_its_own(claim)  # A4: a rotation stays rotated, whatever becomes of the operation
    if rotation is not None:
        return rotation
    rotated = await RefreshToken.filter(id=token.id).values_list("replaced_at", flat=True)
    replaced_at = rotated[0] if rotated else None
    grace = timedelta(seconds=settings.refresh_grace_seconds)
    if (
        isinstance(replaced_at, datetime)
        and now - replaced_at <= grace
        and await RefreshToken.filter(
            parent_id=token.id, replaced_at__isnull=True, family__revoked_at__isnull=True
        ).exists()
    ):
        ends_at = session_end(settings, family.created_at, replaced_at)  # as of the sibling's refresh
        return Rotation(user_id=family.user_id, family_id=family.id, refresh_token=None, ends_at=ends_at)
    await revoke_family(family.id, "replay", broadcast)
    log.warning(
        "refresh token replay: session revoked",
        extra={"event": "refresh_replay", "user_id": family.user_id, "family_id": family.id},
    )
    raise Unauthenticated(INVALID)


async def family_of(secret: str) -> int | None:
    """The family a refresh token belongs to (rotated or not), for signing out with the cookie."""
    token = await _find(secret)
    return token.family_id if token else None


async def revoke_family(family_id: int, reason: str, broadcast: Any = None, user_id: int | None = None) -> bool:
    """End one session (only if it is `user_id`'s, when given) and close its websockets; True when
    it was open. Without a broadcaster only this process's sockets are closed."""
    async def revoke() -> int:
        query = SessionFamily.filter(id=family_id, revoked_at__isnull=True)
        if user_id is not None:
            query = query.filter(user_id=user_id)
        changed: int = await query.update(revoked_at=datetime.now(UTC), revoked_reason=reason[:64])
        return changed

    revoked = await on_its_own(revoke)  # a revocation stands, whatever becomes of the operation
    if revoked:
        await announce(f"session:{family_id}")
        await _close_sockets(broadcast, f"session:{family_id}", reason)
    return bool(revoked)


async def revoke_user_sessions(user_id: int, reason: str, broadcast: Any) -> int:
    """End every session of a user and close their open websockets (password change, removal)."""
    async def revoke() -> int:
        changed: int = await SessionFamily.filter(user_id=user_id, revoked_at__isnull=True).update(
            revoked_at=datetime.now(UTC), revoked_reason=reason[:64]
        )
        return changed

    revoked = await on_its_own(revoke)
    await announce(f"user:{user_id}")  # also after the operation's commit: a new password is committed with it
    await _close_sockets(broadcast, f"user:{user_id}", reason)
    log.info("sessions revoked", extra={"event": "sessions_revoked", "user_id": user_id, "reason": reason})
    return int(revoked)


async def _close_sockets(broadcast: Any, key: str, reason: str) -> None:
    if broadcast is not None:
        await close_principal_sockets(broadcast, key, reason)
    else:
        await close_local(key, reason)


async def revoke_signed_out(broadcast: Any, principal: Principal, cookie_secret: str | None) -> None:
    """End the sessions a sign-out names: the one behind its access token, the one of its refresh cookie."""
    families: set[int] = set()
    if principal.kind == "user" and principal.session_id is not None:
        families.add(principal.session_id)
    if cookie_secret is not None:
        family_id = await family_of(cookie_secret)
        if family_id is not None:
            families.add(family_id)
    for family_id in families:
        await revoke_family(family_id, "logout", broadcast)


async def refuse_access_token(settings: Settings, kv: KeyValue, principal: Principal) -> None:
    """Refuse a signed-out user's access token from now on; `Unavailable` when the token store was down when the
    token was checked, or is now."""
    if principal.auth_error == ErrorCode.UNAVAILABLE:
        raise Unavailable("the session was ended but the access token could not be checked; try again")
    if principal.kind == "user" and principal.token_jti and principal.token_expires_at:
        await denylist_access_token(settings, kv, principal.token_jti, principal.token_expires_at)


async def denylist_access_token(
    settings: Settings, kv: KeyValue, jti: str, expires_at: datetime, now: datetime | None = None
) -> None:
    """Refuse an access token until it would have expired anyway (raises `Unavailable` if Redis is down)."""
    now = now or datetime.now(UTC)
    ttl = int((expires_at - now).total_seconds()) + settings.jwt_leeway_seconds + 1
    if ttl > 0:
        await kv.set(denylist_key(jti), "1", ttl)
        await announce(jti_tag(jti))


async def delete_ended_sessions(settings: Settings, now: datetime | None = None) -> tuple[int, int]:
    """Delete expired refresh tokens, the tokens of revoked sessions, and sessions that were revoked
    or lapsed (idle limit, absolute cap) more than `ENDED_SESSION_RETENTION` ago; (tokens, sessions)."""
    now = now or datetime.now(UTC)
    kept = now - ENDED_SESSION_RETENTION
    revoked = SessionFamily.filter(revoked_at__isnull=False).values("id")
    tokens = await RefreshToken.filter(Q(expires_at__lte=now) | Q(family_id__in=Subquery(revoked))).delete()
    sessions = await SessionFamily.filter(
        Q(revoked_at__lt=kept)
        | Q(revoked_at__isnull=True, created_at__lt=kept - timedelta(days=settings.session_max_days))
        | Q(revoked_at__isnull=True, last_used_at__lt=kept - timedelta(days=settings.session_idle_days))
    ).delete()
    if tokens or sessions:
        log.info("ended sessions deleted", extra={"event": "sessions_deleted", "tokens": tokens, "sessions": sessions})
    return int(tokens), int(sessions)


def refresh_cookie(request: HTTPConnection, settings: Settings) -> str | None:
    value = request.cookies.get(settings.refresh_cookie_name)
    return value or None


def set_refresh_cookie(response: Response, settings: Settings, token: str, expires_at: datetime | None = None) -> None:
    """The HttpOnly refresh cookie; it lives as long as the token (`expires_at`) when that is known."""
    max_age = settings.refresh_token_ttl_seconds
    if expires_at is not None:
        max_age = max(1, int((expires_at - datetime.now(UTC)).total_seconds()))
    response.set_cookie(
        settings.refresh_cookie_name,
        token,
        max_age=max_age,
        path=settings.refresh_cookie_path,
        secure=settings.secure_cookies,
        httponly=True,
        samesite="strict",
    )
    response.headers["cache-control"] = "no-store"


def clear_refresh_cookie(response: Response, settings: Settings) -> None:
    response.delete_cookie(
        settings.refresh_cookie_name,
        path=settings.refresh_cookie_path,
        secure=settings.secure_cookies,
        httponly=True,
        samesite="strict",
    )
    response.headers["cache-control"] = "no-store"
