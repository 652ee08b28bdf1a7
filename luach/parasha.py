"""The weekly Torah portion read on a Shabbat.

Library: ``pyluach.parshios`` builds the yearly reading table (Israel and diaspora schedules, doubled
portions, holiday Shabbatot without a portion); it agrees with ``hdate``'s table on every Shabbat of
1950-2100 except the Israeli Shabbat that is Shmini Atzeret/Simchat Torah, where hdate reports
"Vezot Haberakhah" (a holiday reading) and pyluach and hebcal report no weekly portion.
Hand-written: only the English names, in hebcal's spelling.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Final

from pyluach import dates as pyluach_dates
from pyluach import parshios

__all__ = ["PARASHA_NAMES", "parasha", "parasha_indices"]

PARASHA_NAMES: Final[tuple[str, ...]] = (
    "Bereshit", "Noach", "Lech-Lecha", "Vayera", "Chayei Sara", "Toldot", "Vayetzei", "Vayishlach",
    "Vayeshev", "Miketz", "Vayigash", "Vayechi", "Shemot", "Vaera", "Bo", "Beshalach", "Yitro",
    "Mishpatim", "Terumah", "Tetzaveh", "Ki Tisa", "Vayakhel", "Pekudei", "Vayikra", "Tzav", "Shmini",
    "Tazria", "Metzora", "Achrei Mot", "Kedoshim", "Emor", "Behar", "Bechukotai", "Bamidbar", "Nasso",
    "Beha'alotcha", "Sh'lach", "Korach", "Chukat", "Balak", "Pinchas", "Matot", "Masei", "Devarim",
    "Vaetchanan", "Eikev", "Re'eh", "Shoftim", "Ki Teitzei", "Ki Tavo", "Nitzavim", "Vayeilech",
    "Ha'azinu", "Vezot Haberakhah",
)  # fmt: skip


@lru_cache(maxsize=4096)
def _indices(day: date, in_israel: bool) -> tuple[int, ...] | None:
    found = parshios.getparsha(pyluach_dates.GregorianDate.from_pydate(day), in_israel)
    return None if found is None else tuple(int(i) for i in found)


def parasha_indices(day: date, in_israel: bool) -> list[int] | None:
    """0-based portion numbers (0 = Bereshit) read on the Shabbat on or after ``day``; None on a holiday."""
    found = _indices(day, in_israel)
    return None if found is None else list(found)


def parasha(day: date, in_israel: bool) -> str | None:
    """The portion read on the Shabbat on or after ``day``, e.g. "Vayetzei" or "Vayakhel-Pekudei".

    None when that Shabbat has a holiday reading instead.
    """
    found = _indices(day, in_israel)
    return None if found is None else "-".join(PARASHA_NAMES[i] for i in found)
