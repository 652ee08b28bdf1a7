"""A circuit breaker per tenant database: after a connection to a database fails, its tenants are answered
UNAVAILABLE at once for a cool-down instead of each waiting for a connection that will not come; then one
transaction at a time goes through as a probe, and the first that opens closes the breaker. Every other database,
and so every other tenant, is untouched.

(services/infra/breaker.py is the same idea for Redis; this one sits under the models, which import no service.)"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

log = logging.getLogger("shulgraph.placement")


class DatabaseBreaker:
    """Open (refusing), closed (passing), or half-open (one probe at a time) for one database."""

    def __init__(self, name: str, cool_down: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.name = name
        self.cool_down = cool_down
        self._clock = clock
        self.opened_at: float | None = None
        self.failures = 0
        self._probing = False

    @property
    def state(self) -> str:
        """`closed`, `open` (refusing) or `half_open` (its cool-down over: the next caller probes)."""
        if self.opened_at is None:
            return "closed"
        return "open" if self._probing or self._clock() < self.opened_at + self.cool_down else "half_open"

    def admit(self) -> bool:
        """Whether a caller may try the database now; True for a probe of an open breaker too (it must then call
        `succeeded` or `failed`)."""
        if self.opened_at is None:
            return True
        if self._probing or self._clock() < self.opened_at + self.cool_down:
            return False
        self._probing = True
        return True

    def succeeded(self) -> None:
        self._probing = False
        if self.opened_at is not None:
            log.warning("tenant database %s answers again", self.name)
        self.opened_at = None

    def failed(self) -> None:
        self._probing = False
        self.failures += 1
        if self.opened_at is None:
            log.warning(
                "tenant database %s is not answering; its tenants fail fast for %.1f s", self.name, self.cool_down
            )
        self.opened_at = self._clock()

    def release_probe(self) -> None:
        """A probe that ended neither way (cancelled): let the next caller probe."""
        self._probing = False
