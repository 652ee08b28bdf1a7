"""YAHRZEIT_UPCOMING for every upcoming yahrzeit: an endpoint that hears it starts the synagogue's daily yahrzeit
sweeps (also where no memorial has a family address), and each sweep announces every memorial's yahrzeit
YAHRZEIT_REMINDER_DAYS ahead whether or not a family address is known, while only a family with an address is
e-mailed; each once, however many sweeps of the day run, two workers at once included.

On fixed dates, from hebcal's reference yahrzeits: the two Kislev 30 cases (deaths on 2013-12-03 and 2011-12-26)
are both observed on 2026-12-10 in 5787, General (2017-01-13) on 2026-12-25; the sweeps run on Thursday
2026-12-03, a week before, with the clock the sweeps read pinned there."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from zoneinfo import ZoneInfo

import asyncpg
import pytest

from config import Settings
from models.base import tenant_scope
from models.identity import Role
from services.content.yahrzeit_reminders import queue_sweep
from services.infra import clock
from services.infra.ids import to_global_id
from services.outbox.worker import run_pending
from tests.support.actors import Factory
from tests.support.devices import make_tv
from tests.support.graphql import GQL, answer, assert_refused, error_codes, refused_callers, user_errors
from tests.support.outbox import run_due
from tests.support.receivers import WebhookReceiver, smtp_server
from tests.support.snapshot import unchanged
from tests.support.webhooks import CREATE_ENDPOINT, newest_endpoint_id, subscribe
from tests.support.yahrzeits import add_memorial, reference_yahrzeits, sweeps

SWEEP_DAY = date(2026, 12, 3)
HEBREW_YEAR = 5787
AHEAD = 7
pytestmark = pytest.mark.usefixtures("private_targets")


@pytest.fixture(autouse=True)
def a_week_ahead(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "yahrzeit_reminder_days", AHEAD)


def sweep_morning(timezone: str) -> datetime:
    """10:00 on SWEEP_DAY in the synagogue's zone: its 09:00 sweep is due."""
    return datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo(timezone))


def announced(receiver: WebhookReceiver) -> list[tuple[str, str, str]]:
    """(type, name, date) of each event the receiver got, sorted."""
    events = [request.json() for request in receiver.requests]
    return sorted((e["type"], e["data"]["name"], e["data"]["date"]) for e in events)


