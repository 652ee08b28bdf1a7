"""What the compiler knows how to read: the root list fields it plans, each node type's fields as SQL columns
and a function that writes the field's JSON value from one row, exactly as the type's own field would.

A field missing here (a resolver with arguments or a permission, a loader, a list) is not planned: a document
that selects it takes the executor. Computed fields (the Hebrew date of death, the next yahrzeit) run only when
selected, and their pure parts are cached per process (`functools.lru_cache`, per day for the yahrzeit).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, cast
from zoneinfo import ZoneInfo

import luach
from models.content import Message
from models.identity import Role
from schema.content.enums import DayKind, RoundDirection, Weekday, ZmanKey
from services.content.messages import is_active
from services.infra.ids import to_global_id


class Env:
    """What a page's computed fields read besides the row: the synagogue's zone, its wall date, the moment."""

    __slots__ = ("now", "today", "zone")

    def __init__(self, timezone: str | None) -> None:
        self.now = dt.datetime.now(dt.UTC)
        self.zone = ZoneInfo(timezone) if timezone else None
        self.today = dt.datetime.now(self.zone).date() if self.zone else None


Row = Any  # an asyncpg Record: columns by name
Read = Callable[[Any, Env], Any]


class Columns:
    """A record seen through attributes (the services' pure functions read model attributes)."""

    __slots__ = ("_row",)

    def __init__(self, row: Row) -> None:
        self._row = row

    def __getattr__(self, name: str) -> Any:
        return self._row[name]


@dataclass(frozen=True)
class Leaf:
    """A scalar field: the columns it needs and how its JSON value is written (None only where nullable)."""

    columns: tuple[str, ...]
    read: Read
    env: bool = False  # reads the zone, today or now


@dataclass(frozen=True)
class Branch:
    """An object field: the object made from the row once (`source`), then its own fields read from it."""

    columns: tuple[str, ...]
    source: Read
    fields: dict[str, Leaf]
    type_name: str
    env: bool = False
    pure: bool = False  # its fields depend on the (hashable) value `source` gives alone: written once per value


@dataclass(frozen=True)
class Root:
    """A root connection field: where its rows come from, in the order its resolver reads them."""

    type_name: str  # the node's GraphQL type
    sql_columns: dict[str, str]  # column name used by the leaves -> SQL expression
    from_sql: str
    tenant_sql: str  # the condition that scopes rows to `$1`, the tenant in context
    order_sql: str
    fields: dict[str, Leaf | Branch] = field(default_factory=dict)
    central: bool = False  # its tables are the central database's (memberships, users), wherever the tenant lives


def _tenant_root(type_name: str, table: str, columns: tuple[str, ...], order: str, fields: dict[str, Any]) -> Root:
    """A root over one tenant table, scoped by its `tenant_id` as the tenant manager scopes it."""
    return Root(type_name, {name: f"t.{name}" for name in columns}, f"{table} AS t", "t.tenant_id = $1", order, fields)


def _column(name: str) -> Leaf:
    return Leaf((name,), lambda row, env: row[name])


def _iso(name: str) -> Leaf:
    def read(row: Row, env: Env) -> Any:
        value = row[name]
        return None if value is None else value.isoformat()

    return Leaf((name,), read)


def _local(name: str) -> Leaf:
    def read(row: Row, env: Env) -> Any:
        value = row[name]
        return None if value is None else value.astimezone(env.zone).isoformat()

    return Leaf((name,), read, env=True)


def _global_id(type_name: str, name: str = "id") -> Leaf:
    return Leaf((name,), lambda row, env: to_global_id(type_name, row[name]))


@lru_cache(maxsize=65_536)
def hebrew_date(year: int, month: str, day: int) -> luach.HebrewDate:
    return luach.HebrewDate(year, luach.HebrewMonth(month), day)


@lru_cache(maxsize=65_536)
def next_yahrzeit(year: int, month: str, day: int, today: dt.date) -> str:
    return luach.next_yahrzeit(hebrew_date(year, month, day), today).isoformat()


def _active(row: Row, env: Env) -> bool:
    return is_active(cast(Message, Columns(row)), env.now)


HEBREW_DEATH = ("hebrew_year", "hebrew_month", "hebrew_day")


def _death(row: Row, env: Env) -> luach.HebrewDate:
    return hebrew_date(row["hebrew_year"], row["hebrew_month"], row["hebrew_day"])


HEBREW_DATE_FIELDS = {
    "day": Leaf((), lambda value, env: value.day),
    "month": Leaf((), lambda value, env: value.month.value),
    "year": Leaf((), lambda value, env: value.year),
    "display": Leaf((), lambda value, env: value.display),
    "hebrewDisplay": Leaf((), lambda value, env: value.hebrew_display),
}

MEMORIALS = _tenant_root(
    "Memorial",
    "content_memorial",
    ("id", "name", "hebrew_name", "date_of_death", "after_sunset", "plaque", *HEBREW_DEATH),
    "t.name, t.id",
    {
        "id": _global_id("Memorial"),
        "name": _column("name"),
        "hebrewName": _column("hebrew_name"),
        "dateOfDeath": _iso("date_of_death"),
        "afterSunset": _column("after_sunset"),
        "hebrewDateOfDeath": Branch(HEBREW_DEATH, _death, HEBREW_DATE_FIELDS, "HebrewDate", pure=True),
        "nextYahrzeit": Leaf(
            HEBREW_DEATH,
            lambda row, env: next_yahrzeit(row["hebrew_year"], row["hebrew_month"], row["hebrew_day"], env.today),
            env=True,
        ),
        "plaque": _column("plaque"),
    },
)

MESSAGES = _tenant_root(
    "Message",
    "content_message",
    ("id", "title", "body", "priority", "starts_at", "ends_at"),
    "t.priority DESC, t.id DESC",
    {
        "id": _global_id("Message"),
        "title": _column("title"),
        "body": _column("body"),
        "priority": _column("priority"),
        "startsAt": _local("starts_at"),
        "endsAt": _local("ends_at"),
        "isActive": Leaf(("starts_at", "ends_at"), lambda row, env: _active(row, env), env=True),
    },
)

USER_FIELDS = {
    "id": Leaf((), lambda row, env: to_global_id("User", row["user_id"])),
    "email": Leaf((), lambda row, env: row["user_email"]),
    "displayName": Leaf((), lambda row, env: row["user_display_name"]),
}

MEMBERS = Root(
    type_name="Membership",
    sql_columns={
        "id": "t.id",
        "role": "t.role",
        "user_id": "u.id",
        "user_email": "u.email",
        "user_display_name": "u.display_name",
    },
    from_sql="membership AS t JOIN app_user AS u ON u.id = t.user_id",
    tenant_sql="t.synagogue_id = $1",
    order_sql="t.id",
    central=True,
    fields={
        "id": _global_id("Membership"),
        "role": Leaf(("role",), lambda row, env: Role(row["role"]).name),
        "user": Branch(("user_id", "user_email", "user_display_name"), lambda row, env: row, USER_FIELDS, "User"),
    },
)


def _names(name: str, enum: Any = None) -> Leaf:
    """A list of enum values stored as JSON (weekdays, kinds of day), written as the enum's names."""

    def read(row: Row, env: Env) -> list[str]:
        value = row[name]
        values = json.loads(value) if isinstance(value, str) else value
        return [item if enum is None else enum(item).name for item in values]

    return Leaf((name,), read)


def _wall_time(name: str) -> Leaf:
    """A wall time stored as "HH:MM:SS" text, written as the `Time` scalar writes it (HH:MM)."""

    def read(row: Row, env: Env) -> str | None:
        value = row[name]
        return None if value is None else dt.time.fromisoformat(value).strftime("%H:%M")

    return Leaf((name,), read)


def _enum(name: str, enum: Any) -> Leaf:
    def read(row: Row, env: Env) -> str | None:
        value = row[name]
        return enum(value).name if value else None

    return Leaf((name,), read)


PRAYER_TIME_COLUMNS = (
    *("id", "name", "days", "day_kinds", "exclude_day_kinds", "fixed_time", "relative_to", "offset_minutes"),
    *("round_to_minutes", "round_direction", "valid_from", "valid_to", "recurs_yearly", "location", "sort_order"),
)

PRAYER_TIME_COLUMNS = (
    *("id", "name", "days", "day_kinds", "exclude_day_kinds", "fixed_time", "relative_to", "offset_minutes"),
    *("round_to_minutes", "round_direction", "valid_from", "valid_to", "recurs_yearly", "location", "sort_order"),
)

PRAYER_TIMES = _tenant_root(
    "PrayerTime",
    "content_prayer_time",
    PRAYER_TIME_COLUMNS,
    "t.sort_order, t.id",
    {
        "id": _global_id("PrayerTime"),
        "name": _column("name"),
        "days": _names("days", Weekday),
        "dayKinds": _names("day_kinds", DayKind),
        "excludeDayKinds": _names("exclude_day_kinds", DayKind),
        "fixedTime": _wall_time("fixed_time"),
        "relativeTo": _enum("relative_to", ZmanKey),
        "offsetMinutes": _column("offset_minutes"),
        "roundToMinutes": _column("round_to_minutes"),
        "roundDirection": _enum("round_direction", RoundDirection),
        "validFrom": _iso("valid_from"),
        "validTo": _iso("valid_to"),
        "recursYearly": _column("recurs_yearly"),
        "location": _column("location"),
        "sortOrder": _column("sort_order"),
    },
)

TORAH_CLASSES = _tenant_root(
    "TorahClass",
    "content_torah_class",
    ("id", "title", "teacher", "days", "time", "location", "description"),
    "t.time, t.id",
    {
        "id": _global_id("TorahClass"),
        "title": _column("title"),
        "teacher": _column("teacher"),
        "days": _names("days", Weekday),
        "time": _wall_time("time"),
        "location": _column("location"),
        "description": _column("description"),
    },
)

ROOTS: dict[str, Root] = {
    "memorials": MEMORIALS,
    "messages": MESSAGES,
    "members": MEMBERS,
    "prayerTimes": PRAYER_TIMES,
    "torahClasses": TORAH_CLASSES,
}
"""Root field name -> what the compiler reads for it."""
