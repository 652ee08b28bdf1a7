"""Yahrzeit reminders: a memorial with a family address starts the synagogue's daily sweep; each sweep
e-mails the families of the yahrzeits YAHRZEIT_REMINDER_DAYS ahead once, and queues the next day's."""

from __future__ import annotations

import asyncio
import json
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg
import pytest

from config import Settings
from luach import HebrewDate
from luach.yahrzeit import next_yahrzeit
from models.base import tenant_scope
from models.content import Memorial
from models.identity import Role
from services.content.memorials import update_memorial
from services.infra.ids import to_global_id
from services.outbox.worker import run_pending
from tests.support.actors import Actor, Factory
from tests.support.graphql import GQL, answer, error_codes
from tests.support.outbox import run_due
from tests.support.receivers import body_text, smtp_server
from tests.support.snapshot import unchanged
from tests.support.webhooks import subscribe
from tests.support.yahrzeits import sweeps


def death_observed_on(target: date, today: date) -> HebrewDate:
    """A Hebrew date of death, years back, whose next yahrzeit is `target`."""
    observed = HebrewDate.from_civil(target)
    for back in range(10, 40):
        try:
            death = HebrewDate(observed.year - back, observed.month, observed.day)
        except ValueError:
            continue
        if next_yahrzeit(death, today) == target:
            return death
    raise AssertionError(f"no death date found for {target}")


async def memorial(gql: GQL, actor: Actor, name: str, death: HebrewDate, email: str | None) -> dict[str, Any]:
    values: dict[str, Any] = {
        "name": name,
        "hebrewDateOfDeath": {"day": death.day, "month": death.month.value, "year": death.year},
    }
    if email:
        values["familyEmail"] = email
    return await gql.op("CreateMemorial", {"input": values}, actor=actor)


