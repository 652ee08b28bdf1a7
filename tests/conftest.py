"""The suite's fixtures: a fresh PostgreSQL database (owner + non-owner app role) and the real Redis started by
scripts/test, the app with its lifespan, clients of it, and the factory of tenants, users and tokens. Helpers
live in tests/support/."""

from __future__ import annotations

from tests.support.database import OWNER_URL, configure_environment, create_database

configure_environment()  # before anything reads the settings

from collections.abc import AsyncIterator, Iterator  # noqa: E402
from typing import Any  # noqa: E402

import asyncpg  # noqa: E402
import httpx  # noqa: E402
import pytest  # noqa: E402

from config import Settings, get_settings  # noqa: E402
from main import create_app  # noqa: E402
from services.infra.migrations import migrate  # noqa: E402
from tests.support.actors import Factory  # noqa: E402
from tests.support.graphql import GQL  # noqa: E402
from tests.support.placement import default_database, owner_url  # noqa: E402
from tests.support.receivers import WebhookReceiver, webhook_receiver  # noqa: E402


@pytest.fixture(scope="session")
def settings() -> Settings:
    return get_settings()


@pytest.fixture(scope="session")
async def database(settings: Settings) -> AsyncIterator[str]:
    await create_database()
    await migrate(settings)
    yield OWNER_URL


@pytest.fixture(scope="session")
async def app(database: str, settings: Settings) -> AsyncIterator[Any]:
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture(scope="session")
async def http_session(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


@pytest.fixture
def http(http_session: httpx.AsyncClient) -> httpx.AsyncClient:
    """The app's client, with no cookie left by an earlier test (a refresh cookie on /graphql makes a later
    simple GET a CSRF refusal)."""
    http_session.cookies.clear()
    return http_session


@pytest.fixture
async def owner_db(database: str) -> AsyncIterator[asyncpg.Connection]:
    """A superuser connection for assertions that must see past row-level security."""
    conn = await asyncpg.connect(OWNER_URL)
    try:
        yield conn
    finally:
        await conn.close()


@pytest.fixture
async def tenant_db(database: str) -> AsyncIterator[asyncpg.Connection]:
    """A superuser connection to the database that holds the rows of the factory's synagogues: the central one,
    or `tenants_a` in the placed pass (tests/support/placement.py)."""
    conn = await asyncpg.connect(owner_url(default_database()))
    try:
        yield conn
    finally:
        await conn.close()


@pytest.fixture
async def factory(app: Any, settings: Settings) -> Factory:
    return Factory(settings)


@pytest.fixture
def gql(http: httpx.AsyncClient) -> GQL:
    return GQL(http)


@pytest.fixture
def private_targets(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """Webhooks and text-message providers may reach loopback (where the tests' receivers listen)."""
    monkeypatch.setattr(settings, "webhook_allow_private_targets", True)


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    """A real local HTTP receiver (webhooks, a text-message provider)."""
    with webhook_receiver() as running:
        yield running
