"""The placement registry as platform administrators read it in GraphQL (read-only): each synagogue's placement
and any move in progress, and each declared database with how many synagogues it holds and its health in this
process. Read as the application role (which may only read the registry)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from models.placement.pools import manager
from models.platform import SHARED, TenantDatabase, TenantMove, TenantPlacement


@dataclass(frozen=True)
class Placement:
    """Where one synagogue lives, and its move in progress."""

    synagogue_id: int
    database: str
    placed_at: datetime | None
    move: TenantMove | None


@dataclass(frozen=True)
class DatabaseOverview:
    """A declared database: its id block, the synagogues placed in it, and its state in this process."""

    name: str
    id_block: int | None
    synagogues: int
    state: str
    connections: int


async def placements_of(synagogue_ids: list[int]) -> dict[int, Placement]:
    """The placement of each synagogue (`shared` without a row), with its move in progress if any."""
    placed = {row.synagogue_id: row for row in await TenantPlacement.filter(synagogue_id__in=synagogue_ids)}
    moving = {row.synagogue_id: row for row in await TenantMove.filter(synagogue_id__in=synagogue_ids)}
    found: dict[int, Placement] = {}
    for synagogue_id in synagogue_ids:
        row = placed.get(synagogue_id)
        database, placed_at = (row.database, row.placed_at) if row else (SHARED, None)
        found[synagogue_id] = Placement(synagogue_id, database, placed_at, moving.get(synagogue_id))
    return found


async def database_overview() -> list[DatabaseOverview]:
    """Every database declared in this process's settings (and registered ones it no longer declares)."""
    blocks = {row.name: row.id_block for row in await TenantDatabase.filter(this_database=False)}
    counts = Counter(str(row.database) for row in await TenantPlacement.all().only("id", "database"))
    health = manager().health()
    names = sorted(set(health) | set(blocks))
    return [
        DatabaseOverview(
            name,
            blocks.get(name),
            counts.get(name, 0),
            health[name]["state"] if name in health else "undeclared",
            health[name]["connections"] if name in health else 0,
        )
        for name in names
    ]