async def test_family_is_reminded_once_ahead_of_the_yahrzeit(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    tenant = editor.tenant
    today = datetime.now(ZoneInfo(tenant.timezone)).date()
    ahead = timedelta(days=settings.yahrzeit_reminder_days)
    first = death_observed_on(today + ahead, today)
    later = death_observed_on(today + ahead + timedelta(days=1), today)
    admin = await factory.member(tenant=tenant, role=Role.ADMIN)
    await subscribe(gql, admin, "https://hooks.example.org/in", "YAHRZEIT_UPCOMING")
    await memorial(gql, editor, "Reb Chaim", first, "chaim-family@example.org")
    await memorial(gql, editor, "Reb Berel", later, "berel-family@example.org")
    await memorial(gql, editor, "Reb Yankel", first, None)
    [sweep] = await sweeps(owner_db, tenant.id)
    assert (sweep["status"], sweep["day"]) == ("PENDING", today.isoformat())
    with smtp_server() as (sink, url):
        monkeypatch.setattr(settings, "smtp_url", url)
        await run_due(owner_db, sweep["id"])
        [reminder] = [m for m in sink.messages if m["To"] == "chaim-family@example.org"]
        assert [m for m in sink.messages if m["To"] == "berel-family@example.org"] == []
        done, following = await sweeps(owner_db, tenant.id)
        assert done["status"] == "DONE"
        assert (following["status"], following["day"]) == ("PENDING", (today + timedelta(days=1)).isoformat())
        await run_due(owner_db, following["id"])
        to_chaim = [m for m in sink.messages if m["To"] == "chaim-family@example.org"]
        to_berel = [m for m in sink.messages if m["To"] == "berel-family@example.org"]
    assert to_chaim == [reminder] and len(to_berel) == 1
    assert "Reb Chaim" in reminder["Subject"]
    body = body_text(reminder)
    assert (today + ahead).strftime("%B") in body and str(first.month.display) in body and tenant.name in body
    assert [s["status"] for s in await sweeps(owner_db, tenant.id)] == ["DONE", "DONE", "PENDING"]
    told = await owner_db.fetch(
        "SELECT event, payload FROM webhook_delivery WHERE tenant_id = $1 ORDER BY id", tenant.id
    )
    upcoming = [(row["event"], json.loads(row["payload"])["data"]) for row in told]
    assert [(event, data["name"], data["date"]) for event, data in upcoming] == [
        ("YAHRZEIT_UPCOMING", "Reb Chaim", (today + ahead).isoformat()),
        ("YAHRZEIT_UPCOMING", "Reb Yankel", (today + ahead).isoformat()),  # announced without a family address
        ("YAHRZEIT_UPCOMING", "Reb Berel", (today + ahead + timedelta(days=1)).isoformat()),
    ]


UPDATE_EMAIL = """mutation($input: UpdateMemorialInput!) {
  updateMemorial(input: $input) { memorial { id } userErrors { code } } }"""


async def test_address_written_after_the_days_sweep_is_reminded_the_same_day_exactly_once(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    tenant = editor.tenant
    today = datetime.now(ZoneInfo(tenant.timezone)).date()
    death = death_observed_on(today + timedelta(days=settings.yahrzeit_reminder_days), today)
    await memorial(gql, editor, "Reb Chaim", death, "chaim-family@example.org")
    with smtp_server() as (sink, url):
        monkeypatch.setattr(settings, "smtp_url", url)
        [morning] = await sweeps(owner_db, tenant.id)
        await run_due(owner_db, morning["id"])  # the day's sweep: Reb Chaim's family only
        late = await memorial(gql, editor, "Reb Berel", death, "berel-family@example.org")
        berel = late["data"]["createMemorial"]["memorial"]["id"]
        await memorial(gql, editor, "Reb Zalman", death, "zalman-family@example.org")  # still the same extra sweep
        extra = [s for s in await sweeps(owner_db, tenant.id) if s["status"] == "PENDING" and s["day"] == str(today)]
        assert len(extra) == 1
        await run_pending()  # the extra sweep is due at once
        result = await gql(UPDATE_EMAIL, {"input": {"id": berel, "familyEmail": "berel-son@example.org"}}, actor=editor)
        assert result["data"]["updateMemorial"]["userErrors"] == []
        await run_pending()  # a third sweep of the day finds every reminder sent
        tomorrow = [s for s in await sweeps(owner_db, tenant.id) if s["status"] == "PENDING"]
        assert [s["day"] for s in tomorrow] == [(today + timedelta(days=1)).isoformat()]
        await run_due(owner_db, tomorrow[0]["id"])
        recipients = sorted(m["To"] for m in sink.messages if m["To"].endswith("-family@example.org"))
    assert recipients == ["berel-family@example.org", "chaim-family@example.org", "zalman-family@example.org"]


async def test_no_family_address_starts_no_sweep(gql: GQL, factory: Factory, owner_db: asyncpg.Connection) -> None:
    editor = await factory.member(role=Role.EDITOR)
    today = date.today()
    await memorial(gql, editor, "Reb Zalman", death_observed_on(today + timedelta(days=30), today), None)
    assert await sweeps(owner_db, editor.tenant.id) == []


async def test_Z1_missing_role_viewer_starts_no_sweep(gql: GQL, factory: Factory, owner_db: asyncpg.Connection) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    today = date.today()
    death = death_observed_on(today + timedelta(days=30), today)
    async with unchanged(owner_db, viewer):
        result = await memorial(gql, viewer, "Reb Shmuel", death, "family@example.org")
        assert error_codes(result) == ["FORBIDDEN"]
        assert await sweeps(owner_db, viewer.tenant.id) == []


async def test_T1_cross_tenant_outsider_starts_no_sweep(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    member = await factory.member(role=Role.VIEWER)
    outsider = await factory.member(role=Role.OWNER)
    today = date.today()
    death = death_observed_on(today + timedelta(days=30), today)
    values = {
        "name": "X",
        "hebrewDateOfDeath": {"day": death.day, "month": death.month.value, "year": death.year},
        "familyEmail": "x@example.org",
    }
    async with unchanged(owner_db, member, outsider):
        result = await gql.op("CreateMemorial", {"input": values}, actor=outsider, tenant=member.tenant)
        assert error_codes(result) == ["FORBIDDEN"]
        nowhere = {"X-Tenant-ID": to_global_id("Synagogue", 10**9)}
        missing = await gql.op("CreateMemorial", {"input": values}, actor=outsider, headers=nowhere)
        assert answer(result) == answer(missing)
        assert await sweeps(owner_db, member.tenant.id) == []
        assert await sweeps(owner_db, outsider.tenant.id) == []


async def test_a_chain_that_ended_is_started_again_beside_a_pending_one_off_sweep(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, settings: Settings
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    tenant = editor.tenant
    today = datetime.now(ZoneInfo(tenant.timezone)).date()
    death = death_observed_on(today + timedelta(days=settings.yahrzeit_reminder_days + 3), today)
    await memorial(gql, editor, "Reb Chaim", death, "chaim-family@example.org")
    [morning] = await sweeps(owner_db, tenant.id)
    await run_due(owner_db, morning["id"])
    await memorial(gql, editor, "Reb Berel", death, "berel-family@example.org")  # a one-off sweep of today
    await owner_db.execute(  # the chain gives up (FAILED), the one-off is still to run
        "UPDATE job SET status = 'FAILED' WHERE tenant_id = $1 AND kind = 'yahrzeit.reminders'"
        " AND status = 'PENDING' AND NOT (payload ? 'once')",
        tenant.id,
    )
    await memorial(gql, editor, "Reb Zalman", death, "zalman-family@example.org")
    pending = await owner_db.fetch(
        "SELECT payload FROM job WHERE tenant_id = $1 AND kind = 'yahrzeit.reminders' AND status = 'PENDING'"
        " ORDER BY id",
        tenant.id,
    )
    kinds = [("once" in json.loads(row["payload"]), json.loads(row["payload"])["day"]) for row in pending]
    assert kinds == [(True, today.isoformat()), (False, today.isoformat())]


async def test_an_edit_leaving_the_address_and_the_date_alone_queues_no_extra_sweep(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    tenant = editor.tenant
    today = datetime.now(ZoneInfo(tenant.timezone)).date()
    death = death_observed_on(today + timedelta(days=settings.yahrzeit_reminder_days), today)
    created = await memorial(gql, editor, "Reb Chaim", death, "chaim-family@example.org")
    gid = created["data"]["createMemorial"]["memorial"]["id"]
    with smtp_server() as (_, url):
        monkeypatch.setattr(settings, "smtp_url", url)
        [morning] = await sweeps(owner_db, tenant.id)
        await run_due(owner_db, morning["id"])
    result = await gql(UPDATE_EMAIL, {"input": {"id": gid, "plaque": "Row 4"}}, actor=editor)
    assert result["data"]["updateMemorial"]["userErrors"] == []
    pending = [s["day"] for s in await sweeps(owner_db, tenant.id) if s["status"] == "PENDING"]
    assert pending == [(today + timedelta(days=1)).isoformat()]


async def test_an_address_written_while_the_days_sweep_starts_is_reminded(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The edit holds the reminder lock until it commits: a sweep starting meanwhile waits and then sees the
    address (before, it read the memorials without it while the edit saw the sweep pending: a lost reminder)."""


    editor = await factory.member(role=Role.EDITOR)
    tenant = editor.tenant
    today = datetime.now(ZoneInfo(tenant.timezone)).date()
    death = death_observed_on(today + timedelta(days=settings.yahrzeit_reminder_days), today)
    await memorial(gql, editor, "Reb Chaim", death, "chaim-family@example.org")
    late = await memorial(gql, editor, "Reb Berel", death, None)
    assert late["data"]["createMemorial"]["userErrors"] == []
    [morning] = await sweeps(owner_db, tenant.id)
    await owner_db.execute("UPDATE job SET run_after = now() WHERE id = $1", morning["id"])
    edited, release = asyncio.Event(), asyncio.Event()

    async def edit() -> None:
        async with tenant_scope(tenant.id):
            berel = await Memorial.get(name="Reb Berel")
            assert await update_memorial(berel, {"family_email": "berel-family@example.org"}, today) == []
            edited.set()
            await release.wait()  # the edit commits only now

    with smtp_server() as (sink, url):
        monkeypatch.setattr(settings, "smtp_url", url)
        editing = asyncio.create_task(edit())
        await edited.wait()
        sweeping = asyncio.create_task(run_pending())
        await asyncio.sleep(0.5)  # room for the sweep to run ahead of the edit, were it not held
        release.set()
        await editing
        await sweeping
        await run_pending()  # whatever the sweep or the edit queued
        families = {"berel-family@example.org", "chaim-family@example.org"}
        recipients = sorted(m["To"] for m in sink.messages if m["To"] in families)  # other tests' mail may be due
    assert recipients == sorted(families)
