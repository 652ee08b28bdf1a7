"""Moving a synagogue between the shared database and placed ones (`main.py tenant move SLUG --to NAME|shared`).

1. The journal (central `tenant_move`, step COPYING) is written first, and the target fenced (`ARRIVING`): nothing
   serves the synagogue from there yet. Its rows are copied while it stays writable at the source.
2. The switch: the move takes the synagogue's switch lock at the source (an advisory lock every one of its
   transactions holds shared): it waits for the operations in flight, and from then on the synagogue is read-only
   (its mutations answer UNAVAILABLE with Retry-After). It copies what changed since, verifies both sides (rows
   and a checksum per table), fences the source (`DEPARTED`; step SWITCHING), switches the placement in the central
   registry (step SWITCHED, in the same transaction) and lifts the target's fence. Processes that still route the
   synagogue to the source meet its fence, read the placement again and go to the target.
3. The source's rows are deleted and the journal with them.

A move killed at any step (SIGKILL) is resumed by running it again: before SWITCHED it copies again and switches
(or, asked for another target, rolls back: the target's copy deleted, the source unfenced); from SWITCHED on it
finishes. `SHULGRAPH_MOVE_PAUSE_AT=<checkpoint>` holds a move at a checkpoint (tests kill it there).

Everything is done as each database's owner role (the application role can only read the registry)."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import asyncpg

from config import Settings
from models.placement.connection import SWITCH_LOCK_CLASS
from models.platform import SHARED
from services.platform import tenant_tables as rows
from services.platform.owners import Owners, PlacementError, placement_of

COPYING, SWITCHING, SWITCHED = "COPYING", "SWITCHING", "SWITCHED"
CHECKPOINTS = ("journal", "copy", "copied", "locked", "fenced", "switched", "cleanup")
LOCK_ATTEMPTS = 3


class MoveError(PlacementError):
    """A move that cannot go on; what it did so far is resumable (or already rolled back)."""


@dataclass
class MoveReport:
    """What a move did: where from and to, the verified tables (rows, checksum), how long writes were refused."""

    slug: str
    source: str
    target: str
    tables: dict[str, list[Any]] = field(default_factory=dict)
    read_only_seconds: float = 0.0
    resumed: str | None = None
    rolled_back: str | None = None


async def checkpoint(name: str, say: Callable[[str], None]) -> None:
    """Hold here forever when `SHULGRAPH_MOVE_PAUSE_AT` names this checkpoint (crash tests kill the move here)."""
    if os.environ.get("SHULGRAPH_MOVE_PAUSE_AT") == name:
        say(f"paused at {name}")
        sys.stdout.flush()
        await asyncio.Event().wait()


async def _fence(connection: asyncpg.Connection, tenant_id: int, state: str | None) -> None:
    if state is None:
        await connection.execute("DELETE FROM tenant_fence WHERE synagogue_id = $1", tenant_id)
    else:
        await connection.execute(
            "INSERT INTO tenant_fence (synagogue_id, state, since) VALUES ($1, $2, now()) "
            "ON CONFLICT (synagogue_id) DO UPDATE SET state = EXCLUDED.state, since = now()",
            tenant_id,
            state,
        )


async def _journal(central: asyncpg.Connection, tenant_id: int, step: str, detail: dict[str, Any]) -> None:
    await central.execute(
        "UPDATE tenant_move SET step = $2, detail = $3::jsonb, updated_at = now() WHERE synagogue_id = $1",
        tenant_id,
        step,
        json.dumps(detail),
    )


class Move:
    """One synagogue's move, step by step (see the module)."""

    def __init__(self, owners: Owners, tenant_id: int, report: MoveReport, say: Callable[[str], None]) -> None:
        self.owners = owners
        self.tenant_id = tenant_id
        self.report = report
        self.say = say
        self.tables = rows.tenant_tables()

    async def connect(self, database: str) -> asyncpg.Connection:
        connection = await self.owners.connect(database)
        await rows.serve_tenant(connection, self.tenant_id)
        return connection

    @asynccontextmanager
    async def connected(self, database: str) -> AsyncIterator[asyncpg.Connection]:
        """An owner session of `database` serving the synagogue, for the block."""
        connection = await self.connect(database)
        try:
            yield connection
        finally:
            await connection.close()

    async def fence(self, database: str, state: str | None) -> None:
        async with self.connected(database) as connection:
            await _fence(connection, self.tenant_id, state)

    async def copy(
        self, source: asyncpg.Connection, target: asyncpg.Connection, tables: list[rows.TenantTable] | None = None
    ) -> rows.Copied:
        """One pass of copying the synagogue's rows (and first, into a placed database, its registry row)."""
        if self.report.target != SHARED:
            async with self.owners.central() as central:
                await rows.sync(central, target, [rows.synagogue_table()], self.tenant_id)
        return await rows.sync(source, target, self.tables if tables is None else tables, self.tenant_id)

    async def start(self) -> None:
        async with self.owners.central() as central:
            await central.execute(
                "INSERT INTO tenant_move (synagogue_id, source, target, step, detail, started_at, updated_at) "
                "VALUES ($1, $2, $3, $4, '{}'::jsonb, now(), now())",
                self.tenant_id,
                self.report.source,
                self.report.target,
                COPYING,
            )
        await self.fence(self.report.target, "ARRIVING")
        await checkpoint("journal", self.say)

    async def copy_while_writable(self) -> None:
        source, target = await self.connect(self.report.source), await self.connect(self.report.target)
        try:
            if os.environ.get("SHULGRAPH_MOVE_PAUSE_AT") == "copy":  # a pass interrupted halfway
                await self.copy(source, target, self.tables[: len(self.tables) // 2])
                await checkpoint("copy", self.say)
            copied = await self.copy(source, target)
            self.say(f"copied {copied.copied} rows ({copied.overwritten} rewritten, {copied.deleted} deleted)")
        finally:
            await source.close()
            await target.close()
        await checkpoint("copied", self.say)

    async def _lock(self, source: asyncpg.Connection) -> None:
        timeout = self.owners.settings.tenant_move_lock_seconds
        await source.execute(f"SET lock_timeout = '{int(timeout * 1000)}ms'")
        for attempt in range(1, LOCK_ATTEMPTS + 1):
            try:
                await source.execute("SELECT pg_advisory_lock($1, $2)", SWITCH_LOCK_CLASS, self.tenant_id)
                return
            except asyncpg.LockNotAvailableError:
                self.say(f"operations of the synagogue still running after {timeout:g} s (attempt {attempt})")
        raise MoveError("the synagogue's operations did not finish; run the move again to resume it")

    async def verify(self, source: asyncpg.Connection, target: asyncpg.Connection) -> dict[str, list[Any]]:
        before, after = await rows.checksums(source, self.tables, self.tenant_id), await rows.checksums(
            target, self.tables, self.tenant_id
        )
        if before != after:
            differ = sorted(name for name in before if before[name] != after.get(name))
            raise MoveError(f"the copy differs from the source in {', '.join(differ)}; run the move again")
        return before

    async def switch(self, fenced: bool) -> None:
        """The read-only window (see the module); `fenced`: the source was fenced by an earlier run already."""
        source, target = await self.connect(self.report.source), await self.connect(self.report.target)
        started = time.monotonic()
        try:
            if not fenced:
                await self._lock(source)
                await self.copy(source, target)
            self.report.tables = await self.verify(source, target)
            await checkpoint("locked", self.say)
            await _fence(source, self.tenant_id, "DEPARTED")
            async with self.owners.central() as central:
                await _journal(central, self.tenant_id, SWITCHING, {"tables": self.report.tables})
            await checkpoint("fenced", self.say)
            async with self.owners.central() as central, central.transaction():
                if self.report.target == SHARED:
                    await central.execute("DELETE FROM tenant_placement WHERE synagogue_id = $1", self.tenant_id)
                else:
                    await central.execute(
                        "INSERT INTO tenant_placement (synagogue_id, database, placed_at) VALUES ($1, $2, now()) "
                        "ON CONFLICT (synagogue_id) DO UPDATE SET database = EXCLUDED.database, placed_at = now()",
                        self.tenant_id,
                        self.report.target,
                    )
                await _journal(central, self.tenant_id, SWITCHED, {"tables": self.report.tables})
            await checkpoint("switched", self.say)
            await _fence(target, self.tenant_id, None)
        finally:
            self.report.read_only_seconds = round(time.monotonic() - started, 3)
            await source.close()  # the switch lock goes with its session
            await target.close()

    async def finish(self) -> None:
        """After the switch: the target serves the synagogue; delete the source's copy and the journal."""
        await self.fence(self.report.target, None)
        async with self.connected(self.report.source) as source:
            if os.environ.get("SHULGRAPH_MOVE_PAUSE_AT") == "cleanup":
                await rows.delete_rows(source, self.tables[len(self.tables) // 2 :], self.tenant_id)
                await checkpoint("cleanup", self.say)
            deleted = await rows.delete_rows(source, self.tables, self.tenant_id)
            if self.report.source != SHARED:
                await rows.delete_rows(source, [rows.synagogue_table()], self.tenant_id)
            self.say(f"deleted {deleted} rows from {self.report.source}")
        async with self.owners.central() as central:
            await central.execute("DELETE FROM tenant_move WHERE synagogue_id = $1", self.tenant_id)

    async def roll_back(self, step: str) -> None:
        """Undo a move that did not switch: the source unfenced (it may have been), the target's copy deleted."""
        if step == SWITCHING:
            await self.fence(self.report.source, None)
        async with self.connected(self.report.target) as target:
            await rows.delete_rows(target, self.tables, self.tenant_id)
            if self.report.target != SHARED:
                await rows.delete_rows(target, [rows.synagogue_table()], self.tenant_id)
        async with self.owners.central() as central:
            await central.execute("DELETE FROM tenant_move WHERE synagogue_id = $1", self.tenant_id)


async def _pending(owners: Owners, tenant_id: int) -> asyncpg.Record | None:
    async with owners.central() as central:
        row: asyncpg.Record | None = await central.fetchrow(
            "SELECT source, target, step FROM tenant_move WHERE synagogue_id = $1", tenant_id
        )
    return row


async def run_move(move: Move, step: str | None) -> None:
    """Drive `move` from `step` (None: a new move) to its end."""
    if step is None:
        await move.start()
        step = COPYING
    if step == COPYING:
        await move.copy_while_writable()
    if step in (COPYING, SWITCHING):
        await move.switch(fenced=step == SWITCHING)
    await move.finish()


async def move_tenant(settings: Settings, slug: str, target: str, say: Callable[[str], None] = print) -> MoveReport:
    """Move the synagogue `slug` to `target` (a declared database, or `shared`), resuming or rolling back a move
    that was killed (see the module)."""
    owners = Owners(settings)
    tenant_id, current = await placement_of(owners, slug)
    if target != SHARED:
        owners.declared(target)
    pending = await _pending(owners, tenant_id)
    if pending is not None:
        expected = pending["target"] if pending["step"] == SWITCHED else pending["source"]
        if current != expected:
            raise MoveError(f"the journal of {slug}'s move does not match its placement ({current}); see tenant_move")
        report = MoveReport(slug, pending["source"], pending["target"])
        move = Move(owners, tenant_id, report, say)
        if pending["target"] == target or pending["step"] == SWITCHED:
            say(f"resuming the move of {slug} from {report.source} to {report.target} ({pending['step']})")
            await run_move(move, pending["step"])
            if pending["target"] == target:
                report.resumed = pending["step"]
                return report
            current = report.target
        else:
            say(f"rolling back the move of {slug} to {report.target} ({pending['step']})")
            await move.roll_back(pending["step"])
            current = report.source
        if current == target:
            return MoveReport(slug, current, target, rolled_back=pending["target"])
    if current == target:
        raise MoveError(f"{slug} is already in {target}")
    await owners.same_schema(current, target)
    report = MoveReport(slug, current, target)
    say(f"moving {slug} from {current} to {target}")
    await run_move(Move(owners, tenant_id, report, say), None)
    return report
