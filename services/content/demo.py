"""Demo content for the demo synagogue; each domain adds its part here."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from luach import hebrew_date_of_death
from models.base import tenant_scope
from models.content import AliyahAssignment, Memorial, Message, PrayerTime, TorahClass
from services.content.preferences import update_preferences

_WEEKDAYS = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"]


async def _content() -> None:
    now = datetime.now(UTC)
    await Message.create(title="Welcome to the demo synagogue", body="Kiddush after services.", priority=10)
    await Message.create(title="Building fund", body="Thank you for your support.", ends_at=now + timedelta(days=30))
    await PrayerTime.create(
        name="Shacharit", days=_WEEKDAYS, exclude_day_kinds=["ROSH_CHODESH"], fixed_time=time(6, 45), location="Main"
    )
    await PrayerTime.create(
        name="Shacharit (Rosh Chodesh)", days=[], day_kinds=["ROSH_CHODESH"], fixed_time=time(6, 30)
    )
    await PrayerTime.create(name="Shacharit", days=["SATURDAY"], day_kinds=["YOM_TOV"], fixed_time=time(9))
    await PrayerTime.create(
        name="Mincha", days=_WEEKDAYS[:5], relative_to="sunset", offset_minutes=-15, round_to_minutes=5
    )
    await PrayerTime.create(name="Mincha", days=["FRIDAY"], relative_to="candleLighting", location="Main")
    await PrayerTime.create(
        name="Maariv", days=["SATURDAY"], relative_to="tzeit", round_to_minutes=5, round_direction="UP"
    )
    await TorahClass.create(
        title="Daf Yomi", teacher="Rabbi Demo", days=_WEEKDAYS, time=time(7, 30), location="Library"
    )
    await TorahClass.create(title="Parasha shiur", teacher="Rabbi Demo", days=["WEDNESDAY"], time=time(20))
    memorials = [
        ("Sarah bat Avraham", "שרה בת אברהם", date(2015, 3, 4), False, "A1"),
        ("Yaakov ben Yitzchak", "יעקב בן יצחק", date(2009, 11, 19), True, "A2"),
        ("Rivka bat Betuel", "רבקה בת בתואל", date(2019, 6, 10), False, "B1"),
    ]
    for name, hebrew_name, died, after_sunset, plaque in memorials:
        death = hebrew_date_of_death(died, after_sunset)
        await Memorial.create(
            name=name,
            hebrew_name=hebrew_name,
            date_of_death=died,
            after_sunset=after_sunset,
            hebrew_year=death.year,
            hebrew_month=death.month.value,
            hebrew_day=death.day,
            plaque=plaque,
        )
    saturday = date.today() + timedelta(days=(5 - date.today().weekday()) % 7)
    for aliyah, person in (("KOHEN", "David Cohen"), ("LEVI", "Moshe Levi"), ("SHLISHI", "Avi Israel")):
        await AliyahAssignment.create(date=saturday, aliyah=aliyah, person_name=person)
    await update_preferences({})


async def seed(tenant_id: int) -> None:
    """Fill the demo synagogue with a little of everything."""
    async with tenant_scope(tenant_id):
        await _content()
