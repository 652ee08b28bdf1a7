"""A process-local circuit breaker: after a call fails in a way that costs waiting (a timeout), later calls
fail at once for a cool-down instead of waiting again; then one call at a time goes through as a probe
while the others keep failing at once, and the first success closes the breaker."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")

log = logging.getLogger("shulgraph.breaker")


class CircuitOpen(Exception):
    """A call refused without being made: the breaker is open."""


class CircuitBreaker:
    """Guards calls to one service. A failure of a type in `trips_on` opens the breaker for `cool_down`
    seconds; other failures pass through without changing its state."""

    def __init__(
        self,
        name: str,
        cool_down: float,
        trips_on: tuple[type[BaseException], ...] = (Exception,),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.name = name
        self.cool_down = cool_down
        self.trips_on = trips_on
        self._clock = clock
        self._opened_at: float | None = None
        self._probing = False

    @property
    def is_open(self) -> bool:
        return self._opened_at is not None

    async def call(self, work: Callable[[], Awaitable[T]]) -> T:
        """`work()`, or `CircuitOpen` at once while the breaker is open and this call is not its probe."""
        probe = self._admit()
        try:
            result = await work()
        except self.trips_on:
            self._trip()
            raise
        finally:
            if probe:
                self._probing = False
        self._close()
        return result

    def _admit(self) -> bool:
        """Whether this call is the probe of an open breaker; raises `CircuitOpen` when it may not go on."""
        if self._opened_at is None:
            return False
        if self._probing or self._clock() < self._opened_at + self.cool_down:
            raise CircuitOpen(f"{self.name} is not answering; not trying again yet")
        self._probing = True
        return True

    def _trip(self) -> None:
        if self._opened_at is None:
            log.warning("%s is not answering; failing fast for %.1f s between probes", self.name, self.cool_down)
        self._opened_at = self._clock()

    def _close(self) -> None:
        if self._opened_at is not None:
            log.warning("%s answers again", self.name)
        self._opened_at = None
