"""Yahrzeit sweeps as tests drive them: a memorial made through the API by its date of death, a synagogue's sweep
jobs (read past row-level security), and hebcal's reference yahrzeits (shared/reference/yahrzeit-hebcal.json) by
case, to sweep on the fixed days their reference dates call for."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import asyncpg

from tests.support.actors import Actor
from tests.support.graphql import GQL
from tests.support.reference import load


def reference_yahrzeits(case: str) -> tuple[date, dict[int, date]]:
    """A hebcal reference case: the civil date of death (before sunset) and the yahrzeit observed each Hebrew
    year."""
    found = next(c for c in load("yahrzeit-hebcal.json")["cases"] if c["case"] == case)
    observed = {y["hebrew_year"]: date.fromisoformat(y["observed"]) for y in found["yahrzeits"]}
    return date.fromisoformat(found["date_of_death"]), observed


async def add_memorial(gql: GQL, actor: Actor, name: str, died: date, family_email: str | None = None) -> str:
    """A memorial with a civil date of death (before sunset), made by `actor`; its global id."""
    values: dict[str, Any] = {"name": name, "dateOfDeath": died.isoformat()}
    if family_email:
        values["familyEmail"] = family_email
    result = await gql.op("CreateMemorial", {"input": values}, actor=actor)
    assert result["data"]["createMemorial"]["userErrors"] == [], result
    memorial_id: str = result["data"]["createMemorial"]["memorial"]["id"]
    return memorial_id


async def sweeps(owner_db: asyncpg.Connection, tenant_id: int) -> list[dict[str, Any]]:
    """The synagogue's yahrzeit sweep jobs, oldest first: id, status, the day swept and the result."""
    rows = await owner_db.fetch(
        "SELECT id, status, payload->>'day' AS day, result FROM job WHERE tenant_id = $1"
        " AND kind = 'yahrzeit.reminders' ORDER BY id",
        tenant_id,
    )
    return [{**dict(row), "result": json.loads(row["result"])} for row in rows]
