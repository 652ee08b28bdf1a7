"""The suite's one way to wait for something that happens in another task, thread or process: poll a condition
until it holds. The timeout is a guard against hanging, never a timed assertion (speed is measured by bench/).
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable

Condition = Callable[[], bool | Awaitable[bool]]
"""A check to poll: a plain function, or an async one (e.g. a database query)."""


async def wait_until(
    check: Condition, what: str | Callable[[], str] = "condition", *, timeout: float = 60.0, every: float = 0.05
) -> None:
    """Return once `check()` holds; fail with `never happened: {what}` after `timeout` seconds (`what` may be a
    function, asked only then: the state of a process at that moment, say)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        outcome = check()
        if await outcome if inspect.isawaitable(outcome) else outcome:
            return
        if loop.time() > deadline:
            raise AssertionError(f"never happened: {what() if callable(what) else what}")
        await asyncio.sleep(every)
