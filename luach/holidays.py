"""Jewish holidays, fasts, Rosh Chodesh and special Shabbatot of a civil date, in English.

Library: ``hdate``'s holiday database decides which holiday falls on which day (Israel vs diaspora
second days, postponed fasts, the moving Israeli memorial/independence days, Rosh Chodesh), and
``pyluach`` the four special parshiyot (Shekalim, Zachor, Parah, HaChodesh).
Hand-written: the English display names (hebcal's spellings, e.g. "Sukkot III (CH''M)",
"Rosh Chodesh Kislev", "Chanukah: Day 3"), and the few days hdate does not list: Ta'anit Bechorot
(14 Nisan, or Thursday 12 Nisan when 14 Nisan is Shabbat), Erev Tish'a B'Av, Pesach Sheni, Purim Katan,
and Shabbat Shuva / HaGadol / Chazon / Nachamu / Shirah.
Fast days (``is_fast_day``) are the public fasts plus Yom Kippur; Ta'anit Bechorot (firstborn only) is not.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Final

from hdate.hebrew_date import HebrewDate as HdateDate
from hdate.hebrew_date import Months
from hdate.holidays import HolidayDatabase, HolidayTypes
from hdate.omer import Omer
from pyluach import dates as pyluach_dates
from pyluach import parshios

from luach.hebrew_date import HebrewDate, HebrewMonth, is_leap_year
from luach.parasha import parasha_indices

__all__ = [
    "holidays",
    "is_fast_day",
    "is_rosh_chodesh",
    "is_shabbat",
    "is_yom_tov",
    "omer_day",
]

_ROMAN: Final = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII")
_NAMES: Final[dict[str, str]] = {
    "erev_rosh_hashana": "Erev Rosh Hashana",
    "rosh_hashana_i": "Rosh Hashana I",
    "rosh_hashana_ii": "Rosh Hashana II",
    "tzom_gedaliah": "Tzom Gedaliah",
    "erev_yom_kippur": "Erev Yom Kippur",
    "yom_kippur": "Yom Kippur",
    "erev_sukkot": "Erev Sukkot",
    "sukkot": "Sukkot I",
    "sukkot_ii": "Sukkot II",
    "hoshana_raba": "Sukkot VII (Hoshana Raba)",
    "shmini_atzeret": "Shmini Atzeret",
    "simchat_torah": "Simchat Torah",
    "asara_btevet": "Asara B'Tevet",
    "tu_bshvat": "Tu BiShvat",
    "taanit_esther": "Ta'anit Esther",
    "purim": "Purim",
    "shushan_purim": "Shushan Purim",
    "erev_pesach": "Erev Pesach",
    "pesach": "Pesach I",
    "pesach_ii": "Pesach II",
    "pesach_vii": "Pesach VII",
    "pesach_viii": "Pesach VIII",
    "yom_hashoah": "Yom HaShoah",
    "yom_hazikaron": "Yom HaZikaron",
    "yom_haatzmaut": "Yom HaAtzma'ut",
    "lag_bomer": "Lag BaOmer",
    "yom_yerushalayim": "Yom Yerushalayim",
    "erev_shavuot": "Erev Shavuot",
    "shavuot": "Shavuot I",
    "shavuot_ii": "Shavuot II",
    "tzom_tammuz": "Tzom Tammuz",
    "tisha_bav": "Tish'a B'Av",
    "tu_bav": "Tu B'Av",
    "family_day": "Yom HaMishpacha",
    "memorial_day_unknown": "Memorial Day for Fallen Soldiers Whose Burial Place Is Unknown",
    "rabin_memorial_day": "Yitzhak Rabin Memorial Day",
    "zeev_zhabotinsky_day": "Jabotinsky Day",
}
_FOUR_PARSHIYOT: Final[dict[str, str]] = {
    "Shekalim": "Shabbat Shekalim",
    "Zachor": "Shabbat Zachor",
    "Parah": "Shabbat Parah",
    "Hachodesh": "Shabbat HaChodesh",
}
# (kind, name) per civil day; kind is an hdate HolidayTypes name or one of ours
_Entry = tuple[str, str]
_FAST, _YOM_TOV, _ROSH_CHODESH = HolidayTypes.FAST_DAY.name, HolidayTypes.YOM_TOV.name, HolidayTypes.ROSH_CHODESH.name
_MINOR_FAST = "MINOR_FAST"
_BESHALACH = 15


def _display(key: str, hd: HebrewDate, in_israel: bool) -> str:
    if key == "rosh_chodesh":
        month = hd.month if hd.day == 1 else HebrewDate.from_civil(hd.to_civil() + timedelta(days=1)).month
        return f"Rosh Chodesh {month.display}"
    if key == "chanukah":
        first = HebrewDate(hd.year, HebrewMonth.KISLEV, 25).to_civil()
        return f"Chanukah: Day {(hd.to_civil() - first).days + 1}"
    if key in ("hol_hamoed_sukkot", "hol_hamoed_pesach"):
        chag = "Sukkot" if key == "hol_hamoed_sukkot" else "Pesach"
        return f"{chag} {_ROMAN[hd.day - 14]} (CH''M)"
    if key == "shavuot" and in_israel:
        return "Shavuot"
    return _NAMES.get(key, key.replace("_", " ").title())


def _add(table: dict[date, list[_Entry]], day: date, kind: str, name: str) -> None:
    table.setdefault(day, []).append((kind, name))


@lru_cache(maxsize=64)
def _year_table(hebrew_year: int, in_israel: bool) -> dict[date, tuple[_Entry, ...]]:
    table: dict[date, list[_Entry]] = {}
    database = HolidayDatabase(diaspora=not in_israel)
    for hdate_day, found in database.lookup_holidays_for_year(HdateDate(hebrew_year, Months.TISHREI, 1)).items():
        civil = hdate_day.to_gdate()
        hd = HebrewDate.from_civil(civil)
        for holiday in found:
            _add(table, civil, holiday.type.name, _display(holiday.name, hd, in_israel))

    # days hdate does not list
    def civil_of(month: HebrewMonth, day: int) -> date:
        return HebrewDate(hebrew_year, month, day).to_civil()

    bechorot = civil_of(HebrewMonth.NISAN, 14)
    if bechorot.weekday() == 5:
        bechorot -= timedelta(days=2)
    _add(table, bechorot, _MINOR_FAST, "Ta'anit Bechorot")
    tisha_bav = civil_of(HebrewMonth.AV, 9)
    if tisha_bav.weekday() == 5:
        tisha_bav += timedelta(days=1)
    _add(table, tisha_bav - timedelta(days=1), "EREV_FAST", "Erev Tish'a B'Av")
    _add(table, civil_of(HebrewMonth.IYYAR, 14), "MINOR_HOLIDAY", "Pesach Sheni")
    if is_leap_year(hebrew_year):
        _add(table, civil_of(HebrewMonth.ADAR_I, 14), "MINOR_HOLIDAY", "Purim Katan")
    return {day: tuple(entries) for day, entries in table.items()}


def _special_shabbat(day: date, in_israel: bool) -> list[str]:
    if day.weekday() != 5:
        return []
    names: list[str] = []
    four = parshios.four_parshios(pyluach_dates.GregorianDate.from_pydate(day))
    if four:
        names.append(_FOUR_PARSHIYOT[str(four)])
    hd = HebrewDate.from_civil(day)
    windows = {
        "Shabbat Shuva": (HebrewMonth.TISHREI, 3, 9),
        "Shabbat HaGadol": (HebrewMonth.NISAN, 8, 14),
        "Shabbat Chazon": (HebrewMonth.AV, 3, 9),
        "Shabbat Nachamu": (HebrewMonth.AV, 10, 16),
    }
    for name, (month, first, last) in windows.items():
        if hd.month is month and first <= hd.day <= last:
            names.append(name)
    if _BESHALACH in (parasha_indices(day, in_israel) or []):
        names.append("Shabbat Shirah")
    return names


def _entries(day: date, in_israel: bool) -> tuple[_Entry, ...]:
    return _year_table(HebrewDate.from_civil(day).year, in_israel).get(day, ())


@lru_cache(maxsize=4096)
def _holidays(day: date, in_israel: bool) -> tuple[str, ...]:
    names = [name for _, name in _entries(day, in_israel)]
    names.extend(_special_shabbat(day, in_israel))
    return tuple(dict.fromkeys(names))


def holidays(day: date, in_israel: bool) -> list[str]:
    """English names of every holiday, fast, Rosh Chodesh and special Shabbat on ``day``."""
    return list(_holidays(day, in_israel))


def is_yom_tov(day: date, in_israel: bool) -> bool:
    """A day of yom tov (work forbidden), including Yom Kippur and diaspora second days outside Israel."""
    return any(kind == _YOM_TOV for kind, _ in _entries(day, in_israel))


def is_fast_day(day: date, in_israel: bool) -> bool:
    """A public fast (Tzom Gedaliah, Asara B'Tevet, Ta'anit Esther, Tzom Tammuz, Tish'a B'Av) or Yom Kippur."""
    return any(kind == _FAST or name == "Yom Kippur" for kind, name in _entries(day, in_israel))


def is_rosh_chodesh(day: date) -> bool:
    return any(kind == _ROSH_CHODESH for kind, _ in _entries(day, False))


def is_shabbat(day: date) -> bool:
    return day.weekday() == 5


def omer_day(day: date) -> int | None:
    """The day of the Omer counted on the evening before ``day``'s daytime ends: 1..49, else None.

    Day 1 is 16 Nisan (counted on the night that begins it).
    """
    total = Omer(date=HdateDate.from_gdate(day)).total_days
    return total if total > 0 else None
