"""Errors in GraphQL results are logged by what they mean: a coded (expected) error such as UNAUTHENTICATED
at INFO with its code, an unexpected exception at ERROR with its traceback (and masked for the client)."""

from __future__ import annotations

import logging
from typing import Any

import pytest
import strawberry
from starlette.requests import Request
from starlette.responses import Response

from config import Settings, get_settings
from schema import Schema
from schema import extensions as schema_extensions
from schema.context import Context
from tests.conftest import GQL, error_codes, unique


async def test_a_refused_token_is_logged_at_info_with_its_code(gql: GQL, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    result = await gql("{ me { id } }", headers={"Authorization": "Bearer not-a-token"})
    assert error_codes(result) == ["UNAUTHENTICATED"]
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    [logged] = [r for r in caplog.records if r.name == "strawberry.execution"]
    assert logged.levelno == logging.INFO and logged.code == "UNAUTHENTICATED"  # type: ignore[attr-defined]
    assert logged.getMessage() == "authentication required"


async def test_an_unexpected_exception_is_logged_at_error_with_its_traceback(
    app: Any, caplog: pytest.LogCaptureFixture
) -> None:
    @strawberry.type
    class Query:
        @strawberry.field
        def fragile(self) -> str:
            raise RuntimeError("the disk is full")

    settings = Settings(**{**get_settings().model_dump(), "environment": "production"})
    schema = Schema(Query, extensions=schema_extensions(settings))
    request = Request({"type": "http", "method": "POST", "path": "/graphql", "headers": [], "query_string": b""})
    context = Context(
        request=request,
        response=Response(),
        settings=settings,
        kv=app.state.kv,
        broadcast=app.state.broadcast,
        request_id=unique("req"),
    )
    result = await schema.execute("{ fragile }", context_value=context)
    assert [e.message for e in result.errors or []] == ["Internal server error"]
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors and all(r.exc_info for r in errors)
    assert any("the disk is full" in str(r.exc_info[1]) for r in errors if r.exc_info)
