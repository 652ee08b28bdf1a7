"""Counting the SQL a block of code sends: how tests hold a query to its number of statements (no N+1, one
read per request), from the `tortoise.db_client` logger."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_counting: ContextVar[bool] = ContextVar("counting_statements", default=False)


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not _counting.get():
            return  # a background task started before the block (presence, sweeps), not the code under test
        message = record.getMessage()
        if not message.startswith(("Created connection pool", "Closed connection pool")):
            self.statements.append(message)


@contextmanager
def count_statements() -> Iterator[list[str]]:
    """The SQL statements Tortoise sends while the block runs (from the `tortoise.db_client` logger), from the
    block's own task and the tasks it starts; periodic tasks already running are not counted."""
    logger = logging.getLogger("tortoise.db_client")
    counter = _Counter()
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    logger.addHandler(counter)
    token = _counting.set(True)
    try:
        yield counter.statements
    finally:
        _counting.reset(token)
        logger.removeHandler(counter)
        logger.setLevel(level)
        logger.propagate = propagate

