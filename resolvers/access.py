"""The access kit: the one road from an id to a row, which every domain's `access.py` builds its per-model
functions on.

A row is read by primary key through its model's tenant manager, so only the request's synagogue's rows are
found; a missing id, another synagogue's id, a malformed id and a number past the integer range all give the
same None, which resolvers answer as `NOT_FOUND`. Each refusal is logged once, in one shape, at INFO.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from graphql import GraphQLError
from strawberry.permission import BasePermission
from tortoise.models import Model
from tortoise.queryset import QuerySet

from schema.context import Info
from schema.relay import NodeResolver
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


@dataclass(frozen=True)
class NodeRoad:
    """How `node(id:)` reaches one Node type: its lookup, and the rules of the root fields that list the type
    (their permission classes), so that `node` answers a caller exactly as those fields do (Z5)."""

    resolve: NodeResolver
    rules: tuple[tuple[type[BasePermission], ...], ...]


def road(resolve: NodeResolver, *roots: tuple[type, str]) -> NodeRoad:
    """A Node type's road, following the rule of each root field named (the domain's root class and the field's
    Python name): a caller any of them admits may look the object up."""
    rules = []
    for root, name in roots:
        field = root.__strawberry_definition__.get_field(name)  # type: ignore[attr-defined]
        if field is None:
            raise LookupError(f"{root.__name__} has no field {name}")
        rules.append(tuple(field.permission_classes))
    return NodeRoad(resolve=resolve, rules=tuple(rules))


async def admits(info: Info, node_road: NodeRoad) -> bool:
    """Whether one of the road's rules admits the caller (its refusal not raised)."""
    try:
        await admit(info, node_road)
    except GraphQLError:
        return False
    return True


async def admit(info: Info, node_road: NodeRoad) -> None:
    """Pass when one of the road's rules admits the caller; otherwise raise what the first rule's root field
    would have raised (UNAUTHENTICATED, FORBIDDEN, ...)."""
    refusal: GraphQLError | None = None
    for rule in node_road.rules:
        try:
            for permission_class in rule:
                permission = permission_class()
                granted = permission.has_permission(None, info)
                if inspect.isawaitable(granted):
                    granted = await granted
                if not granted:
                    raise GraphQLError(permission.message or "forbidden", extensions={"code": "FORBIDDEN"})
        except GraphQLError as error:
            refusal = refusal or error
            continue
        return
    if refusal is not None:
        raise refusal

