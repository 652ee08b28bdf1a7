"""Cost budgets: a leaky bucket per (tenant, principal), in Redis (one atomic script) or process memory.

Each operation pours its requested cost into the caller's bucket, which drains at `restore_rate` points per
second; an operation that would overflow the bucket is refused with the seconds to wait, and the credential is
remembered as throttled for that long, so its next requests are refused at the door without touching the
database: the first with one Redis lookup, the rest from the process's own memory of the marker, so a flood's
refusals cost as little as they can (G7: they share the process with other tenants). After execution the
difference between requested and actual cost is given back, as Shopify does (with the bucket's next charge).

When Redis is down a budget cannot be read. A budget is an abuse limit, so for the callers it exists for,
partner keys and anonymous (public) callers, it fails closed: their operations that cost anything are
refused with `UNAVAILABLE` (503) until Redis is back. Users and devices keep working without it: a user's
token check needs Redis and fails closed on its own, and a TV's screen must keep updating; the per-operation
cost ceiling and the per-tenant concurrency cap still hold for them.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import hmac
import logging
import math
import time
from dataclasses import dataclass

from redis.exceptions import RedisError

from config import Settings
from services.infra.errors import Unavailable
from services.infra.kv import KeyValue, RedisKeyValue
from services.infra.leases import Leases

log = logging.getLogger("shulgraph.budget")

# KEYS[1] bucket; ARGV capacity, restore rate (points/s), cost (negative: refund), credit (refunds given back
# first). Returns {allowed, level}.
LEAKY_BUCKET = """
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local credit = tonumber(ARGV[4] or '0')
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local level = tonumber(redis.call('HGET', KEYS[1], 'level') or '0')
local at = tonumber(redis.call('HGET', KEYS[1], 'at') or tostring(now))
level = math.max(0, level - math.max(0, now - at) * rate - credit)
local allowed = 0
if cost <= 0 or level + cost <= capacity then
  level = math.max(0, level + cost)
  allowed = 1
end
redis.call('HSET', KEYS[1], 'level', tostring(level), 'at', tostring(now))
redis.call('EXPIRE', KEYS[1], math.ceil(capacity / rate) + 1)
return {allowed, tostring(level)}
"""


@dataclass(frozen=True)
class BucketState:
    allowed: bool
    capacity: int
    restore_rate: int
    available: int
    retry_after: float  # seconds until the refused cost fits; 0 when allowed

    def throttle_status(self) -> dict[str, int]:
        return {
            "maximumAvailable": self.capacity,
            "currentlyAvailable": self.available,
            "restoreRate": self.restore_rate,
        }


class _MemoryBuckets:
    """Buckets of one embedded process."""

    def __init__(self) -> None:
        self.levels: dict[str, tuple[float, float]] = {}
        self.lock = asyncio.Lock()

    async def pour(self, key: str, capacity: int, rate: int, cost: int, credit: float = 0.0) -> tuple[bool, float]:
        async with self.lock:
            now = time.monotonic()
            level, at = self.levels.get(key, (0.0, now))
            level = max(0.0, level - max(0.0, now - at) * rate - credit)
            allowed = cost <= 0 or level + cost <= capacity
            if allowed:
                level = max(0.0, level + cost)
            self.levels[key] = (level, now)
            if len(self.levels) > 100_000:
                self.levels = {k: v for k, v in self.levels.items() if v[0] - (now - v[1]) * rate > 0}
            return allowed, level


_memory = _MemoryBuckets()


def credential_key(secret: str, authorization: str, tenant: str) -> str:
    """Names a throttled credential (with the tenant it named), for the cheap refusal at the door, by an HMAC
    under the server's secret: a reader of Redis can neither recover the credential nor test a guess."""
    digest = hmac.new(secret.encode(), f"{authorization}\n{tenant}".encode(), hashlib.sha256).hexdigest()
    return f"throttled:{digest}"


# Throttle markers this process has seen: key -> the wall-clock moment the credential may come back.
_marks: dict[str, float] = {}
# Credentials found unmarked: key -> until when that answer stands without asking Redis again.
_unmarked: dict[str, float] = {}
MAX_REMEMBERED_MARKS = 10_000
UNMARKED_RECHECK_SECONDS = 1.0
"""How long "not throttled" is believed: a marker another process set is seen here within this, and a
credential asking all the time costs one Redis read a second, not one a request. The budget itself is
checked on every operation either way; the door only makes a known refusal cheap."""


def _remember(key: str, until: float, marks: dict[str, float] | None = None) -> None:
    marks = _marks if marks is None else marks
    if len(marks) >= MAX_REMEMBERED_MARKS:
        now = time.time()
        for stale in [k for k, moment in marks.items() if moment <= now]:
            del marks[stale]
        if len(marks) >= MAX_REMEMBERED_MARKS:
            marks.clear()
    marks[key] = until


async def throttled_seconds(kv: KeyValue, key: str) -> int | None:
    """Seconds a credential that ran out of budget must still wait; None when it need not (or the store is
    down). A marker read once is then answered from this process's memory until it ends."""
    now = time.time()
    until = _marks.get(key)
    if until is None or until <= now:
        _marks.pop(key, None)
        if _unmarked.get(key, 0.0) > now:
            return None
        try:
            value = await kv.get(key)
        except Unavailable:
            return None
        if value is None:
            _remember(key, now + UNMARKED_RECHECK_SECONDS, _unmarked)
            return None
        try:
            until = float(value)
        except ValueError:  # a marker without its moment
            until = now + 1
        if until <= now:
            return None
        _remember(key, until)
    return max(1, math.ceil(until - now))


