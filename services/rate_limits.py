"""Rate limits in `limits` notation ("30/minute"), on Redis or, in the embedded mode, in process memory.

One storage per Redis URL for the whole process, and one moving-window limiter over it: pairing, sign-in and
registration throttles, and the public zmanim share them.
"""

from __future__ import annotations

from functools import cache

from limits import RateLimitItem, parse
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter


@cache
def storage(redis_url: str | None) -> Storage:
    if redis_url:
        uri = redis_url if redis_url.startswith("async+") else "async+" + redis_url
        return RedisStorage(uri, implementation="redispy", socket_timeout=2, socket_connect_timeout=2)
    return MemoryStorage()


@cache
def limiter(redis_url: str | None) -> MovingWindowRateLimiter:
    """The process's moving-window limiter for a Redis URL (None: process memory)."""
    return MovingWindowRateLimiter(storage(redis_url))


@cache
def rate(expression: str) -> RateLimitItem:
    """A parsed limit such as "30/minute" (settings are validated at start-up)."""
    return parse(expression)
