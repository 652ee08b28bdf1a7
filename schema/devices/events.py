"""Tenant event types: the live feed of a synagogue's devices for the admin dashboard."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any, cast

import strawberry
from strawberry.scalars import JSON

from services.infra.ids import to_global_id


@strawberry.enum
class TenantEventKind(Enum):
    DEVICE_ONLINE = "DEVICE_ONLINE"
    DEVICE_OFFLINE = "DEVICE_OFFLINE"
    DEVICE_CLAIMED = "DEVICE_CLAIMED"
    DEVICE_REVOKED = "DEVICE_REVOKED"
    COMMAND_ACKNOWLEDGED = "COMMAND_ACKNOWLEDGED"
    COMMAND_FAILED = "COMMAND_FAILED"
    COMMAND_EXPIRED = "COMMAND_EXPIRED"
    ALERT = "ALERT"


@strawberry.type(description="A live event of a synagogue for the admin dashboard.")
class TenantEvent:
    kind: TenantEventKind
    at: dt.datetime
    device_id: strawberry.ID | None
    detail: JSON

    @classmethod
    def of(cls, raw: dict[str, Any]) -> TenantEvent | None:
        kind = raw.get("kind")
        if kind not in TenantEventKind.__members__:
            return None
        device = raw.get("deviceId")
        return cls(
            kind=TenantEventKind(kind),
            at=dt.datetime.fromisoformat(str(raw["at"])),
            device_id=strawberry.ID(to_global_id("Device", device)) if isinstance(device, int) else None,
            detail=cast(JSON, _public_detail(raw.get("detail") or {})),
        )


def _public_detail(detail: dict[str, Any]) -> dict[str, Any]:
    out = dict(detail)
    command = out.pop("commandId", None)
    if isinstance(command, int):
        out["commandId"] = to_global_id("DeviceCommand", command)
    return out
