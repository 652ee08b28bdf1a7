"""Z6 (security matrix): a user adds a stranger to their synagogue, removes them again, probes which e-mails have
accounts | nobody becomes a member without accepting an invitation; removal ends access to that synagogue only;
known and unknown e-mails get the same answer.

This module: removing a member (or changing their role) closes their websockets that act in that synagogue and
nothing else of theirs: their sessions, their access and refresh tokens, and their sockets in their other
synagogues (or in none) live on. The sockets live in a uvicorn process of their own; the removal is served by the
app in this process, so the close travels over Redis as it does between API processes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest

from models.identity import Membership, Role, SessionFamily
from models.synagogue import Synagogue
from subscriptions.events import tenant_event
from tests.support.actors import DEFAULT_PASSWORD, Actor, Factory
from tests.support.events import watch_events
from tests.support.graphql import GQL, error_codes
from tests.support.identity import Browser
from tests.support.live import Server, run_server
from tests.support.snapshot import unchanged
from tests.support.tenancy import membership_gid
from tests.support.websocket import WSClient


@pytest.fixture(scope="module")
async def server(database: str) -> AsyncIterator[Server]:
    async with run_server() as live:
        yield live


async def signed_in_member_of_two(
    app: Any, settings: Any, factory: Factory
) -> tuple[Actor, Actor, Actor, Browser, Synagogue]:
    """A user signed in through Login (a real session), ADMIN of two synagogues, as an actor in each; the owner
    of the first; the browser holding the session's refresh cookie; the second synagogue."""
    owner = await factory.member(role=Role.OWNER)
    person = await factory.member(tenant=owner.tenant, role=Role.ADMIN)
    other = await factory.tenant()
    await Membership.create(user=person.user, synagogue=other, role=Role.ADMIN)
    browser = Browser(app, settings)
    login = await browser.op("Login", {"input": {"email": person.user.email, "password": DEFAULT_PASSWORD}})
    token = login["data"]["login"]["accessToken"]
    assert token, login
    in_first = Actor(user=person.user, token=token, tenant=owner.tenant, role=Role.ADMIN)
    in_second = Actor(user=person.user, token=token, tenant=other, role=Role.ADMIN)
    return owner, in_first, in_second, browser, other


async def still_hears(app: Any, watcher: WSClient, tenant_id: int) -> None:
    """The watcher's tenantEvents stream goes on: a new event of its synagogue reaches it."""
    await tenant_event(app.state.broadcast, tenant_id, "DEVICE_OFFLINE", 7)
    event = {"kind": "ALERT"}
    while event["kind"] == "ALERT":  # probes of other subscriptions may come first
        event = (await watcher.next_data("events"))["tenantEvents"]
    assert event["kind"] == "DEVICE_OFFLINE"


async def test_Z6_removal_closes_only_that_synagogues_sockets_and_keeps_every_session(
    app: Any, server: Server, gql: GQL, factory: Factory, settings: Any
) -> None:
    owner, in_first, in_second, browser, other = await signed_in_member_of_two(app, settings, factory)
    families = await SessionFamily.filter(user_id=in_first.user.id).values_list("id", flat=True)
    first = await watch_events(app, server, in_first)
    second = await watch_events(app, server, in_second)
    nowhere = await WSClient.signed_in(server.ws_url, f"Bearer {in_first.token}")  # names no synagogue
    try:
        removed = await gql.op("RemoveMember", {"id": await membership_gid(in_first)}, actor=owner)
        assert removed["data"]["removeMember"]["userErrors"] == [], removed
        assert await first.close_code(timeout=30) == 4403
        await still_hears(app, second, other.id)
        assert await nowhere.still_open()
    finally:
        for socket in (first, second, nowhere):
            await socket.close()
    # Every session lives on: the same access token acts in the other synagogue, the refresh cookie rotates.
    assert await SessionFamily.filter(user_id=in_first.user.id, revoked_at__isnull=True).count() == len(families)
    assert error_codes(await gql.op("Synagogue", actor=in_first)) == ["FORBIDDEN"]
    assert "errors" not in await gql.op("Synagogue", actor=in_second)
    refreshed = await browser.op("RefreshSession")
    assert refreshed["data"]["refreshSession"]["accessToken"], refreshed
    await browser.client.aclose()
    again = await WSClient.open(server.ws_url)
    try:
        init = {"authorization": f"Bearer {in_first.token}", "tenantId": in_first.tenant_gid}
        await again.send({"type": "connection_init", "payload": init})
        assert await again.close_code() == 4403  # a removed member cannot come back to that synagogue
    finally:
        await again.close()


async def test_Z6_a_role_change_reconnects_only_that_synagogues_sockets(
    app: Any, server: Server, gql: GQL, factory: Factory, settings: Any
) -> None:
    owner, in_first, in_second, browser, other = await signed_in_member_of_two(app, settings, factory)
    await browser.client.aclose()
    first = await watch_events(app, server, in_first)
    second = await watch_events(app, server, in_second)
    try:
        variables = {"input": {"membershipId": await membership_gid(in_first), "role": "EDITOR"}}
        changed = await gql.op("SetMemberRole", variables, actor=owner)
        assert changed["data"]["setMemberRole"]["membership"]["role"] == "EDITOR", changed
        assert await first.close_code(timeout=30) == 4403
        await still_hears(app, second, other.id)
    finally:
        await first.close()
        await second.close()


async def test_Z6_cross_tenant_and_missing_role_removals_close_nothing(
    app: Any, server: Server, gql: GQL, factory: Factory, settings: Any, owner_db: asyncpg.Connection
) -> None:
    owner, in_first, _, browser, other = await signed_in_member_of_two(app, settings, factory)
    await browser.client.aclose()
    viewer = await factory.member(tenant=owner.tenant, role=Role.VIEWER)
    stranger = await factory.member(role=Role.OWNER)
    gid = await membership_gid(in_first)
    first = await watch_events(app, server, in_first)
    try:
        async with unchanged(owner_db, owner, stranger, other):
            assert error_codes(await gql.op("RemoveMember", {"id": gid}, actor=viewer)) == ["FORBIDDEN"]
            assert error_codes(await gql.op("RemoveMember", {"id": gid}, actor=stranger)) == ["NOT_FOUND"]
            named = await gql.op("RemoveMember", {"id": gid}, actor=stranger, tenant=owner.tenant)
            assert error_codes(named) == ["FORBIDDEN"]
        await still_hears(app, first, owner.tenant.id)
    finally:
        await first.close()
