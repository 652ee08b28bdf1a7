"""The `screenUpdated` stream of one device: the shared tenant feed, seen through its settings.

Over a websocket the subscription parks once its first state is sent (`ScreenSlot`, `parked_screen`): its
operation stays open for the client, but no task or generator waits for the next state; the tenant's feed
delivers it to the slot (services.devices.screen_watches), which sends the shared `next` text of its operation
shape (subscriptions.fanout). Anywhere no slot is offered (or should parking fail) the subscription stays a
stream (`screen_stream`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextvars import ContextVar
from typing import Any, Protocol, TypeVar

from services.devices.presence import Presence, live_presence, presence_for
from services.devices.screen_hub import ScreenHub, hub_for
from services.devices.screen_state import ScreenState
from services.devices.screen_watches import ScreenWatch
from subscriptions.fanout import ShapeKey, hold_shape, release_shape, share, shared_text

T = TypeVar("T")

log = logging.getLogger("shulgraph.screen")
_resuming: set[asyncio.Task[None]] = set()


async def screen_stream(
    broadcast: Any, tenant_id: int, device_id: int, debounce_seconds: float = 0.05, sent: str | None = None
) -> AsyncIterator[ScreenState]:
    """The device's states: the current one first (unless its version is `sent`), then each new one."""
    async with live_presence(broadcast, device_id, tenant_id):
        async for state in hub_for(broadcast, debounce_seconds).stream(tenant_id, device_id, sent):
            yield state


def shared_payload(state: ScreenState, build: Callable[[ScreenState], T]) -> T:
    """The subscription payload of a state, built once and shared (`subscriptions.fanout.share`) by every
    screen of this process that receives the state: same tenant, same settings projection, same content."""
    payload: T | None = state.payloads.get(build)
    if payload is None:
        payload = build(state)
        state.payloads[build] = payload
    assert state.tenant_id is not None, "only a feed's states are shared"
    return share(payload, (state.tenant_id, state.variant, state.version))


class ParkingHandler(Protocol):
    """The websocket handler that offers an operation a slot (schema.websocket)."""

    def park(self, slot: ScreenSlot) -> bool:
        """Keep the operation open with the feed serving it; False when the operation is already ending."""

    async def send_parked(self, text: str) -> None:
        """Send a parked operation's message (a closed socket is not an error: its handler releases the slot)."""

    async def resume(self, slot: ScreenSlot) -> None:
        """Give the parked operation a stream of its own again (its shared result could not be sent as is)."""


class ScreenSlot:
    """Where one websocket operation may park its screen: the watch, the held operation shape, and the way back
    to the socket. Released once, by whoever ends the operation (the stream while it runs, the handler after)."""

    __slots__ = (
        "build", "handler", "hub", "on_release", "operation_id", "parked", "presence", "released", "shape", "watch",
    )  # fmt: skip

    def __init__(self, handler: ParkingHandler, operation_id: str, on_release: Callable[[], None]) -> None:
        self.handler = handler
        self.operation_id = operation_id
        self.on_release = on_release
        self.build: Callable[[ScreenState], Any] | None = None
        self.hub: ScreenHub | None = None
        self.presence: Presence | None = None
        self.watch: ScreenWatch | None = None
        self.shape: ShapeKey | None = None
        self.parked = False
        self.released = False

    def park(self) -> bool:
        """After the first state is sent: hand the operation over to the feed. False when it cannot be (no shared
        execution to hold, or the handler is ending the operation); the caller then goes on as a stream."""
        assert self.hub is not None and self.watch is not None
        shape = hold_shape()
        if shape is None:
            return False
        self.shape = shape
        if not self.handler.park(self):
            return False
        self.parked = True
        self.hub.arm(self.watch)
        return True

    async def deliver(self, state: ScreenState) -> None:
        """A new state from the feed: the operation's shared `next` text, or back to a stream of its own."""
        if self.released or self.shape is None or self.build is None:
            return
        text = await shared_text(self.shape, shared_payload(state, self.build), self.operation_id)
        if text is None:
            log.warning("a parked screen's result is not plain shared data; it takes a stream of its own")
            # Not in this delivery's task: releasing the slot may stop the feed, and the feed's tasks with it
            resuming = asyncio.create_task(self.handler.resume(self))
            _resuming.add(resuming)
            resuming.add_done_callback(_resuming.discard)
            return
        if not self.released:  # released while its text was made: the operation is over
            await self.handler.send_parked(text)

    async def release(self) -> None:
        """The operation ended (or resumes as a stream): leave the feed and the presence, drop the shape."""
        if self.released:
            return
        self.released = True
        if self.shape is not None:
            release_shape(self.shape)
        watch, self.watch = self.watch, None
        if watch is not None and self.hub is not None:
            await self.hub.unwatch(watch)
            if self.presence is not None:
                self.presence.leave(watch.device_id)
        if self.parked:
            self.on_release()


_SLOT: ContextVar[ScreenSlot | None] = ContextVar("screen_slot", default=None)


def offer_slot(slot: ScreenSlot | None) -> None:
    """Offer the running operation (its task) a slot to park its screen in; None offers none."""
    _SLOT.set(slot)


def offered_slot() -> ScreenSlot | None:
    return _SLOT.get()


async def parked_screen(
    slot: ScreenSlot,
    broadcast: Any,
    tenant_id: int,
    device_id: int,
    build: Callable[[ScreenState], T],
    debounce_seconds: float = 0.05,
) -> AsyncIterator[T]:
    """The device's current state as a shared payload; then the operation parks in `slot`, and this generator
    ends without the operation ending. Should parking fail, it goes on as `screen_stream` would."""
    hub = hub_for(broadcast, debounce_seconds)
    presence = presence_for(broadcast)
    await presence.join(device_id, tenant_id)
    try:
        watch, state = await hub.watch(tenant_id, device_id, slot.deliver)
    except BaseException:
        presence.leave(device_id)
        raise
    slot.hub, slot.presence, slot.watch, slot.build = hub, presence, watch, build
    try:
        yield shared_payload(state, build)
        if slot.park():
            return
    finally:
        if not slot.parked:
            await slot.release()
    async for later in screen_stream(broadcast, tenant_id, device_id, debounce_seconds, sent=state.version):
        yield shared_payload(later, build)
