"""R4: PostgreSQL killed mid-transaction, then back: no partial writes, a clean UNAVAILABLE, and the
pool recovers in the same process. Also the rule behind it: one operation is one transaction, so a
field that fails unexpectedly undoes the writes of the fields before it (and their screen updates),
while a coded error (a field refused with FORBIDDEN) leaves the rest of the operation committed."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import pytest

from models.base import tenant_id_or_none
from models.identity import Role
from services.synagogue import update_synagogue
from subscriptions.channels import tenant_content
from tests.conftest import GQL, OWNER_URL, Factory, error_codes, unique
from tests.services import start_postgres, stop_postgres

WRITE_THEN_RENAME = """
mutation R4($first: CreateMessageInput!, $second: CreateMessageInput!, $profile: UpdateSynagogueInput!) {
  first: createMessage(input: $first) { message { id } userErrors { code } }
  second: createMessage(input: $second) { message { id } userErrors { code } }
  rename: updateSynagogue(input: $profile) { synagogue { name } userErrors { code } }
}
"""
CREATE_MESSAGE = "mutation($input: CreateMessageInput!) { createMessage(input: $input) { message { id } } }"
RENAME = "mutation($input: UpdateSynagogueInput!) { updateSynagogue(input: $input) { synagogue { name } } }"


def variables(titles: list[str], name: str) -> dict[str, Any]:
    return {"first": {"title": titles[0]}, "second": {"title": titles[1]}, "profile": {"name": name}}


async def messages_titled(conn: asyncpg.Connection, titles: list[str]) -> int:
    count: int = await conn.fetchval("SELECT count(*) FROM content_message WHERE title = ANY($1::text[])", titles)
    return count


async def wait_until(check: Any, what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not await check():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        await asyncio.sleep(0.05)


@pytest.fixture
async def postgres_restored() -> AsyncIterator[None]:
    """Whatever the test does to the server, it runs again afterwards for the rest of the suite."""
    yield
    try:
        conn = await asyncpg.connect(OWNER_URL, timeout=2)
    except (OSError, asyncpg.PostgresError):
        await asyncio.to_thread(start_postgres)
    else:
        await conn.close()


WAITING_ON_LOCK = (
    "FROM pg_stat_activity WHERE usename = 'shulgraph_app' AND datname = current_database() "
    "AND wait_event_type = 'Lock'"
)


async def app_backend_waiting_on_lock(admin: asyncpg.Connection) -> int | None:
    pid: int | None = await admin.fetchval(f"SELECT pid {WAITING_ON_LOCK} LIMIT 1")
    return pid


async def test_R4_postgres_killed_mid_mutation_writes_nothing_answers_unavailable_and_the_pool_recovers(
    http: httpx.AsyncClient, gql: GQL, factory: Factory, postgres_restored: None
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tenant = admin.tenant
    assert tenant is not None
    titles = [unique("r4-killed"), unique("r4-killed")]
    locker = await asyncpg.connect(OWNER_URL)
    watcher = await asyncpg.connect(OWNER_URL)
    await watcher.execute("CHECKPOINT")  # the setup survives the crash (the test cluster commits asynchronously)
    await locker.execute("BEGIN")
    await locker.execute("SELECT 1 FROM synagogue WHERE id = $1 FOR UPDATE", tenant.id)
    request = asyncio.create_task(gql(WRITE_THEN_RENAME, variables(titles, unique("Renamed")), actor=admin))

    async def blocked() -> bool:
        return await app_backend_waiting_on_lock(watcher) is not None

    await wait_until(blocked, "the mutation never blocked on the synagogue row")
    app_pid = await app_backend_waiting_on_lock(watcher)
    pending_inserts = await watcher.fetchval(
        "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
        "WHERE l.pid = $1 AND c.relname = 'content_message' AND l.mode = 'RowExclusiveLock'",
        app_pid,
    )
    assert pending_inserts == 1  # the first fields have written, uncommitted, when the server dies

    await asyncio.to_thread(stop_postgres, "immediate")
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
        await asyncio.to_thread(start_postgres)

    owner = await asyncpg.connect(OWNER_URL)
    try:
        assert await messages_titled(owner, titles) == 0
        assert await owner.fetchval("SELECT name FROM synagogue WHERE id = $1", tenant.id) == tenant.name
    finally:
        await owner.close()
    title = unique("r4-after")
    after = await gql(CREATE_MESSAGE, {"input": {"title": title}}, actor=admin)
    assert gql.last_response is not None and gql.last_response.status_code == 200
    assert "errors" not in after and after["data"]["createMessage"]["message"]["id"]
    for conn in (locker, watcher):
        conn.terminate()


async def test_R4_readiness_is_503_while_postgres_is_down_and_200_when_back(
    http: httpx.AsyncClient, postgres_restored: None
) -> None:
    assert (await http.get("/health/ready")).status_code == 200
    await asyncio.to_thread(stop_postgres, "immediate")
    try:
        down = await http.get("/health/ready")
        assert down.status_code == 503 and down.json()["checks"]["database"] == "down"
    finally:
        await asyncio.to_thread(start_postgres)
    back = await http.get("/health/ready")
    assert back.status_code == 200 and back.json()["checks"]["database"] == "ok"


async def test_R4_connections_terminated_between_requests_are_replaced(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.EDITOR)
    for _ in range(3):  # the pool holds connections that have served requests
        assert "errors" not in await gql(CREATE_MESSAGE, {"input": {"title": unique("r4-warm")}}, actor=admin)
    terminated = await owner_db.fetchval(
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
    assert await messages_titled(owner_db, [title]) == 1


class InjectedFault(RuntimeError):
    pass


@pytest.fixture
def rename_then_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    """updateSynagogue writes the new name, then fails with an exception nobody expects."""
    from schema.synagogue.mutations import update_synagogue as module

    async def failing(context: Any, changes: dict[str, Any]) -> Any:
        await update_synagogue(context, changes)
        raise InjectedFault("injected fault after the write")

    monkeypatch.setattr(module, "update_synagogue", failing)


async def content_events(app: Any, tenant_id: int, during: Any) -> list[dict[str, Any]]:
    """The content events published on the tenant's channel while `during()` runs (fenced by markers)."""
    broadcast = app.state.broadcast
    channel = tenant_content(tenant_id)
    start, end = {"marker": unique("start")}, {"marker": unique("end")}
    seen: list[dict[str, Any]] = []
    async with broadcast.subscribe(channel=channel) as subscriber:

        async def publish_start_until_seen() -> None:
            while True:
                await broadcast.publish(channel=channel, message=json.dumps(start))
                await asyncio.sleep(0.1)

        starter = asyncio.create_task(publish_start_until_seen())
        try:
            async for event in subscriber:
                if json.loads(event.message) == start:
                    break
        finally:
            starter.cancel()
        await during()
        await broadcast.publish(channel=channel, message=json.dumps(end))
        async for event in subscriber:
            payload = json.loads(event.message)
            if payload == end:
                break
            if payload != start:
                seen.append(payload)
    return seen


