"""Other builds of the app in this process: a client of the real app made with other settings (production,
small limits), sharing the running app's database, Redis and pub/sub; and the GraphQL view behind a client, whose
admission (a tenant's slots) a test may hold itself."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx

from config import Settings, get_settings
from main import create_app
from schema.view import GraphQLView
from tests.support.graphql import app_of


@asynccontextmanager
async def variant(app: Any, **overrides: Any) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the real app built with other settings (e.g. production), sharing the running app's
    database, Redis and pub/sub."""
    settings = Settings(**{**get_settings().model_dump(), **overrides})
    other = create_app(settings)
    other.state.kv = app.state.kv
    other.state.broadcast = app.state.broadcast
    other.state.settings = settings
    other.state.draining = False
    transport = httpx.ASGITransport(app=other, client=("127.0.0.1", 50002))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


def view_of(client: httpx.AsyncClient) -> GraphQLView:
    """The GraphQL view of the app behind an in-process client."""
    app = app_of(client)
    for route in app.routes:
        if getattr(route, "path", None) == "/graphql" and isinstance(getattr(route, "endpoint", None), GraphQLView):
            view: GraphQLView = route.endpoint
            return view
    raise AssertionError("no GraphQL view")
