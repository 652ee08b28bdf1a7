"""`tenantEvents` follows the watcher's membership: roles are read at connection_init, so a role change or a
removal closes the member's open sockets mid-subscription (4403, across processes: the change is served by
the in-process app, the socket lives in uvicorn); other watchers keep their stream; a removed member cannot
come back."""

from __future__ import annotations

from typing import Any

from models.identity import Membership, Role
from schema.relay import to_global_id
from subscriptions.events import tenant_event
from tests.conftest import GQL, Actor, Factory
from tests.subscriptions.live import Server, WSClient
from tests.subscriptions.test_commands import EVENTS, until_listening


async def watch_events(app: Any, server: Server, member: Actor) -> WSClient:
    watcher = await WSClient.open(server.ws_url)
    ack = await watcher.init({"authorization": f"Bearer {member.token}", "tenantId": member.tenant_gid})
    assert ack["type"] == "connection_ack", ack
    await watcher.subscribe("events", EVENTS)
    await until_listening(app, watcher, member)
    return watcher


async def membership_gid(member: Actor) -> str:
    row = await Membership.get(user_id=member.user.id, synagogue_id=member.tenant.id)  # type: ignore[union-attr]
    return to_global_id("Membership", row.id)


async def test_a_demoted_or_removed_admin_stops_receiving_tenant_events(
    app: Any, live_server: Server, gql: GQL, factory: Factory
) -> None:
    owner = await factory.member(role=Role.OWNER)
    admin = await factory.member(tenant=owner.tenant, role=Role.ADMIN)
    tenant_id = owner.tenant.id  # type: ignore[union-attr]
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