async def test_R4_a_field_failing_unexpectedly_undoes_the_fields_before_it_and_their_screen_update(
    app: Any, gql: GQL, factory: Factory, owner_db: asyncpg.Connection, rename_then_fail: None
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tenant = admin.tenant
    assert tenant is not None
    titles = [unique("r4-fault"), unique("r4-fault")]
    results: list[dict[str, Any]] = []

    async def run() -> None:
        results.append(await gql(WRITE_THEN_RENAME, variables(titles, unique("Renamed")), actor=admin))
        results.append(await gql(CREATE_MESSAGE, {"input": {"title": unique("r4-ok")}}, actor=admin))

    events = await content_events(app, tenant.id, run)
    failed, succeeded = results
    assert failed["data"] is None and error_codes(failed) == ["INTERNAL_SERVER_ERROR"]
    assert "injected" not in json.dumps(failed)
    assert await messages_titled(owner_db, titles) == 0
    assert await owner_db.fetchval("SELECT name FROM synagogue WHERE id = $1", tenant.id) == tenant.name
    assert "errors" not in succeeded
    assert events == [{"tenant": tenant.id}]  # only the committed mutation told the screens


async def test_R4_a_field_refused_with_forbidden_keeps_the_rest_of_the_mutation(
    app: Any, gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)  # may write messages, not the synagogue profile
    tenant = editor.tenant
    assert tenant is not None
    titles = [unique("r4-forbidden"), unique("r4-forbidden")]
    results: list[dict[str, Any]] = []

    async def run() -> None:
        results.append(await gql(WRITE_THEN_RENAME, variables(titles, unique("Renamed")), actor=editor))

    events = await content_events(app, tenant.id, run)
    (result,) = results
    assert error_codes(result) == ["FORBIDDEN"]
    assert result["data"]["first"]["message"]["id"] and result["data"]["second"]["message"]["id"]
    assert await messages_titled(owner_db, titles) == 2
    assert events == [{"tenant": tenant.id}]


async def test_R4_impersonation_audit_survives_the_rollback_of_the_operation(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, rename_then_fail: None
) -> None:
    owner = await factory.member(role=Role.OWNER)
    tenant = owner.tenant
    assert tenant is not None and owner.tenant_gid is not None
    staff = await factory.platform_admin()
    titles = [unique("r4-imp"), unique("r4-imp")]
    result = await gql(
        WRITE_THEN_RENAME,
        variables(titles, unique("Renamed")),
        headers={"Authorization": f"Bearer {staff.token}", "X-Customer-Context": owner.tenant_gid},
        operation_name="R4",
    )
    assert result["data"] is None and error_codes(result) == ["INTERNAL_SERVER_ERROR"]
    assert await messages_titled(owner_db, titles) == 0
    audited = await owner_db.fetchval(
        "SELECT count(*) FROM audit_entry WHERE tenant_id = $1 AND action = 'impersonate:R4' AND impersonated",
        tenant.id,
    )
    assert audited == 1


@pytest.fixture
def begin_on_a_killed_connection(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The next operation's connection loses its server after leaving the pool and before BEGIN (the
    window in which a crash under load catches some requests): its backend is terminated for real,
    then BEGIN runs on it. Returns the pids it killed."""
    from tortoise.backends.asyncpg.client import TransactionWrapper

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

            await wait_until(closed, "the terminated connection was never seen closed")
        await real_begin(self)

    monkeypatch.setattr(TransactionWrapper, "begin", begin)
    return killed


async def test_R4_a_connection_lost_before_begin_goes_back_to_the_pool(
    app: Any, gql: GQL, factory: Factory, begin_on_a_killed_connection: list[int]
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tenant = admin.tenant
    assert tenant is not None
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

        await wait_until(all_waiting, f"fewer than {size} operations got a connection: the pool lost one")
        await locker.execute("ROLLBACK")
        for result in await asyncio.gather(*renames):
            assert "errors" not in result and result["data"]["updateSynagogue"]["synagogue"]["name"]
    finally:
        await locker.close()
        await watcher.close()


async def test_R4_a_commit_that_fails_answers_a_masked_error_and_writes_nothing(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    title = unique("r4-commit")
    function, trigger = f"r4_refuse_{title.replace('-', '_')}", f"r4_at_commit_{title.replace('-', '_')}"
    await owner_db.execute(
        f"CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'secret detail of the failed commit'; END $$"
    )
    await owner_db.execute(  # checked at COMMIT, after every field has resolved
        f"CREATE CONSTRAINT TRIGGER {trigger} AFTER INSERT ON content_message DEFERRABLE INITIALLY DEFERRED "
        f"FOR EACH ROW WHEN (NEW.title = '{title}') EXECUTE FUNCTION {function}()"
    )
    try:
        result = await gql(CREATE_MESSAGE, {"input": {"title": title}}, actor=editor)
    finally:
        await owner_db.execute(f"DROP TRIGGER {trigger} ON content_message")
        await owner_db.execute(f"DROP FUNCTION {function}()")
    assert result["data"] is None and error_codes(result) == ["INTERNAL_SERVER_ERROR"]
    assert result["errors"][0]["extensions"]["requestId"] is not None
    assert "secret" not in json.dumps(result)
    assert await messages_titled(owner_db, [title]) == 0
