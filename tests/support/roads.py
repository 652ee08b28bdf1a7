"""Both roads of a trusted document (schema/compiled/ and the executor) asked the same request: the compiled road's
answer, once checked equal to the executor's in status, headers (but the request's own id) and body bytes; and a
count of the calls the compiled road makes to one of its functions, to show it answered."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import httpx
import pytest

from config import Settings


def counting(
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    module: ModuleType,
    name: str,
    ran: list[int] | None = None,
    counts: Callable[[Any], bool] = lambda result: True,
) -> list[int]:
    """Buckets that refill at once (`throttleStatus` reads the same on both roads), and a list (`ran`, or a new
    one) that grows by one at each call of the async function `module.name` whose result `counts`."""
    monkeypatch.setattr(settings, "cost_budget_restore_rate", 10**9)
    ran = [] if ran is None else ran
    original = getattr(module, name)

    async def counted(*args: Any) -> Any:
        result = await original(*args)
        if counts(result):
            ran.append(1)
        return result

    monkeypatch.setattr(module, name, counted)
    return ran


async def on_one_road(
    http: httpx.AsyncClient, settings: Settings, compiled: bool, body: dict[str, Any], headers: dict[str, str]
) -> httpx.Response:
    settings.compiled_documents = compiled
    try:
        return await http.post("/graphql", json=body, headers=headers)
    finally:
        settings.compiled_documents = True


async def on_both_roads(
    http: httpx.AsyncClient, settings: Settings, body: dict[str, Any], headers: dict[str, str]
) -> httpx.Response:
    """The compiled road's answer, once the executor answered the same request alike."""
    compiled = await on_one_road(http, settings, True, body, headers)
    executed = await on_one_road(http, settings, False, body, headers)
    assert compiled.status_code == executed.status_code, (body, compiled.text, executed.text)
    assert _headers(compiled) == _headers(executed)
    assert compiled.content == executed.content, (body, compiled.text, executed.text)
    return compiled


def _headers(response: httpx.Response) -> list[tuple[str, str]]:
    """Every response header but the request's own id."""
    return sorted((k, v) for k, v in response.headers.multi_items() if k != "x-request-id")
