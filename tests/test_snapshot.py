"""The snapshot every cross-tenant and missing-role case compares around its refusals (tests/support/snapshot.py)
sees what it promises: a write to the synagogue's rows, its own row or a global table; not another synagogue's
rows, and not the bookkeeping a request stamps whatever the operation (a TV's presence)."""

from __future__ import annotations

import asyncpg
import pytest

from models.content import Message
from tests.support.actors import Factory
from tests.support.content import make
from tests.support.devices import make_tv
from tests.support.snapshot import snapshot, unchanged


async def test_a_write_to_the_synagogues_rows_or_to_a_global_table_is_seen(
    factory: Factory, owner_db: asyncpg.Connection
) -> None:
    mine, other, platform = await factory.member(), await factory.member(), await factory.platform_admin()
    with pytest.raises(AssertionError, match="content_message"):
        async with unchanged(owner_db, mine):
            await make(mine.tenant.id, Message, title="written")
    with pytest.raises(AssertionError, match="synagogue"):
        async with unchanged(owner_db, mine):
            await owner_db.execute("UPDATE synagogue SET name = name || '!' WHERE id = $1", mine.tenant.id)
    with pytest.raises(AssertionError, match="app_user"):
        async with unchanged(owner_db):
            await factory.user()
    async with unchanged(owner_db, mine):  # another synagogue's rows are not this one's
        await make(other.tenant.id, Message, title="elsewhere")
    # a platform admin (a member of no synagogue) adds nothing
    assert await snapshot(owner_db, mine) == await snapshot(owner_db, mine.tenant, platform)


async def test_a_tvs_presence_is_bookkeeping_but_its_revocation_is_a_write(
    factory: Factory, owner_db: asyncpg.Connection
) -> None:
    mine = await factory.member()
    tv = await make_tv(mine.tenant)
    seen = "UPDATE device_identity SET last_seen_at = now(), online = true WHERE device_id = $1"
    async with unchanged(owner_db, mine):
        await owner_db.execute(seen, tv.device.id)
    with pytest.raises(AssertionError, match="device_identity"):
        async with unchanged(owner_db, mine):
            await owner_db.execute("UPDATE device_identity SET revoked_at = now() WHERE device_id = $1", tv.device.id)
