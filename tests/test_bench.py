"""The benchmark's own code keeps working (it is not part of the suite's timing; nothing here is timed): its seed
writes a small bench database through the application role, under row-level security, every row's request
answers without errors (the `UpdateMessage` row's edit accepted), and the hand-written
floor answers DaySchedule and Screen with exactly ShulGraph's `data` (Screen's but `generatedAt`, the moment each
computed it), as `python -m bench` checks before it loads them."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from bench import wrk
from bench.floor import create_app as floor_app
from bench.floor_screen import comparable
from bench.scenarios import scenarios
from bench.seed import Scale, seed_rows
from config import Settings
from luach import HebrewDate, yahrzeit
from models.base import tenant_scope
from models.content import Memorial
from models.synagogue import Synagogue
from tests.support.graphql import GQL


async def test_bench_seed_and_floor_answer_like_shulgraph(gql: GQL, app: Any, settings: Settings) -> None:
    seeded = await seed_rows(Scale(synagogues=2, memorials=7, members=4, prayer_times=5, messages=3, devices=2), "t")
    await lit_yahrzeits(seeded.tenant_id)
    rows = {row.name: row for row in scenarios(seeded)}
    for name in ("Memorials", "Members", "Messages", "UpdateMessage", "Screen", "DaySchedule"):
        shulgraph = rows[name].shulgraph
        result = await gql(shulgraph.document, shulgraph.variables, headers=shulgraph.headers)
        assert "errors" not in result, (name, result)
        if name == "UpdateMessage":  # the owner's edit of the seeded message is accepted, and changes nothing
            assert result["data"]["updateMessage"]["userErrors"] == [], result
            assert result["data"]["updateMessage"]["message"]["title"] == "Message 0", result
        assert wrk.lua_script(shulgraph).count("wrk.headers") == len(shulgraph.headers) + 1
    assert len(result["data"]["daySchedule"]["prayers"]) > 0
    memorials = await gql.op("Memorials", {"first": 50}, headers=seeded.owner_headers)
    assert memorials["data"]["memorials"]["totalCount"] == 7 + 2  # and the two lit ones
    floor = floor_app(settings.database_url.replace("postgres://", "postgresql://", 1))
    screen = rows["Screen"].shulgraph
    shown = await gql(screen.document, screen.variables, headers=screen.headers, operation_name="Screen")
    assert shown["data"]["screen"]["yahrzeits"] and shown["data"]["screen"]["messages"], shown
    day, screen_floor = rows["DaySchedule"].floor, rows["Screen"].floor
    assert day is not None and screen_floor is not None
    async with floor.router.lifespan_context(floor):
        transport = httpx.ASGITransport(app=floor)
        async with httpx.AsyncClient(transport=transport, base_url="http://floor") as client:
            body = {"query": day.document, "variables": day.variables}
            answer = (await client.post("/graphql", json=body, headers=day.headers)).json()
            body = {"query": screen_floor.document, "variables": {}, "operationName": "Screen"}
            floor_screen = (await client.post("/graphql", json=body, headers=screen_floor.headers)).json()
    assert answer == {"data": result["data"]}
    assert comparable(floor_screen) == comparable({"data": shown["data"]})


async def lit_yahrzeits(tenant_id: int) -> None:
    """Memorials whose yahrzeits are today and tomorrow in the synagogue: one of the two is lit at any hour."""
    synagogue = await Synagogue.get(id=tenant_id)
    today = datetime.now(ZoneInfo(synagogue.timezone)).date()
    async with tenant_scope(tenant_id):
        for day in (today, today + timedelta(days=1)):
            hebrew = HebrewDate.from_civil(day)
            for year in range(hebrew.year - 19, hebrew.year - 60, -1):  # a death date whose yahrzeit is that day
                try:
                    death = HebrewDate(year, hebrew.month, hebrew.day)
                except ValueError:
                    continue
                if yahrzeit(death, hebrew.year) == day:
                    break
            await Memorial.create(
                name=f"Lit {day}", hebrew_year=death.year, hebrew_month=death.month.value, hebrew_day=death.day
            )
