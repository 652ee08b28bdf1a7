"""The floor: a hand-written Starlette + asyncpg endpoint that answers `DaySchedule` and `Screen`
(bench/floor_screen.py) with ShulGraph's exact `data` bytes, so the table shows what the framework costs above the
work itself.

Per request it does what ShulGraph must do at the least: verify the access token (pyjwt, the same secret), read
the member's role in the named synagogue, open a transaction that sets `app.tenant_id` (row-level security is
on: it connects as the application role), read the synagogue and the day's rows with one statement each,
compute the day with ShulGraph's own pure planner (`services.content.schedule.plan_day`, luach underneath) and
write the JSON with orjson. It skips what the product adds: the token denylist in Redis, the cost budget,
limits and the GraphQL document itself.

Run by `python -m bench` as `python -m bench.floor` (PORT, DATABASE_URL, JWT_SECRET from the environment).
"""

from __future__ import annotations

import json
import os
from contextlib import asynccontextmanager
from datetime import date, time
from types import SimpleNamespace
from typing import Any

import asyncpg
import orjson
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bench.floor_screen import screen
from config import get_settings
from services.content.schedule import ContentRows, plan_day
from services.identity.tokens import decode_access_token
from services.infra.ids import from_global_id

TIME_COLUMNS = ("fixed_time", "time")


def _row(record: asyncpg.Record) -> Any:
    """A row read by attribute, as its model would be: Any, because `plan_day` takes it as that model."""
    values = dict(record)
    for name in TIME_COLUMNS:
        if isinstance(values.get(name), str):
            values[name] = time.fromisoformat(values[name])
    return SimpleNamespace(**values)


def _iso(value: Any) -> Any:
    return None if value is None else value.isoformat()


def day_json(plan: Any) -> dict[str, Any]:
    """The DaySchedule document's selection, in its order, as ShulGraph writes it."""
    hebrew = plan.hebrew_date
    return {
        "daySchedule": {
            "date": plan.date.isoformat(),
            "hebrewDate": {
                "day": hebrew.day,
                "month": hebrew.month.value,
                "year": hebrew.year,
                "display": hebrew.display,
            },
            "parasha": plan.parasha,
            "holidays": plan.holidays,
            "candleLighting": _iso(plan.candle_lighting),
            "havdalah": _iso(plan.havdalah),
            "prayers": [{"name": p.name, "time": _iso(p.time), "location": p.location} for p in plan.prayers],
            "classes": [
                {"title": c.title, "teacher": c.teacher, "time": c.time.isoformat(), "location": c.location}
                for c in plan.classes
            ],
            "aliyot": [{"aliyah": a, "personName": name} for a, name in plan.aliyot],
        }
    }


async def _connection(connection: asyncpg.Connection) -> None:
    for kind in ("json", "jsonb"):
        await connection.set_type_codec(kind, encoder=json.dumps, decoder=json.loads, schema="pg_catalog")


def create_app(database_url: str) -> Starlette:
    settings = get_settings()
    pool: dict[str, asyncpg.Pool] = {}

    async def answer(request: Request) -> Response:
        body = orjson.loads(await request.body())
        if body.get("operationName") == "Screen":
            return await screen(pool["db"], request)
        return await day_schedule(request, body)

    async def day_schedule(request: Request, body: dict[str, Any]) -> Response:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        parsed = from_global_id(request.headers.get("x-tenant-id", ""))
        if scheme.lower() != "bearer" or parsed is None:
            return Response(b'{"errors":[{"message":"authentication required"}]}', 401)
        claims = decode_access_token(settings, token)
        tenant_id, day = parsed[1], date.fromisoformat(body["variables"]["date"])
        async with pool["db"].acquire() as connection, connection.transaction():
            await connection.execute(f"SELECT set_config('app.tenant_id', '{int(tenant_id)}', true)")
            role = await connection.fetchval(
                "SELECT role FROM membership WHERE user_id = $1 AND synagogue_id = $2", claims.user_id, tenant_id
            )
            if role is None:
                return Response(b'{"errors":[{"message":"forbidden"}]}', 403)
            synagogue = _row(await connection.fetchrow("SELECT * FROM synagogue WHERE id = $1", tenant_id))
            rows = ContentRows(
                prayers=[
                    _row(r)
                    for r in await connection.fetch("SELECT * FROM content_prayer_time WHERE tenant_id = $1", tenant_id)
                ],
                classes=[
                    _row(r)
                    for r in await connection.fetch("SELECT * FROM content_torah_class WHERE tenant_id = $1", tenant_id)
                ],
                aliyot=[
                    _row(r)
                    for r in await connection.fetch(
                        "SELECT * FROM content_aliyah_assignment WHERE tenant_id = $1 AND date = $2", tenant_id, day
                    )
                ],
                overrides=[
                    _row(r)
                    for r in await connection.fetch(
                        "SELECT * FROM content_holiday_override WHERE tenant_id = $1 AND date = $2", tenant_id, day
                    )
                ],
            )
        plan = plan_day(synagogue, day, rows)
        return Response(orjson.dumps({"data": day_json(plan)}), media_type="application/json")

    @asynccontextmanager
    async def lifespan(app: Starlette) -> Any:
        pool["db"] = await asyncpg.create_pool(database_url, min_size=1, max_size=10, init=_connection)
        yield
        await pool["db"].close()

    return Starlette(routes=[Route("/graphql", answer, methods=["POST"])], lifespan=lifespan)


if __name__ == "__main__":
    url = os.environ["DATABASE_URL"].replace("postgres://", "postgresql://", 1)
    uvicorn.run(create_app(url), host="127.0.0.1", port=int(os.environ["PORT"]), log_level="warning", access_log=False)
