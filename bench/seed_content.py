"""Content for the bench tenant: 200 memorials, a week of prayer times, classes and aliyot."""

from __future__ import annotations

from datetime import date, time

from models.base import tenant_context
from models.content import AliyahAssignment, Memorial, Message, PrayerTime, TorahClass

MEMORIALS = 200
WEEKDAYS = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"]
MONTHS = ["TISHREI", "CHESHVAN", "KISLEV", "TEVET", "SHVAT", "ADAR", "NISAN", "IYYAR", "SIVAN", "TAMUZ", "AV", "ELUL"]


async def seed_content(tenant_id: int) -> None:
    """Written through the owner role (row-level security does not apply to it)."""
    with tenant_context(tenant_id):
        await Memorial.bulk_create(
            [
                Memorial(
                    name=f"Memorial {n:03d}",
                    hebrew_name=f"פלוני {n}",
                    hebrew_year=5700 + n % 80,
                    hebrew_month=MONTHS[n % len(MONTHS)],
                    hebrew_day=1 + n % 29,
                    plaque=f"P{n}",
                )
                for n in range(MEMORIALS)
            ]
        )
        await PrayerTime.create(name="Shacharit", days=WEEKDAYS, fixed_time=time(6, 45), location="Main")
        await PrayerTime.create(name="Mincha", days=["FRIDAY"], relative_to="candleLighting")
        await PrayerTime.create(
            name="Maariv", days=WEEKDAYS, relative_to="tzeit", round_to_minutes=5, round_direction="UP"
        )
        await PrayerTime.create(name="Shabbat Shacharit", days=["SATURDAY"], day_kinds=["YOM_TOV"], fixed_time=time(9))
        await TorahClass.create(title="Daf Yomi", teacher="Rabbi", days=WEEKDAYS, time=time(7, 30))
        await AliyahAssignment.create(date=date(2025, 6, 6), aliyah="KOHEN", person_name="Cohen")
        await Message.create(title="Welcome", body="Bench message", priority=1)
