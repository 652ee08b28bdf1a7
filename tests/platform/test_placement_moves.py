"""Moving a synagogue (`main.py tenant move`, as an operator runs it, while this process keeps serving it with its
own, soon stale, knowledge of placements): under steady reads and writes nothing is lost or duplicated (writes
refused during the switch answer UNAVAILABLE and are sent again); a move killed (SIGKILL) at any step finishes
when run again, or is rolled back when asked to go back, with every row, id and checksum as before and nothing
left at the source; subscriptions of another process and the job worker follow the synagogue; `tenant place` is
for empty synagogues only and `tenant list` shows where each one is.

A synagogue starts where the factory puts it (shared, or `tenants_a` in the placed pass) and moves to
`tenants_b`."""

from __future__ import annotations

import asyncio
import signal
import subprocess
from datetime import UTC, datetime, timedelta

import asyncpg
import pytest

from config import Settings
from models.base import tenant_scope
from models.content import Message
from models.devices import CommandKind, Device, DeviceCommand, DeviceSettings
from models.identity import Role
from models.placement import routing
from models.platform import AuditEntry
from models.synagogue import Synagogue
from services.infra.ids import to_global_id
from services.outbox.mail import enqueue_email
from services.outbox.worker import run_pending
from services.platform.moves import CHECKPOINTS
from tests.support.actors import Actor, Factory, unique
from tests.support.content import create_message
from tests.support.database import OWNER_URL, placed_owner_url
from tests.support.devices import make_tv
from tests.support.graphql import GQL, error_codes
from tests.support.live import run_server
from tests.support.placement import database_of, fences, held, rows_of, run_tenant_command, start_tenant_command
from tests.support.screens import screen_until, watch
from tests.support.snapshot import unchanged
from tests.support.waiting import wait_until

TARGET = "tenants_b"
MESSAGES = "query { messages(first: 100) { edges { node { id title } } } }"


async def _seeded(
    factory: Factory, role: Role = Role.EDITOR, database: str | None = None
) -> tuple[Actor, Synagogue]:
    """A member of a new synagogue (where the factory puts it, or in `database`) with rows in most of its tables
    (a device with settings and a command, messages, an audit entry, an e-mail queued)."""
    member = await factory.member(role=role, tenant=await factory.tenant(database=database))
    tenant = member.tenant
    async with tenant_scope(tenant.id):
        for index in range(5):
            await Message.create(title=f"seed-{index}", body="x" * index)
        await AuditEntry.create(action=unique("seed"))
        device = await Device.create(name="Hall")
        await DeviceSettings.create(device=device, panels=[{"kind": "zmanim"}])
        await DeviceCommand.create(
            device=device, kind=CommandKind.RELOAD, expires_at=datetime.now(UTC) + timedelta(hours=1)
        )
        await enqueue_email("family@example.org", "Yahrzeit", "A reminder")
    return member, tenant


def _where(database: str | None) -> str | None:
    return None if database in (None, "shared") else database


async def _settled(tenant: Synagogue, before: dict[str, list[object]], source: str | None, target: str) -> None:
    """Every row of the synagogue at the target as it was (ids and checksums), none left at the source, the
    placement switched, fences right, no journal."""
    assert await rows_of(_where(target), tenant.id) == before
    assert held(await rows_of(source, tenant.id)) == 0
    assert await database_of(tenant.id) == _where(target)
    fenced = await fences(tenant.id)
    assert fenced[source or "shared"] == "DEPARTED" and fenced[target] is None, fenced
    journal = await asyncpg.connect(OWNER_URL)
    try:
        assert await journal.fetchval("SELECT count(*) FROM tenant_move WHERE synagogue_id = $1", tenant.id) == 0
    finally:
        await journal.close()


def _read_until_paused(process: subprocess.Popen[str], checkpoint: str) -> str:
    seen = ""
    assert process.stdout is not None
    while f"paused at {checkpoint}" not in seen:
        line = process.stdout.readline()
        if not line:
            process.wait()
            errors = process.stderr.read() if process.stderr else ""
            raise AssertionError(f"the move ended before {checkpoint}: {seen}\n{errors}")
        seen += line
    return seen


async def _kill_at(slug: str, target: str, checkpoint: str) -> None:
    process = start_tenant_command("move", slug, "--to", target, pause_at=checkpoint)
    try:
        await asyncio.to_thread(_read_until_paused, process, checkpoint)
    finally:
        process.send_signal(signal.SIGKILL)
        await asyncio.to_thread(process.wait)