async def test_every_memorial_is_announced_once_and_only_a_family_with_an_address_is_emailed(
    gql: GQL,
    factory: Factory,
    owner_db: asyncpg.Connection,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    receiver: WebhookReceiver,
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    editor = await factory.member(tenant=admin.tenant, role=Role.EDITOR)
    tenant = admin.tenant
    chaim_died, chaim_yahrzeits = reference_yahrzeits("Kislev-30-Ex1")
    berel_died, berel_yahrzeits = reference_yahrzeits("Kislev-30-Ex2")
    zalman_died, zalman_yahrzeits = reference_yahrzeits("General")
    observed = chaim_yahrzeits[HEBREW_YEAR]
    assert observed == berel_yahrzeits[HEBREW_YEAR] == date(2026, 12, 10)
    assert (observed - SWEEP_DAY).days == AHEAD and zalman_yahrzeits[HEBREW_YEAR] == date(2026, 12, 25)
    with clock.pinned(sweep_morning(tenant.timezone)), smtp_server() as (sink, url):
        monkeypatch.setattr(settings, "smtp_url", url)
        await subscribe(gql, admin, receiver.url, "YAHRZEIT_UPCOMING")
        [chain] = await sweeps(owner_db, tenant.id)  # no family address, yet the endpoint starts the sweeps
        assert (chain["status"], chain["day"]) == ("PENDING", SWEEP_DAY.isoformat())
        chaim = await add_memorial(gql, editor, "Reb Chaim", chaim_died, "chaim-family@example.org")
        berel = await add_memorial(gql, editor, "Reb Berel", berel_died)
        await add_memorial(gql, editor, "Reb Zalman", zalman_died)
        assert len(await sweeps(owner_db, tenant.id)) == 1, "the pending sweep of the day serves them"
        await run_due(owner_db, chain["id"])
        async with tenant_scope(tenant.id):  # the same day swept twice more (a rerun, a one-off), at once
            await queue_sweep(SWEEP_DAY, 0, once=True)
            await queue_sweep(SWEEP_DAY, 0, once=True)
        await asyncio.gather(run_pending(), run_pending())
        mails = [m for m in sink.messages if m["To"].endswith("-family@example.org")]
    day = observed.isoformat()
    assert announced(receiver) == [("YAHRZEIT_UPCOMING", "Reb Berel", day), ("YAHRZEIT_UPCOMING", "Reb Chaim", day)]
    ids = {r.json()["data"]["name"]: r.json()["data"]["memorialId"] for r in receiver.requests}
    assert ids == {"Reb Berel": berel, "Reb Chaim": chaim}
    assert [(m["To"], m["Subject"]) for m in mails] == [
        ("chaim-family@example.org", "Yahrzeit of Reb Chaim on December 10, 2026")
    ]
    first, following, *extra = await sweeps(owner_db, tenant.id)
    assert (first["status"], first["result"]["announced"], first["result"]["queued"]) == ("DONE", 2, 1)
    assert [(s["status"], s["day"], s["result"]["announced"], s["result"]["queued"]) for s in extra] == [
        ("DONE", SWEEP_DAY.isoformat(), 0, 0)
    ] * 2
    assert (following["status"], following["day"]) == ("PENDING", "2026-12-04")


async def test_an_endpoint_that_starts_hearing_yahrzeits_after_the_days_sweep_is_served_the_same_day(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, receiver: WebhookReceiver
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tenant = admin.tenant
    berel_died, _ = reference_yahrzeits("Kislev-30-Ex2")
    chaim_died, _ = reference_yahrzeits("Kislev-30-Ex1")
    with clock.pinned(sweep_morning(tenant.timezone)):
        await add_memorial(gql, admin, "Reb Berel", berel_died)
        await subscribe(gql, admin, receiver.url, "MESSAGE_CREATED")
        assert await sweeps(owner_db, tenant.id) == [], "nobody hears yahrzeits: no sweep"
        endpoint = await newest_endpoint_id(gql, admin)
        hear = {"input": {"id": endpoint, "events": ["MESSAGE_CREATED", "YAHRZEIT_UPCOMING"]}}
        assert user_errors(await gql.trusted("UpdateWebhookEndpoint", hear, actor=admin), "updateWebhookEndpoint") == []
        [chain] = await sweeps(owner_db, tenant.id)
        await run_due(owner_db, chain["id"])
        await add_memorial(gql, admin, "Reb Chaim", chaim_died)  # after the day's sweep: a one-off sweep, now
        await run_pending()
        for active in (False, True):  # enabled again: one more sweep of the day, which finds both announced
            toggle = {"input": {"id": endpoint, "isActive": active}}
            await gql.trusted("UpdateWebhookEndpoint", toggle, actor=admin)
        await run_pending()
    day = "2026-12-10"
    assert announced(receiver) == [("YAHRZEIT_UPCOMING", "Reb Berel", day), ("YAHRZEIT_UPCOMING", "Reb Chaim", day)]
    done = [(s["day"], s["result"]["announced"]) for s in await sweeps(owner_db, tenant.id) if s["status"] == "DONE"]
    assert done == [(SWEEP_DAY.isoformat(), 1), (SWEEP_DAY.isoformat(), 1), (SWEEP_DAY.isoformat(), 0)]


async def test_cross_tenant_another_synagogues_endpoint_cannot_be_made_to_hear_yahrzeits(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    theirs = await factory.member(role=Role.ADMIN)
    await subscribe(gql, theirs, "https://hooks.example.org/theirs", "MESSAGE_CREATED")
    their_endpoint = await newest_endpoint_id(gql, theirs)
    missing = to_global_id("WebhookEndpoint", 10**9)
    hear = ["YAHRZEIT_UPCOMING"]
    async with unchanged(owner_db, admin, theirs):
        foreign = await gql.trusted("UpdateWebhookEndpoint", {"input": {"id": their_endpoint, "events": hear}},
                                    actor=admin)  # fmt: skip
        ghost = await gql.trusted("UpdateWebhookEndpoint", {"input": {"id": missing, "events": hear}}, actor=admin)
        assert [e["code"] for e in user_errors(foreign, "updateWebhookEndpoint")] == ["NOT_FOUND"]
        assert answer(foreign) == answer(ghost)
        named = await gql(CREATE_ENDPOINT, {"input": {"url": "https://hooks.example.org/in", "events": hear}},
                          actor=admin, tenant=theirs.tenant)  # fmt: skip
        assert error_codes(named) == ["FORBIDDEN"]
        assert await sweeps(owner_db, theirs.tenant.id) == []


async def test_missing_role_below_admin_devices_and_anonymous_callers_cannot_start_yahrzeit_announcements(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    editor = await factory.member(tenant=admin.tenant, role=Role.EDITOR)
    tv = await make_tv(admin.tenant)
    await subscribe(gql, admin, "https://hooks.example.org/in", "MESSAGE_CREATED")
    hear = {"input": {"id": await newest_endpoint_id(gql, admin), "events": ["YAHRZEIT_UPCOMING"]}}
    async with unchanged(owner_db, admin):
        await assert_refused(gql, "UpdateWebhookEndpoint", hear, refused_callers(editor, tv.headers))
        create = {"input": {"url": "https://hooks.example.org/new", "events": ["YAHRZEIT_UPCOMING"]}}
        assert error_codes(await gql(CREATE_ENDPOINT, create, actor=editor)) == ["FORBIDDEN"]
        assert await sweeps(owner_db, admin.tenant.id) == []
