"""The placement commands' way into each database: a connection as its owner role (the central database's
`MIGRATIONS_DATABASE_URL`, a placed database's `owner_url`), since the application role may only read the registry
and never delete audit entries; and what the central registry says of a synagogue."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg

from config import Settings
from models.placement.pools import DeclaredDatabase, declared_databases
from models.platform import SHARED


class PlacementError(RuntimeError):
    """A placement command refused: an unknown synagogue or database, a schema not migrated, a synagogue not empty."""


class Owners:
    """Owner connections to the central database and the declared ones, for one command."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.databases = declared_databases(settings)
        self.central_url = settings.migrations_database_url or settings.database_url
        if not self.central_url.startswith(("postgres://", "postgresql://")):
            raise PlacementError("placement needs PostgreSQL (DATABASE_URL)")

    def declared(self, name: str) -> DeclaredDatabase:
        database = self.databases.get(name)
        if database is None:
            known = ", ".join(sorted(self.databases)) or "none"
            raise PlacementError(f"no tenant database named {name!r} (TENANT_DATABASES declares: {known})")
        return database

    def url(self, database: str) -> str:
        return self.central_url if database == SHARED else self.declared(database).owner_url

    async def connect(self, database: str) -> asyncpg.Connection:
        """A new owner connection to `database` (`shared`: the central one), in UTC."""
        connection: asyncpg.Connection = await asyncpg.connect(
            self.url(database), server_settings={"TimeZone": "UTC", "application_name": "shulgraph-placement"}
        )
        return connection

    @asynccontextmanager
    async def central(self) -> AsyncIterator[asyncpg.Connection]:
        connection = await self.connect(SHARED)
        try:
            yield connection
        finally:
            await connection.close()

    async def schema_version(self, database: str) -> str:
        connection = await self.connect(database)
        try:
            version: str | None = await connection.fetchval("SELECT version FROM aerich ORDER BY id DESC LIMIT 1")
        finally:
            await connection.close()
        return version or ""

    async def same_schema(self, first: str, second: str) -> None:
        """Refuse to move between databases whose migrations differ (`main.py migrate` brings them together)."""
        one, two = await self.schema_version(first), await self.schema_version(second)
        if one != two:
            raise PlacementError(f"{first} is at migration {one or 'none'}, {second} at {two or 'none'}: run migrate")


async def placement_of(owners: Owners, slug: str) -> tuple[int, str]:
    """The synagogue's id and the database the central registry places it in (`shared` without a placement)."""
    async with owners.central() as central:
        row = await central.fetchrow(
            "SELECT s.id, p.database FROM synagogue s LEFT JOIN tenant_placement p ON p.synagogue_id = s.id "
            "WHERE s.slug = $1",
            slug,
        )
    if row is None:
        raise PlacementError(f"no synagogue with the slug {slug!r}")
    return int(row["id"]), row["database"] or SHARED
