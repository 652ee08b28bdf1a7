"""The board's yahrzeit policy (luach.board): every window against hebcal's getYahrzeit reference table, and the
Adar rule on fixed dates of hebcal's calendar (15 Adar 5783 = 2023-03-08; in leap 5784, 15 Adar I = 2024-02-24 and
15 Adar II = 2024-03-25; in common 5785, 15 Adar = 2025-03-15)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from luach import AdarRule, YahrzeitWindow, hebrew_date_of_death, lights_between, lit_days, observed_dates
from tests.support.reference import load

CASES: list[dict[str, Any]] = load("yahrzeit-hebcal.json")["cases"]
ROWS = [(case, row) for case in CASES for row in case["yahrzeits"]]
SATURDAY, SUNDAY, FRIDAY = 5, 6, 4


@pytest.mark.parametrize("window", list(YahrzeitWindow), ids=lambda w: w.value)
def test_every_reference_yahrzeit_lights_by_the_window(window: YahrzeitWindow) -> None:
    for case, row in ROWS:
        death = hebrew_date_of_death(date.fromisoformat(case["date_of_death"]), after_sunset=False)
        observed = date.fromisoformat(row["observed"])
        lights = lights_between(death, observed, observed, window)
        assert [light.date for light in lights] == [observed], (case["case"], row)
        first, last = lights[0].first_day, lights[0].last_day
        assert first <= observed <= last and (last - first).days == (0 if window is YahrzeitWindow.HEBREW_DATE else 6)
        if window is YahrzeitWindow.WEEK:
            assert (first.weekday(), last.weekday()) == (SUNDAY, SATURDAY)
        if window is YahrzeitWindow.SHABBAT_TO_FRIDAY:
            assert (first.weekday(), last.weekday()) == (SATURDAY, FRIDAY)
        before, after = first - timedelta(days=1), last + timedelta(days=1)
        for outside in (before, after):  # the light is out the day before its first and after its last
            assert all(light.date != observed for light in lights_between(death, outside, outside, window))


def test_the_adar_rule_for_a_death_in_a_common_years_adar() -> None:
    death = hebrew_date_of_death(date(2023, 3, 8), after_sunset=False)
    assert death.display == "15 Adar 5783"
    kept = {rule: [d.to_civil() for d in observed_dates(death, 5784, rule)] for rule in AdarRule}
    assert kept == {
        AdarRule.ADAR_I: [date(2024, 2, 24)],
        AdarRule.ADAR_II: [date(2024, 3, 25)],
        AdarRule.BOTH: [date(2024, 2, 24), date(2024, 3, 25)],
    }
    assert {rule: [d.to_civil() for d in observed_dates(death, 5785, rule)] for rule in AdarRule} == {
        rule: [date(2025, 3, 15)] for rule in AdarRule
    }
    leap_death = hebrew_date_of_death(date(2024, 3, 25), after_sunset=False)  # 15 Adar II 5784 keeps Adar II's rules
    assert [d.to_civil() for d in observed_dates(leap_death, 5787, AdarRule.ADAR_I)] == [
        d.to_civil() for d in observed_dates(leap_death, 5787, AdarRule.BOTH)
    ]


def test_windows_on_fixed_dates() -> None:
    monday = date(2024, 3, 25)  # 15 Adar II 5784
    assert lit_days(monday, YahrzeitWindow.HEBREW_DATE) == (monday, monday)
    assert lit_days(monday, YahrzeitWindow.WEEK) == (date(2024, 3, 24), date(2024, 3, 30))
    assert lit_days(monday, YahrzeitWindow.SHABBAT_TO_FRIDAY) == (date(2024, 3, 23), date(2024, 3, 29))
    shabbat = date(2024, 2, 24)  # 15 Adar I 5784, a Shabbat
    assert lit_days(shabbat, YahrzeitWindow.WEEK) == (date(2024, 2, 18), shabbat)
    assert lit_days(shabbat, YahrzeitWindow.SHABBAT_TO_FRIDAY) == (shabbat, date(2024, 3, 1))
    death = hebrew_date_of_death(date(2023, 3, 8), after_sunset=False)
    both = lights_between(death, date(2024, 2, 1), date(2024, 3, 31), YahrzeitWindow.WEEK, AdarRule.BOTH)
    assert [(light.date, light.first_day, light.last_day) for light in both] == [
        (date(2024, 2, 24), date(2024, 2, 18), date(2024, 2, 24)),
        (date(2024, 3, 25), date(2024, 3, 24), date(2024, 3, 30)),
    ]
