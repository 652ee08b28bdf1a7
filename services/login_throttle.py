"""Sign-in throttles: refused sign-ins per client address, and the lockout of e-mails without an account.

An address that collected `login_address_failure_limit` refused sign-ins (a moving window, `limits`
notation) may not try again until the oldest of them leaves the window. E-mails without an account
are locked exactly like accounts are (`login_max_failures`, `login_lockout_seconds`), with their
count kept in the key-value store under the e-mail's SHA-256, so a lockout (and its retry time) never
tells whether an account exists. Both fail closed: without Redis, sign-in answers UNAVAILABLE.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import TypeVar

from limits import RateLimitItem, parse
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter

from config import Settings
from services.errors import Unavailable
from services.kv import KeyValue

NAMESPACE = "login-failures"
UNKNOWN_EMAIL_STATE_SECONDS = 24 * 3600
T = TypeVar("T")


@cache
def _storage(redis_url: str | None) -> Storage:
    if redis_url:
        uri = "async+" + redis_url if not redis_url.startswith("async+") else redis_url
        return RedisStorage(uri, implementation="redispy", socket_timeout=2, socket_connect_timeout=2)
    return MemoryStorage()


@cache
def _limit(expression: str) -> RateLimitItem:
    return parse(expression)


def seconds_until(moment: datetime | None, now: datetime) -> int | None:
    """Whole seconds (at least 1) until `moment`, or None when it has passed."""
    if moment is None or moment <= now:
        return None
    return max(1, math.ceil((moment - now).total_seconds()))


async def _with_store(settings: Settings, work: Callable[[MovingWindowRateLimiter], Awaitable[T]]) -> T:
    """Run `work` on the limiter; a connection dropped by a Redis restart gets a second try."""
    limiter = MovingWindowRateLimiter(_storage(settings.redis_url))
    for attempt in (1, 2):
        try:
            return await work(limiter)
        except Exception as exc:
            if attempt == 2:
                raise Unavailable("sign-in is temporarily unavailable") from exc
    raise AssertionError("unreachable")


async def address_retry_after(settings: Settings, client_ip: str) -> int | None:
    """Seconds until this address may sign in again, or None while it is within its budget."""
    item = _limit(settings.login_address_failure_limit)
    address = client_ip or "unknown"

    async def check(limiter: MovingWindowRateLimiter) -> int | None:
        if await limiter.test(item, NAMESPACE, address):
            return None
        stats = await limiter.get_window_stats(item, NAMESPACE, address)
        return max(1, math.ceil(stats.reset_time - time.time()))

    return await _with_store(settings, check)


async def count_address_failure(settings: Settings, client_ip: str) -> None:
    item = _limit(settings.login_address_failure_limit)
    await _with_store(settings, lambda limiter: limiter.hit(item, NAMESPACE, client_ip or "unknown"))


def _unknown_key(email: str) -> str:
    return "login:unknown:" + hashlib.sha256(email.encode()).hexdigest()


async def _unknown_state(kv: KeyValue, email: str) -> tuple[int, datetime | None]:
    value = await kv.get(_unknown_key(email))
    if not value:
        return 0, None
    failures, _, locked = value.partition("|")
    locked_until = datetime.fromtimestamp(float(locked), UTC) if locked else None
    return int(failures or 0), locked_until


async def unknown_email_retry_after(kv: KeyValue, email: str, now: datetime) -> int | None:
    """Seconds until a locked e-mail without an account may try again; None when it is not locked."""
    _, locked_until = await _unknown_state(kv, email)
    return seconds_until(locked_until, now)


async def count_unknown_email_failure(settings: Settings, kv: KeyValue, email: str, now: datetime) -> int | None:
    """Count a refused sign-in for an e-mail without an account; the seconds it is locked for, if now locked."""
    failures, locked_until = await _unknown_state(kv, email)
    if locked_until is not None and locked_until <= now:
        failures, locked_until = 0, None
    failures += 1
    if failures >= settings.login_max_failures and locked_until is None:
        locked_until = now + timedelta(seconds=settings.login_lockout_seconds)
    stamp = f"{locked_until.timestamp():.6f}" if locked_until else ""
    ttl = max(UNKNOWN_EMAIL_STATE_SECONDS, settings.login_lockout_seconds)
    await kv.set(_unknown_key(email), f"{failures}|{stamp}", ttl)
    return seconds_until(locked_until, now)
