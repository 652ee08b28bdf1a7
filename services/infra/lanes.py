"""The untenanted lane: work that acts in no synagogue (sign-in, registration, pairing, public zmanim, a user
who names no synagogue) gets its own bounded share of a process, served fairly between callers.

Callers are told apart by who they are when that is known (a signed-in user) and otherwise by where they come
from: an IPv4 address, or the /64 network of an IPv6 one (what one subscriber usually holds, so rotating
addresses inside it buys nothing). Waiting callers are served round-robin, one operation per caller in turn, so a
caller with a hundred requests queued does not delay a caller with one by a hundred turns; each caller may have
only a few queued; and when the lane's queue is full, a newcomer takes the place of the newest request of the
caller with the most queued, so a flood from one place cannot crowd out everybody else's sign-ins. Synagogues'
own lanes (services.infra.admission) are separate and never wait on this one.

Fairness by address has its limit: a flood spread over thousands of unrelated IPv4 addresses is indistinguishable
from thousands of people; the per-address sign-in throttles and the lane's bound keep it from spreading further.
"""

from __future__ import annotations

import asyncio
import ipaddress
from collections import deque


class LaneRefused(Exception):
    """No slot came in time, or the caller's (or the lane's) queue is full."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def client_group(address: str) -> str:
    """The caller key of an anonymous client: its IPv4 address, or its IPv6 /64."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


class FairLane:
    """At most `limit` operations at once; waiters served round-robin between callers."""

    def __init__(self, limit: int, max_queued: int, max_queued_per_caller: int, timeout_seconds: float) -> None:
        self.limit = max(1, limit)
        self.max_queued = max(0, max_queued)
        self.max_queued_per_caller = max(0, max_queued_per_caller)
        self.timeout_seconds = timeout_seconds
        self.active = 0
        self.queues: dict[str, deque[asyncio.Future[None]]] = {}
        self.turns: deque[str] = deque()  # callers with waiters, in the order they are served

    def waiting(self, caller: str | None = None) -> int:
        if caller is not None:
            return len(self.queues.get(caller, ()))
        return sum(len(queue) for queue in self.queues.values())

    async def acquire(self, caller: str) -> None:
        if self.active < self.limit and not self.turns:
            self.active += 1
            return
        queue = self.queues.get(caller)
        if queue is not None and len(queue) >= self.max_queued_per_caller:
            raise LaneRefused("too many of your requests are waiting here; retry later")
        if self.waiting() >= self.max_queued and not self._make_room_for(len(queue or ()) + 1):
            raise LaneRefused("this server is busy with requests from everywhere; retry later")
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if queue is None:
            queue = self.queues[caller] = deque()
            self.turns.append(caller)
        queue.append(future)
        try:
            async with asyncio.timeout(self.timeout_seconds):
                await future
        except BaseException as error:
            if future.done() and not future.cancelled() and future.exception() is None:
                self.release()  # the slot was handed over just as the wait ended: pass it on
            else:
                if not future.done():
                    future.cancel()
                self._forget(caller, future)
            if isinstance(error, TimeoutError):
                raise LaneRefused("requests wait too long here; retry later") from None
            raise

    def release(self) -> None:
        """Hand the slot to the next caller in turn, or free it."""
        while self.turns:
            caller = self.turns.popleft()
            queue = self.queues[caller]
            future = queue.popleft()
            if queue:
                self.turns.append(caller)
            else:
                del self.queues[caller]
            if not future.done():
                future.set_result(None)  # the slot passes on; `active` is unchanged
                return
        self.active -= 1

    def _make_room_for(self, newcomer_queued: int) -> bool:
        """Refuse the newest waiter of the caller with the most waiting, if that is more than the newcomer would
        have; whether room was made."""
        if not self.queues:
            return False
        crowded = max(self.queues, key=lambda caller: len(self.queues[caller]))
        queue = self.queues[crowded]
        if len(queue) <= newcomer_queued:
            return False
        evicted = queue.pop()
        if not queue:
            del self.queues[crowded]
            self.turns.remove(crowded)
        if not evicted.done():
            evicted.set_exception(LaneRefused("this server is busy with your requests; retry later"))
        return True

    def _forget(self, caller: str, future: asyncio.Future[None]) -> None:
        queue = self.queues.get(caller)
        if queue is None or future not in queue:
            return
        queue.remove(future)
        if not queue:
            del self.queues[caller]
            self.turns.remove(caller)
