"""A cancelled operation ends, even when something it awaited swallowed the cancellation."""

from __future__ import annotations

import asyncio

from services.cancellation import see_cancelled


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
