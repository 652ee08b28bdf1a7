"""R4: PostgreSQL killed mid-transaction, then back: no partial writes, a clean UNAVAILABLE, and the
pool recovers in the same process (also when connections die between requests or before BEGIN). The rule
behind it, one operation is one transaction, is tested in test_R4_one_operation_one_transaction.py.

The synagogue's rows are read where they live (the central database, or its own in the placed pass): a placed
database that could not be reached is served again once its circuit breaker lets a probe through
(`TENANT_DATABASE_RETRY_SECONDS`), the central one at once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import pytest
from tortoise.backends.asyncpg.client import TransactionWrapper

from config import Settings
from models.base import tenant_id_or_none
from models.identity import Role
from models.placement.pools import reset_manager
from tests.support.actors import Factory, unique
from tests.support.atomicity import CREATE_MESSAGE, WRITE_THEN_RENAME, messages_titled, variables
from tests.support.database import OWNER_URL
from tests.support.graphql import GQL, error_codes
from tests.support.placement import connect_to_rows
from tests.support.servers import start_postgres, stop_postgres
from tests.support.waiting import wait_until

RENAME = "mutation($input: UpdateSynagogueInput!) { updateSynagogue(input: $input) { synagogue { name } } }"


@pytest.fixture
async def postgres_restored(settings: Settings) -> AsyncIterator[None]:
    """Whatever the test does to the server, it runs again afterwards for the rest of the suite, and the placed
    databases' breakers that saw it down start closed again (a fresh tenant connection manager)."""
    yield
    try:
        conn = await asyncpg.connect(OWNER_URL, timeout=2)
    except (OSError, asyncpg.PostgresError):
        await start_postgres()
    else:
        await conn.close()
    await reset_manager(settings)


WAITING_ON_LOCK = (
    "FROM pg_stat_activity WHERE usename = 'shulgraph_app' AND datname = current_database() "
    "AND wait_event_type = 'Lock'"
)


async def app_backend_waiting_on_lock(admin: asyncpg.Connection) -> int | None:
    pid: int | None = await admin.fetchval(f"SELECT pid {WAITING_ON_LOCK} LIMIT 1")
    return pid


async def pending_message_inserts(rows: asyncpg.Connection) -> int:
    """Uncommitted inserts into content_message by the application, in the database `rows` is connected to."""
    count: int = await rows.fetchval(
        "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
        "JOIN pg_stat_activity a ON a.pid = l.pid AND a.datname = current_database() "
        "WHERE a.usename = 'shulgraph_app' AND c.relname = 'content_message' AND l.mode = 'RowExclusiveLock'"
    )
    return count


async def create_when_served(gql: GQL, admin: Any, title: str) -> dict[str, Any]:
    """CREATE_MESSAGE, sent again while it answers UNAVAILABLE (which writes nothing); its answer once served."""
    answers: list[dict[str, Any]] = []

    async def served() -> bool:
        answers.append(await gql(CREATE_MESSAGE, {"input": {"title": title}}, actor=admin))
        assert gql.last_response is not None and gql.last_response.status_code in (200, 503), answers[-1]
        return gql.last_response.status_code == 200

    await wait_until(served, "a request served once PostgreSQL is back", timeout=30)
    return answers[-1]


