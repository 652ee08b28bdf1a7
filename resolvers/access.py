"""The access kit: the one road from an id to a row, which every domain's `access.py` builds its per-model
functions on.

A row is read by primary key through its model's tenant manager, so only the request's synagogue's rows are
found; a missing id, another synagogue's id, a malformed id and a number past the integer range all give the
same None, which resolvers answer as `NOT_FOUND`. Each refusal is logged once, in one shape, at INFO.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from tortoise.models import Model
from tortoise.queryset import QuerySet

from schema.context import Info
from services.infra.ids import MAX_INT

log = logging.getLogger("shulgraph.access")
M = TypeVar("M", bound=Model)


def denied(info: Info, type_name: str, pk: object) -> None:
    """Log a refused or missing lookup (the log tells them apart only by what is in the database)."""
    context = info.context
    log.info(
        "access denied or missing",
        extra={"type": type_name, "id": pk, "tenant": context.tenant_id, "principal": context.principal.describe()},
    )


def in_range(pk: int | None) -> bool:
    return pk is not None and 1 <= pk <= MAX_INT


async def fetch(
    info: Info,
    type_name: str,
    pk: int | None,
    rows: type[M] | QuerySet[M] | Callable[[], QuerySet[M]],
    *,
    needs_tenant: bool = True,
) -> M | None:
    """The row of `rows` with primary key `pk`, or None (logged as a denial). `rows` is a tenant model (its
    manager scopes it to the request's synagogue and fails closed without one), or a queryset, or a function
    building one, that the caller has narrowed to what the principal may see; it is read only once the request
    is known to act in a synagogue, unless `needs_tenant` is False."""
    row: M | None = None
    if in_range(pk) and (info.context.tenant_id is not None or not needs_tenant):
        if isinstance(rows, type):
            query = rows.all()  # type: ignore[attr-defined]  # a Model subclass
        elif isinstance(rows, QuerySet):
            query = rows
        else:
            query = rows()
        row = await query.filter(id=pk).first()
    if row is None:
        denied(info, type_name, pk)
    return row