async def throttled_pause(settings: Settings, wait: int) -> None:
    """Hold a refusal at the door for a moment (never past the wait it announces): a flood's connections then
    ask at most a few times a second each, instead of as fast as the process can refuse, which is what other
    tenants' requests would otherwise queue behind on the event loop."""
    pause = min(settings.throttled_response_delay_ms / 1000, wait)
    if pause > 0:
        await asyncio.sleep(pause)


async def mark_throttled(kv: KeyValue, key: str, seconds: int) -> None:
    seconds = max(1, seconds)
    until = time.time() + seconds
    _unmarked.pop(key, None)
    _remember(key, until)
    try:
        await kv.set(key, repr(until), seconds)
    except Unavailable:
        log.warning("cost budget store unavailable: throttle remembered by this process only")


FAIL_CLOSED_PRINCIPALS = frozenset({"partner", "anonymous"})


def fails_closed(principal_kind: str, auth_error: str | None = None) -> bool:
    """True when an unreadable budget refuses this principal (see the module docstring). A user whose valid
    access token could not be checked against the denylist (`UNAVAILABLE`) is not refused here: the request
    runs with that check failing closed, so logout still ends the session."""
    return principal_kind in FAIL_CLOSED_PRINCIPALS and auth_error != "UNAVAILABLE"


def bucket_key(tenant_id: int | None, principal: str) -> str:
    return f"budget:{tenant_id if tenant_id is not None else '-'}:{principal}"


# Refunds owed to buckets, given back with each bucket's next charge: key -> points.
_credits: dict[str, float] = {}


# Points this process charged ahead in Redis buckets (`services.infra.leases`).
_leases = Leases()


def refund_later(key: str, points: int, bucket: BucketState | None) -> BucketState | None:
    """Owe `points` back to `key`'s bucket: into this process's live lease of it, or paid with its next charge
    from this process (one round trip fewer per operation than a refund of its own; a refund never paid,
    because no charge followed, only left the bucket fuller, and a full bucket drains anyway). The state
    returned reads as if paid now."""
    if points <= 0:
        return bucket
    if _leases.give_back(key, points):
        return _refunded(bucket, points)
    if len(_credits) >= MAX_REMEMBERED_MARKS and key not in _credits:
        _credits.clear()
    _credits[key] = _credits.get(key, 0.0) + points
    return _refunded(bucket, points)


def _refunded(bucket: BucketState | None, points: int) -> BucketState | None:
    if bucket is None:
        return None
    return dataclasses.replace(bucket, available=min(bucket.capacity, bucket.available + points))


async def pour(
    kv: KeyValue, key: str, cost: int, capacity: int, restore_rate: int, lease: bool = False
) -> BucketState | None:
    """Charge `cost`, after the refunds owed to the bucket; None when the budget store is unreachable (the
    refunds owed are then forgotten: the bucket only stays fuller for a while). With `lease`, on Redis: from
    this process's lease of the bucket when it has one that covers the cost, else by taking one
    (`services.infra.leases`)."""
    rate = max(1, restore_rate)
    if not isinstance(kv, RedisKeyValue):
        allowed, level = await _memory.pour(key, capacity, rate, cost, _credits.pop(key, 0.0))
        return _state(allowed, level, cost, capacity, rate)
    if not lease:
        return await _charged(kv, key, cost, (capacity, rate, cost))
    spent = _leases.spend(key, cost, rate)
    while spent is None and await _leases.wait_for_taker(key):
        spent = _leases.spend(key, cost, rate)
    if spent is not None:
        return _state(True, spent, cost, capacity, rate)
    with _leases.taking(key):
        return await _charged(kv, key, cost, (capacity, rate, _leases.size(cost, capacity)))


async def _charged(kv: RedisKeyValue, key: str, cost: int, bucket: tuple[int, int, int]) -> BucketState | None:
    """Charge `bucket`'s (capacity, rate, size): a lease when the size is more than the cost; when the bucket
    has no room for that lease, the cost alone, so that a caller near its limit is refused where it would be
    without leases."""
    capacity, rate, size = bucket
    credit = _credits.pop(key, 0.0) + _leases.end(key)
    try:
        allowed, level = await _charge(kv, key, bucket, credit)
        if not allowed and size > cost:
            size = cost
            allowed, level = await _charge(kv, key, (capacity, rate, cost), 0.0)
    except (Unavailable, RedisError, OSError):
        log.warning("cost budget store unavailable")
        return None
    if allowed:
        level = _leases.take(key, size, cost, level)
    return _state(allowed, level, cost, capacity, rate)


async def _charge(kv: RedisKeyValue, key: str, bucket: tuple[int, int, int], credit: float) -> tuple[bool, float]:
    """One run of the bucket's script: (allowed, level) for (capacity, rate, cost) after `credit`."""
    allowed, level = await kv.eval(LEAKY_BUCKET, [key], *bucket, credit)
    return bool(int(allowed)), float(level)


def _state(allowed: bool, level: float, cost: int, capacity: int, rate: int) -> BucketState:
    retry_after = 0.0 if allowed else max(0.0, (level + cost - capacity) / rate)
    return BucketState(
        allowed=allowed,
        capacity=capacity,
        restore_rate=rate,
        available=max(0, math.floor(capacity - level)),
        retry_after=retry_after,
    )
