"""Shabbat and yom tov rest (luach.rest) on fixed dates of hebcal's calendar, in New York with hebcal's default
candle lighting (18 minutes) and havdalah (8.5 degrees): an ordinary Shabbat, Rosh Hashana 5785 running into Shabbat
Shuva (2024-10-02 evening to 2024-10-05 night), and Pesach 5784 in the diaspora and in Israel."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from luach import HavdalahOpinion, Location, RestEvent, candle_lighting, havdalah, rest_until

NEW_YORK = Location(latitude=40.7128, longitude=-74.006, timezone="America/New_York")
ZONE = ZoneInfo("America/New_York")


def _events(first: date, days: int, in_israel: bool = False) -> list[RestEvent]:
    events: list[RestEvent] = []
    opinion = HavdalahOpinion.DEGREES_8_5
    for offset in range(days):
        day = first + timedelta(days=offset)
        if (lit := candle_lighting(day, NEW_YORK, 18, in_israel, havdalah_opinion=opinion)) is not None:
            events.append(RestEvent(lit, True))
        if (ended := havdalah(day, NEW_YORK, opinion, in_israel)) is not None:
            events.append(RestEvent(ended, False))
    return events


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE)


def test_an_ordinary_shabbat() -> None:
    events = _events(date(2024, 3, 20), 5)
    friday, saturday = date(2024, 3, 22), date(2024, 3, 23)
    ends = havdalah(saturday, NEW_YORK, HavdalahOpinion.DEGREES_8_5, False)
    lit = candle_lighting(friday, NEW_YORK, 18, False)
    assert lit is not None and ends is not None
    assert rest_until(_at(friday, 12), events) is None
    assert rest_until(lit - timedelta(minutes=1), events) is None
    assert rest_until(lit, events) == ends
    assert rest_until(_at(saturday, 12), events) == ends
    assert rest_until(ends, events) is None


def test_rosh_hashana_into_shabbat_shuva_is_one_rest() -> None:
    events = _events(date(2024, 9, 30), 8)
    ends = havdalah(date(2024, 10, 5), NEW_YORK, HavdalahOpinion.DEGREES_8_5, False)
    assert ends is not None and ends.date() == date(2024, 10, 5)
    for moment in (_at(date(2024, 10, 2), 20), _at(date(2024, 10, 3), 21), _at(date(2024, 10, 4), 19)):
        assert rest_until(moment, events) == ends
    assert rest_until(_at(date(2024, 10, 2), 12), events) is None
    assert rest_until(_at(date(2024, 10, 6), 9), events) is None


def test_pesach_in_the_diaspora_and_in_israel() -> None:
    diaspora, israel = _events(date(2024, 4, 20), 6), _events(date(2024, 4, 20), 6, in_israel=True)
    second_day = havdalah(date(2024, 4, 24), NEW_YORK, HavdalahOpinion.DEGREES_8_5, False)
    first_day = havdalah(date(2024, 4, 23), NEW_YORK, HavdalahOpinion.DEGREES_8_5, True)
    noon = _at(date(2024, 4, 23), 12)
    assert rest_until(noon, diaspora) == second_day and rest_until(noon, israel) == first_day
    assert rest_until(_at(date(2024, 4, 24), 12), israel) is None
    assert rest_until(_at(date(2024, 4, 25), 12), diaspora) is None
