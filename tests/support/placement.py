"""Placement for tests: which databases the suite may place a synagogue in (tests/support/database.py), the pass
the suite runs in (`SHULGRAPH_TEST_PLACEMENT=placed`: every synagogue the factory makes is placed in `tenants_a`;
scripts/test runs the isolation, tenancy and security tests that way too), a new synagogue placed directly, and an
owner connection to whichever database holds a synagogue's rows.

`place_new` leaves what `main.py tenant place` leaves for an empty synagogue (its registry row copied into the
database, the placement in the central registry, the central database's fence), without the command's journal
and checks: the factory places hundreds of synagogues; tests/platform/ tests the command itself."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from typing import Any

import asyncpg

from config import ROOT
from models.placement import routing
from models.synagogue import Synagogue
from services.platform import tenant_tables
from tests.support.database import APP_URL, OWNER_URL, PLACED, placed_app_url, placed_owner_url

PLACED_PASS_DATABASE = "tenants_a"


def default_database() -> str | None:
    """Where the factory puts a new synagogue: `tenants_a` in the placed pass (`SHULGRAPH_TEST_PLACEMENT=placed`),
    else the shared database (None)."""
    return PLACED_PASS_DATABASE if os.environ.get("SHULGRAPH_TEST_PLACEMENT") == "placed" else None


def app_url(database: str | None) -> str:
    """The application role's URL of a declared database (None or `shared`: the central one)."""
    return APP_URL if database in (None, "shared", routing.SHARED) else placed_app_url(database)


def owner_url(database: str | None) -> str:
    """The owner URL of a declared database (None or `shared`: the central one)."""
    return OWNER_URL if database in (None, "shared", routing.SHARED) else placed_owner_url(database)


async def place_new(synagogue: Synagogue, database: str) -> None:
    """Place a synagogue that has no rows yet in `database` (see the module)."""
    assert database in PLACED, database
    central = await asyncpg.connect(OWNER_URL)
    target = await asyncpg.connect(placed_owner_url(database))
    try:
        await tenant_tables.sync(central, target, [tenant_tables.synagogue_table()], synagogue.id)
        await target.execute("DELETE FROM tenant_fence WHERE synagogue_id = $1", synagogue.id)
        await central.execute(
            "INSERT INTO tenant_fence (synagogue_id, state, since) VALUES ($1, 'DEPARTED', now()) "
            "ON CONFLICT (synagogue_id) DO UPDATE SET state = 'DEPARTED'",
            synagogue.id,
        )
        await central.execute(
            "INSERT INTO tenant_placement (synagogue_id, database, placed_at) VALUES ($1, $2, now())",
            synagogue.id,
            database,
        )
    finally:
        await central.close()
        await target.close()
    routing.remember(synagogue.id, database)


async def database_of(synagogue_id: int) -> str | None:
    """Where the central registry places the synagogue now (None: the shared database)."""
    central = await asyncpg.connect(OWNER_URL)
    try:
        found: str | None = await central.fetchval(
            "SELECT database FROM tenant_placement WHERE synagogue_id = $1", synagogue_id
        )
    finally:
        await central.close()
    return found


async def connect_to_rows(synagogue_id: int) -> asyncpg.Connection:
    """An owner connection to the database that holds the synagogue's rows now."""
    connection: asyncpg.Connection = await asyncpg.connect(owner_url(await database_of(synagogue_id)))
    return connection


async def rows_of(database: str | None, synagogue_id: int) -> dict[str, list[Any]]:
    """Per table of a synagogue's rows (and its jobs): [rows, checksum], in `database` (None: the central one), as
    a move verifies them."""
    connection = await asyncpg.connect(owner_url(database))
    try:
        return await tenant_tables.checksums(connection, tenant_tables.tenant_tables(), synagogue_id)
    finally:
        await connection.close()


def held(rows: dict[str, list[Any]]) -> int:
    """How many rows a `rows_of` reading counts in all."""
    return sum(int(str(table[0])) for table in rows.values())


async def fences(synagogue_id: int) -> dict[str, str | None]:
    """The synagogue's fence in each database of the suite (None: served there, if it lives there)."""
    found: dict[str, str | None] = {}
    for database in (None, *PLACED):
        connection = await asyncpg.connect(owner_url(database))
        try:
            state = await connection.fetchval("SELECT state FROM tenant_fence WHERE synagogue_id = $1", synagogue_id)
        finally:
            await connection.close()
        found[database or "shared"] = state
    return found


class TcpProxy:
    """A TCP relay on a free loopback port to a PostgreSQL server: `stop()` refuses new connections and cuts the
    open ones (a database server gone), `start()` serves again on the same port."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.port = 0
        self._server: asyncio.base_events.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def start(self) -> TcpProxy:
        self._server = await asyncio.start_server(self._relay, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.transport.abort()
            return
        self._writers |= {writer, upstream_writer}

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            try:
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                sink.transport.abort()

        await asyncio.gather(pipe(reader, upstream_writer), pipe(upstream_reader, writer))
        self._writers -= {writer, upstream_writer}


def run_tenant_command(*args: str, pause_at: str | None = None) -> subprocess.CompletedProcess[str]:
    """`main.py tenant ...` as an operator runs it against the suite's databases; its outcome, whatever it is."""
    env = {**os.environ}
    if pause_at:
        env["SHULGRAPH_MOVE_PAUSE_AT"] = pause_at
    return subprocess.run(
        [sys.executable, "main.py", "tenant", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def start_tenant_command(*args: str, pause_at: str) -> subprocess.Popen[str]:
    """`main.py tenant ...` held at a checkpoint of its move (`SHULGRAPH_MOVE_PAUSE_AT`), to be killed there."""
    return subprocess.Popen(
        [sys.executable, "main.py", "tenant", *args],
        cwd=ROOT,
        env={**os.environ, "SHULGRAPH_MOVE_PAUSE_AT": pause_at},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
