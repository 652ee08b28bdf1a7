"""A placed database that dies takes only its own synagogues with it: they are answered UNAVAILABLE (HTTP 503,
Retry-After) at once once its circuit breaker opened, every other synagogue (shared, or placed elsewhere) goes on
being served, readiness stays up with the dead database in its detail and on /metrics, and its synagogues are
served again once it answers (the breaker's probe).

The dead database is `tenants_b` reached through a TCP relay the test stops (refused connections, cut sessions):
the process's tenant connection manager is rebuilt for the test with `tenants_b` behind the relay."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from config import Settings, TenantDatabaseSetting
from models.identity import Role
from models.placement.pools import manager, reset_manager
from tests.support.actors import Actor, Factory, unique
from tests.support.content import create_message
from tests.support.database import placed_app_url, placed_owner_url
from tests.support.graphql import GQL, error_codes
from tests.support.placement import TcpProxy
from tests.support.waiting import wait_until

MESSAGES = "query { messages(first: 5) { edges { node { title } } } }"


@pytest.fixture
async def relay(settings: Settings) -> AsyncIterator[TcpProxy]:
    """`tenants_b` behind a relay for the process's tenant connection manager, restored after the test."""
    target = int(placed_app_url("tenants_b").rsplit(":", 1)[1].split("/")[0])
    proxy = await TcpProxy(target).start()
    declared = dict(settings.tenant_databases)
    declared["tenants_b"] = TenantDatabaseSetting(
        url=placed_app_url("tenants_b").replace(f":{target}/", f":{proxy.port}/"),
        owner_url=placed_owner_url("tenants_b"),
    )
    patched = {"tenant_databases": declared, "tenant_database_retry_seconds": 0.3}
    await reset_manager(settings.model_copy(update=patched))
    try:
        yield proxy
    finally:
        await proxy.stop()
        await reset_manager(settings)


async def _messages(gql: GQL, actor: Actor) -> dict[str, Any]:
    return await gql(MESSAGES, actor=actor)


async def test_a_dead_placed_database_leaves_every_other_synagogue_serving(
    gql: GQL, factory: Factory, http: httpx.AsyncClient, relay: TcpProxy
) -> None:
    doomed = await factory.member(role=Role.EDITOR, tenant=await factory.tenant(database="tenants_b"))
    elsewhere = await factory.member(role=Role.EDITOR, tenant=await factory.tenant(database="tenants_a"))
    shared = await factory.member(role=Role.EDITOR, tenant=await factory.tenant(database="shared"))
    for editor in (doomed, elsewhere, shared):
        await create_message(gql, editor, unique("before"))
        assert "errors" not in await _messages(gql, editor)

    await relay.stop()
    for _ in range(3):  # the first meets the dead connection; the breaker answers the next ones at once
        answered = await _messages(gql, doomed)
        assert error_codes(answered) == ["UNAVAILABLE"], answered
        assert gql.last_response is not None and gql.last_response.status_code == 503
        assert gql.last_response.headers["retry-after"]
    assert manager().health()["tenants_b"]["breaker"] != "closed"
    for editor in (elsewhere, shared):
        await create_message(gql, editor, unique("during"))
        assert len((await _messages(gql, editor))["data"]["messages"]["edges"]) == 2

    ready = await http.get("/health/ready")
    assert ready.status_code == 200, ready.text
    detail = ready.json()["tenantDatabases"]
    assert detail["tenants_b"]["state"] == "unavailable" and detail["tenants_a"]["state"] in ("ok", "idle")
    metrics = (await http.get("/metrics")).text
    assert 'shulgraph_tenant_database_up{database="tenants_b"} 0.0' in metrics
    assert 'shulgraph_tenant_database_up{database="tenants_a"} 1.0' in metrics

    await relay.start()

    async def served_again() -> bool:
        return "errors" not in await _messages(gql, doomed)

    await wait_until(served_again, "the synagogue of the database that came back served again")
    assert manager().health()["tenants_b"]["breaker"] == "closed"
