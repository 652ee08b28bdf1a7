"""Publishing on the broadcaster: after the writer's transaction commits, and never failing the writer.

A mutation runs in one transaction (`schema.extensions.TenantScope`); a subscriber that reads the
database on an event must see the rows the event speaks of, so events raised inside an operation are
held until its transaction has committed (`deferred_publications`). Outside an operation they go
out at once. On Redis, an event that cannot go out because Redis is unreachable is kept in memory and
published once Redis answers (`subscriptions.backlog`). An event lost all the same (the backlog full,
the process ended) costs little: screens and job streams re-read their state from the database on
(re)subscribe and after a broker reconnect (`RESYNC`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any, Protocol, runtime_checkable

from subscriptions.channels import tenant_events

log = logging.getLogger("shulgraph.events")

RESYNC = json.dumps({"resync": True})
"""Sent on every subscribed channel after the broker connection was re-established."""

class Deferred:
    """What one operation will publish once it has committed, and the signals it already holds (each goes out
    once per operation, however many of its fields raised it)."""

    def __init__(self) -> None:
        self.sends: list[Callable[[], Awaitable[None]]] = []
        self.once_sent: set[tuple[str, str]] = set()


_deferred: ContextVar[Deferred | None] = ContextVar("shulgraph_deferred", default=None)


@runtime_checkable
class KeepsEvents(Protocol):
    """A broadcaster that keeps an event it cannot publish now (`subscriptions.backend.SharedChannels`)."""

    async def publish_or_keep(self, channel: str, message: str) -> None: ...


def is_resync(message: str) -> bool:
    return message == RESYNC


@asynccontextmanager
async def deferred_publications() -> AsyncIterator[None]:
    """Hold publications made inside (one operation) until the block exits without an exception, then send
    them. The state lives in the block, never in a request's or a socket's context, so every operation of a
    socket or a batch publishes what it changed."""
    pending = Deferred()
    token = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(token)
    for send in pending.sends:
        await send()


async def _send(broadcast: Any, channel: str, message: str) -> None:
    try:
        if isinstance(broadcast, KeepsEvents):
            await broadcast.publish_or_keep(channel, message)
        else:
            await broadcast.publish(channel=channel, message=message)
    except Exception:
        log.warning("event not published; subscribers resynchronise from the database", extra={"channel": channel})


async def publish(broadcast: Any, channel: str, payload: dict[str, Any], *, once: bool = False) -> None:
    """Publish a JSON event (after the current operation's commit when there is one). `once`: an operation
    sends this channel and payload at most once."""
    message = json.dumps(payload, default=str)
    pending = _deferred.get()
    if pending is None:
        await _send(broadcast, channel, message)
        return
    if once:
        if (channel, message) in pending.once_sent:
            return
        pending.once_sent.add((channel, message))

    async def send() -> None:
        await _send(broadcast, channel, message)

    pending.sends.append(send)


def in_operation() -> bool:
    """Whether the running code is inside an operation (publications wait for its commit)."""
    return _deferred.get() is not None


async def after_commit(work: Callable[[], Awaitable[None]]) -> None:
    """Run `work` after the current operation's commit (at once outside an operation)."""
    pending = _deferred.get()
    if pending is None:
        await work()
    else:
        pending.sends.append(work)


async def tenant_event(broadcast: Any, tenant_id: int, kind: str, device_id: int | None = None, **detail: Any) -> None:
    """An event for the admins watching `tenantEvents` of a synagogue."""
    await publish(
        broadcast,
        tenant_events(tenant_id),
        {"kind": kind, "at": datetime.now(UTC).isoformat(), "deviceId": device_id, "detail": detail},
    )


async def tenant_event_stream(broadcast: Any, tenant_id: int) -> AsyncIterator[dict[str, Any]]:
    """The events of one tenant, as published (a broker reconnect is not an event)."""
    async with broadcast.subscribe(channel=tenant_events(tenant_id)) as subscriber:
        async for event in subscriber:
            if event is None:
                break
            if is_resync(event.message):
                continue
            payload = json.loads(event.message)
            if isinstance(payload, dict):
                yield payload
