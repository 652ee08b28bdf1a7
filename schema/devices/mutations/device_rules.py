"""What the device mutations share: field limits, settings validation, clamping reported metrics."""

from __future__ import annotations

from luach import ZMAN_LABELS
from schema.devices.inputs import UpdateDeviceSettingsInput
from schema.devices.settings import DAILY_ITEMS
from schema.errors import UserError, UserErrorCode, user_error

LIMITS = {"name": 120, "location": 200, "group": 80}


def settings_errors(data: UpdateDeviceSettingsInput) -> list[UserError]:
    errors: list[UserError] = []
    for name, field in (("brightness", "brightness"), ("night_brightness", "nightBrightness")):
        value = getattr(data, name)
        if value is not None and not 0 <= value <= 100:
            errors.append(user_error(field, UserErrorCode.OUT_OF_RANGE, "from 0 to 100"))
    if (data.night_start is None) != (data.night_end is None):
        errors.append(user_error("nightEnd", UserErrorCode.REQUIRED, "give both nightStart and nightEnd"))
    for index, panel in enumerate(data.panels or []):
        if not 3 <= panel.seconds <= 3600:
            errors.append(user_error(["panels", str(index), "seconds"], UserErrorCode.OUT_OF_RANGE, "3 to 3600"))
    overrides = data.content_overrides
    if overrides and overrides.max_messages is not None and not 0 <= overrides.max_messages <= 50:
        errors.append(user_error(["contentOverrides", "maxMessages"], UserErrorCode.OUT_OF_RANGE, "0 to 50"))
    if overrides and overrides.zmanim_keys is not None and not set(overrides.zmanim_keys) <= ZMAN_LABELS.keys():
        errors.append(user_error(["contentOverrides", "zmanimKeys"], UserErrorCode.INVALID, "unknown zman"))
    if overrides and not set(overrides.shown_sections) <= set(DAILY_ITEMS):
        errors.append(
            user_error(["contentOverrides", "shownSections"], UserErrorCode.INVALID, "only daily items can be shown")
        )
    if overrides and set(overrides.shown_sections) & set(overrides.hidden_sections):
        errors.append(user_error(["contentOverrides", "shownSections"], UserErrorCode.INVALID, "shown and hidden"))
    for name in ("language", "theme"):
        value = getattr(data, name)
        if value is not None and len(value) > (16 if name == "language" else 40):
            errors.append(user_error(name, UserErrorCode.TOO_LONG, "too long"))
    return errors


def clamp(value: float | None, low: float, high: float) -> float | None:
    return None if value is None else min(max(value, low), high)
