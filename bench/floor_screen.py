"""The floor's `Screen`: what a TV's `Screen` query costs at the least, with ShulGraph's exact `data` (but
`generatedAt`, the moment each computed it).

Per request: the device token looked up by its hash, one transaction that sets `app.tenant_id` (row-level security
on, as the application role), one statement per table (the synagogue, the rows Shabbat mode holds, its screen
preferences, prayer times, classes, today's aliyot and overrides, the messages not ended, the dates of death of
every memorial, the device's settings), then the lit memorials' rows and the images shown, and ShulGraph's own
pure composition (`services.content.screen_compose`'s `shown_at`, `compose` and `media_shown`, the holds of
`services.content.holds`, `services.devices.screen_state`, the board's `board_candidates` and `board_entries`),
written with orjson. It skips what the product adds: the cost budget, limits, the GraphQL document itself, and
the device's presence.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg
import orjson
from starlette.requests import Request
from starlette.responses import Response

from config import get_settings
from models.content import DailyContentPreference, Memorial, Message
from services.content.holds import Holds, holds_of
from services.content.preferences import DEFAULT_SCREEN_ZMANIM
from services.content.schedule import ContentRows, shown_rows
from services.content.screen_compose import ScreenRows, compose, media_shown, shown_at
from services.content.yahrzeits import DEATH_COLUMNS, board_candidates, board_entries, policy_of
from services.devices.screen_state import ScreenState, content_data, project, settings_data
from services.identity.tokens import hash_secret
from services.infra.ids import to_global_id

TIME_COLUMNS = ("fixed_time", "time", "night_start", "night_end")
UNAUTHENTICATED = b'{"errors":[{"message":"invalid device token","extensions":{"code":"UNAUTHENTICATED"}}]}'


def _row(record: asyncpg.Record | None) -> Any:
    if record is None:
        return None
    values = dict(record)
    for name in TIME_COLUMNS:
        if isinstance(values.get(name), str):
            values[name] = time.fromisoformat(values[name])
    return SimpleNamespace(**values)


async def _rows(connection: asyncpg.Connection, sql: str, *args: Any) -> list[Any]:
    return [_row(record) for record in await connection.fetch(sql, *args)]


async def _read(
    connection: asyncpg.Connection, tenant: int, device: int, now: datetime
) -> tuple[ScreenRows, Any, Holds]:
    synagogue = _row(await connection.fetchrow("SELECT * FROM synagogue WHERE id = $1", tenant))
    today = now.astimezone(_zone(synagogue)).date()
    shown = holds_of(await _rows(connection, "SELECT * FROM content_held_row WHERE held_until > $1", now))
    found = shown.shown(DailyContentPreference, await _rows(connection, "SELECT * FROM content_daily_preference"))
    prefs: Any = sorted(found, key=lambda row: row.id)[0] if found else SimpleNamespace(
        zmanim=list(DEFAULT_SCREEN_ZMANIM), show_daf_yomi=True, show_omer=True, show_parasha=True,
        show_hebrew_date=True,
    )  # fmt: skip
    rows = ContentRows(
        prayers=await _rows(connection, "SELECT * FROM content_prayer_time ORDER BY sort_order, id"),
        classes=await _rows(connection, "SELECT * FROM content_torah_class ORDER BY time, id"),
        aliyot=await _rows(connection, "SELECT * FROM content_aliyah_assignment WHERE date = $1 ORDER BY id", today),
        overrides=await _rows(
            connection, "SELECT * FROM content_holiday_override WHERE date = $1 ORDER BY date, id", today
        ),
    )
    stored = await _rows(connection, "SELECT * FROM content_message WHERE ends_at IS NULL OR ends_at > $1", now)
    messages = shown.shown(Message, stored, lambda m: m.ends_at is None or m.ends_at > now)
    messages.sort(key=lambda m: (-m.priority, -m.id))
    window, adar = policy_of(synagogue)
    end = today + timedelta(days=1)
    deaths = await connection.fetch(f"SELECT {', '.join(DEATH_COLUMNS)} FROM content_memorial")
    lit = board_candidates([tuple(row) for row in deaths], today, end, window, adar)
    memorials = await _rows(connection, "SELECT * FROM content_memorial WHERE id = any($1::int[])", lit) if lit else []
    board = board_entries(shown.shown(Memorial, memorials), today, end, window, adar)
    settings = _row(await connection.fetchrow("SELECT * FROM device_settings WHERE device_id = $1", device))
    if settings is None:  # ShulGraph makes it on the device's first screen, which the bench asks for first
        raise RuntimeError("the floor answers devices whose settings ShulGraph made")
    data = ScreenRows(synagogue, prefs, shown_rows(rows, today, today, shown), messages, board, shown.ends)
    return data, settings, shown


def _zone(synagogue: Any) -> ZoneInfo:
    return ZoneInfo(synagogue.timezone)


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def screen_json(state: ScreenState) -> dict[str, Any]:
    """The `Screen` client document's selection (`ScreenFields`), in its order, as ShulGraph writes it."""
    d = state.data
    return {
        "screen": {
            "version": state.version,
            "generatedAt": _iso(state.generated_at),
            "validUntil": _iso(state.valid_until),
            "synagogueName": d["synagogueName"],
            "date": _iso(d["date"]),
            "hebrewDate": {"display": d["hebrewDate"]} if d.get("hebrewDate") else None,
            "parasha": d.get("parasha"),
            "holidays": list(d["holidays"]),
            "candleLighting": _iso(d.get("candleLighting")),
            "havdalah": _iso(d.get("havdalah")),
            "zmanim": [{"key": z["key"], "label": z["label"], "time": _iso(z["time"])} for z in d["zmanim"]],
            "prayers": [
                {"name": str(p["name"]), "time": _iso(p["time"]), "location": str(p["location"] or "")}
                for p in d["prayers"]
            ],
            "messages": [
                {
                    "id": to_global_id("Message", m["id"]) if isinstance(m["id"], int) else str(m["id"]),
                    "title": str(m["title"]),
                    "body": str(m["body"] or ""),
                    "priority": int(m["priority"] or 0),
                }
                for m in d["messages"]
            ],
            "yahrzeits": [
                {"name": y["name"], "hebrewName": y["hebrewName"], "date": _iso(y["date"]), "plaque": y["plaque"]}
                for y in d["yahrzeits"]
            ],
            "classes": [{"title": c["title"], "teacher": c["teacher"], "time": _iso(c["time"])} for c in d["classes"]],
        }
    }


