"""Callers kept per process (`services.identity.callers`, `CALLER_CACHE_SECONDS`): a caller an API process keeps is
refused there at once when another process revokes it or changes its role (a logout, a revoked session, a
password change, a demotion, a removal, a revoked device or API key), through the revocation feed in Redis
(`subscriptions.revocations`); and nothing kept is used while that feed is down or after its connection dropped.

The two-process tests run two uvicorn processes on the test database and Redis, both keeping callers for 60 s, so a
refusal there can only come from the announcement; each first shows that the second process answered the caller
from what it kept (`shulgraph_callers_total{source="kept"}` grew).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack
from functools import partial
from typing import Any

import asyncpg
import pytest
from redis import asyncio as aioredis

from config import Settings
from models.identity import Membership, Role
from services.identity.callers import CallerCache
from services.identity.principals import Principal
from services.identity.tenancy import TenantAccess
from subscriptions.revocations import RevocationFeed, announce
from tests.support.actors import DEFAULT_PASSWORD, Actor, Factory
from tests.support.devices import make_tv
from tests.support.documents import client_document, trusted
from tests.support.graphql import GQL, error_codes
from tests.support.live import Server, free_port, run_server
from tests.support.partners import document_id, persisted
from tests.support.servers import redis_url
from tests.support.snapshot import unchanged
from tests.support.tenancy import membership_gid
from tests.support.waiting import wait_until

KEPT = 'shulgraph_callers_total{source="kept"}'


@pytest.fixture(scope="module")
async def pair(database: str) -> AsyncIterator[tuple[Server, Server]]:
    """Two API processes (the first one revokes, the second one kept the caller)."""
    async with AsyncExitStack() as stack:
        first = await stack.enter_async_context(run_server(caller_cache_seconds="60"))
        second = await stack.enter_async_context(run_server(caller_cache_seconds="60"))
        yield first, second


def text(name: str) -> str:
    """A client operation, or the product's own trusted document, by name."""
    try:
        return client_document(name)
    except KeyError:
        return trusted(name).text


async def op(server: Server, name: str, headers: dict[str, str], variables: dict[str, Any] | None = None) -> Any:
    return await server.post({"query": text(name), "variables": variables or {}, "operationName": name}, headers)


async def kept_by(server: Server, ask: Callable[[], Awaitable[Any]]) -> None:
    """`ask` answers cleanly twice on `server`, the second time from what the process kept."""
    first = await ask()
    assert error_codes(first) == [], first
    before = await server.metric(KEPT)
    again = await ask()
    assert error_codes(again) == [], again
    assert await server.metric(KEPT) > before, "the second answer was not taken from the kept caller"


async def signed_in(server: Server, actor: Actor) -> str:
    login = await op(server, "Login", {}, {"input": {"email": actor.user.email, "password": DEFAULT_PASSWORD}})
    token: str = login["data"]["login"]["accessToken"]
    assert token, login
    return token


def bearer(token: str, actor: Actor) -> dict[str, str]:
    return {**actor.headers(), "Authorization": f"Bearer {token}"}


async def test_a_member_demoted_or_removed_in_one_process_is_refused_at_once_by_another_missing_role(
    pair: tuple[Server, Server], factory: Factory, owner_db: asyncpg.Connection
) -> None:
    first, second = pair
    owner = await factory.member(role=Role.OWNER)
    admin = await factory.member(tenant=owner.tenant, role=Role.ADMIN)
    await kept_by(second, lambda: op(second, "AuditLog", admin.headers()))
    membership = await membership_gid(admin)
    demote = {"input": {"membershipId": membership, "role": "VIEWER"}}
    demoted = await op(first, "SetMemberRole", owner.headers(), demote)
    assert demoted["data"]["setMemberRole"]["userErrors"] == [], demoted
    key = {"input": {"name": "Website", "allowedDocuments": [document_id("Synagogue")]}}
    async with unchanged(owner_db, admin):
        assert error_codes(await op(second, "CreateApiKey", admin.headers(), key)) == ["FORBIDDEN"]
        assert error_codes(await op(second, "AuditLog", admin.headers())) == ["FORBIDDEN"]
    await kept_by(second, lambda: op(second, "Members", admin.headers()))  # a VIEWER reads the members
    removed = await op(first, "RemoveMember", owner.headers(), {"id": membership})
    assert removed["data"]["removeMember"]["userErrors"] == [], removed
    async with unchanged(owner_db, admin):
        assert error_codes(await op(second, "Members", admin.headers())) == ["FORBIDDEN"]
        assert error_codes(await op(second, "CreateApiKey", admin.headers(), key)) == ["FORBIDDEN"]


async def test_a_session_ended_in_one_process_is_refused_at_once_by_another(
    pair: tuple[Server, Server], factory: Factory
) -> None:
    first, second = pair
    member = await factory.member(role=Role.EDITOR)
    for end in ("Logout", "RevokeSession", "ChangePassword"):
        token = await signed_in(first, member)
        await kept_by(second, partial(op, second, "Me", bearer(token, member)))
        if end == "Logout":
            ended = await op(first, "Logout", bearer(token, member))
        elif end == "RevokeSession":  # from another session of the same user
            sessions = await op(first, "Sessions", bearer(token, member))
            current = [row["id"] for row in sessions["data"]["sessions"] if row["current"]]
            other = await signed_in(first, member)
            ended = await op(first, "RevokeSession", bearer(other, member), {"id": current[0]})
        else:
            change = {"input": {"currentPassword": DEFAULT_PASSWORD, "newPassword": DEFAULT_PASSWORD + "!"}}
            ended = await op(first, "ChangePassword", bearer(token, member), change)
        assert "errors" not in ended, (end, ended)
        assert error_codes(await op(second, "Me", bearer(token, member))) == ["UNAUTHENTICATED"], end


