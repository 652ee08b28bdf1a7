"""`tenantEvents` follows the watcher's membership: roles are read at connection_init, so a role change or a
removal closes the member's open sockets mid-subscription (4403, across processes: the change is served by
the in-process app, the socket lives in uvicorn); other watchers keep their stream; a removed member cannot
come back; another synagogue's owner can neither demote nor remove a watcher."""

from __future__ import annotations

from typing import Any

import asyncpg

from models.identity import Membership, Role
from services.infra.ids import to_global_id
from subscriptions.events import tenant_event
from tests.support.actors import Factory
from tests.support.events import watch_events
from tests.support.graphql import GQL, answer, error_codes
from tests.support.live import Server
from tests.support.snapshot import unchanged
from tests.support.tenancy import membership_gid
from tests.support.websocket import WSClient

NO_SYNAGOGUE = {"X-Tenant-ID": to_global_id("Synagogue", 10**9)}


async def test_missing_role_a_demoted_or_removed_admin_stops_receiving_tenant_events(
    app: Any, live_server: Server, gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    owner = await factory.member(role=Role.OWNER)
    admin = await factory.member(tenant=owner.tenant, role=Role.ADMIN)
    tenant_id = owner.tenant.id
    gid = await membership_gid(admin)
    bystander = await watch_events(app, live_server, owner)
    watcher = await watch_events(app, live_server, admin)
    try:
        demoted = await gql.op("SetMemberRole", {"input": {"membershipId": gid, "role": "VIEWER"}}, actor=owner)
        assert demoted["data"]["setMemberRole"]["membership"]["role"] == "VIEWER", demoted
        assert await watcher.close_code() == 4403

        await tenant_event(app.state.broadcast, tenant_id, "DEVICE_OFFLINE", 7)
        event = {"kind": "ALERT"}
        while event["kind"] == "ALERT":  # the probes of the admin's subscription came to the owner too
            event = (await bystander.next_data("events"))["tenantEvents"]
        assert event["kind"] == "DEVICE_OFFLINE"  # the owner's stream goes on

        watcher = await watch_events(app, live_server, admin)  # a VIEWER may watch again, with the new role
        removed = await gql.op("RemoveMember", {"id": gid}, actor=owner)
        assert removed["data"]["removeMember"]["removedId"] == gid, removed
        assert await watcher.close_code() == 4403

        async with unchanged(owner_db, owner):
            watcher = await WSClient.open(live_server.ws_url)
            await watcher.send(
                {
                    "type": "connection_init",
                    "payload": {"authorization": f"Bearer {admin.token}", "tenantId": admin.tenant_gid},
                }
            )
            assert await watcher.close_code() == 4403
    finally:
        await watcher.close()
        await bystander.close()


async def test_cross_tenant_another_synagogues_owner_cannot_demote_or_remove_a_watcher(
    app: Any, live_server: Server, gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    owner = await factory.member(role=Role.OWNER)
    admin = await factory.member(tenant=owner.tenant, role=Role.ADMIN)
    outsider = await factory.member(role=Role.OWNER)
    gid, missing = await membership_gid(admin), to_global_id("Membership", 10**9)
    watcher = await watch_events(app, live_server, admin)
    try:
        demote = {"input": {"membershipId": gid, "role": "VIEWER"}}
        cases: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
            ("SetMemberRole", demote, {"input": {**demote["input"], "membershipId": missing}}),
            ("RemoveMember", {"id": gid}, {"id": missing}),
        ]
        async with unchanged(owner_db, owner, outsider):
            for name, variables, ghost in cases:
                foreign = await gql.op(name, variables, actor=outsider)
                assert error_codes(foreign) == ["NOT_FOUND"], foreign
                assert answer(foreign) == answer(await gql.op(name, ghost, actor=outsider))
                named = await gql.op(name, variables, actor=outsider, tenant=owner.tenant)
                nowhere = await gql.op(name, variables, actor=outsider, headers=NO_SYNAGOGUE)
                assert error_codes(named) == ["FORBIDDEN"] and answer(named) == answer(nowhere)

        await tenant_event(app.state.broadcast, owner.tenant.id, "DEVICE_OFFLINE", 7)
        event = {"kind": "ALERT"}
        while event["kind"] == "ALERT":
            event = (await watcher.next_data("events"))["tenantEvents"]
        assert event["kind"] == "DEVICE_OFFLINE"  # the watcher's stream goes on
        row = await Membership.get(user_id=admin.user.id, synagogue_id=owner.tenant.id)
        assert row.role == Role.ADMIN
    finally:
        await watcher.close()
