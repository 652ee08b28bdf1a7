"""Content edits held for Shabbat. In a synagogue's Shabbat mode, an edit of anything its screens show (a message, a
memorial, a prayer time, a class, an aliyah assignment, a holiday override, the daily-content preferences, an image)
made between candle lighting and havdalah is written at once, so the admin app reads it, while the screens keep
showing the rows as they were until the havdalah: before a row's first held edit (or its deletion) its fields are
kept in a `HeldRow` until then, and a row made during the rest is kept as not shown. The havdalah is a time boundary
of the screen, so the edits appear then by themselves: nothing is applied later, so nothing waits on a process that
may die, and what is kept simply stops counting once its moment has passed (it is cleared by the next hold)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import Enum
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from tortoise.models import Model
from tortoise.queryset import QuerySet

from models.base import current_tenant_id
from models.content import HeldRow
from models.synagogue import Synagogue
from services.infra import clock

M = TypeVar("M", bound=Model)


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value.value if isinstance(value, Enum) else value


def state_of(row: Model) -> dict[str, Any]:
    """Every stored field of `row`, as JSON."""
    return {name: _encode(getattr(row, name)) for name in type(row)._meta.fields_db_projection}


def restore(model: type[M], state: dict[str, Any]) -> M:
    """A row of `model` as `state_of` kept it (never saved: it is only read)."""
    fields = model._meta.fields_map
    return model(**{name: fields[name].to_python_value(value) for name, value in state.items() if name in fields})


async def hold(rows: Iterable[Model], until: datetime | None, *, new: bool = False) -> None:
    """Keep how the screens show `rows` until `until`, the havdalah: call it before the rows are edited or deleted, or
    with `new` just after they were made (not shown until then). A row held already keeps what it kept, its hold
    lasting until the later of the two moments. With `until` None (no rest, or an urgent edit) the screens show the
    rows as they are now: a hold they had is ended."""
    rows = list(rows)
    if not rows or (until is None and new):
        return
    if until is None:
        for row_type, ids in _ids_by_type(rows).items():
            await HeldRow.filter(row_type=row_type, row_id__in=ids).delete()
        return
    await HeldRow.filter(held_until__lte=clock.now()).delete()  # past holds show nothing any more
    kept = [
        HeldRow(row_type=type(row).__name__, row_id=row.pk, shown=None if new else state_of(row), held_until=until)
        for row in rows
    ]
    await HeldRow.bulk_create(kept, ignore_conflicts=True)
    for row_type, ids in _ids_by_type(rows).items():
        await HeldRow.filter(row_type=row_type, row_id__in=ids, held_until__lt=until).update(held_until=until)


async def end_holds(model: type[Model]) -> None:
    """The screens show every row of `model` as it is now (an urgent change of a synagogue's one row of preferences,
    whose held version may be a row deleted since)."""
    await HeldRow.filter(row_type=model.__name__).delete()


def _ids_by_type(rows: list[Model]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for row in rows:
        found.setdefault(type(row).__name__, []).append(row.pk)
    return found


async def save(model: type[M], row: M | None, values: dict[str, Any], held: datetime | None) -> M:
    """Create a row of `model` (`row` None) or update `row` with `values`, the edit held until `held` (None: shown
    at once)."""
    if row is None:
        made = await model.create(**values)
        await hold([made], held, new=True)
        return made
    await hold([row], held)
    row.update_from_dict(values)
    await row.save()
    return row


@dataclass(frozen=True)
class Holds:
    """The rows held at a moment: by model name, the row ids and what the screens show of each (None: nothing)."""

    kept: dict[str, dict[int, dict[str, Any] | None]]
    ends: list[datetime]
    """When each hold ends (a time boundary of the screen)."""

    def shown(self, model: type[M], rows: Iterable[M], keep: Callable[[M], bool] | None = None) -> list[M]:
        """`rows` as the screens show them: the live rows that are not held, then the held rows as kept (a row
        deleted during the rest included; one made then left out) that `keep` admits (the filter `rows` were read
        by). The caller orders them."""
        held = self.kept.get(model.__name__, {})
        if not held:
            return list(rows)
        found = [row for row in rows if row.pk not in held]
        restored = (restore(model, state) for state in held.values() if state is not None)
        return found + [row for row in restored if keep is None or keep(row)]


async def holds_at(moment: datetime) -> Holds:
    """The current synagogue's holds at `moment` (one query)."""
    return holds_of(await held_at(moment))


def held_at(moment: datetime) -> QuerySet[HeldRow]:
    """The current synagogue's rows held at `moment` (for `holds_of`)."""
    return HeldRow.filter(held_until__gt=moment)


def holds_of(rows: Iterable[HeldRow]) -> Holds:
    """The holds of the rows `held_at` read."""
    kept: dict[str, dict[int, dict[str, Any] | None]] = {}
    ends: list[datetime] = []
    for row in rows:
        kept.setdefault(row.row_type, {})[row.row_id] = row.shown
        ends.append(row.held_until)
    return Holds(kept, ends)


async def held_until_of(row_type: str, ids: list[int | None]) -> list[datetime | None]:
    """Until when each row of `row_type` (a model's name) is held now, in the synagogue's time zone (None: shown as
    it is); an id None asks for any row of the type (the daily-content preferences, one per synagogue)."""
    rows = await HeldRow.filter(row_type=row_type, held_until__gt=clock.now())
    if not rows:
        return [None for _ in ids]
    zone = ZoneInfo((await Synagogue.get(id=current_tenant_id())).timezone)
    found = {row.row_id: row.held_until.astimezone(zone) for row in rows}
    latest = max(found.values())
    return [latest if pk is None else found.get(pk) for pk in ids]
