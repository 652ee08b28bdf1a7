"""R4's rule: one operation is one transaction; an unexpected error or failed commit undoes it, FORBIDDEN does not."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import asyncpg
import pytest

from models.identity import Role
from services.synagogue.synagogues import update_synagogue
from subscriptions.channels import tenant_content
from tests.support.actors import Factory, unique
from tests.support.atomicity import CREATE_MESSAGE, WRITE_THEN_RENAME, messages_titled, variables
from tests.support.graphql import GQL, error_codes


class InjectedFault(RuntimeError):
    pass


@pytest.fixture
def rename_then_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    """updateSynagogue writes the new name, then fails with an exception nobody expects."""
    from resolvers.synagogue.mutations import update_synagogue as module

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
    app: Any, gql: GQL, factory: Factory,
    owner_db: asyncpg.Connection, tenant_db: asyncpg.Connection, rename_then_fail: None
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tenant = admin.tenant
    titles = [unique("r4-fault"), unique("r4-fault")]
    results: list[dict[str, Any]] = []

    async def run() -> None:
        results.append(await gql(WRITE_THEN_RENAME, variables(titles, unique("Renamed")), actor=admin))
        results.append(await gql(CREATE_MESSAGE, {"input": {"title": unique("r4-ok")}}, actor=admin))

    events = await content_events(app, tenant.id, run)
    failed, succeeded = results
    assert failed["data"] is None and error_codes(failed) == ["INTERNAL_SERVER_ERROR"]
    assert "injected" not in json.dumps(failed)
    assert await messages_titled(tenant_db, titles) == 0
    assert await owner_db.fetchval("SELECT name FROM synagogue WHERE id = $1", tenant.id) == tenant.name
    assert "errors" not in succeeded
    assert events == [{"tenant": tenant.id}]  # only the committed mutation told the screens


async def test_R4_a_field_refused_with_forbidden_keeps_the_rest_of_the_mutation(
    app: Any, gql: GQL, factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)  # may write messages, not the synagogue profile
    tenant = editor.tenant
    titles = [unique("r4-forbidden"), unique("r4-forbidden")]
    results: list[dict[str, Any]] = []

    async def run() -> None:
        results.append(await gql(WRITE_THEN_RENAME, variables(titles, unique("Renamed")), actor=editor))

    events = await content_events(app, tenant.id, run)
    (result,) = results
    assert error_codes(result) == ["FORBIDDEN"]
    assert result["data"]["first"]["message"]["id"] and result["data"]["second"]["message"]["id"]
    assert await messages_titled(tenant_db, titles) == 2
    assert events == [{"tenant": tenant.id}]


async def test_R4_impersonation_audit_survives_the_rollback_of_the_operation(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection, rename_then_fail: None
) -> None:
    owner = await factory.member(role=Role.OWNER)
    tenant = owner.tenant
    staff = await factory.platform_admin()
    titles = [unique("r4-imp"), unique("r4-imp")]
    result = await gql(
        WRITE_THEN_RENAME,
        variables(titles, unique("Renamed")),
        headers={"Authorization": f"Bearer {staff.token}", "X-Customer-Context": owner.tenant_gid},
        operation_name="R4",
    )
    assert result["data"] is None and error_codes(result) == ["INTERNAL_SERVER_ERROR"]
    assert await messages_titled(tenant_db, titles) == 0
    audited = await tenant_db.fetchval(
        "SELECT count(*) FROM audit_entry WHERE tenant_id = $1 AND action = 'impersonate:R4' AND impersonated",
        tenant.id,
    )
    assert audited == 1


async def test_R4_a_commit_that_fails_answers_a_masked_error_and_writes_nothing(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    title = unique("r4-commit")
    function, trigger = f"r4_refuse_{title.replace('-', '_')}", f"r4_at_commit_{title.replace('-', '_')}"
    await tenant_db.execute(
        f"CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'secret detail of the failed commit'; END $$"
    )
    await tenant_db.execute(  # checked at COMMIT, after every field has resolved
        f"CREATE CONSTRAINT TRIGGER {trigger} AFTER INSERT ON content_message DEFERRABLE INITIALLY DEFERRED "
        f"FOR EACH ROW WHEN (NEW.title = '{title}') EXECUTE FUNCTION {function}()"
    )
    try:
        result = await gql(CREATE_MESSAGE, {"input": {"title": title}}, actor=editor)
    finally:
        await tenant_db.execute(f"DROP TRIGGER {trigger} ON content_message")
        await tenant_db.execute(f"DROP FUNCTION {function}()")
    assert result["data"] is None and error_codes(result) == ["INTERNAL_SERVER_ERROR"]
    assert result["errors"][0]["extensions"]["requestId"] is not None
    assert "secret" not in json.dumps(result)
    assert await messages_titled(tenant_db, [title]) == 0
