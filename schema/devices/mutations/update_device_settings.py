"""updateDeviceSettings: an EDITOR sets how one screen presents itself; the screen updates live."""

from __future__ import annotations

import strawberry

from models.identity import Role
from permissions import HasRole
from resolvers.devices.access import access_device
from schema.context import Info
from schema.devices.inputs import UpdateDeviceSettingsInput
from schema.devices.mutations.device_rules import settings_errors
from schema.devices.payloads import DeviceSettingsPayload
from schema.devices.types import Device, DeviceSettings
from schema.errors import UserErrorCode, user_error
from services.devices import registry as service
from services.infra.ids import decode_id


@strawberry.type
class UpdateDeviceSettingsMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Orientation, language, theme, brightness, night hours, panels and their durations, and "
        "this device's overrides of the daily content preferences. The device's screen updates live.",
    )
    async def update_device_settings(self, info: Info, input: UpdateDeviceSettingsInput) -> DeviceSettingsPayload:
        pk = decode_id(input.device_id, "Device")
        device = await access_device(info, pk) if pk is not None else None
        if device is None:
            return DeviceSettingsPayload(
                user_errors=[user_error("deviceId", UserErrorCode.NOT_FOUND, "no such device")]
            )
        errors = settings_errors(input)
        if errors:
            return DeviceSettingsPayload(user_errors=errors)
        row = await service.settings_of(device.id)
        for name in ("language", "theme", "brightness", "night_brightness"):
            value = getattr(input, name)
            if value is not None:
                setattr(row, name, value)
        if input.orientation is not None:
            row.orientation = input.orientation.value
        if input.night_start is not None:
            row.night_start = input.night_start.strftime("%H:%M")
            row.night_end = input.night_end.strftime("%H:%M") if input.night_end else None
        if input.panels is not None:
            row.panels = [{"panel": p.panel.value, "seconds": p.seconds} for p in input.panels]
        if input.content_overrides is not None:
            o = input.content_overrides
            row.content_overrides = {
                "hiddenSections": sorted({s.value for s in o.hidden_sections}),
                "shownSections": sorted({s.value for s in o.shown_sections}),
                **({"zmanimKeys": list(o.zmanim_keys)} if o.zmanim_keys is not None else {}),
                **({"maxMessages": o.max_messages} if o.max_messages is not None else {}),
            }
        await row.save()
        await service.settings_changed(info.context.broadcast, device.tenant_id, device.id)
        return DeviceSettingsPayload(device=Device.of(device), settings=DeviceSettings.of(row))
