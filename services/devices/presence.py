"""Live presence: while a device holds a live subscription in this process, it counts as seen.

Subscribing marks the device seen at once (and announces it ONLINE if it was not). After that, one task
per process and broadcaster refreshes every live device together each `DEVICE_PRESENCE_SECONDS`: one
read of the devices the sweep meanwhile announced OFFLINE (each comes back online with its event, the
rare case) or that were revoked, and one UPDATE of `last_seen_at` for the rest, per `CHUNK` devices,
instead of two UPDATEs per subscription. A device with two live subscriptions (screen and commands) is
refreshed once.

The same read bounds W3 when the revocation's close request never arrived (Redis was down as it was
published): a revoked device still live here has its sockets closed (4403) at the next refresh.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

from tortoise.expressions import Q

from config import get_settings
from models.devices import DeviceIdentity
from services.devices.registry import mark_seen, principal_key
from services.infra.cancellation import see_cancelled
from subscriptions.revocations import forget_locally
from subscriptions.sessions import close_local

log = logging.getLogger("shulgraph.devices")

CHUNK = 500


class Presence:
    """The devices live in this process (per broadcaster), refreshed together."""

    def __init__(self, broadcast: Any, period: float) -> None:
        # Held weakly: `_presences` is keyed by the broadcaster, so a strong reference here would keep it
        # (and this entry) alive for ever.
        self._broadcast = weakref.ref(broadcast)
        self.period = period
        self.live: dict[int, tuple[int, int]] = {}
        """device id → (tenant id, live subscriptions holding it)."""
        self._task: asyncio.Task[None] | None = None

    @property
    def broadcast(self) -> Any:
        return self._broadcast()

    async def join(self, device_id: int, tenant_id: int) -> None:
        tenant, holders = self.live.get(device_id, (tenant_id, 0))
        self.live[device_id] = (tenant, holders + 1)
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name="device-presence")
        await mark_seen(self.broadcast, device_id, tenant_id)

    def leave(self, device_id: int) -> None:
        tenant, holders = self.live.get(device_id, (0, 0))
        if holders > 1:
            self.live[device_id] = (tenant, holders - 1)
            return
        self.live.pop(device_id, None)
        if not self.live and self._task is not None:
            self._task.cancel()
            see_cancelled(self._task)  # its statements may drop a first cancellation (services.infra.cancellation)
            self._task = None

    async def refresh(self, now: datetime | None = None) -> int:
        """Refresh every live device's `last_seen_at`; how many devices are live."""
        now = now or datetime.now(UTC)
        ids = sorted(self.live)
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            unusual = await DeviceIdentity.filter(
                Q(online=False) | Q(revoked_at__isnull=False), device_id__in=chunk
            ).values_list("device_id", "tenant_id", "revoked_at")
            for device_id, tenant_id, revoked_at in unusual:
                if revoked_at is not None:  # and its revocation was not heard: nothing kept of it either
                    forget_locally(principal_key(int(device_id)))
                    await close_local(principal_key(int(device_id)), "device revoked")
                else:
                    await mark_seen(self.broadcast, int(device_id), int(tenant_id), now)
            await DeviceIdentity.filter(device_id__in=chunk, online=True, last_seen_at__lt=now).update(last_seen_at=now)
        return len(ids)

    async def _run(self) -> None:
        while self.live:
            await asyncio.sleep(self.period)
            try:
                await self.refresh()
            except Exception:
                log.warning("presence refresh failed; next tick retries", exc_info=True)


_presences: weakref.WeakKeyDictionary[Any, Presence] = weakref.WeakKeyDictionary()


def presence_for(broadcast: Any) -> Presence:
    """This process's presence for a broadcaster (created on first use)."""
    presence = _presences.get(broadcast)
    if presence is None:
        presence = Presence(broadcast, get_settings().device_presence_seconds)
        _presences[broadcast] = presence
    return presence


@asynccontextmanager
async def live_presence(broadcast: Any, device_id: int, tenant_id: int) -> AsyncIterator[None]:
    """While a device holds a live subscription it counts as seen."""
    presence = presence_for(broadcast)
    try:
        await presence.join(device_id, tenant_id)
        yield
    finally:
        presence.leave(device_id)
