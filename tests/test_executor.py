"""`schema.executor.PlainFieldExecutor`: the short road for plain leaf fields answers exactly what graphql-core's
long road answers: the same data in the same key order, the same errors at the same paths, and field middleware
still sees every field."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from enum import Enum
from typing import Any

import pytest
import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.permission import BasePermission
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from schema.assembly import build_schema
from schema.executor import PlainFieldExecutor, ProductExecutor


@strawberry.enum
class Colour(Enum):
    RED = "red"
    BLUE = "blue"


@strawberry.type
class Item:
    name: str
    count: int
    colour: Colour
    at: datetime
    note: str | None
    ratio: float | None = None

    @strawberry.field
    def shout(self) -> str:
        return self.name.upper()

    @strawberry.field
    async def later(self) -> int:
        return self.count * 2


def _items() -> list[Item]:
    at = datetime(2026, 12, 6, 9, 30, tzinfo=UTC)
    return [
        Item(name="one", count=1, colour=Colour.RED, at=at, note=None),
        Item(name="two", count=2, colour=Colour.BLUE, at=at, note="n", ratio=0.5),
    ]


class Deny(BasePermission):
    message = "not for you"

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        return False


@strawberry.type
class Guarded:
    shown: str
    secret: str | None = strawberry.field(default=None, permission_classes=[Deny])


@strawberry.type
class Query:
    @strawberry.field
    def items(self) -> list[Item]:
        return _items()

    @strawberry.field
    def guarded(self) -> Guarded:
        return Guarded(shown="shown", secret="the secret")

    @strawberry.field
    def broken_name(self) -> Item | None:
        item = _items()[0]
        # a null where the schema promises a string: wrong on purpose, it is what the executor must refuse
        item.name = None  # type: ignore[assignment]
        return item

    @strawberry.field
    def broken_count(self) -> list[Item]:
        item = _items()[0]
        # a value the Int scalar refuses: wrong on purpose, it is what the executor must refuse
        item.count = "many"  # type: ignore[assignment]
        return [item, _items()[1]]


class Seen(SchemaExtension):
    fields: list[str] = []

    def resolve(self, _next: Any, root: Any, info: Any, *args: Any, **kwargs: Any) -> Any:
        Seen.fields.append(info.field_name)
        return _next(root, info, *args, **kwargs)


def _schema(executor: type[StrawberryGraphQLCoreExecutionContext], **kwargs: Any) -> strawberry.Schema:
    return strawberry.Schema(query=Query, execution_context_class=executor, **kwargs)


SHORT = _schema(PlainFieldExecutor)
LONG = _schema(StrawberryGraphQLCoreExecutionContext)

DOCUMENTS = [
    "{ items { name count colour at note ratio } }",
    "{ items { shout a: name later b: count name colour } }",
    "{ items { ... on Item { count } name ...F } } fragment F on Item { note at count }",
    "{ brokenName { count name colour } }",
    "{ brokenCount { name count later } }",
    "{ items { __typename name } }",
    "{ guarded { shown secret } }",
]


def _answer(result: Any) -> str:
    errors = [(error.message, error.path) for error in result.errors or []]
    return json.dumps({"data": result.data, "errors": errors})  # key order matters: compare the text


@pytest.mark.parametrize("document", DOCUMENTS)
async def test_the_short_road_answers_as_the_long_one(document: str) -> None:
    assert _answer(await SHORT.execute(document)) == _answer(await LONG.execute(document))


async def test_a_null_or_a_refused_value_is_reported_at_its_path() -> None:
    null = await SHORT.execute("{ brokenName { count name } }")
    assert null.data == {"brokenName": None}
    assert [(error.message, error.path) for error in null.errors or []] == [
        ("Cannot return null for non-nullable field Item.name.", ["brokenName", "name"])
    ]
    refused = await SHORT.execute("{ brokenCount { name count } }")
    assert refused.data is None
    assert refused.errors is not None and refused.errors[0].path == ["brokenCount", 0, "count"]


async def test_a_plain_field_with_a_permission_class_is_still_checked() -> None:
    result = await SHORT.execute("{ guarded { shown secret } }")
    assert result.data == {"guarded": {"shown": "shown", "secret": None}}
    assert [error.message for error in result.errors or []] == ["not for you"]
    assert "the secret" not in json.dumps(result.data)


async def test_field_middleware_still_sees_every_field() -> None:
    Seen.fields = []
    await _schema(PlainFieldExecutor, extensions=[Seen]).execute("{ items { name count } }")
    assert Seen.fields == ["items", "name", "count", "name", "count"]


def test_the_product_schema_takes_the_short_road() -> None:
    assert issubclass(ProductExecutor, PlainFieldExecutor)
    assert build_schema().execution_context_class is ProductExecutor
