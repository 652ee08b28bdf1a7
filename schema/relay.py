"""Global object identification and Relay connections (`first`/`after`, page size 1–100)."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable
from functools import lru_cache
from typing import Any, Generic, TypeVar

import strawberry
from tortoise.queryset import QuerySet

from schema.context import Info
from schema.errors import graphql_error
from services.infra.errors import ErrorCode
from services.infra.ids import MAX_INT, parse_int

T = TypeVar("T")


@strawberry.interface(description="An object with a global id, which `node(id:)` reads back.")
class Node:
    id: strawberry.ID = strawberry.field(
        description="The object's global id: opaque, stable, and the same for every caller who may see the object."
    )


NodeResolver = Callable[[Info, int], Awaitable[Any]]
"""How `node(id:)` reaches one Node type: (info, primary key) -> the object, or None when missing or not yours."""


@strawberry.type(description="Where a page stands in its list, and the cursors to ask for the next one.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="Whether items follow this page (ask with `after: endCursor`).")
    has_previous_page: bool = strawberry.field(description="Whether items come before this page.")
    start_cursor: str | None = strawberry.field(description="The cursor of the page's first item; null when empty.")
    end_cursor: str | None = strawberry.field(description="The cursor of the page's last item; null when empty.")


@strawberry.type(description="One item of a page, with the cursor that points at it.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(description="Pass it as `after` to read on from this item.")
    node: T = strawberry.field(description="The item.")


@strawberry.type(
    description="One page of a list (`first` items, 1 to the page size limit, `after` a cursor), as Relay reads it."
)
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The page's items, in the list's order.")
    page_info: PageInfo = strawberry.field(description="Whether more items follow, and the cursors to read on.")
    _count: strawberry.Private[Callable[[], Awaitable[int]] | None]
    """Counts every item, asked only when `totalCount` is selected and the page cannot tell it."""
    _total: strawberry.Private[int | None]

    @strawberry.field(description="How many items the whole list holds, across every page.")
    async def total_count(self) -> int:
        if self._total is None:
            self._total = 0 if self._count is None else await self._count()
        return self._total


@lru_cache(maxsize=4096)  # every page writes the same few cursors
def _cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode().rstrip("=")


def _offset(cursor: str | None) -> int:
    if cursor is None:
        return 0
    try:
        decoded = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        decoded = ""
    kind, _, raw = decoded.partition(":")
    offset = parse_int(raw, minimum=0)
    if kind != "o" or offset is None or offset >= MAX_INT:
        raise graphql_error(ErrorCode.BAD_USER_INPUT, "invalid cursor", argument="after")
    return offset + 1


def check_page_size(info: Info, first: int) -> int:
    limit = info.context.settings.max_page_size
    if not 1 <= first <= limit:
        raise graphql_error(ErrorCode.BAD_USER_INPUT, f"first must be between 1 and {limit}", argument="first")
    return first


def page_start(info: Info, first: int, after: str | None) -> int:
    """The offset a page starts at, once `first` is checked against the page size."""
    check_page_size(info, first)
    return _offset(after)


def connection_from_page(
    rows: list[Any], start: int, first: int, convert: Callable[[Any], T], count: Callable[[], Awaitable[int]]
) -> Connection[T]:
    """A connection from the rows read at `start`, at most `first + 1` of them (one more tells a next page)."""
    has_next = len(rows) > first
    rows = rows[:first]
    edges = [Edge(cursor=_cursor(start + i), node=convert(row)) for i, row in enumerate(rows)]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=has_next,
            has_previous_page=start > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        _count=count,
        _total=start + len(rows) if not has_next and (rows or start == 0) else None,
    )


async def paginate(
    info: Info,
    queryset: QuerySet[Any],
    first: int,
    after: str | None,
    convert: Callable[[Any], T],
) -> Connection[T]:
    """One page of a scoped queryset (ordered by the caller) as a connection."""
    start = page_start(info, first, after)
    rows = await queryset.offset(start).limit(first + 1)
    return connection_from_page(rows, start, first, convert, queryset.count)


def connection_from_list(info: Info, items: list[T], first: int, after: str | None) -> Connection[T]:
    """A connection over an already computed list."""
    check_page_size(info, first)
    start = _offset(after)
    page = items[start : start + first]
    edges = [Edge(cursor=_cursor(start + i), node=node) for i, node in enumerate(page)]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=start + first < len(items),
            has_previous_page=start > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        _count=None,
        _total=len(items),
    )
