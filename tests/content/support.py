"""Helpers for the content tests: synagogues at reference places, rows made in a tenant, SQL counting."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from models.base import tenant_scope
from models.identity import Role
from tests.conftest import Actor, Factory

CHICAGO = {"timezone": "America/Chicago", "latitude": 41.85003, "longitude": -87.65005}


async def chicago_member(factory: Factory, role: Role = Role.EDITOR) -> Actor:
    return await factory.member(tenant=await factory.tenant(**CHICAGO), role=role)


async def make(tenant_id: int, model: type[Any], **fields: Any) -> Any:
    """Create a row directly in a tenant (as the app's database role, under row-level security)."""
    async with tenant_scope(tenant_id):
        return await model.create(**fields)


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


def user_errors(result: dict[str, Any], field: str) -> list[dict[str, Any]]:
    assert "errors" not in result, result
    errors: list[dict[str, Any]] = result["data"][field]["userErrors"]
    return errors
