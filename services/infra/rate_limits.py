"""Rate limits in `limits` notation ("30/minute"), on Redis or, in the embedded mode, in process memory.

One storage per Redis URL for the whole process, and one moving-window limiter over it: pairing, sign-in and
registration throttles, and the public zmanim share them.

Every call of the limiter goes through the store's circuit breaker. A Redis that does not answer (a host gone
from the network, a hung server) costs one socket timeout; for `COOL_DOWN_SECONDS` after it, calls fail at
once (`CircuitOpen`, which callers treat like any Redis failure), then one call at a time probes Redis and the
first answer closes the breaker. A refused connection (Redis stopped) fails at once by itself and does not
open it, so a Redis that comes back is used at once. A connection Redis dropped (a restart) gets one more
try on a fresh connection before the call counts as failed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import cache
from typing import TypeVar

from limits import RateLimitItem, WindowStats, parse
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter

from services.infra.breaker import CircuitBreaker
from services.infra.kv import BROKEN, NOT_ANSWERING

T = TypeVar("T")

SOCKET_TIMEOUT_SECONDS = 2
COOL_DOWN_SECONDS = 1.0


class GuardedLimiter(MovingWindowRateLimiter):
    """A moving-window limiter whose calls go through `breaker`."""

    def __init__(self, storage: Storage, breaker: CircuitBreaker) -> None:
        super().__init__(storage)
        self.breaker = breaker

    async def _guarded(self, call: Callable[[], Awaitable[T]]) -> T:
        return await self.breaker.call(lambda: _again_if_broken(call))

    async def hit(self, item: RateLimitItem, *identifiers: str, cost: int = 1) -> bool:
        hit = super().hit
        return await self._guarded(lambda: hit(item, *identifiers, cost=cost))

    async def test(self, item: RateLimitItem, *identifiers: str, cost: int = 1) -> bool:
        test = super().test
        return await self._guarded(lambda: test(item, *identifiers, cost=cost))

    async def get_window_stats(self, item: RateLimitItem, *identifiers: str) -> WindowStats:
        stats = super().get_window_stats
        return await self._guarded(lambda: stats(item, *identifiers))

    async def clear(self, item: RateLimitItem, *identifiers: str) -> None:
        clear = super().clear
        await self._guarded(lambda: clear(item, *identifiers))


async def _again_if_broken(call: Callable[[], Awaitable[T]]) -> T:
    """`call()`, once more when its pooled connection was found dead (it never reached the server)."""
    try:
        return await call()
    except BROKEN:
        return await call()


@cache
def storage(redis_url: str | None) -> Storage:
    if redis_url:
        uri = redis_url if redis_url.startswith("async+") else "async+" + redis_url
        timeout = SOCKET_TIMEOUT_SECONDS
        return RedisStorage(uri, implementation="redispy", socket_timeout=timeout, socket_connect_timeout=timeout)
    return MemoryStorage()


@cache
def limiter(redis_url: str | None) -> MovingWindowRateLimiter:
    """The process's moving-window limiter for a Redis URL (None: process memory), behind its breaker."""
    breaker = CircuitBreaker("the rate-limit store", COOL_DOWN_SECONDS, NOT_ANSWERING)
    return GuardedLimiter(storage(redis_url), breaker)


@cache
def rate(expression: str) -> RateLimitItem:
    """A parsed limit such as "30/minute" (settings are validated at start-up)."""
    return parse(expression)
