"""Yahrzeits against hebcal's getYahrzeit test table (../shared/reference/yahrzeit-hebcal.json)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from luach import (
    HebrewDate,
    HebrewMonth,
    days_in_month,
    hebrew_date_of_death,
    next_yahrzeit,
    observed_hebrew_date,
    yahrzeit,
    yahrzeits_between,
)
from tests.support.reference import load

CASES: list[dict[str, Any]] = load("yahrzeit-hebcal.json")["cases"]


def test_reference_table_has_176_dates() -> None:
    assert sum(len(case["yahrzeits"]) for case in CASES) == 176


@pytest.mark.parametrize("case", CASES, ids=[case["case"] for case in CASES])
def test_every_reference_yahrzeit_exactly(case: dict[str, Any]) -> None:
    death = hebrew_date_of_death(date.fromisoformat(case["date_of_death"]), after_sunset=False)
    wrong = {
        row["hebrew_year"]: (row["observed"], yahrzeit(death, row["hebrew_year"]))
        for row in case["yahrzeits"]
        if yahrzeit(death, row["hebrew_year"]) != date.fromisoformat(row["observed"])
    }
    assert not wrong, wrong


def test_reference_cases_are_the_special_dates() -> None:
    deaths = {
        case["case"]: hebrew_date_of_death(date.fromisoformat(case["date_of_death"]), False).display for case in CASES
    }
    assert deaths["Adar1-30"] == "30 Adar I 5774"
    assert deaths["Adar2"] == "20 Adar II 5774"
    assert deaths["Kislev-30-Ex1"] == "30 Kislev 5774"
    assert deaths["Cheshvan-30-Ex2"] == "30 Cheshvan 5770"


def test_no_yahrzeit_before_the_first_anniversary() -> None:
    death = HebrewDate(5780, HebrewMonth.TEVET, 15)
    assert yahrzeit(death, 5779) is None
    assert yahrzeit(death, 5780) is None
    assert observed_hebrew_date(death, 5780) is None
    assert yahrzeit(death, 5781) == HebrewDate(5781, HebrewMonth.TEVET, 15).to_civil()


def test_after_sunset_moves_to_the_next_hebrew_day() -> None:
    assert hebrew_date_of_death(date(2017, 1, 13), False).display == "15 Tevet 5777"
    assert hebrew_date_of_death(date(2017, 1, 13), True).display == "16 Tevet 5777"
    # across Rosh Hashana: evening of 29 Elul is already 1 Tishrei of the next year
    assert hebrew_date_of_death(date(2025, 9, 22), True) == HebrewDate(5786, HebrewMonth.TISHREI, 1)


def test_adar_rules_follow_hebcal() -> None:
    common_adar = HebrewDate(5785, HebrewMonth.ADAR, 10)  # death in Adar of a common year
    assert observed_hebrew_date(common_adar, 5786) == HebrewDate(5786, HebrewMonth.ADAR, 10)
    assert observed_hebrew_date(common_adar, 5787) == HebrewDate(5787, HebrewMonth.ADAR_I, 10)
    adar_ii = HebrewDate(5784, HebrewMonth.ADAR_II, 10)
    assert observed_hebrew_date(adar_ii, 5785) == HebrewDate(5785, HebrewMonth.ADAR, 10)
    assert observed_hebrew_date(adar_ii, 5787) == HebrewDate(5787, HebrewMonth.ADAR_II, 10)
    adar_i = HebrewDate(5784, HebrewMonth.ADAR_I, 10)
    assert observed_hebrew_date(adar_i, 5785) == HebrewDate(5785, HebrewMonth.ADAR, 10)
    assert observed_hebrew_date(adar_i, 5787) == HebrewDate(5787, HebrewMonth.ADAR_I, 10)
    adar_i_30 = HebrewDate(5784, HebrewMonth.ADAR_I, 30)
    assert observed_hebrew_date(adar_i_30, 5785) == HebrewDate(5785, HebrewMonth.SHVAT, 30)
    assert observed_hebrew_date(adar_i_30, 5787) == HebrewDate(5787, HebrewMonth.ADAR_I, 30)


def test_cheshvan_30_depends_on_the_first_anniversary() -> None:
    assert days_in_month(5771, HebrewMonth.CHESHVAN) == 30  # first anniversary of a 5770 death had it
    assert days_in_month(5772, HebrewMonth.CHESHVAN) == 29  # first anniversary of a 5771 death lacked it
    short_year = 5786
    assert days_in_month(short_year, HebrewMonth.CHESHVAN) == 29
    had = HebrewDate(5770, HebrewMonth.CHESHVAN, 30)
    lacked = HebrewDate(5771, HebrewMonth.CHESHVAN, 30)
    assert observed_hebrew_date(had, short_year) == HebrewDate(short_year, HebrewMonth.KISLEV, 1)
    assert observed_hebrew_date(lacked, short_year) == HebrewDate(short_year, HebrewMonth.CHESHVAN, 29)
    long_year = 5785
    assert days_in_month(long_year, HebrewMonth.CHESHVAN) == 30
    for death in (had, lacked):
        assert observed_hebrew_date(death, long_year) == HebrewDate(long_year, HebrewMonth.CHESHVAN, 30)


def test_next_yahrzeit_is_on_or_after_today() -> None:
    death = hebrew_date_of_death(date(2017, 1, 13), False)  # 15 Tevet 5777
    observed = date(2026, 1, 4)
    assert next_yahrzeit(death, observed) == observed
    assert next_yahrzeit(death, date(2026, 1, 5)) == date(2026, 12, 25)
    assert next_yahrzeit(death, date(2017, 1, 13)) == date(2018, 1, 2)  # the first anniversary


def test_yahrzeits_between_is_inclusive_and_ordered() -> None:
    death = hebrew_date_of_death(date(2017, 1, 13), False)
    assert yahrzeits_between(death, date(2026, 1, 4), date(2028, 1, 14)) == [
        (5786, date(2026, 1, 4)),
        (5787, date(2026, 12, 25)),
        (5788, date(2028, 1, 14)),
    ]
    assert yahrzeits_between(death, date(2026, 1, 5), date(2026, 12, 24)) == []
    assert yahrzeits_between(death, date(2028, 1, 1), date(2027, 1, 1)) == []
    assert yahrzeits_between(death, date(2016, 1, 1), date(2018, 1, 2)) == [(5778, date(2018, 1, 2))]
