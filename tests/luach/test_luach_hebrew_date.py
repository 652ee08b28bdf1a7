"""Hebrew date conversion, validation and display."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from luach import HebrewDate, HebrewMonth, days_in_month, is_leap_year, months_in_year, validate_hebrew_date
from luach.hebrew_date import MAX_YEAR, MIN_YEAR


@pytest.mark.parametrize(
    ("civil", "display"),
    [
        (date(2024, 3, 24), "14 Adar II 5784"),  # Purim in a leap year
        (date(2024, 2, 24), "15 Adar I 5784"),
        (date(2025, 3, 14), "14 Adar 5785"),  # Purim in a common year
        (date(2025, 9, 23), "1 Tishrei 5786"),  # Rosh Hashana
        (date(2026, 11, 14), "4 Kislev 5787"),
        (date(2026, 2, 2), "15 Sh'vat 5786"),  # Tu BiShvat
        (date(2026, 4, 2), "15 Nisan 5786"),  # Pesach
    ],
)
def test_known_conversions(civil: date, display: str) -> None:
    hebrew = HebrewDate.from_civil(civil)
    assert hebrew.display == display
    assert str(hebrew) == display
    assert hebrew.to_civil() == civil


def test_round_trip_every_day_for_four_years() -> None:
    day = date(2023, 9, 1)
    previous = HebrewDate.from_civil(day - timedelta(days=1))
    while day < date(2027, 9, 1):
        hebrew = HebrewDate.from_civil(day)
        assert hebrew.to_civil() == day
        assert hebrew.day == previous.day + 1 or hebrew.day == 1
        previous = hebrew
        day += timedelta(days=1)


def test_leap_years_and_months() -> None:
    assert is_leap_year(5784) and is_leap_year(5787)
    assert not is_leap_year(5785) and not is_leap_year(5786)
    assert months_in_year(5784)[0] is HebrewMonth.TISHREI
    assert HebrewMonth.ADAR_I in months_in_year(5784) and HebrewMonth.ADAR not in months_in_year(5784)
    assert HebrewMonth.ADAR in months_in_year(5785) and HebrewMonth.ADAR_II not in months_in_year(5785)
    assert len(months_in_year(5784)) == 13 and len(months_in_year(5785)) == 12
    assert days_in_month(5784, HebrewMonth.ADAR_I) == 30
    assert days_in_month(5785, HebrewMonth.ADAR) == 29
    assert days_in_month(5786, HebrewMonth.CHESHVAN) == 29
    assert sum(days_in_month(5786, m) for m in months_in_year(5786)) == 354


def test_validation_reason_codes() -> None:
    assert validate_hebrew_date(5786, HebrewMonth.KISLEV, 5) is None
    assert validate_hebrew_date(5786, HebrewMonth.TEVET, 30) == "INVALID_DAY"
    assert validate_hebrew_date(5786, HebrewMonth.CHESHVAN, 30) == "INVALID_DAY"
    assert validate_hebrew_date(5785, HebrewMonth.ADAR, 30) == "INVALID_DAY"
    assert validate_hebrew_date(5786, HebrewMonth.NISAN, 0) == "INVALID_DAY"
    assert validate_hebrew_date(5785, HebrewMonth.ADAR_I, 3) == "INVALID_MONTH"
    assert validate_hebrew_date(5785, HebrewMonth.ADAR_II, 3) == "INVALID_MONTH"
    assert validate_hebrew_date(5784, HebrewMonth.ADAR, 14) is None  # read as Adar II
    assert validate_hebrew_date(5784, HebrewMonth.ADAR, 30) == "INVALID_DAY"  # Adar II has 29 days
    assert validate_hebrew_date(0, HebrewMonth.NISAN, 1) == "INVALID_YEAR"
    assert validate_hebrew_date(MIN_YEAR - 1, HebrewMonth.NISAN, 1) == "INVALID_YEAR"
    assert validate_hebrew_date(MAX_YEAR + 1, HebrewMonth.NISAN, 1) == "INVALID_YEAR"


def test_year_bounds_convert() -> None:
    assert HebrewDate(MIN_YEAR, HebrewMonth.TISHREI, 1).to_civil().year == 1
    assert HebrewDate(MAX_YEAR, HebrewMonth.ELUL, 29).to_civil().year == 9999


def test_construction_validates_and_normalises_adar() -> None:
    assert HebrewDate(5784, HebrewMonth.ADAR, 14).month is HebrewMonth.ADAR_II
    assert HebrewDate(5784, HebrewMonth.ADAR, 14) == HebrewDate(5784, HebrewMonth.ADAR_II, 14)
    with pytest.raises(ValueError, match="INVALID_DAY"):
        HebrewDate(5786, HebrewMonth.TEVET, 30)
    with pytest.raises(ValueError, match="INVALID_MONTH"):
        HebrewDate(5785, HebrewMonth.ADAR_II, 1)


def test_hebrew_display_and_enum_values() -> None:
    assert HebrewDate(5787, HebrewMonth.KISLEV, 5).hebrew_display == "ה׳ כסלו תשפ״ז"
    assert HebrewMonth.ADAR_II.value == "ADAR_II"
    assert HebrewMonth("SHVAT") is HebrewMonth.SHVAT
    assert [m.name for m in HebrewMonth] == [m.value for m in HebrewMonth]