def comparable(answer: dict[str, Any]) -> dict[str, Any]:
    """An answer as the floor's must equal ShulGraph's: a `Screen` without its `generatedAt` (the moment each
    server computed the content); any other answer as it is."""
    data = answer.get("data")
    if not isinstance(data, dict) or not isinstance(data.get("screen"), dict):
        return answer
    screen = {key: value for key, value in data["screen"].items() if key != "generatedAt"}
    return {**answer, "data": {**data, "screen": screen}}


async def screen(pool: asyncpg.Pool, request: Request) -> Response:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "device":
        return Response(UNAUTHENTICATED, 401)
    now = datetime.now(UTC)
    async with pool.acquire() as connection:
        identity = await connection.fetchrow(
            "SELECT device_id, tenant_id FROM device_identity WHERE token_hash = $1 AND revoked_at IS NULL",
            hash_secret(token.strip()),
        )
        if identity is None:
            return Response(UNAUTHENTICATED, 401)
        async with connection.transaction():
            tenant = int(identity["tenant_id"])
            await connection.execute(f"SELECT set_config('app.tenant_id', '{tenant}', true)")
            data, settings, holds = await _read(connection, tenant, int(identity["device_id"]), now)
            shown = shown_at(data, now)
            messages, memorials = shown.media_wanted
            media = await _rows(
                connection,
                "SELECT * FROM content_media WHERE status = 'READY' "
                "AND (message_id = any($1::int[]) OR memorial_id = any($2::int[])) ORDER BY id DESC",
                messages,
                list(memorials),
            )
    content = compose(data, shown, media_shown(media, shown.messages, list(memorials), holds), get_settings())
    state = project(content_data(content), settings_data(settings))
    return Response(orjson.dumps({"data": screen_json(state)}), media_type="application/json")
