"""A screen's own settings: orientation, language, theme, brightness, night hours, panels and their timers, and
its overrides of the synagogue's daily content preferences. Checked and written here; the screens of the tenant
are told at once, so the device's screen updates live."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from typing import Any

from luach import ZMAN_LABELS
from models.base import joined_scope
from models.devices import Device, DeviceSettings
from models.together import PreparedTogether
from services.devices.rules import missing
from services.devices.screen_state import DAILY_ITEMS
from services.infra.problems import Problem
from subscriptions.channels import tenant_content
from subscriptions.events import publish

TEXT_LIMITS = {"language": 16, "theme": 40}


@dataclass(frozen=True)
class OverridesChange:
    """A device's overrides of the daily content preferences, replaced as a whole (sections by name)."""

    hidden_sections: list[str]
    shown_sections: list[str]
    zmanim_keys: list[str] | None = None
    max_messages: int | None = None


@dataclass(frozen=True)
class SettingsChange:
    """What an admin asks to change; None keeps the value (night hours come as a pair)."""

    orientation: str | None = None
    language: str | None = None
    theme: str | None = None
    brightness: int | None = None
    night_start: time | None = None
    night_end: time | None = None
    night_brightness: int | None = None
    panels: list[tuple[str, int]] | None = None
    """(section name, seconds on screen) in rotation order."""
    content_overrides: OverridesChange | None = None


def settings_problems(change: SettingsChange) -> list[Problem]:
    problems: list[Problem] = []
    for name, field in (("brightness", "brightness"), ("night_brightness", "nightBrightness")):
        value = getattr(change, name)
        if value is not None and not 0 <= value <= 100:
            problems.append(Problem(field, "OUT_OF_RANGE", "from 0 to 100"))
    if (change.night_start is None) != (change.night_end is None):
        problems.append(Problem("nightEnd", "REQUIRED", "give both nightStart and nightEnd"))
    for index, (_, seconds) in enumerate(change.panels or []):
        if not 3 <= seconds <= 3600:
            problems.append(Problem(f"panels.{index}.seconds", "OUT_OF_RANGE", "3 to 3600"))
    problems += _overrides_problems(change.content_overrides)
    for name, limit in TEXT_LIMITS.items():
        value = getattr(change, name)
        if value is not None and len(value) > limit:
            problems.append(Problem(name, "TOO_LONG", "too long"))
    return problems


def _overrides_problems(overrides: OverridesChange | None) -> list[Problem]:
    if overrides is None:
        return []
    problems: list[Problem] = []
    if overrides.max_messages is not None and not 0 <= overrides.max_messages <= 50:
        problems.append(Problem("contentOverrides.maxMessages", "OUT_OF_RANGE", "0 to 50"))
    if overrides.zmanim_keys is not None and not set(overrides.zmanim_keys) <= ZMAN_LABELS.keys():
        problems.append(Problem("contentOverrides.zmanimKeys", "INVALID", "unknown zman"))
    shown = set(overrides.shown_sections)
    if not shown <= DAILY_ITEMS.keys():
        problems.append(Problem("contentOverrides.shownSections", "INVALID", "only daily items can be shown"))
    if shown & set(overrides.hidden_sections):
        problems.append(Problem("contentOverrides.shownSections", "INVALID", "shown and hidden"))
    return problems


async def update_settings(
    broadcast: Any, device: Device | None, change: SettingsChange
) -> tuple[DeviceSettings | None, list[Problem]]:
    """Change one device's settings (current tenant) and tell its screen; nothing is written on a problem."""
    if device is None:
        return None, [missing("deviceId")]
    problems = settings_problems(change)
    if problems:
        return None, problems
    row = await settings_of(device.id)
    for name in ("orientation", "language", "theme", "brightness", "night_brightness"):
        value = getattr(change, name)
        if value is not None:
            setattr(row, name, value)
    if change.night_start is not None:
        row.night_start = change.night_start.strftime("%H:%M")
        row.night_end = change.night_end.strftime("%H:%M") if change.night_end else None
    if change.panels is not None:
        row.panels = [{"panel": panel, "seconds": seconds} for panel, seconds in change.panels]
    if change.content_overrides is not None:
        overrides = change.content_overrides
        row.content_overrides = {
            "hiddenSections": sorted(set(overrides.hidden_sections)),
            "shownSections": sorted(set(overrides.shown_sections)),
            **({"zmanimKeys": list(overrides.zmanim_keys)} if overrides.zmanim_keys is not None else {}),
            **({"maxMessages": overrides.max_messages} if overrides.max_messages is not None else {}),
        }
    await row.save()
    await settings_changed(broadcast, device.tenant_id, device.id)
    return row, []


_SETTINGS = PreparedTogether(lambda device_id: [DeviceSettings.filter(device_id=device_id).limit(1)], (1,))
"""A device's settings row: every screen a device asks for reads it, so its statement is built once."""


async def settings_of(device_id: int) -> DeviceSettings:
    """The device's settings row (created with defaults on first use), in the current tenant."""
    (found,) = await _SETTINGS.fetch(DeviceSettings, device_id)
    if found:
        row: DeviceSettings = found[0]
        return row
    return await DeviceSettings.create(device_id=device_id)


async def settings_for_screen(tenant_id: int, device_id: int) -> DeviceSettings:
    async with joined_scope(tenant_id):
        return await settings_of(device_id)


async def settings_changed(broadcast: Any, tenant_id: int, device_id: int) -> None:
    """Tell the screens of a tenant that one device's own settings changed."""
    await publish(broadcast, tenant_content(tenant_id), {"kind": "device-settings", "deviceId": device_id})
