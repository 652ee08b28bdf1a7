"""Device mutations: rename and group, settings, revocation, and the device's own heartbeat."""

from __future__ import annotations

from datetime import UTC, datetime

import strawberry

from luach import ZMAN_LABELS
from models.identity import Role
from permissions import HasRole, IsDevice
from resolvers.devices.access import access_device
from schema.context import Info
from schema.devices.inputs import DeviceHeartbeatInput, UpdateDeviceInput, UpdateDeviceSettingsInput
from schema.devices.payloads import DevicePayload, DeviceSettingsPayload, ReportDeviceHeartbeatPayload
from schema.devices.types import Device, DeviceSettings
from schema.errors import UserError, UserErrorCode, user_error
from schema.relay import decode_id
from services import devices as service

LIMITS = {"name": 120, "location": 200, "group": 80}


def _settings_errors(data: UpdateDeviceSettingsInput) -> list[UserError]:
    errors: list[UserError] = []
    for name in ("brightness", "night_brightness"):
        value = getattr(data, name)
        if value is not None and not 0 <= value <= 100:
            errors.append(user_error(name, UserErrorCode.OUT_OF_RANGE, "from 0 to 100"))
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
    for name in ("language", "theme"):
        value = getattr(data, name)
        if value is not None and len(value) > (16 if name == "language" else 40):
            errors.append(user_error(name, UserErrorCode.TOO_LONG, "too long"))
    return errors


@strawberry.type
class DeviceMutation:
    @strawberry.mutation(permission_classes=[HasRole(Role.ADMIN)])
    async def update_device(self, info: Info, input: UpdateDeviceInput) -> DevicePayload:
        pk = decode_id(input.id, "Device")
        device = await access_device(info, pk) if pk is not None else None
        if device is None:
            return DevicePayload(user_errors=[user_error("id", UserErrorCode.NOT_FOUND, "no such device")])
        changes = {k: getattr(input, k).strip() for k in LIMITS if getattr(input, k) is not None}
        errors = [
            user_error(k, UserErrorCode.TOO_LONG, f"at most {LIMITS[k]} characters")
            for k, v in changes.items()
            if len(v) > LIMITS[k]
        ]
        if changes.get("name") == "":
            errors.append(user_error("name", UserErrorCode.REQUIRED, "name the device"))
        if errors:
            return DevicePayload(user_errors=errors)
        if changes:
            for key, value in changes.items():
                setattr(device, key, value)
            await device.save(update_fields=list(changes))
        return DevicePayload(device=Device.of(device))

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
        errors = _settings_errors(input)
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
                **({"zmanimKeys": list(o.zmanim_keys)} if o.zmanim_keys is not None else {}),
                **({"maxMessages": o.max_messages} if o.max_messages is not None else {}),
            }
        await row.save()
        await service.settings_changed(info.context.broadcast, device.tenant_id, device.id)
        return DeviceSettingsPayload(device=Device.of(device), settings=DeviceSettings.of(row))

    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="The token stops working and the device's open sockets close within seconds.",
    )
    async def revoke_device(self, info: Info, id: strawberry.ID) -> DevicePayload:
        pk = decode_id(id, "Device")
        device = await access_device(info, pk) if pk is not None else None
        if device is None:
            return DevicePayload(user_errors=[user_error("id", UserErrorCode.NOT_FOUND, "no such device")])
        await service.revoke_device(info.context.broadcast, device)
        return DevicePayload(device=Device.of(device))

    @strawberry.mutation(permission_classes=[IsDevice], description="cpu and memory in percent.")
    async def report_device_heartbeat(self, info: Info, input: DeviceHeartbeatInput) -> ReportDeviceHeartbeatPayload:
        context = info.context
        assert context.principal.device_id is not None
        device = await access_device(info, context.principal.device_id)
        if device is None:
            return ReportDeviceHeartbeatPayload(ok=False, server_time=datetime.now(UTC))
        beat = service.Heartbeat(
            cpu=_clamp(input.cpu, 0, 100),
            memory=_clamp(input.memory, 0, 100),
            temperature=_clamp(input.temperature, -50, 150),
            uptime_seconds=input.uptime_seconds if input.uptime_seconds and input.uptime_seconds > 0 else None,
            app_version=(input.app_version or "")[:40] or None,
        )
        await service.record_heartbeat(context.broadcast, device, beat)
        return ReportDeviceHeartbeatPayload(ok=True, server_time=datetime.now(UTC))


def _clamp(value: float | None, low: float, high: float) -> float | None:
    return None if value is None else min(max(value, low), high)
