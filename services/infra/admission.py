"""Per-tenant admission inside one process: a tenant runs at most `limit` operations at a time.

Each operation holds one database connection for its transaction, so a tenant that floods one process can
take at most `limit` of its pool's connections and of its in-flight executions; the rest stay free for other
tenants. Requests over the cap wait in a per-tenant FIFO queue (at most `max_queued`, each at most
`timeout_seconds`), then are refused (`AdmissionRefused`, answered `THROTTLED` with Retry-After). Work that acts
in no synagogue takes the untenanted lane instead (services.infra.lanes: bounded, fair between callers), keyed by
`lane_key`. The Redis cost budget (services.infra.budget) limits a tenant's rate across processes; this limits
its concurrency within one.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from services.infra.lanes import FairLane, LaneRefused, client_group

UNTENANTED = "~"
"""The prefix of a lane key that names a caller of the untenanted lane rather than a synagogue."""


def lane_key(tenant_id: int | None, user_id: int | None, client_address: str) -> str:
    """The synagogue's lane; without one, the untenanted lane's caller: the user, else the client's address."""
    if tenant_id is not None:
        return str(tenant_id)
    return UNTENANTED + (f"user:{user_id}" if user_id is not None else client_group(client_address))


class AdmissionRefused(Exception):
    """The tenant is at its concurrency cap and its queue is full or the wait ran out."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class _Tenant:
    active: int = 0
    waiting: deque[asyncio.Future[None]] = field(default_factory=deque)


class TenantAdmission:
    def __init__(
        self, limit: int, max_queued: int, timeout_seconds: float, untenanted: FairLane | None = None
    ) -> None:
        self.limit = max(1, limit)
        self.max_queued = max(0, max_queued)
        self.timeout_seconds = timeout_seconds
        self.tenants: dict[str, _Tenant] = {}
        self.untenanted = untenanted or FairLane(self.limit, self.max_queued, self.max_queued, timeout_seconds)

    def active(self, key: str) -> int:
        tenant = self.tenants.get(key)
        return tenant.active if tenant else 0

    def waiting(self, key: str) -> int:
        tenant = self.tenants.get(key)
        return len(tenant.waiting) if tenant else 0

    @asynccontextmanager
    async def slot(self, key: str) -> AsyncIterator[None]:
        """Hold one of the tenant's slots for the body; `AdmissionRefused` when none comes in time."""
        await self.acquire(key)
        try:
            yield
        finally:
            self.release(key)

    async def acquire(self, key: str) -> None:
        if key.startswith(UNTENANTED):
            try:
                await self.untenanted.acquire(key[len(UNTENANTED) :])
            except LaneRefused as refused:
                raise AdmissionRefused(refused.reason) from None
            return
        tenant = self.tenants.setdefault(key, _Tenant())
        if tenant.active < self.limit and not tenant.waiting:
            tenant.active += 1
            return
        if len(tenant.waiting) >= self.max_queued:
            self._forget_if_idle(key, tenant)
            raise AdmissionRefused(f"this synagogue already runs {self.limit} operations here; retry later")
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        tenant.waiting.append(future)
        try:
            async with asyncio.timeout(self.timeout_seconds):
                await future
        except BaseException as error:
            if future.done() and not future.cancelled():
                self.release(key)  # a slot was handed over just as the wait ended: pass it on
            else:
                future.cancel()
                if future in tenant.waiting:
                    tenant.waiting.remove(future)
                self._forget_if_idle(key, tenant)
            if isinstance(error, TimeoutError):
                raise AdmissionRefused("this synagogue's operations are queued too long here; retry later") from None
            raise

    def release(self, key: str) -> None:
        if key.startswith(UNTENANTED):
            self.untenanted.release()
            return
        tenant = self.tenants.get(key)
        if tenant is None:
            return
        while tenant.waiting:
            future = tenant.waiting.popleft()
            if not future.done():
                future.set_result(None)  # the slot passes to the next waiter; `active` is unchanged
                return
        tenant.active -= 1
        self._forget_if_idle(key, tenant)

    def _forget_if_idle(self, key: str, tenant: _Tenant) -> None:
        if tenant.active <= 0 and not tenant.waiting and self.tenants.get(key) is tenant:
            del self.tenants[key]
