"""The suite's ground: a fresh PostgreSQL database (owner + non-owner app role) and the real Redis
started by scripts/test, the app with its lifespan, and factories for tenants, users and tokens.

Tests build several tenants from the start; data is never truncated, so every factory makes
unique rows and a test only looks at what it made.
"""

from __future__ import annotations

import os
import uuid
from urllib.parse import urlsplit, urlunsplit

from tests.services import postgres_admin_url, redis_url

_ADMIN_URL = postgres_admin_url()
_DB_NAME = f"shulgraph_test_{os.getpid()}"
_PARTS = urlsplit(_ADMIN_URL)
_HOSTPORT = f"{_PARTS.hostname}:{_PARTS.port}"
OWNER_URL = urlunsplit(_PARTS._replace(path=f"/{_DB_NAME}"))
APP_URL = f"postgres://shulgraph_app:app-secret@{_HOSTPORT}/{_DB_NAME}"
os.environ.update(
    {
        "ENVIRONMENT": "test",
        "DATABASE_URL": APP_URL,
        "MIGRATIONS_DATABASE_URL": OWNER_URL,
        "REDIS_URL": redis_url(),
        "JWT_SECRET": "test-secret-" + "x" * 40,
        "LOG_LEVEL": "WARNING",
        "DB_POOL_MAX": os.environ.get("DB_POOL_MAX", "10"),
        "TENANT_MAX_CONCURRENCY": os.environ.get("DB_POOL_MAX", "10"),  # the cap's own tests set theirs
        "CORS_ORIGINS": '["https://admin.example.org"]',
        "REGISTRATION_ADDRESS_LIMIT": "1000/hour",  # tests register from one address; the limit's tests fill it
        "WS_INIT_FAILURE_LIMIT": "1000/minute",  # tests refuse many sockets from one address; its test fills it
    }
)

from collections.abc import AsyncIterator, Awaitable, Callable  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from typing import Any  # noqa: E402

import asyncpg  # noqa: E402
import httpx  # noqa: E402
import pytest  # noqa: E402

from config import Settings, get_settings  # noqa: E402
from models.identity import Membership, Role, User  # noqa: E402
from models.synagogue import Synagogue  # noqa: E402
from services.identity.tokens import issue_access_token  # noqa: E402
from services.infra.ids import to_global_id  # noqa: E402
from tests.documents import client_document  # noqa: E402


async def _create_database() -> None:
    conn = await asyncpg.connect(_ADMIN_URL)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{_DB_NAME}"')
        await conn.execute(f'CREATE DATABASE "{_DB_NAME}"')
    finally:
        await conn.close()


@pytest.fixture(scope="session")
def settings() -> Settings:
    return get_settings()


@pytest.fixture(scope="session")
async def database(settings: Settings) -> AsyncIterator[str]:
    from services.infra.migrations import migrate

    await _create_database()
    await migrate(settings)
    yield OWNER_URL


@pytest.fixture(scope="session")
async def app(database: str, settings: Settings) -> AsyncIterator[Any]:
    from main import create_app

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


def unique(prefix: str = "x") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@dataclass
class Actor:
    """A user with a token, acting in one tenant."""

    user: User
    token: str
    tenant: Synagogue | None
    role: Role | None

    @property
    def tenant_gid(self) -> str | None:
        return to_global_id("Synagogue", self.tenant.id) if self.tenant else None

    def headers(self, tenant: Synagogue | None = None) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.token}"}
        target = tenant or self.tenant
        if target is not None:
            headers["X-Tenant-ID"] = to_global_id("Synagogue", target.id)
        return headers


class Factory:
    """Creates tenants and members directly (no HTTP), for tests to act with."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    async def tenant(self, **fields: Any) -> Synagogue:
        defaults: dict[str, Any] = {
            "name": unique("Shul"),
            "slug": unique("shul"),
            "timezone": "America/New_York",
            "latitude": 40.7128,
            "longitude": -74.006,
        }
        return await Synagogue.create(**{**defaults, **fields})

    async def user(self, email: str | None = None, **fields: Any) -> User:
        from services.identity.passwords import hash_password

        password_hash = fields.pop("password_hash", None) or await _cached_hash(hash_password)
        return await User.create(email=email or f"{unique('user')}@example.org", password_hash=password_hash, **fields)

    def token(self, user: User) -> str:
        return issue_access_token(self.settings, user.id)[0]

    async def member(self, tenant: Synagogue | None = None, role: Role = Role.OWNER, **user_fields: Any) -> Actor:
        tenant = tenant or await self.tenant()
        user = await self.user(**user_fields)
        await Membership.create(user=user, synagogue=tenant, role=role)
        return Actor(user=user, token=self.token(user), tenant=tenant, role=role)

    async def platform_admin(self) -> Actor:
        user = await self.user(is_platform_admin=True)
        return Actor(user=user, token=self.token(user), tenant=None, role=None)


DEFAULT_PASSWORD = "correct horse battery"
_hash_cache: list[str] = []


async def _cached_hash(hash_password: Callable[[str], Awaitable[str]]) -> str:
    if not _hash_cache:
        _hash_cache.append(await hash_password(DEFAULT_PASSWORD))
    return _hash_cache[0]


@pytest.fixture
async def factory(app: Any, settings: Settings) -> Factory:
    return Factory(settings)


class GQL:
    """POSTs GraphQL to the app: `await gql(query, variables, actor=..., headers=...)` -> JSON body."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http
        self.last_response: httpx.Response | None = None

    async def __call__(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        actor: Actor | None = None,
        tenant: Synagogue | None = None,
        headers: dict[str, str] | None = None,
        operation_name: str | None = None,
    ) -> dict[str, Any]:
        all_headers = actor.headers(tenant) if actor else {}
        all_headers.update(headers or {})
        body: dict[str, Any] = {"query": query, "variables": variables or {}}
        if operation_name:
            body["operationName"] = operation_name
        response = await self.http.post("/graphql", json=body, headers=all_headers)
        self.last_response = response
        result: dict[str, Any] = response.json()
        return result

    async def op(self, name: str, variables: dict[str, Any] | None = None, **kwargs: Any) -> dict[str, Any]:
        """Run an operation of ../shared/clients by its name, unchanged."""
        return await self(client_document(name), variables, operation_name=name, **kwargs)


@pytest.fixture
def gql(http: httpx.AsyncClient) -> GQL:
    return GQL(http)


def answer(result: dict[str, Any]) -> dict[str, Any]:
    """A GraphQL response without `extensions` (the cost report's budget refills between calls), to compare
    the answer for another synagogue's object with the answer for one that never existed."""
    return {key: value for key, value in result.items() if key != "extensions"}


def error_codes(result: dict[str, Any]) -> list[str]:
    return [e.get("extensions", {}).get("code", "") for e in result.get("errors") or []]
