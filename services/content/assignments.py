"""Torah-reading (aliyah) assignments: the list between two dates, and changing one by id (its date, aliyah or
person).

Assigning (and notifying) goes through `services.content.prayer_times.assign_aliyah`; a change here
leaves the notification settings as they are.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from models.content import AliyahAssignment
from services.content.holds import save
from services.content.ranges import check_range
from services.content.schedule import ALIYOT
from services.infra.problems import Problems


async def assignments_between(start: date, end: date) -> list[AliyahAssignment]:
    """The tenant's assignments from `start` to `end` inclusive (the range checked first), by date, then in the
    order the aliyot are read."""
    check_range(start, end)
    rows = await AliyahAssignment.filter(date__gte=start, date__lte=end).order_by("date", "id")
    rows.sort(key=lambda a: (a.date, ALIYOT.index(a.aliyah)))
    return rows


async def update_assignment(
    row: AliyahAssignment, values: dict[str, Any], held: datetime | None = None
) -> tuple[AliyahAssignment | None, Problems]:
    """Nothing is written when there are problems; moving onto an aliyah already assigned on that
    date is a CONFLICT. `held` until a havdalah: Shabbat mode."""
    problems = Problems()
    merged = {"date": row.date, "aliyah": row.aliyah, "person_name": row.person_name, **values}
    person = problems.text("personName", merged["person_name"], max_length=200, required=True)
    aliyah = merged["aliyah"]
    if aliyah not in ALIYOT:
        problems.add("aliyah", "INVALID", "unknown aliyah")
    day: date | None = merged["date"]
    if day is None:
        problems.add("date", "REQUIRED", "date is required")
    if not problems and await AliyahAssignment.filter(date=day, aliyah=aliyah).exclude(id=row.id).exists():
        problems.add("aliyah", "CONFLICT", "that aliyah is already assigned on that date")
    if problems:
        return None, problems
    return await save(AliyahAssignment, row, {"date": day, "aliyah": aliyah, "person_name": person}, held), problems
