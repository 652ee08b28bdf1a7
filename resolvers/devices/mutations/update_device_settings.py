"""updateDeviceSettings: an EDITOR sets how one screen presents itself; the screen updates live."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.identity import Role
from permissions import HasRole
from resolvers.devices.access import access_device_by_global_id
from schema.context import Info
from schema.devices.inputs import ContentOverridesInput, UpdateDeviceSettingsInput
from schema.devices.payloads import DeviceSettingsPayload
from schema.devices.types import Device, DeviceSettings
from schema.errors import user_errors
from services.devices.settings import OverridesChange, SettingsChange, update_settings


def _overrides(data: ContentOverridesInput | None) -> OverridesChange | None:
    if data is None:
        return None
    return OverridesChange(
        hidden_sections=[section.name for section in data.hidden_sections],
        shown_sections=[section.name for section in data.shown_sections],
        zmanim_keys=data.zmanim_keys,
        max_messages=data.max_messages,
    )


def _change(data: UpdateDeviceSettingsInput) -> SettingsChange:
    return SettingsChange(
        orientation=data.orientation.name if data.orientation is not None else None,
        language=data.language,
        theme=data.theme,
        brightness=data.brightness,
        night_start=data.night_start,
        night_end=data.night_end,
        night_brightness=data.night_brightness,
        panels=None if data.panels is None else [(panel.panel.name, panel.seconds) for panel in data.panels],
        content_overrides=_overrides(data.content_overrides),
    )


@strawberry.type
class UpdateDeviceSettingsMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Orientation, language, theme, brightness, night hours, panels and their durations, and "
        "this device's overrides of the daily content preferences. The device's screen updates live (EDITOR and "
        "above).",
    )
    async def update_device_settings(
        self,
        info: Info,
        input: Annotated[UpdateDeviceSettingsInput, strawberry.argument(description="The device and what to change.")],
    ) -> DeviceSettingsPayload:
        device = await access_device_by_global_id(info, input.device_id)
        row, problems = await update_settings(info.context.broadcast, device, _change(input))
        if row is None or device is None:
            return DeviceSettingsPayload(user_errors=user_errors(problems))
        return DeviceSettingsPayload(device=Device.of(device), settings=DeviceSettings.of(row))
