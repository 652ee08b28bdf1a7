"""Daily learning: Daf Yomi (Babylonian Talmud, one folio a day).

Library: ``hdate``'s Daf Yomi table and cycle arithmetic (2711 folios per cycle, fixed since the 8th
cycle began on 1975-06-24). Hand-written: the English tractate names, and the split of hdate's single
"Meilah 2-37" block into Meilah 2-22, Kinnim 23-25, Tamid 26-33 and Middot 34-37 as KosherJava and
hebcal count them. Tests check it against the ``zmanim`` package's KosherJava Daf Yomi calculator
(correct but ~40 ms a call, hence not used at runtime). Dates before the 8th cycle return None.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Final

from hdate.daf_yomi import DafYomiDatabase

__all__ = ["DAF_YOMI_FIRST_DATE", "daf_yomi"]

# First cycle began 1923-09-11; cycles 1-7 had 2702 folios (a shorter Shekalim), later ones 2711.
DAF_YOMI_FIRST_DATE: Final = date(1923, 9, 11) + timedelta(days=7 * 2702)

_TRACTATES: Final[dict[str, str]] = {
    "berachos": "Berakhot", "shabbos": "Shabbat", "eruvin": "Eruvin", "pesachim": "Pesachim",
    "shekalim": "Shekalim", "yoma": "Yoma", "succah": "Sukkah", "beitzah": "Beitzah",
    "rosh_hashanah": "Rosh Hashanah", "taanis": "Taanit", "megillah": "Megillah",
    "moed_katan": "Moed Katan", "chagigah": "Chagigah", "yevamos": "Yevamot", "kesubos": "Ketubot",
    "nedarim": "Nedarim", "nazir": "Nazir", "sotah": "Sotah", "gittin": "Gittin",
    "kiddushin": "Kiddushin", "bava_kamma": "Bava Kamma", "bava_metzia": "Bava Metzia",
    "bava_basra": "Bava Batra", "sanhedrin": "Sanhedrin", "makkos": "Makkot", "shevuos": "Shevuot",
    "avodah_zarah": "Avodah Zarah", "horayos": "Horayot", "zevachim": "Zevachim",
    "menachos": "Menachot", "chullin": "Chullin", "bechoros": "Bekhorot", "arachin": "Arakhin",
    "temurah": "Temurah", "kereisos": "Keritot", "meilah": "Meilah", "niddah": "Niddah",
}  # fmt: skip
# folios of hdate's "meilah" block that belong to the small tractates studied with it
_MEILAH_BLOCK: Final = ((34, "Middot"), (26, "Tamid"), (23, "Kinnim"))


@lru_cache(maxsize=4096)
def daf_yomi(day: date) -> str | None:
    """E.g. ``"Berakhot 12"``; None before 1975-06-24."""
    if day < DAF_YOMI_FIRST_DATE:
        return None
    found = DafYomiDatabase().lookup(day)
    name, folio = _TRACTATES[found.name], found.pages
    if found.name == "meilah":
        name = next((small for first, small in _MEILAH_BLOCK if folio >= first), name)
    return f"{name} {folio}"
