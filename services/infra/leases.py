"""Cost-budget leases: points a process charges ahead in a caller's shared (Redis) bucket, then spends on that
caller's next operations without a round trip each.

A budget charge is a Redis round trip, and on the compiled road it was the largest single cost of a request
after the page itself. A lease makes it one round trip per lease instead: `size` points are charged at once and
spent here for at most `LEASE_SECONDS`; what is left then goes back to the bucket with the next charge. A bucket
too small for a lease is charged operation by operation (a lease is never smaller than the operation's cost), so
a caller near its limit is refused where it would be without leases. The levels reported read as if every
operation had been charged alone. Leases are for users and devices, whose budget lets them work while Redis is
down anyway; partner keys and anonymous callers, for whom an unreadable budget refuses (R3), are charged
operation by operation.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Iterator
from dataclasses import dataclass

LEASE_SECONDS = 1.0
"""How long points charged ahead stay this process's to spend."""
LEASE_SHARE = 20
"""A lease is at most this fraction of the bucket's capacity, so that a few processes holding leases of one
caller cannot refuse it much before a single process would..."""
LEASE_OPERATIONS = 32
"""...and at most this many operations of the cost that took it."""
MAX_LEASES = 10_000


@dataclass
class Lease:
    left: float  # points charged and not yet spent here
    level: float  # the bucket's level right after the lease was charged
    at: float  # time.monotonic() of that charge


class Leases:
    """The leases of one process, by bucket key."""

    def __init__(self) -> None:
        self._leases: dict[str, Lease] = {}
        self._taking: dict[str, asyncio.Future[None]] = {}

    @staticmethod
    def size(cost: int, capacity: int) -> int:
        """Points to charge for an operation of `cost`: never less than the cost itself."""
        return max(cost, min(capacity // LEASE_SHARE, cost * LEASE_OPERATIONS))

    def _live(self, key: str) -> Lease | None:
        lease = self._leases.get(key)
        return lease if lease is not None and time.monotonic() - lease.at < LEASE_SECONDS else None

    def spend(self, key: str, cost: int, rate: int) -> float | None:
        """The bucket's level after spending `cost` from a live lease of `key`, as the bucket would have it had
        each operation been charged alone (the lease's unspent points not counted, its drain since the lease
        was charged counted); None when no live lease covers the cost."""
        lease = self._live(key)
        if lease is None or lease.left < cost:
            return None
        before = lease.level - lease.left - (time.monotonic() - lease.at) * rate
        lease.left -= cost
        return max(0.0, before) + cost

    async def wait_for_taker(self, key: str) -> bool:
        """Wait while another operation of this process is taking a lease of `key` (so that a burst of one
        caller's concurrent operations does not charge a lease each); False when none was."""
        taking = self._taking.get(key)
        if taking is None:
            return False
        await asyncio.shield(taking)
        return True

    @contextlib.contextmanager
    def taking(self, key: str) -> Iterator[None]:
        """Marks `key`'s lease as being taken, for `wait_for_taker`."""
        done = self._taking[key] = asyncio.get_running_loop().create_future()
        try:
            yield
        finally:
            del self._taking[key]
            done.set_result(None)

    def take(self, key: str, size: int, cost: int, level: float) -> float:
        """Record a lease of `size` charged for an operation of `cost` (the bucket now at `level`); the level
        as if the operation had been charged alone."""
        if size <= cost:
            return level
        if len(self._leases) >= MAX_LEASES:
            self._leases.clear()  # their unspent points only leave the buckets fuller for a while
        self._leases[key] = Lease(left=size - cost, level=level, at=time.monotonic())
        return level - (size - cost)

    def end(self, key: str) -> float:
        """End `key`'s lease here; its unspent points, owed back to the bucket."""
        lease = self._leases.pop(key, None)
        return lease.left if lease is not None else 0.0

    def give_back(self, key: str, points: float) -> bool:
        """Put refunded points into a live lease of `key`; False when there is none."""
        lease = self._live(key)
        if lease is None:
            return False
        lease.left += points
        return True
