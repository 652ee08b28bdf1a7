"""Output types of the content domain, one module per noun. DateTimes are in the synagogue's time zone."""

from schema.content.types.common import HebrewDate, local
from schema.content.types.memorials import MAX_YAHRZEIT_YEARS, Memorial, Yahrzeit, YahrzeitOccurrence
from schema.content.types.messages import Message
from schema.content.types.prayer_times import HebrewDay, HebrewSeason, PrayerTime
from schema.content.types.programme import AliyahAssignment, DailyContentPreferences, HolidayOverride, TorahClass
from schema.content.types.zmanim import Zmanim

__all__ = [
    "MAX_YAHRZEIT_YEARS",
    "AliyahAssignment",
    "DailyContentPreferences",
    "HebrewDate",
    "HebrewDay",
    "HebrewSeason",
    "HolidayOverride",
    "Memorial",
    "Message",
    "PrayerTime",
    "TorahClass",
    "Yahrzeit",
    "YahrzeitOccurrence",
    "Zmanim",
    "local",
]
