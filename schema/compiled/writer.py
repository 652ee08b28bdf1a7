"""The writer: a page's rows -> the `data` of the response, in the document's key order, with the values the
executor would give (the same global ids, cursors, enum names and ISO dates), and no graphql-core resolution
or model instances in between; `http_json` turns it into bytes, as the view encodes every HTTP answer.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import orjson

from schema.compiled.roots import Env, Read
from schema.compiled.sql import TOTAL, ZONE
from schema.relay import _cursor as cursor_of

Write = Callable[[Any, Env], Any]


def http_json(data: Any) -> bytes:
    """The bytes of an HTTP answer on either road: orjson (UTF-8 as it is), or the standard encoder for what
    orjson refuses (an integer past 64 bits in a JSON scalar, say)."""
    try:
        return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)
    except TypeError:
        return json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()


def leaf_writer(read: Read) -> Write:
    return read


MAX_KEPT_OBJECTS = 4096


def object_writer(items: list[tuple[str, Write]], source: Read | None = None, pure: bool = False) -> Write:
    """An object's JSON from a row: each selected key in order; `source` makes the object first (None: null).
    `pure`: the object's fields depend on the (hashable) value `source` gives alone, so each value's JSON is
    written once and kept (a bounded map per plan; nothing mutates an answer once written)."""

    def write(row: Any, env: Env) -> dict[str, Any]:
        return {key: item(row, env) for key, item in items}

    if source is None:
        return write
    if pure:
        kept: dict[Any, dict[str, Any]] = {}

        def write_kept(row: Any, env: Env) -> dict[str, Any] | None:
            value = source(row, env)
            if value is None:
                return None
            found = kept.get(value)
            if found is None:
                if len(kept) >= MAX_KEPT_OBJECTS:
                    kept.clear()
                found = kept[value] = write(value, env)
            return found

        return write_kept

    def write_from_source(row: Any, env: Env) -> dict[str, Any] | None:
        value = source(row, env)
        return None if value is None else write(value, env)

    return write_from_source


class PageWriter:
    """The root connection's JSON: `parts` are (response key, kind, detail) in the document's order."""

    def __init__(self, root_key: str, parts: list[tuple[str, str, Any]]) -> None:
        self.root_key = root_key
        self.parts = parts

    def __call__(self, rows: Sequence[Any], first: int, start: int) -> dict[str, Any] | None:
        """The `data` object, or None for an empty page past the list's end (the executor counts it apart)."""
        has_next = len(rows) > first
        page = rows[:first]
        if not page and start > 0:
            return None
        env = Env(page[0].get(ZONE) if page else None)
        total = page[0][TOTAL] if has_next else start + len(page)
        connection: dict[str, Any] = {}
        for key, kind, detail in self.parts:
            if kind == "edges":
                connection[key] = [self._edge(detail, row, start + i, env) for i, row in enumerate(page)]
            elif kind == "pageInfo":
                connection[key] = self._page_info(detail, has_next, start, len(page))
            elif kind == "totalCount":
                connection[key] = total
            else:
                connection[key] = detail
        return {self.root_key: connection}

    @staticmethod
    def _edge(parts: list[tuple[str, str, Any]], row: Any, offset: int, env: Env) -> dict[str, Any]:
        edge: dict[str, Any] = {}
        for key, kind, detail in parts:
            if kind == "node":
                edge[key] = detail(row, env)
            elif kind == "cursor":
                edge[key] = cursor_of(offset)
            else:
                edge[key] = detail
        return edge

    @staticmethod
    def _page_info(parts: list[tuple[str, str]], has_next: bool, start: int, count: int) -> dict[str, Any]:
        values = {
            "hasNextPage": has_next,
            "hasPreviousPage": start > 0,
            "startCursor": cursor_of(start) if count else None,
            "endCursor": cursor_of(start + count - 1) if count else None,
            "__typename": "PageInfo",
        }
        return {key: values[name] for key, name in parts}
