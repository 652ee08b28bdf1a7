"""Selects built once: for the lookups every request makes (who is calling), Tortoise's query building costs
more than the database round trip (about 0.3 ms for a session with its user). A `PreparedSelect` builds its
queryset once per database dialect with placeholder values, keeps the SQL and where each value goes, and
runs it again with new values through Tortoise's own executor (so rows, `select_related` objects and
annotations come back exactly as from the queryset).

Only for models outside the tenant scope: a tenant model's queries must go through its manager's checks.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from typing import Any, Generic, NamedTuple, TypeVar

from tortoise.models import Model
from tortoise.queryset import QuerySet

from models.base import TenantModel

M = TypeVar("M", bound=Model)

_PLACEHOLDER_BASE = -7_304_118_000
"""Placeholder values, one per slot, that a real id never equals (ids are positive)."""


class _Built(NamedTuple):
    sql: str
    params: list[Any]
    positions: list[list[int]]
    """Per value, every parameter it fills."""
    related: list[Any]
    annotations: list[str]


class PreparedSelect(Generic[M]):
    """`build(*values)` as a queryset, built once per dialect; `await prepared.first(*values)`."""

    def __init__(self, model: type[M], build: Callable[..., QuerySet[M]], slots: int) -> None:
        if issubclass(model, TenantModel):
            raise TypeError(f"{model.__name__} is tenant-scoped: query it through its manager")
        self.model = model
        self._build = build
        self._slots = slots
        self._built: dict[str, _Built] = {}

    def _prepare(self, dialect: str, db: Any) -> _Built:
        placeholders = [_PLACEHOLDER_BASE - slot for slot in range(self._slots)]

        def compile_query() -> tuple[QuerySet[M], tuple[str, list[Any]]]:
            queryset = self._build(*placeholders).using_db(db)
            queryset._make_query()
            return queryset, queryset.query.get_parameterized_sql()

        # Built with no tenant in context (and not unscoped), whoever calls first: a tenant model in a subquery
        # fails closed instead of baking the caller's tenant into SQL that every later caller reuses.
        queryset, (sql, params) = contextvars.Context().run(compile_query)
        joined = [entry[0].__name__ for entry in queryset._select_related_idx if issubclass(entry[0], TenantModel)]
        if joined:
            raise TypeError(f"{', '.join(joined)} are tenant-scoped: a prepared select cannot join them")
        positions = [[at for at, param in enumerate(params) if param == value] for value in placeholders]
        if not all(positions):
            raise ValueError(f"a value of {self.model.__name__}'s prepared select is not a parameter of its query")
        built = _Built(sql, list(params), positions, list(queryset._select_related_idx), list(queryset._annotations))
        self._built[dialect] = built
        return built

    async def all(self, *values: Any) -> list[M]:
        db = self.model._choose_db()
        dialect = db.capabilities.dialect
        built = self._built.get(dialect) or self._prepare(dialect, db)
        params = list(built.params)
        for places, value in zip(built.positions, values, strict=True):
            for position in places:  # a value the query uses twice is a parameter twice
                params[position] = value
        executor = db.executor_class(
            model=self.model, db=db, prefetch_map={}, prefetch_queries={}, select_related_idx=built.related
        )
        rows: list[M] = await executor.execute_select(built.sql, params, custom_fields=built.annotations)
        return rows

    async def first(self, *values: Any) -> M | None:
        rows = await self.all(*values)
        return rows[0] if rows else None