def _moved(*args: str) -> subprocess.CompletedProcess[str]:
    result = run_tenant_command(*args)
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    return result


async def test_a_move_under_steady_reads_and_writes_loses_and_duplicates_nothing(
    gql: GQL, factory: Factory, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "cost_budget_restore_rate", 10**9)  # the load is the test's, not a flood to refuse
    editor, tenant = await _seeded(factory)
    source = await database_of(tenant.id)
    acknowledged: list[str] = []
    outcomes = {"refused writes": 0, "reads": 0, "refused reads": 0}
    stop = asyncio.Event()

    async def writer() -> None:
        while not stop.is_set():
            title = f"load-{len(acknowledged)}"
            result = await gql.op("CreateMessage", {"input": {"title": title, "body": "steady"}}, actor=editor)
            if error_codes(result) == ["UNAVAILABLE"]:  # the switch: nothing was written; send it again
                outcomes["refused writes"] += 1
                continue
            assert result.get("data") and result["data"]["createMessage"]["userErrors"] == [], result
            acknowledged.append(title)

    async def reader() -> None:
        while not stop.is_set():
            result = await gql(MESSAGES, actor=editor)
            assert error_codes(result) in ([], ["UNAVAILABLE"]), result
            outcomes["reads" if result.get("data") else "refused reads"] += 1

    load = [asyncio.create_task(writer()), asyncio.create_task(reader())]
    try:
        await wait_until(lambda: len(acknowledged) >= 5, "writes before the move")
        moved = await asyncio.to_thread(_moved, "move", tenant.slug, "--to", TARGET)
        assert f"now in {TARGET}" in moved.stdout
        written_during = len(acknowledged)
        await wait_until(lambda: len(acknowledged) >= written_during + 5, "writes after the move")
    finally:
        stop.set()
        await asyncio.gather(*load)
    target = await asyncpg.connect(placed_owner_url(TARGET))
    try:
        titles = await target.fetch(
            "SELECT title FROM content_message WHERE tenant_id = $1 AND title LIKE 'load-%'", tenant.id
        )
    finally:
        await target.close()
    assert sorted(row["title"] for row in titles) == sorted(acknowledged)  # each once: none lost, none twice
    assert held(await rows_of(source, tenant.id)) == 0
    assert outcomes["reads"] > 0


@pytest.mark.parametrize("checkpoint", CHECKPOINTS)
async def test_a_move_killed_at_each_step_finishes_when_run_again(
    gql: GQL, factory: Factory, checkpoint: str
) -> None:
    editor, tenant = await _seeded(factory)
    source = await database_of(tenant.id)
    before = await rows_of(source, tenant.id)
    await _kill_at(tenant.slug, TARGET, checkpoint)
    meanwhile = await gql(MESSAGES, actor=editor)  # the synagogue's own rows, or UNAVAILABLE: never anything else
    if error_codes(meanwhile):
        assert error_codes(meanwhile) == ["UNAVAILABLE"], meanwhile
    else:
        assert len(meanwhile["data"]["messages"]["edges"]) == 5
    resumed = _moved("move", tenant.slug, "--to", TARGET)
    assert "resuming the move" in resumed.stdout, resumed.stdout
    await _settled(tenant, before, source, TARGET)
    after = await gql(MESSAGES, actor=editor)
    titles = sorted(edge["node"]["title"] for edge in after["data"]["messages"]["edges"])
    assert titles == [f"seed-{index}" for index in range(5)]


async def test_a_killed_move_asked_to_go_back_is_rolled_back(gql: GQL, factory: Factory) -> None:
    editor, tenant = await _seeded(factory)
    source = await database_of(tenant.id)
    before = await rows_of(source, tenant.id)
    await _kill_at(tenant.slug, TARGET, "fenced")
    back = _moved("move", tenant.slug, "--to", source or "shared")
    assert "rolling back" in back.stdout and f"rolled back the move to {TARGET}" in back.stdout, back.stdout
    assert await rows_of(source, tenant.id) == before and held(await rows_of(TARGET, tenant.id)) == 0
    assert await database_of(tenant.id) == source
    assert (await fences(tenant.id))[source or "shared"] is None
    created = await create_message(gql, editor, unique("back home"))
    assert created["title"].startswith("back home")