async def test_R4_postgres_killed_mid_mutation_writes_nothing_answers_unavailable_and_the_pool_recovers(
    http: httpx.AsyncClient, gql: GQL, factory: Factory, postgres_restored: None
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tenant = admin.tenant
    titles = [unique("r4-killed"), unique("r4-killed")]
    locker = await asyncpg.connect(OWNER_URL)
    watcher = await asyncpg.connect(OWNER_URL)
    await watcher.execute("CHECKPOINT")  # the setup survives the crash (the test cluster commits asynchronously)
    await locker.execute("BEGIN")
    await locker.execute("SELECT 1 FROM synagogue WHERE id = $1 FOR UPDATE", tenant.id)
    request = asyncio.create_task(gql(WRITE_THEN_RENAME, variables(titles, unique("Renamed")), actor=admin))

    async def blocked() -> bool:
        return await app_backend_waiting_on_lock(watcher) is not None

    await wait_until(blocked, "the mutation blocked on the synagogue row", timeout=30)
    rows = await connect_to_rows(tenant.id)
    try:
        assert await pending_message_inserts(rows) == 1  # the first fields have written, uncommitted, when it dies
    finally:
        await rows.close()

    await stop_postgres("immediate")
    try:
        killed = await request
        response = gql.last_response
        assert response is not None and response.status_code == 503 and response.headers["retry-after"]
        assert killed["data"] is None and error_codes(killed) == ["UNAVAILABLE"]

        while_down = await http.post(
            "/graphql", json={"query": CREATE_MESSAGE, "variables": {"input": {"title": "x"}}}, headers=admin.headers()
        )
        assert while_down.status_code == 503 and error_codes(while_down.json()) == ["UNAVAILABLE"]
        assert "Internal" not in while_down.text and "Traceback" not in while_down.text
    finally:
        await start_postgres()

    owner, rows = await asyncpg.connect(OWNER_URL), await connect_to_rows(tenant.id)
    try:
        assert await messages_titled(rows, titles) == 0
        assert await owner.fetchval("SELECT name FROM synagogue WHERE id = $1", tenant.id) == tenant.name
    finally:
        await owner.close()
        await rows.close()
    after = await create_when_served(gql, admin, unique("r4-after"))
    assert "errors" not in after and after["data"]["createMessage"]["message"]["id"]
    for conn in (locker, watcher):
        conn.terminate()


async def test_R4_readiness_is_503_while_postgres_is_down_and_200_when_back(
    http: httpx.AsyncClient, postgres_restored: None
) -> None:
    assert (await http.get("/health/ready")).status_code == 200
    await stop_postgres("immediate")
    try:
        down = await http.get("/health/ready")
        assert down.status_code == 503 and down.json()["checks"]["database"] == "down"
    finally:
        await start_postgres()
    back = await http.get("/health/ready")
    assert back.status_code == 200 and back.json()["checks"]["database"] == "ok"


async def test_R4_connections_terminated_between_requests_are_replaced(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.EDITOR)
    for _ in range(3):  # the pools hold connections that have served requests
        assert "errors" not in await gql(CREATE_MESSAGE, {"input": {"title": unique("r4-warm")}}, actor=admin)
    rows = await connect_to_rows(admin.tenant.id)
    terminated = 0
    for database in {owner_db, rows}:  # the central database's, and the one holding the synagogue's rows
        terminated += await database.fetchval(
            "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE usename = 'shulgraph_app' AND datname = current_database()) AS killed"
        )
    assert terminated >= 1
    title = unique("r4-terminated")
    for _ in range(terminated + 1):  # a connection whose end is not yet seen may fail one request, cleanly
        after = await gql(CREATE_MESSAGE, {"input": {"title": title}}, actor=admin)
        response = gql.last_response
        assert response is not None
        assert response.status_code in (200, 503), response.text
        if response.status_code == 200:
            break
        assert error_codes(after) == ["UNAVAILABLE"]
    assert "errors" not in after and after["data"]["createMessage"]["message"]["id"]
    try:
        assert await messages_titled(rows, [title]) == 1
    finally:
        await rows.close()


@pytest.fixture
def begin_on_a_killed_connection(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The next operation's connection loses its server after leaving the pool and before BEGIN (the
    window in which a crash under load catches some requests): its backend is terminated for real,
    then BEGIN runs on it. Returns the pids it killed."""
    real_begin = TransactionWrapper.begin
    killed: list[int] = []

    async def begin(self: Any) -> None:
        if not killed and tenant_id_or_none() is not None:
            connection = self._connection
            killed.append(connection.get_server_pid())
            admin = await asyncpg.connect(OWNER_URL)
            try:
                await admin.fetchval("SELECT pg_terminate_backend($1)", killed[0])
            finally:
                await admin.close()

            async def closed() -> bool:
                return bool(connection.is_closed())

            await wait_until(closed, "the terminated connection seen closed", timeout=30)
        await real_begin(self)

    monkeypatch.setattr(TransactionWrapper, "begin", begin)
    return killed


async def test_R4_a_connection_lost_before_begin_goes_back_to_the_pool(
    app: Any, gql: GQL, factory: Factory, begin_on_a_killed_connection: list[int]
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tenant = admin.tenant
    lost = await gql(CREATE_MESSAGE, {"input": {"title": unique("r4-lost")}}, actor=admin)
    assert begin_on_a_killed_connection and error_codes(lost) == ["UNAVAILABLE"]
    assert gql.last_response is not None and gql.last_response.status_code == 503

    size = app.state.settings.db_pool_max  # every connection of the pool can still be held at once
    locker = await asyncpg.connect(OWNER_URL)
    watcher = await asyncpg.connect(OWNER_URL)
    try:
        await locker.execute("BEGIN")
        await locker.execute("SELECT 1 FROM synagogue WHERE id = $1 FOR UPDATE", tenant.id)
        renames = [
            asyncio.create_task(GQL(gql.http)(RENAME, {"input": {"name": unique("Renamed")}}, actor=admin))
            for _ in range(size)
        ]

        async def all_waiting() -> bool:
            return bool(await watcher.fetchval(f"SELECT count(*) {WAITING_ON_LOCK}") == size)

        await wait_until(all_waiting, f"all {size} operations holding a connection (or the pool lost one)", timeout=30)
        await locker.execute("ROLLBACK")
        for result in await asyncio.gather(*renames):
            assert "errors" not in result and result["data"]["updateSynagogue"]["synagogue"]["name"]
    finally:
        await locker.close()
        await watcher.close()
