"""`SharedEventExecutor` on a small schema of its own: a shared payload is executed once per operation
shape (document, operation name, variables), a payload that is not shared once per subscriber; and the
`next` text `FanoutWSHandler` sends is exactly what Strawberry would have encoded."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from datetime import timedelta
from typing import Any

import strawberry
from strawberry.asgi import GraphQL
from strawberry.types import ExecutionResult

from subscriptions.fanout import FanoutWSHandler, SharedData, SharedEventExecutor, share

resolved: list[str] = []


@strawberry.type
class Item:
    name: str

    @strawberry.field
    async def loud(self) -> str:
        resolved.append(self.name)
        await asyncio.sleep(0)
        return self.name.upper()


@strawberry.type
class Query:
    ok: bool = True


@strawberry.type
class Subscription:
    @strawberry.subscription
    async def items(self, info: strawberry.Info) -> AsyncGenerator[Item, None]:
        queue: asyncio.Queue[Item] = info.context["queue"]
        while True:
            yield await queue.get()


schema = strawberry.Schema(query=Query, subscription=Subscription, execution_context_class=SharedEventExecutor)

LOUD = "subscription Loud { items { name loud } }"
QUIET = "subscription Quiet { items { name } }"
MAYBE = "subscription Maybe($loud: Boolean!) { items { name loud @include(if: $loud) } }"


class Subscriber:
    def __init__(self, document: str, variables: dict[str, Any] | None = None) -> None:
        self.document = document
        self.variables = variables
        self.queue: asyncio.Queue[Item] = asyncio.Queue()
        self.stream: Any = None

    async def start(self) -> None:
        self.stream = await schema.subscribe(self.document, self.variables, context_value={"queue": self.queue})

    async def receive(self, item: Item) -> ExecutionResult:
        self.queue.put_nowait(item)
        result: ExecutionResult = await self.stream.__anext__()
        assert not result.errors, result.errors
        return result


async def subscribers(*shapes: tuple[str, dict[str, Any] | None]) -> list[Subscriber]:
    subs = [Subscriber(document, variables) for document, variables in shapes]
    await asyncio.gather(*(sub.start() for sub in subs))
    return subs


async def test_a_shared_payload_runs_once_per_operation_shape() -> None:
    loud_a, loud_b, quiet = await subscribers((LOUD, None), (LOUD, None), (QUIET, None))
    item = share(Item(name="kiddush"), (1, "settings", "v1"))
    resolved.clear()
    results = await asyncio.gather(*(sub.receive(item) for sub in (loud_a, loud_b, quiet)))

    assert resolved == ["kiddush"]
    assert results[0].data == results[1].data == {"items": {"name": "kiddush", "loud": "KIDDUSH"}}
    assert results[2].data == {"items": {"name": "kiddush"}}
    assert isinstance(results[0].data, SharedData) and results[0].data is results[1].data
    assert results[2].data is not results[0].data


async def test_variables_are_part_of_the_shape() -> None:
    loud, quiet, loud_again = await subscribers(
        (MAYBE, {"loud": True}), (MAYBE, {"loud": False}), (MAYBE, {"loud": True})
    )
    item = share(Item(name="mincha"), (1, "settings", "v2"))
    results = await asyncio.gather(*(sub.receive(item) for sub in (loud, quiet, loud_again)))

    assert results[0].data == results[2].data == {"items": {"name": "mincha", "loud": "MINCHA"}}
    assert results[1].data == {"items": {"name": "mincha"}}


async def test_payloads_that_are_not_shared_run_for_each_subscriber() -> None:
    first, second = await subscribers((LOUD, None), (LOUD, None))
    item = Item(name="maariv")
    resolved.clear()
    results = await asyncio.gather(first.receive(item), second.receive(item))

    assert resolved == ["maariv", "maariv"]
    assert results[0].data == results[1].data == {"items": {"name": "maariv", "loud": "MAARIV"}}
    assert not isinstance(results[0].data, SharedData)


async def test_two_scopes_never_share_a_result() -> None:
    first, second = await subscribers((LOUD, None), (LOUD, None))
    mine = share(Item(name="tenant one"), (1, "settings", "v3"))
    theirs = share(Item(name="tenant two"), (2, "settings", "v3"))
    results = await asyncio.gather(first.receive(mine), second.receive(theirs))

    assert results[0].data == {"items": {"name": "tenant one", "loud": "TENANT ONE"}}
    assert results[1].data == {"items": {"name": "tenant two", "loud": "TENANT TWO"}}


def test_the_shared_next_text_is_what_strawberry_would_send() -> None:
    view: Any = GraphQL(schema)
    # no socket (None for Strawberry's AsyncWebSocketAdapter): only the encoding of a message runs, never a read or send
    handler = FanoutWSHandler(view, None, None, None, schema, timedelta(seconds=1))  # type: ignore[arg-type]
    data = SharedData({"items": {"name": 'Kiddush "after" davening \u05e9', "tags": [1, None, True]}})
    message: Any = {"id": 'screen "1"', "type": "next", "payload": {"data": data}}

    assert handler._shared_next(message) == view.encode_json(message)
    with_errors: Any = {**message, "payload": {"data": data, "errors": [{"message": "x"}]}}
    not_shared: Any = {**message, "payload": {"data": {"items": None}}}
    assert handler._shared_next(with_errors) is None and handler._shared_next(not_shared) is None