async def test_subscriptions_and_the_worker_follow_a_moved_synagogue(gql: GQL, factory: Factory) -> None:
    editor, tenant = await _seeded(factory)
    source = await database_of(tenant.id)
    tv = await make_tv(tenant)
    async with run_server() as server:
        screen, first = await watch(server, tv)
        try:
            assert len(first["messages"]) == 5
            _moved("move", tenant.slug, "--to", TARGET)
            title = unique("after the move")
            await create_message(gql, editor, title)
            state = await screen_until(screen, lambda s: any(m["title"] == title for m in s["messages"]))
            assert len(state["messages"]) == 6
        finally:
            await screen.close()
    await routing.load_placements()
    assert await run_pending() >= 1
    target = await asyncpg.connect(placed_owner_url(TARGET))
    try:
        jobs = await target.fetch("SELECT kind, status FROM job WHERE tenant_id = $1", tenant.id)
    finally:
        await target.close()
    assert [(row["kind"], row["status"]) for row in jobs] == [("email.send", "DONE")], jobs
    assert held(await rows_of(source, tenant.id)) == 0


async def test_a_placed_synagogue_moves_to_another_database_and_back_to_the_shared_one(
    gql: GQL, factory: Factory
) -> None:
    editor, tenant = await _seeded(factory, database="tenants_a")
    before = await rows_of("tenants_a", tenant.id)
    _moved("move", tenant.slug, "--to", TARGET)
    await _settled(tenant, before, "tenants_a", TARGET)
    _moved("move", tenant.slug, "--to", "shared")
    await _settled(tenant, before, TARGET, "shared")
    for database in ("tenants_a", TARGET):  # the registry row copied there for the foreign keys went with the rows
        left = await asyncpg.connect(placed_owner_url(database))
        try:
            assert await left.fetchval("SELECT count(*) FROM synagogue WHERE id = $1", tenant.id) == 0
        finally:
            await left.close()
    created = await create_message(gql, editor, unique("home"))
    assert created["title"].startswith("home")


async def test_place_is_for_empty_synagogues_and_list_shows_each_placement(factory: Factory) -> None:
    _, full = await _seeded(factory)
    empty = await factory.tenant(database="shared")
    refused = run_tenant_command("place", full.slug, "--database", TARGET)
    assert refused.returncode == 2 and "use `tenant move" in refused.stderr, refused.stderr
    _moved("place", empty.slug, "--database", TARGET)
    assert await database_of(empty.id) == TARGET
    listed = _moved("list").stdout
    lines = {line.split()[0]: line.split() for line in listed.splitlines()[1:]}
    assert lines[empty.slug][1] == TARGET and lines[full.slug][1] == (await database_of(full.id) or "shared")
    assert int(lines[full.slug][2]) >= 9  # messages, audit entry, device, settings, command, e-mail job
    unknown = run_tenant_command("move", full.slug, "--to", "nowhere")
    assert unknown.returncode == 2 and "no tenant database named 'nowhere'" in unknown.stderr


async def test_cross_tenant_ids_stay_foreign_after_a_move(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    editor, tenant = await _seeded(factory)
    outsider = await factory.member(role=Role.OWNER)
    titles = await gql(MESSAGES, actor=editor)
    ids = [edge["node"]["id"] for edge in titles["data"]["messages"]["edges"]]
    _moved("move", tenant.slug, "--to", TARGET)
    async with unchanged(owner_db, editor, outsider):
        for global_id in ids[:2]:
            node = await gql("query($id: ID!) { node(id: $id) { id } }", {"id": global_id}, actor=outsider)
            assert node["data"]["node"] is None
            update = await gql.op("UpdateMessage", {"input": {"id": global_id, "title": "x"}}, actor=outsider)
            assert [e["code"] for e in update["data"]["updateMessage"]["userErrors"]] == ["NOT_FOUND"]
    again = await gql(MESSAGES, actor=editor)
    assert [edge["node"]["id"] for edge in again["data"]["messages"]["edges"]] == ids  # the same ids, moved


async def test_missing_role_is_still_refused_after_a_move(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    viewer, tenant = await _seeded(factory, role=Role.VIEWER)
    _moved("move", tenant.slug, "--to", TARGET)
    async with unchanged(owner_db, viewer):
        refused = await gql.op("CreateMessage", {"input": {"title": "not mine to write"}}, actor=viewer)
        assert error_codes(refused) == ["FORBIDDEN"], refused
    assert len((await gql(MESSAGES, actor=viewer))["data"]["messages"]["edges"]) == 5
    assert to_global_id("Synagogue", tenant.id) == viewer.tenant_gid

