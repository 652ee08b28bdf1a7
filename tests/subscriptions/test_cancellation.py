"""A cancelled operation ends, even when something it awaited swallowed the cancellation."""

from __future__ import annotations

import asyncio
import contextlib

from services.infra.cancellation import cancel_and_wait, see_cancelled


async def test_a_task_that_swallowed_its_cancellation_is_cancelled_again() -> None:
    never = asyncio.Event()
    swallowed = asyncio.Event()

    async def operation() -> None:
        try:
            await never.wait()
        except asyncio.CancelledError:
            swallowed.set()  # as Python 3.11's wait_for does when its future completes at the same moment
        await never.wait()  # carries on as if never cancelled

    task = asyncio.create_task(operation())
    await asyncio.sleep(0)
    task.cancel()
    see_cancelled(task, grace_seconds=0.05)
    await asyncio.wait_for(swallowed.wait(), 5)
    await asyncio.wait({task}, timeout=5)
    assert task.cancelled()


async def test_a_task_that_cleans_up_within_its_grace_is_cancelled_once() -> None:
    cancellations = 0
    cleaned = asyncio.Event()

    async def operation() -> None:
        nonlocal cancellations
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancellations += 1
            await asyncio.sleep(0.01)  # a short clean-up is left alone
            cleaned.set()
            raise

    task = asyncio.create_task(operation())
    await asyncio.sleep(0)
    task.cancel()
    see_cancelled(task, grace_seconds=5)
    await asyncio.wait({task}, timeout=5)
    assert task.cancelled() and cleaned.is_set() and cancellations == 1


async def test_cancel_and_wait_ends_a_background_task_that_swallowed_its_cancellation() -> None:
    """How the application stops its background tasks at shutdown (the control listener, the presence
    sweep, the pub/sub reader): a dropped cancellation does not leave the shutdown waiting for good."""
    never = asyncio.Event()

    async def listener() -> None:
        with contextlib.suppress(asyncio.CancelledError):  # dropped, as 3.11's wait_for may do in a Redis read
            await never.wait()
        await never.wait()

    task = asyncio.create_task(listener())
    await asyncio.sleep(0)
    await asyncio.wait_for(cancel_and_wait(task, grace_seconds=0.05), 10)  # the guard only turns a hang into a failure
    assert task.cancelled()
    await cancel_and_wait(task)  # an ended task: nothing to do