async def test_a_device_or_api_key_revoked_in_one_process_is_refused_at_once_by_another(
    pair: tuple[Server, Server], factory: Factory
) -> None:
    first, second = pair
    admin = await factory.member(role=Role.ADMIN)
    assert admin.tenant is not None
    tv = await make_tv(admin.tenant)
    await kept_by(second, lambda: op(second, "Screen", tv.headers))
    revoked = await op(first, "RevokeDevice", admin.headers(), {"id": tv.gid})
    assert "errors" not in revoked, revoked
    assert error_codes(await op(second, "Screen", tv.headers)) == ["UNAUTHENTICATED"]

    key = {"input": {"name": "Website", "allowedDocuments": [document_id("Synagogue")]}}
    created = (await op(first, "CreateApiKey", admin.headers(), key))["data"]["createApiKey"]
    partner = {"Authorization": f"ApiKey {created['secret']}"}
    await kept_by(second, lambda: second.post(persisted(document_id("Synagogue")), partner))
    assert "errors" not in await op(first, "RevokeApiKey", admin.headers(), {"id": created["apiKey"]["id"]})
    assert error_codes(await second.post(persisted(document_id("Synagogue")), partner)) == ["UNAUTHENTICATED"]


async def test_a_caller_kept_in_one_synagogue_naming_another_is_refused_cross_tenant(
    pair: tuple[Server, Server], factory: Factory, owner_db: asyncpg.Connection
) -> None:
    _, second = pair
    admin = await factory.member(role=Role.ADMIN)
    other = await factory.tenant()
    await kept_by(second, lambda: op(second, "AuditLog", admin.headers()))
    assert admin.tenant is not None
    tv = await make_tv(admin.tenant)
    await kept_by(second, lambda: op(second, "Screen", tv.headers))
    key = {"input": {"name": "Website", "allowedDocuments": [document_id("Synagogue")]}}
    async with unchanged(owner_db, admin, other):
        for _ in range(2):  # a refusal is never kept: the second is refused as the first
            assert error_codes(await op(second, "AuditLog", admin.headers(other))) == ["FORBIDDEN"]
            assert error_codes(await op(second, "CreateApiKey", admin.headers(other), key)) == ["FORBIDDEN"]
            foreign = {**tv.headers, "X-Tenant-ID": admin.headers(other)["X-Tenant-ID"]}
            assert error_codes(await op(second, "Screen", foreign)) == ["FORBIDDEN"]


async def demote_unannounced(actor: Actor) -> None:
    """A role changed in the database alone (no road announced it): what a kept caller does not see."""
    assert actor.tenant is not None
    await Membership.filter(user_id=actor.user.id, synagogue_id=actor.tenant.id).update(role=Role.VIEWER)


async def test_nothing_kept_is_used_while_the_revocation_feed_is_down(
    app: Any, gql: GQL, factory: Factory, settings: Settings
) -> None:
    kept = await factory.member(role=Role.ADMIN)
    assert error_codes(await gql.op("AuditLog", actor=kept)) == []
    await demote_unannounced(kept)  # the feed is up: the caller kept as ADMIN is still answered as one
    assert error_codes(await gql.op("AuditLog", actor=kept)) == []

    down = RevocationFeed(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    await down.start(wait_seconds=0.5)
    running, app.state.callers = app.state.callers, CallerCache(60, settings.jwt_key(), down)
    try:
        admin = await factory.member(role=Role.ADMIN)
        for _ in range(2):
            assert error_codes(await gql.op("AuditLog", actor=admin)) == []
        assert len(app.state.callers) == 0  # nothing was kept
        await demote_unannounced(admin)
        assert error_codes(await gql.op("AuditLog", actor=admin)) == ["FORBIDDEN"]  # read again: a VIEWER
    finally:
        app.state.callers = running
        await down.stop()


async def test_everything_kept_is_dropped_when_the_feed_connection_drops(app: Any, gql: GQL, factory: Factory) -> None:
    callers: CallerCache = app.state.callers
    admin = await factory.member(role=Role.ADMIN)
    for _ in range(2):
        assert error_codes(await gql.op("AuditLog", actor=admin)) == []
    await demote_unannounced(admin)
    assert error_codes(await gql.op("AuditLog", actor=admin)) == []  # kept
    epoch = callers.feed.epoch
    client = aioredis.Redis.from_url(redis_url())
    try:
        await client.client_kill_filter(_type="pubsub")
    finally:
        await client.aclose()
    await wait_until(lambda: callers.feed.epoch >= epoch + 2 and callers.feed.usable(), "the feed back after a drop")
    assert error_codes(await gql.op("AuditLog", actor=admin)) == ["FORBIDDEN"]  # read again after the drop


async def test_a_caller_read_while_a_revocation_was_announced_is_not_kept() -> None:
    feed = RevocationFeed(None)  # this process alone: announcements are delivered before they return
    callers = CallerCache(60, "secret", feed)
    try:
        principal, access = Principal(kind="device", device_id=7, tenant_id=1), TenantAccess(tenant_id=1)
        ticket = callers.ticket()
        await announce("device:999")  # any announcement while the caller was being read
        callers.put("raced", ticket, principal, access)
        assert callers.get("raced") is None
        callers.put("read", callers.ticket(), principal, access)
        other = Principal(kind="device", device_id=8, tenant_id=1)
        callers.put("other", callers.ticket(), other, access)
        assert callers.get("read") is not None and callers.get("other") is not None
        await announce("device:7")
        assert callers.get("read") is None and callers.get("other") is not None
    finally:
        await feed.stop()
