"""Inputs of the content domain, as ../shared/clients/README.md lists them, one module per noun. Fields left out
of an update keep their value; `values_of` turns an input into the service's snake_case values. Times without
an offset are wall times in the synagogue's time zone."""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any

from strawberry import UNSET

from schema.content.inputs.media import AttachScreenshotInput, CreateScreenshotUploadInput, CreateUploadInput
from schema.content.inputs.memorials import (
    AttachMemorialPhotoInput,
    CreateMemorialInput,
    HebrewDateInput,
    ImportMemorialsInput,
    RemoveMemorialPhotoInput,
    UpdateMemorialInput,
)
from schema.content.inputs.messages import (
    AttachMessageImageInput,
    CreateMessageInput,
    RemoveMessageImageInput,
    UpdateMessageInput,
)
from schema.content.inputs.prayer_times import (
    CreatePrayerTimeInput,
    HebrewDayInput,
    HebrewSeasonInput,
    LocationInput,
    UpdatePrayerTimeInput,
)
from schema.content.inputs.programme import (
    AssignAliyahInput,
    CreateTorahClassInput,
    SetHolidayOverrideInput,
    UpdateAliyahAssignmentInput,
    UpdateDailyContentPreferencesInput,
    UpdateHolidayOverrideInput,
    UpdateTorahClassInput,
)

__all__ = [
    "AssignAliyahInput",
    "AttachMemorialPhotoInput",
    "AttachMessageImageInput",
    "AttachScreenshotInput",
    "CreateMemorialInput",
    "CreateMessageInput",
    "CreatePrayerTimeInput",
    "CreateScreenshotUploadInput",
    "CreateTorahClassInput",
    "CreateUploadInput",
    "HebrewDateInput",
    "HebrewDayInput",
    "HebrewSeasonInput",
    "ImportMemorialsInput",
    "LocationInput",
    "RemoveMemorialPhotoInput",
    "RemoveMessageImageInput",
    "SetHolidayOverrideInput",
    "UpdateAliyahAssignmentInput",
    "UpdateDailyContentPreferencesInput",
    "UpdateHolidayOverrideInput",
    "UpdateMemorialInput",
    "UpdateMessageInput",
    "UpdatePrayerTimeInput",
    "UpdateTorahClassInput",
    "values_of",
]


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def values_of(data: Any, skip: tuple[str, ...] = ("id",)) -> dict[str, Any]:
    """The given fields of an input (UNSET ones left out, and `urgent`, which says how an edit is shown), enums as
    their values."""
    return {
        f.name: _plain(getattr(data, f.name))
        for f in dataclasses.fields(data)
        if f.name not in skip and f.name != "urgent" and getattr(data, f.name) is not UNSET
    }
