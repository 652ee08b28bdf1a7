"""Sign-in throttles: refused sign-ins and registrations per client address, and the lockout of e-mails
without an account.

An address that collected `login_address_failure_limit` refused sign-ins (a moving window, `limits`
notation) may not try again until the oldest of them leaves the window. Registrations are counted per
address the same way, every attempt (`registration_address_limit`): each costs a password hash and may
tell whether an e-mail has an account, so one address cannot mass-create accounts or probe e-mails.
Opening synagogues is counted per user (`synagogue_creation_limit`), so one account cannot mass-create
tenants; so are invitations (`invitation_limit`), so one account cannot mail strangers in bulk.

Websockets sign in at `connection_init`; an address that collected `ws_init_failure_limit` refused ones
is answered "try again later" (close 1013) before any credential is looked at, so one address cannot use
sockets to guess device tokens or load the database with lookups. Unlike the others it is open while Redis
is down: a TV's connection does not need Redis (R3).

E-mails without an account are locked exactly like accounts are (`login_max_failures`,
`login_lockout_seconds`), with their count kept in the key-value store under the e-mail's SHA-256, so
a lockout (and its retry time) never tells whether an account exists. All of them fail closed: without
Redis, sign-in and registration answer UNAVAILABLE.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from limits import RateLimitItem
from limits.aio.strategies import MovingWindowRateLimiter

from config import Settings
from services.infra.errors import Unavailable
from services.infra.kv import KeyValue
from services.infra.rate_limits import limiter as rate_limiter
from services.infra.rate_limits import rate

NAMESPACE = "login-failures"
SOCKET_NAMESPACE = "socket-sign-in-failures"
REGISTRATION_NAMESPACE = "registrations"
SYNAGOGUE_CREATION_NAMESPACE = "synagogue-creations"
INVITATION_NAMESPACE = "invitations"
UNKNOWN_EMAIL_STATE_SECONDS = 30 * 24 * 3600  # an account's count lasts until a success
T = TypeVar("T")


def seconds_until(moment: datetime | None, now: datetime) -> int | None:
    """Whole seconds (at least 1) until `moment`, or None when it has passed."""
    if moment is None or moment <= now:
        return None
    return max(1, math.ceil((moment - now).total_seconds()))


async def _with_store(
    settings: Settings,
    work: Callable[[MovingWindowRateLimiter], Awaitable[T]],
    unavailable: str = "sign-in is temporarily unavailable",
) -> T:
    """Run `work` on the limiter (which tries a call again after a connection a Redis restart dropped, and
    fails at once while its breaker is open); any failure of the store is `Unavailable`."""
    try:
        return await work(rate_limiter(settings.redis_url))
    except Exception as exc:
        raise Unavailable(unavailable) from exc


async def _retry_after(limiter: MovingWindowRateLimiter, item: RateLimitItem, namespace: str, address: str) -> int:
    stats = await limiter.get_window_stats(item, namespace, address)
    return max(1, math.ceil(stats.reset_time - time.time()))


async def address_retry_after(settings: Settings, client_ip: str) -> int | None:
    """Seconds until this address may sign in again, or None while it is within its budget."""
    item = rate(settings.login_address_failure_limit)
    address = client_ip or "unknown"

    async def check(limiter: MovingWindowRateLimiter) -> int | None:
        if await limiter.test(item, NAMESPACE, address):
            return None
        return await _retry_after(limiter, item, NAMESPACE, address)

    return await _with_store(settings, check)


async def count_address_failure(settings: Settings, client_ip: str) -> None:
    item = rate(settings.login_address_failure_limit)
    await _with_store(settings, lambda limiter: limiter.hit(item, NAMESPACE, client_ip or "unknown"))


async def socket_sign_in_allowed(settings: Settings, client_ip: str) -> bool:
    """Whether this address is within its budget of refused `connection_init`s."""
    item, address = rate(settings.ws_init_failure_limit), client_ip or "unknown"
    unavailable = "websocket sign-in is temporarily unavailable"
    return await _with_store(settings, lambda limiter: limiter.test(item, SOCKET_NAMESPACE, address), unavailable)


async def count_socket_sign_in_failure(settings: Settings, client_ip: str) -> None:
    item, address = rate(settings.ws_init_failure_limit), client_ip or "unknown"
    unavailable = "websocket sign-in is temporarily unavailable"
    await _with_store(settings, lambda limiter: limiter.hit(item, SOCKET_NAMESPACE, address), unavailable)


async def _claim(
    settings: Settings, expression: str, namespace: str, key: str, unavailable: str, cost: int = 1
) -> int | None:
    """Count `cost` attempts under `key`, checking and counting in one step (concurrent attempts never pass
    the limit together); None when it may go on, else the seconds until it may."""
    item = rate(expression)

    async def claim(limiter: MovingWindowRateLimiter) -> int | None:
        if await limiter.hit(item, namespace, key, cost=cost):
            return None
        return await _retry_after(limiter, item, namespace, key)

    return await _with_store(settings, claim, unavailable)


async def claim_registration(settings: Settings, client_ip: str, cost: int = 1) -> int | None:
    """Count a registration attempt of this address (`_claim`)."""
    limit, address = settings.registration_address_limit, client_ip or "unknown"
    unavailable = "registration is temporarily unavailable"
    return await _claim(settings, limit, REGISTRATION_NAMESPACE, address, unavailable, cost)


async def claim_synagogue_creation(settings: Settings, user_id: int) -> int | None:
    """Count one attempt of this user to open a synagogue (`_claim`)."""
    unavailable = "opening a synagogue is temporarily unavailable"
    return await _claim(
        settings, settings.synagogue_creation_limit, SYNAGOGUE_CREATION_NAMESPACE, str(user_id), unavailable
    )


async def claim_invitation(settings: Settings, user_id: int) -> int | None:
    """Count one attempt of this user to invite someone (`_claim`)."""
    unavailable = "inviting members is temporarily unavailable"
    return await _claim(settings, settings.invitation_limit, INVITATION_NAMESPACE, str(user_id), unavailable)


def _unknown_keys(email: str) -> tuple[str, str]:
    digest = hashlib.sha256(email.encode()).hexdigest()
    return f"login:unknown:{digest}:failures", f"login:unknown:{digest}:locked"


async def unknown_email_retry_after(kv: KeyValue, email: str, now: datetime) -> int | None:
    """Seconds until a locked e-mail without an account may try again; None when it is not locked."""
    value = await kv.get(_unknown_keys(email)[1])
    return seconds_until(datetime.fromtimestamp(float(value), UTC), now) if value else None


async def count_unknown_email_failure(settings: Settings, kv: KeyValue, email: str, now: datetime) -> int | None:
    """Count a refused sign-in for an e-mail without an account, atomically (concurrent guesses lock it
    exactly when they would lock an account); the seconds it is locked for, if it is locked now."""
    failures_key, lock_key = _unknown_keys(email)
    locked = await unknown_email_retry_after(kv, email, now)
    if locked is not None:
        return locked
    if await kv.incr(failures_key, UNKNOWN_EMAIL_STATE_SECONDS) < settings.login_max_failures:
        return None
    locked_until = now + timedelta(seconds=settings.login_lockout_seconds)
    if await kv.set_if_absent(lock_key, f"{locked_until.timestamp():.6f}", settings.login_lockout_seconds + 1):
        await kv.delete(failures_key)
        return seconds_until(locked_until, now)
    return await unknown_email_retry_after(kv, email, now)
