"""The tenant manager and `TenantModel` close the holes a Tortoise manager leaves open.

`AuditEntry` stands for every tenant model. Each test makes two tenants of its own; assertions that
must see past the manager and row-level security read through the owner's connection.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import asyncpg
import pytest
from tortoise import Tortoise
from tortoise.queryset import QuerySet

from models.base import (
    TenantContextMissing,
    TenantManager,
    TenantMismatch,
    TenantModel,
    tenant_context,
    tenant_models,
    tenant_scope,
    unscoped,
)
from models.content import Message
from models.platform import AuditEntry
from models.synagogue import Synagogue
from tests.support.actors import Factory, unique


async def _entry(tenant: Synagogue, action: str | None = None) -> AuditEntry:
    async with tenant_scope(tenant.id):
        return await AuditEntry.create(action=action or unique("action"))


async def _row(tenant_db: asyncpg.Connection, pk: int) -> dict[str, Any] | None:
    record = await tenant_db.fetchrow("SELECT tenant_id, action FROM audit_entry WHERE id = $1", pk)
    return dict(record) if record else None


async def _count_action(tenant_db: asyncpg.Connection, action: str) -> int:
    count: int = await tenant_db.fetchval("SELECT count(*) FROM audit_entry WHERE action = $1", action)
    return count


async def test_every_tenant_model_has_its_own_tenant_manager(factory: Factory) -> None:
    models = tenant_models()
    assert AuditEntry in models
    managers = [model._meta.manager for model in models]
    for model, manager in zip(models, managers, strict=True):
        assert isinstance(manager, TenantManager), model
        assert manager._model is model, model
    assert len({id(manager) for manager in managers}) == len(managers)


@pytest.mark.parametrize(
    "query",
    [
        lambda: AuditEntry.all(),
        lambda: AuditEntry.filter(action="x"),
        lambda: AuditEntry.get_or_none(id=1),
        lambda: AuditEntry.exists(id=1),
        lambda: AuditEntry.all().count(),
        lambda: AuditEntry.create(action="x"),
        lambda: AuditEntry.bulk_create([AuditEntry(action="x")]),
    ],
    ids=["all", "filter", "get_or_none", "exists", "count", "create", "bulk_create"],
)
async def test_T4_tenant_query_without_tenant_raises(factory: Factory, query: Any) -> None:
    with pytest.raises(TenantContextMissing):
        await query()


async def test_T4_every_tenant_model_fails_closed(factory: Factory) -> None:
    for model in tenant_models():
        with pytest.raises(TenantContextMissing):
            await model.all()


async def test_create_takes_the_tenant_from_context(factory: Factory) -> None:
    tenant = await factory.tenant()
    entry = await _entry(tenant)
    assert entry.tenant_id == tenant.id


async def test_create_naming_another_tenant_is_refused(factory: Factory, tenant_db: asyncpg.Connection) -> None:
    a, b = await factory.tenant(), await factory.tenant()
    action = unique("forged")
    with pytest.raises(TenantMismatch):
        async with tenant_scope(a.id):
            await AuditEntry.create(action=action, tenant_id=b.id)
    assert await _count_action(tenant_db, action) == 0


async def test_bulk_create_takes_the_tenant_and_refuses_a_mismatch(
    factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    a, b = await factory.tenant(), await factory.tenant()
    action = unique("bulk")
    async with tenant_scope(a.id):
        await AuditEntry.bulk_create([AuditEntry(action=action), AuditEntry(action=action)])
    rows = await tenant_db.fetch("SELECT tenant_id FROM audit_entry WHERE action = $1", action)
    assert [r["tenant_id"] for r in rows] == [a.id, a.id]

    mixed = unique("mixed")
    with pytest.raises(TenantMismatch):
        async with tenant_scope(a.id):
            await AuditEntry.bulk_create([AuditEntry(action=mixed), AuditEntry(action=mixed, tenant_id=b.id)])
    assert await _count_action(tenant_db, mixed) == 0


async def test_save_of_a_foreign_row_is_refused(factory: Factory, tenant_db: asyncpg.Connection) -> None:
    a, b = await factory.tenant(), await factory.tenant()
    foreign = await _entry(b, "original")
    foreign.action = "changed"
    with pytest.raises(TenantMismatch):
        async with tenant_scope(a.id):
            await foreign.save()
    assert await _row(tenant_db, foreign.id) == {"tenant_id": b.id, "action": "original"}


async def test_save_of_a_forged_instance_with_a_foreign_pk_is_refused(
    factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    a, b = await factory.tenant(), await factory.tenant()
    foreign = await _entry(b, "original")
    for kwargs in ({"force_update": True}, {"update_fields": ["action"]}):
        forged = AuditEntry(id=foreign.id, tenant_id=a.id, action="changed")
        with pytest.raises(TenantMismatch):
            async with tenant_scope(a.id):
                await forged.save(**kwargs)
    assert await _row(tenant_db, foreign.id) == {"tenant_id": b.id, "action": "original"}


async def test_moving_a_row_to_another_tenant_is_refused(factory: Factory, tenant_db: asyncpg.Connection) -> None:
    a, b = await factory.tenant(), await factory.tenant()
    own = await _entry(a, "mine")
    with pytest.raises(TenantMismatch):
        async with tenant_scope(a.id):
            await AuditEntry.filter(id=own.id).update(tenant_id=b.id)
    with pytest.raises(TenantMismatch):
        async with tenant_scope(a.id):
            own.tenant_id = b.id
            await own.save()
    with pytest.raises(TenantMismatch):
        async with tenant_scope(a.id):
            moved = AuditEntry(id=own.id, tenant_id=b.id, action="mine")
            await AuditEntry.bulk_update([moved], fields=["tenant_id"])
    assert await _row(tenant_db, own.id) == {"tenant_id": a.id, "action": "mine"}


async def test_own_rows_save_and_update_normally(factory: Factory, tenant_db: asyncpg.Connection) -> None:
    """(A message here: the audit log, the stand-in elsewhere in this module, is append-only for the app, Z7.)"""
    a = await factory.tenant()
    async with tenant_scope(a.id):
        own = await Message.create(title="before")
        own.title = "after"
        await own.save()
        await Message.filter(id=own.id).update(body="t")
        await own.refresh_from_db()
    assert own.body == "t"
    row = await tenant_db.fetchrow("SELECT tenant_id, title FROM content_message WHERE id = $1", own.id)
    assert dict(row) == {"tenant_id": a.id, "title": "after"}


async def test_delete_of_a_foreign_row_is_refused(factory: Factory, tenant_db: asyncpg.Connection) -> None:
    a, b = await factory.tenant(), await factory.tenant()
    foreign = await _entry(b)
    with pytest.raises(TenantMismatch):
        async with tenant_scope(a.id):
            await foreign.delete()
    forged = AuditEntry(id=foreign.id, tenant_id=a.id, action="x")
    forged._saved_in_db = True
    with pytest.raises(TenantMismatch):
        async with tenant_scope(a.id):
            await forged.delete()
    assert await _row(tenant_db, foreign.id) is not None


async def test_refresh_from_db_of_a_foreign_row_is_refused(factory: Factory) -> None:
    a, b = await factory.tenant(), await factory.tenant()
    foreign = await _entry(b, "secret")
    with pytest.raises(TenantMismatch):
        async with tenant_scope(a.id):
            await foreign.refresh_from_db()
    forged = AuditEntry(id=foreign.id, tenant_id=a.id, action="")
    forged._saved_in_db = True
    with pytest.raises(TenantMismatch):
        async with tenant_scope(a.id):
            await forged.refresh_from_db()
    assert forged.action == ""


async def test_raw_sql_on_a_tenant_model_is_refused(factory: Factory) -> None:
    a = await factory.tenant()
    async with tenant_scope(a.id):
        with pytest.raises(TenantContextMissing):
            await AuditEntry.raw("SELECT * FROM audit_entry")
        with pytest.raises(TenantContextMissing):
            await AuditEntry.all().raw("SELECT * FROM audit_entry")


async def test_no_global_model_has_a_relation_into_tenant_rows(factory: Factory) -> None:
    """`Synagogue.filter(messages__...)` and the like would join past the manager: no such relation exists."""
    tenant_model_set = set(tenant_models())
    for app in Tortoise.apps.values():
        for model in app.values():
            if issubclass(model, TenantModel):
                continue
            meta = model._meta
            reverse = meta.backward_fk_fields | meta.backward_o2o_fields | meta.m2m_fields
            leaking = [name for name in reverse if meta.fields_map[name].related_model in tenant_model_set]
            assert not leaking, f"{model.__name__} reaches tenant rows through {leaking}"
    assert not Synagogue._meta.backward_fk_fields
    assert not Synagogue._meta.backward_o2o_fields


async def test_a_scope_sees_only_its_tenant(factory: Factory) -> None:
    a, b = await factory.tenant(), await factory.tenant()
    mine, foreign = await _entry(a), await _entry(b)
    async with tenant_scope(a.id):
        ids = {row.id for row in await AuditEntry.filter(id__in=[mine.id, foreign.id])}
        assert ids == {mine.id}
        assert await AuditEntry.get_or_none(id=foreign.id) is None
        assert await AuditEntry.filter(id=foreign.id, tenant_id=b.id).count() == 0


async def test_a_queryset_built_past_the_manager_is_still_held_by_row_level_security(factory: Factory) -> None:
    """`QuerySet(Model)` (as in `Prefetch(queryset=...)`) skips the manager; PostgreSQL still scopes it."""
    a, b = await factory.tenant(), await factory.tenant()
    mine, foreign = await _entry(a), await _entry(b)
    async with tenant_scope(a.id):
        rows = await QuerySet(AuditEntry).filter(id__in=[mine.id, foreign.id])
    assert [row.id for row in rows] == [mine.id]
    with tenant_context(a.id):
        assert await QuerySet(AuditEntry).filter(id__in=[mine.id, foreign.id]) == []


async def test_unscoped_is_logged_and_still_bound_by_row_level_security(
    factory: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    a, b = await factory.tenant(), await factory.tenant()
    mine, foreign = await _entry(a), await _entry(b)
    with caplog.at_level(logging.WARNING, logger="shulgraph.tenancy"):
        async with tenant_scope(a.id):
            with unscoped("test: platform report"):
                ids = {row.id for row in await AuditEntry.filter(id__in=[mine.id, foreign.id])}
    assert ids == {mine.id}
    assert any(getattr(r, "reason", "") == "test: platform report" for r in caplog.records)


async def test_concurrent_scopes_keep_their_own_tenant(factory: Factory) -> None:
    a, b = await factory.tenant(), await factory.tenant()
    mine, theirs = await _entry(a), await _entry(b)

    async def read(tenant: Synagogue) -> set[int]:
        seen: set[int] = set()
        for _ in range(20):
            async with tenant_scope(tenant.id):
                await asyncio.sleep(0)
                seen |= {row.id for row in await AuditEntry.filter(id__in=[mine.id, theirs.id])}
        return seen

    results = await asyncio.gather(*(read(t) for t in (a, b) * 5))
    assert results == [{mine.id}, {theirs.id}] * 5
