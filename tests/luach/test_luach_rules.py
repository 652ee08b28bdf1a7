"""Prayer-time rules: rounding, times relative to a zman, day kinds; and the package's exports."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

import luach
from luach import (
    DayKind,
    HavdalahOpinion,
    Location,
    RoundDirection,
    candle_lighting,
    compute_zmanim,
    day_kinds,
    resolve_relative,
    round_time,
)
from luach.calendar import HavdalahOpinion as FromCalendar
from luach.rules import RoundDirection as FromRules

NY = ZoneInfo("America/New_York")
NEW_YORK = Location(40.7128, -74.006, "America/New_York")
TROMSO = Location(69.6492, 18.9553, "Europe/Oslo")


def at(hour: int, minute: int, second: int = 0, day: date = date(2026, 1, 6)) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=NY)


@pytest.mark.parametrize(
    ("moment", "step", "direction", "expected"),
    [
        (at(16, 37, 45), 0, RoundDirection.DOWN, at(16, 37)),
        (at(16, 37, 45), 0, RoundDirection.UP, at(16, 37)),  # step 0 only drops the seconds
        (at(16, 37, 45), 5, RoundDirection.DOWN, at(16, 35)),
        (at(16, 37, 45), 5, RoundDirection.UP, at(16, 40)),
        (at(16, 37, 45), 5, RoundDirection.NEAREST, at(16, 40)),
        (at(16, 37, 29), 5, RoundDirection.NEAREST, at(16, 35)),
        (at(16, 37, 30), 5, RoundDirection.NEAREST, at(16, 40)),  # halves round up
        (at(16, 40), 5, RoundDirection.UP, at(16, 40)),  # already on the step
        (at(16, 40, 1), 5, RoundDirection.UP, at(16, 45)),
        (at(16, 52), 15, RoundDirection.NEAREST, at(16, 45)),
        (at(16, 53), 15, RoundDirection.NEAREST, at(17, 0)),
        (at(23, 58), 5, RoundDirection.UP, at(0, 0, day=date(2026, 1, 7))),
        (at(16, 37, 30), 1, RoundDirection.NEAREST, at(16, 38)),
    ],
)
def test_round_time(moment: datetime, step: int, direction: RoundDirection, expected: datetime) -> None:
    result = round_time(moment, step, direction)
    assert result == expected
    assert result.tzinfo is NY


def test_round_time_uses_the_wall_clock_across_dst() -> None:
    # 2026-03-08 02:00 EST jumps to 03:00 EDT; 01:58 rounded up to 5 minutes is the instant 03:00 EDT
    result = round_time(datetime(2026, 3, 8, 1, 58, tzinfo=NY), 5, RoundDirection.UP)
    assert result == datetime(2026, 3, 8, 3, 0, tzinfo=NY)
    assert result.utcoffset() == timedelta(hours=-4)
    summer = round_time(datetime(2026, 7, 1, 19, 2, tzinfo=NY), 15, RoundDirection.DOWN)
    assert (summer.hour, summer.minute) == (19, 0)


@pytest.mark.parametrize("step", [-5, 1441])
def test_round_time_rejects_bad_steps(step: int) -> None:
    with pytest.raises(ValueError, match="step_minutes"):
        round_time(at(16, 0), step, RoundDirection.DOWN)


def test_resolve_relative_offsets_and_rounds() -> None:
    day = date(2026, 1, 2)  # a Friday
    sunset = compute_zmanim(day, NEW_YORK)["sunset"]
    assert sunset is not None
    mincha = resolve_relative(day, NEW_YORK, "sunset", -15, 5, RoundDirection.DOWN)
    assert mincha is not None
    assert mincha.minute % 5 == 0 and mincha.second == 0
    assert sunset - timedelta(minutes=20) < mincha <= sunset - timedelta(minutes=15)
    exact = resolve_relative(day, NEW_YORK, "plagHaMincha", 0, 0, RoundDirection.NEAREST)
    plag = compute_zmanim(day, NEW_YORK)["plagHaMincha"]
    assert plag is not None and exact == plag.replace(second=0)


def test_resolve_relative_candle_lighting() -> None:
    friday, thursday = date(2026, 1, 2), date(2026, 1, 1)
    candles = candle_lighting(friday, NEW_YORK, 18, False)
    assert resolve_relative(friday, NEW_YORK, "candleLighting", 0, 0, RoundDirection.DOWN) == candles
    kabbalat = resolve_relative(friday, NEW_YORK, "candleLighting", 10, 0, RoundDirection.DOWN)
    assert candles is not None and kabbalat == candles + timedelta(minutes=10)
    jerusalem_custom = resolve_relative(
        friday, NEW_YORK, "candleLighting", 0, 0, RoundDirection.DOWN, candle_lighting_minutes=40
    )
    assert jerusalem_custom == candles - timedelta(minutes=22)
    assert resolve_relative(thursday, NEW_YORK, "candleLighting", 0, 0, RoundDirection.DOWN) is None
    # second night of Rosh Hashana: candles at nightfall of the chosen opinion
    second_night = resolve_relative(
        date(2025, 9, 23),
        NEW_YORK,
        "candleLighting",
        0,
        0,
        RoundDirection.DOWN,
        havdalah_opinion=HavdalahOpinion.MINUTES_72,
    )
    sunset = compute_zmanim(date(2025, 9, 23), NEW_YORK)["sunset"]
    assert sunset is not None and second_night is not None
    assert timedelta(minutes=71) < second_night - sunset <= timedelta(minutes=73)


def test_resolve_relative_none_when_the_zman_does_not_occur() -> None:
    assert resolve_relative(date(2026, 6, 21), TROMSO, "sunset", -10, 5, RoundDirection.DOWN) is None
    assert resolve_relative(date(2026, 6, 19), TROMSO, "candleLighting", 0, 0, RoundDirection.DOWN) is None


def test_resolve_relative_rejects_unknown_keys() -> None:
    with pytest.raises(ValueError, match="unknown zman key"):
        resolve_relative(date(2026, 1, 2), NEW_YORK, "sundown", 0, 0, RoundDirection.DOWN)


def test_day_kinds() -> None:
    assert day_kinds(date(2026, 1, 6), False) == set()  # an ordinary Tuesday
    assert day_kinds(date(2025, 10, 2), False) == {DayKind.YOM_TOV, DayKind.FAST_DAY}  # Yom Kippur
    assert day_kinds(date(2025, 12, 20), False) == {DayKind.SHABBAT, DayKind.ROSH_CHODESH}
    assert day_kinds(date(2025, 12, 30), False) == {DayKind.FAST_DAY}  # Asara B'Tevet
    assert day_kinds(date(2025, 10, 8), False) == {DayKind.YOM_TOV}  # Sukkot II
    assert day_kinds(date(2025, 10, 8), True) == set()  # Chol HaMoed in Israel
    assert day_kinds(date(2026, 9, 12), True) == {DayKind.SHABBAT, DayKind.YOM_TOV}


def test_package_exports_the_public_api() -> None:
    for name in luach.__all__:
        assert hasattr(luach, name), name

    assert FromCalendar is HavdalahOpinion and FromRules is RoundDirection
    assert [o.value for o in HavdalahOpinion] == ["DEGREES_8_5", "MINUTES_42", "MINUTES_50", "MINUTES_72"]
    assert HavdalahOpinion.MINUTES_50.minutes == 50 and HavdalahOpinion.DEGREES_8_5.minutes is None
