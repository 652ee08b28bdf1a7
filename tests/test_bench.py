"""The benchmark's own code keeps working (it is not part of the suite's timing; nothing here is timed): its seed
writes a small bench database through the application role, under row-level security, and the hand-written
floor answers DaySchedule with exactly ShulGraph's `data`, as `python -m bench` checks before it loads them."""

from __future__ import annotations

from typing import Any

import httpx

from bench import wrk
from bench.floor import create_app as floor_app
from bench.scenarios import scenarios
from bench.seed import Scale, seed_rows
from config import Settings
from tests.support.graphql import GQL


async def test_bench_seed_and_floor_answer_like_shulgraph(gql: GQL, app: Any, settings: Settings) -> None:
    seeded = await seed_rows(Scale(synagogues=2, memorials=7, members=4, prayer_times=5, messages=3, devices=2), "t")
    rows = {row.name: row for row in scenarios(seeded)}
    for name in ("Memorials", "Members", "Messages", "Screen", "DaySchedule"):
        shulgraph = rows[name].shulgraph
        result = await gql(shulgraph.document, shulgraph.variables, headers=shulgraph.headers)
        assert "errors" not in result, (name, result)
        assert wrk.lua_script(shulgraph).count("wrk.headers") == len(shulgraph.headers) + 1
    assert len(result["data"]["daySchedule"]["prayers"]) > 0
    memorials = await gql.op("Memorials", {"first": 50}, headers=seeded.owner_headers)
    assert memorials["data"]["memorials"]["totalCount"] == 7
    floor = floor_app(settings.database_url.replace("postgres://", "postgresql://", 1))
    day = rows["DaySchedule"].floor
    assert day is not None
    async with floor.router.lifespan_context(floor):
        transport = httpx.ASGITransport(app=floor)
        async with httpx.AsyncClient(transport=transport, base_url="http://floor") as client:
            body = {"query": day.document, "variables": day.variables}
            answer = (await client.post("/graphql", json=body, headers=day.headers)).json()
    assert answer == {"data": result["data"]}
