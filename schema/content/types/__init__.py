"""Output types of the content domain, one module per noun. DateTimes are in the synagogue's time zone."""

from schema.content.types.common import HebrewDate, local
from schema.content.types.day import DaySchedule, ScheduledAliyah, ScheduledClass, ScheduledPrayer
from schema.content.types.imports import ImportRowError, ImportRowErrorConnection, MemorialImport
from schema.content.types.media import Media, MediaUpload, UploadHeader
from schema.content.types.memorials import Memorial, MemorialConnection, Yahrzeit, YahrzeitOccurrence
from schema.content.types.messages import Message, MessageConnection
from schema.content.types.prayer_times import HebrewDay, HebrewSeason, PrayerTime, PrayerTimeConnection
from schema.content.types.programme import (
    AliyahAssignment,
    AliyahAssignmentConnection,
    DailyContentPreferences,
    HolidayOverride,
    HolidayOverrideConnection,
    TorahClass,
    TorahClassConnection,
)
from schema.content.types.zmanim import Zmanim

__all__ = [
    "AliyahAssignment",
    "AliyahAssignmentConnection",
    "DailyContentPreferences",
    "DaySchedule",
    "HebrewDate",
    "HebrewDay",
    "HebrewSeason",
    "HolidayOverride",
    "HolidayOverrideConnection",
    "ImportRowError",
    "ImportRowErrorConnection",
    "Media",
    "MediaUpload",
    "Memorial",
    "MemorialConnection",
    "MemorialImport",
    "Message",
    "MessageConnection",
    "PrayerTime",
    "PrayerTimeConnection",
    "ScheduledAliyah",
    "ScheduledClass",
    "ScheduledPrayer",
    "TorahClass",
    "TorahClassConnection",
    "UploadHeader",
    "Yahrzeit",
    "YahrzeitOccurrence",
    "Zmanim",
    "local",
]
