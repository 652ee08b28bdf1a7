"""Deleting a row of what the screens show (a message, a memorial, a prayer time, a class, an aliyah assignment, a
holiday override): what goes with it goes too (a memorial's photo and a message's image, their stored objects through
the outbox; a prayer time's overrides, by the database's cascade), and in Shabbat mode the screens keep showing all of
it until havdalah (`services.content.holds`)."""

from __future__ import annotations

from datetime import datetime

from tortoise.models import Model

from models.content import HolidayOverride, Memorial, Message, PrayerTime
from services.content.holds import hold
from services.content.media_cleanup import release


async def delete_content(row: Model, held: datetime | None = None) -> None:
    """Delete `row` of the current synagogue, held until `held` (a havdalah) for the screens when given."""
    if isinstance(row, Memorial):
        await release(memorial_id=row.id, held=held)
    elif isinstance(row, Message):
        await release(message_id=row.id, held=held)
    elif isinstance(row, PrayerTime):
        await hold(await HolidayOverride.filter(prayer_time_id=row.id), held)
    await hold([row], held)
    await row.delete()
