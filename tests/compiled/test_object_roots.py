"""Compiled object roots (schema/compiled/objects.py): the TV's `Screen` answers byte for byte what the executor
answers, by text and by hash, and every request the compiled road must not answer (another caller than a device,
a device naming another synagogue, variables) is declined to the executor and refused alike. Both roads read the
tenant's shared screen state (a live feed, as a TV's subscription keeps), so `generatedAt` is the same moment."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import httpx
import pytest

import schema.compiled.objects as objects
from config import Settings
from models.content import Message
from models.identity import Role
from schema.assembly import build_schema
from schema.compiled.objects import Unwritable, plan_object
from services.devices.screen_hub import hub_for
from services.partners.documents import catalogue
from tests.support.actors import Factory
from tests.support.content import make
from tests.support.devices import make_tv
from tests.support.partners import persisted
from tests.support.roads import counting, on_both_roads
from tests.support.snapshot import unchanged


@pytest.fixture
def resolved(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A count of the object roots the compiled road resolved itself."""
    return counting(settings, monkeypatch, objects, "resolve_object")


async def live_feed(app: Any, tenant_id: int) -> AsyncIterator[None]:
    hub = hub_for(app.state.broadcast)
    feed = hub.join(tenant_id)
    try:
        await feed.current()
        yield
    finally:
        await hub.leave(feed)


async def test_the_screen_answers_alike_on_both_roads(
    app: Any, http: httpx.AsyncClient, settings: Settings, factory: Factory, resolved: list[int]
) -> None:
    owner = await factory.member(role=Role.OWNER)
    assert owner.tenant is not None
    now = datetime.now(UTC)
    for n in range(3):
        await make(owner.tenant.id, Message, title=f"Notice {n} ✡", body="line\nbreak", starts_at=now - timedelta(n))
    tv = await make_tv(owner.tenant)
    screen = next(doc for doc in catalogue().all() if doc.operation_name == "Screen")
    async for _ in live_feed(app, owner.tenant.id):
        by_text = await on_both_roads(http, settings, {"query": screen.text, "operationName": "Screen"}, tv.headers)
        by_hash = await on_both_roads(http, settings, persisted(screen.id), tv.headers)
    answer = by_text.json()
    assert "errors" not in answer
    assert {m["title"] for m in answer["data"]["screen"]["messages"]} == {"Notice 0 ✡", "Notice 1 ✡", "Notice 2 ✡"}
    assert by_hash.content == by_text.content
    assert len(resolved) == 2


async def test_the_screen_declines_a_missing_role_to_the_executor(
    app: Any, http: httpx.AsyncClient, settings: Settings, factory: Factory, owner_db: asyncpg.Connection,
    resolved: list[int],
) -> None:  # fmt: skip
    owner = await factory.member(role=Role.OWNER)
    assert owner.tenant is not None
    tv = await make_tv(owner.tenant)
    screen = next(doc for doc in catalogue().all() if doc.operation_name == "Screen")
    async with unchanged(owner_db, owner):
        member = await on_both_roads(http, settings, persisted(screen.id), owner.headers())
        anonymous = await on_both_roads(http, settings, persisted(screen.id), {"X-Tenant-ID": owner.tenant_gid or ""})
    async for _ in live_feed(app, owner.tenant.id):  # the executor answers both: the same state
        with_variables = await on_both_roads(http, settings, persisted(screen.id, variables={"x": 1}), tv.headers)
    assert [e["extensions"]["code"] for e in member.json()["errors"]] == ["FORBIDDEN"]
    assert anonymous.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert with_variables.status_code == 200
    assert resolved == []


async def test_a_device_naming_another_synagogue_is_refused_alike_cross_tenant(
    http: httpx.AsyncClient, settings: Settings, factory: Factory, owner_db: asyncpg.Connection, resolved: list[int]
) -> None:
    owner, stranger = await factory.member(role=Role.OWNER), await factory.member(role=Role.OWNER)
    assert owner.tenant is not None and stranger.tenant is not None
    tv = await make_tv(owner.tenant)
    screen = next(doc for doc in catalogue().all() if doc.operation_name == "Screen")
    async with unchanged(owner_db, owner, stranger):
        foreign = {**tv.headers, "X-Tenant-ID": stranger.tenant_gid or ""}
        naming = await on_both_roads(http, settings, persisted(screen.id), foreign)
    assert naming.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert resolved == []


def test_a_null_where_the_schema_says_non_null_is_not_written() -> None:
    screen = next(doc for doc in catalogue().all() if doc.operation_name == "Screen")
    plan = plan_object(build_schema(), screen.text)
    assert plan is not None
    broken = type("Broken", (), {"version": None, "generated_at": datetime.now(UTC)})()
    with pytest.raises(Unwritable):
        plan.write(broken)
