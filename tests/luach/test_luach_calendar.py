"""Parasha, holidays, Omer, Daf Yomi, candle lighting and havdalah."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hdate import HDateInfo
from hdate.parasha import Parasha
from pyluach import dates as pyluach_dates
from zmanim.limudim.calculators.daf_yomi_bavli import DafYomiBavli

from luach import (
    HavdalahOpinion,
    HebrewDate,
    HebrewMonth,
    Location,
    candle_lighting,
    compute_zmanim,
    daf_yomi,
    havdalah,
    holidays,
    is_fast_day,
    is_rosh_chodesh,
    is_shabbat,
    is_yom_tov,
    omer_day,
    parasha,
)
from luach.learning import DAF_YOMI_FIRST_DATE
from luach.parasha import PARASHA_NAMES, parasha_indices

NEW_YORK = Location(40.7128, -74.006, "America/New_York")
CHICAGO = Location(41.85003, -87.65005, "America/Chicago")
TEL_AVIV = Location(32.08088, 34.78057, "Asia/Jerusalem")
DENVER = Location(39.73915, -104.9847, "America/Denver", 1636, use_elevation=True)


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days)]


# --- parasha ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "in_israel", "expected"),
    [
        (date(2024, 12, 7), False, "Vayetzei"),
        (date(2024, 12, 3), False, "Vayetzei"),  # a weekday: the coming Shabbat
        (date(2026, 3, 14), False, "Vayakhel-Pekudei"),
        (date(2025, 3, 22), False, "Vayakhel"),  # 5785: a complete common year starting Thursday
        (date(2025, 3, 29), False, "Pekudei"),
        (date(2022, 4, 23), False, None),  # Pesach VIII on Shabbat in the diaspora
        (date(2022, 4, 23), True, "Achrei Mot"),
        (date(2022, 4, 30), False, "Achrei Mot"),
        (date(2022, 4, 30), True, "Kedoshim"),
        (date(2022, 7, 30), False, "Matot-Masei"),
        (date(2022, 7, 30), True, "Masei"),
        (date(2026, 5, 23), False, None),  # Shavuot II
        (date(2026, 5, 23), True, "Nasso"),
        (date(2025, 10, 11), False, None),  # Shabbat Chol HaMoed Sukkot
        (date(2026, 10, 3), True, None),  # Shmini Atzeret on Shabbat in Israel
        (date(2025, 10, 18), True, "Bereshit"),
    ],
)
def test_parasha_known_shabbatot(day: date, in_israel: bool, expected: str | None) -> None:
    assert parasha(day, in_israel) == expected


def test_parasha_agrees_with_hdate_for_fifty_years() -> None:
    """pyluach's table (used) against hdate's independent one; they differ only where hdate names the
    Simchat Torah reading on an Israeli Shabbat that is Shmini Atzeret."""
    saturday = date(2000, 1, 1)
    compared = 0
    while saturday < date(2050, 1, 1):
        for in_israel in (False, True):
            ours = parasha_indices(saturday, in_israel)
            theirs = HDateInfo(saturday, diaspora=not in_israel).parasha_obj
            expected = "NONE" if ours is None else "_".join(Parasha(i + 1).name for i in ours)
            if theirs is Parasha.VEZOT_HABRACHA:
                assert in_israel and ours is None and "Shmini Atzeret" in holidays(saturday, True)
                continue
            assert theirs.name == expected, (saturday, in_israel)
            compared += 1
        saturday += timedelta(days=7)
    assert compared > 5000


def test_parasha_names() -> None:
    assert len(PARASHA_NAMES) == 54
    assert PARASHA_NAMES[6] == "Vayetzei"


# --- holidays --------------------------------------------------------------------------------------------


def test_holiday_names_diaspora_and_israel() -> None:
    assert holidays(date(2025, 9, 23), False) == ["Rosh Hashana I"]
    assert holidays(date(2025, 10, 8), False) == ["Sukkot II"]
    assert holidays(date(2025, 10, 8), True) == ["Sukkot II (CH''M)"]
    assert holidays(date(2025, 10, 13), False) == ["Sukkot VII (Hoshana Raba)"]
    assert holidays(date(2025, 10, 14), False) == ["Shmini Atzeret"]
    assert holidays(date(2025, 10, 14), True) == ["Shmini Atzeret", "Simchat Torah"]
    assert holidays(date(2025, 10, 15), False) == ["Simchat Torah"]
    assert holidays(date(2025, 10, 15), True) == []
    assert holidays(date(2026, 4, 9), False) == ["Pesach VIII"]
    assert holidays(date(2026, 4, 9), True) == []
    assert holidays(date(2026, 5, 22), True) == ["Shavuot"]
    assert holidays(date(2026, 5, 22), False) == ["Shavuot I"]
    assert holidays(date(2026, 4, 1), False) == ["Erev Pesach", "Ta'anit Bechorot"]
    assert holidays(date(2025, 12, 20), False) == ["Chanukah: Day 6", "Rosh Chodesh Tevet"]
    assert holidays(date(2025, 12, 22), False) == ["Chanukah: Day 8"]
    assert holidays(date(2026, 2, 17), False) == ["Rosh Chodesh Adar"]
    assert holidays(date(2024, 2, 9), False) == ["Rosh Chodesh Adar I"]
    assert holidays(date(2024, 2, 22), False) == []
    assert holidays(date(2024, 2, 23), False) == ["Purim Katan"]
    assert "Yom HaAtzma'ut" in holidays(date(2026, 4, 22), True)


def test_special_shabbatot() -> None:
    assert holidays(date(2026, 2, 14), False) == ["Shabbat Shekalim"]
    assert holidays(date(2026, 2, 28), False) == ["Shabbat Zachor"]
    assert holidays(date(2026, 3, 7), False) == ["Shabbat Parah"]
    assert holidays(date(2026, 3, 14), False) == ["Shabbat HaChodesh"]
    assert holidays(date(2026, 3, 28), False) == ["Shabbat HaGadol"]
    assert holidays(date(2025, 9, 27), False) == ["Shabbat Shuva"]
    assert holidays(date(2026, 7, 18), False) == ["Shabbat Chazon"]
    assert holidays(date(2026, 7, 25), False) == ["Shabbat Nachamu"]
    assert holidays(date(2026, 1, 31), False) == ["Shabbat Shirah"]


def test_postponed_fasts() -> None:
    # 9 Av 5785 was Shabbat: the fast is Sunday, its eve Shabbat
    assert is_fast_day(date(2025, 8, 3), False) and not is_fast_day(date(2025, 8, 2), False)
    assert holidays(date(2025, 8, 2), False) == ["Erev Tish'a B'Av", "Shabbat Chazon"]
    # 13 Adar II 5784 was Shabbat: Ta'anit Esther moves back to Thursday
    assert holidays(date(2024, 3, 21), False) == ["Ta'anit Esther"]
    assert not is_fast_day(date(2024, 3, 23), False)
    assert is_fast_day(date(2025, 10, 2), True)  # Yom Kippur
    assert not is_fast_day(date(2026, 4, 1), False)  # Ta'anit Bechorot is for the firstborn only


def test_yom_tov_and_fasts_agree_with_pyluach_for_forty_years() -> None:
    for day in _days(date(2000, 1, 1), date(2040, 1, 1)):
        greg = pyluach_dates.GregorianDate.from_pydate(day)
        for in_israel in (False, True):
            chag = greg.festival(israel=in_israel, include_working_days=False)
            assert is_yom_tov(day, in_israel) == (chag is not None), (day, in_israel, chag)
        yom_kippur = holidays(day, False) == ["Yom Kippur"]
        assert is_fast_day(day, False) == (greg.fast_day() is not None or yom_kippur), day


def test_rosh_chodesh_is_day_30_or_day_1_except_tishrei() -> None:
    for day in _days(date(2020, 1, 1), date(2030, 1, 1)):
        hebrew = HebrewDate.from_civil(day)
        expected = hebrew.day == 30 or (hebrew.day == 1 and hebrew.month is not HebrewMonth.TISHREI)
        assert is_rosh_chodesh(day) == expected, day


def test_is_shabbat() -> None:
    assert is_shabbat(date(2026, 1, 3))
    assert not is_shabbat(date(2026, 1, 2))


# --- Omer and Daf Yomi -----------------------------------------------------------------------------------


def test_omer_day() -> None:
    pesach = HebrewDate(5786, HebrewMonth.NISAN, 15).to_civil()
    assert omer_day(pesach) is None
    assert omer_day(pesach + timedelta(days=1)) == 1
    assert omer_day(HebrewDate(5786, HebrewMonth.IYYAR, 18).to_civil()) == 33  # Lag BaOmer
    assert omer_day(HebrewDate(5786, HebrewMonth.SIVAN, 5).to_civil()) == 49
    assert omer_day(HebrewDate(5786, HebrewMonth.SIVAN, 6).to_civil()) is None


def test_daf_yomi_known_days() -> None:
    assert daf_yomi(date(2020, 1, 5)) == "Berakhot 2"  # 14th cycle began
    assert daf_yomi(date(2020, 1, 15)) == "Berakhot 12"
    assert daf_yomi(date(2012, 8, 3)) == "Berakhot 2"  # 13th cycle began
    assert daf_yomi(date(2027, 3, 13)) == "Kinnim 23"
    assert daf_yomi(date(2027, 3, 16)) == "Tamid 26"
    assert daf_yomi(date(2027, 3, 24)) == "Middot 34"
    assert daf_yomi(DAF_YOMI_FIRST_DATE) == "Berakhot 2"
    assert daf_yomi(DAF_YOMI_FIRST_DATE - timedelta(days=1)) is None


KOSHERJAVA_TRACTATES = {
    "berachos": "Berakhot", "shabbos": "Shabbat", "eruvin": "Eruvin", "pesachim": "Pesachim",
    "shekalim": "Shekalim", "yoma": "Yoma", "sukkah": "Sukkah", "beitzah": "Beitzah",
    "rosh_hashanah": "Rosh Hashanah", "taanis": "Taanit", "megillah": "Megillah", "moed_katan": "Moed Katan",
    "chagigah": "Chagigah", "yevamos": "Yevamot", "kesubos": "Ketubot", "nedarim": "Nedarim",
    "nazir": "Nazir", "sotah": "Sotah", "gitin": "Gittin", "kiddushin": "Kiddushin",
    "bava_kamma": "Bava Kamma", "bava_metzia": "Bava Metzia", "bava_basra": "Bava Batra",
    "sanhedrin": "Sanhedrin", "makkos": "Makkot", "shevuos": "Shevuot", "avodah_zarah": "Avodah Zarah",
    "horiyos": "Horayot", "zevachim": "Zevachim", "menachos": "Menachot", "chullin": "Chullin",
    "bechoros": "Bekhorot", "arachin": "Arakhin", "temurah": "Temurah", "kerisos": "Keritot",
    "meilah": "Meilah", "kinnim": "Kinnim", "tamid": "Tamid", "midos": "Middot", "niddah": "Niddah",
}  # fmt: skip


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_daf_yomi_agrees_with_kosherjava_calculator() -> None:
    calculator = DafYomiBavli()
    days = [DAF_YOMI_FIRST_DATE + timedelta(days=211 * i) for i in range(60)]  # to 2010
    days += _days(date(2027, 2, 18), date(2027, 3, 30))  # the Meilah / Kinnim / Tamid / Middot block
    seen = set()
    for day in days:
        tractate, folio = str(calculator.limud(day).unit).rsplit(" ", 1)
        assert daf_yomi(day) == f"{KOSHERJAVA_TRACTATES[tractate]} {folio}", day
        seen.add(tractate)
    assert len(seen) >= 30 and {"meilah", "kinnim", "tamid", "midos"} <= seen


# --- candle lighting and havdalah ------------------------------------------------------------------------


def _floor(moment: datetime | None) -> datetime:
    assert moment is not None
    return moment.replace(second=0)


def test_candle_lighting_on_friday_is_floored_sunset_minus_minutes() -> None:
    # the reference days (hebcal's test dates) are a Friday in Chicago and Denver
    assert candle_lighting(date(2020, 6, 5), CHICAGO, 18, False) == datetime(2020, 6, 5, 20, 4, tzinfo=CHICAGO.zone)
    assert candle_lighting(date(2020, 6, 5), DENVER, 18, False) == datetime(2020, 6, 5, 20, 14, tzinfo=DENVER.zone)
    assert candle_lighting(date(2020, 6, 5), CHICAGO, 40, False) == datetime(2020, 6, 5, 19, 42, tzinfo=CHICAGO.zone)
    assert candle_lighting(date(2020, 6, 4), CHICAGO, 18, False) is None  # a plain Thursday
    with pytest.raises(ValueError):
        candle_lighting(date(2020, 6, 5), CHICAGO, -5, False)


def test_havdalah_opinions_on_the_reference_shabbat() -> None:
    saturday = date(2021, 3, 6)  # Tel Aviv reference: sunset 17:42:22, tzeit 18:18:39
    at = {opinion: havdalah(saturday, TEL_AVIV, opinion, True) for opinion in HavdalahOpinion}
    assert at[HavdalahOpinion.DEGREES_8_5] == datetime(2021, 3, 6, 18, 19, tzinfo=TEL_AVIV.zone)
    assert at[HavdalahOpinion.MINUTES_42] == datetime(2021, 3, 6, 18, 24, tzinfo=TEL_AVIV.zone)
    assert at[HavdalahOpinion.MINUTES_50] == datetime(2021, 3, 6, 18, 32, tzinfo=TEL_AVIV.zone)
    assert at[HavdalahOpinion.MINUTES_72] == datetime(2021, 3, 6, 18, 54, tzinfo=TEL_AVIV.zone)
    assert havdalah(date(2021, 3, 5), TEL_AVIV, HavdalahOpinion.MINUTES_50, True) is None


def test_yom_tov_candles_and_havdalah_follow_hebcal() -> None:
    degrees = HavdalahOpinion.DEGREES_8_5

    def z(day: date, key: str) -> datetime:
        moment = compute_zmanim(day, NEW_YORK)[key]
        assert moment is not None
        return moment

    def nearest(moment: datetime) -> datetime:
        return _floor(moment + timedelta(seconds=30))

    # Rosh Hashana 5786: Mon eve -> Tue (I) -> Wed (II)
    erev, first, second = date(2025, 9, 22), date(2025, 9, 23), date(2025, 9, 24)
    assert candle_lighting(erev, NEW_YORK, 18, False) == _floor(z(erev, "sunset")) - timedelta(minutes=18)
    assert candle_lighting(first, NEW_YORK, 18, False) == nearest(z(first, "tzeit"))  # after nightfall
    assert havdalah(first, NEW_YORK, degrees, False) is None
    assert candle_lighting(second, NEW_YORK, 18, False) is None
    assert havdalah(second, NEW_YORK, degrees, False) == nearest(z(second, "tzeit"))
    # second-night candles use the chosen nightfall opinion
    assert candle_lighting(first, NEW_YORK, 18, False, havdalah_opinion=HavdalahOpinion.MINUTES_50) == nearest(
        z(first, "sunset")
    ) + timedelta(minutes=50)
    # Shavuot 5786: Friday (I) then Shabbat (II): Friday candles are before sunset
    friday, saturday = date(2026, 5, 22), date(2026, 5, 23)
    assert candle_lighting(friday, NEW_YORK, 18, False) == _floor(z(friday, "sunset")) - timedelta(minutes=18)
    assert havdalah(saturday, NEW_YORK, degrees, False) == nearest(z(saturday, "tzeit"))
    assert havdalah(friday, NEW_YORK, degrees, True) is None  # Israel: one day, Shabbat follows
    # Shabbat that is also erev yom tov: candles after nightfall, no havdalah (RH 5787 on Shabbat)
    assert candle_lighting(date(2026, 9, 12), NEW_YORK, 18, False) == nearest(z(date(2026, 9, 12), "tzeit"))
    # Shmini Atzeret 5786: the diaspora lights again after nightfall, Israel ends the chag
    atzeret = date(2025, 10, 14)
    assert candle_lighting(atzeret, NEW_YORK, 18, False) == nearest(z(atzeret, "tzeit"))
    assert candle_lighting(atzeret, NEW_YORK, 18, True) is None
    assert havdalah(atzeret, NEW_YORK, degrees, True) == nearest(z(atzeret, "tzeit"))
    # Yom Kippur
    assert candle_lighting(date(2025, 10, 1), NEW_YORK, 18, False) is not None
    assert havdalah(date(2025, 10, 2), NEW_YORK, degrees, False) == nearest(z(date(2025, 10, 2), "tzeit"))
    # Chol HaMoed weekday: nothing
    assert candle_lighting(date(2025, 10, 9), NEW_YORK, 18, False) is None
