"""A tenant event: the live feed of a synagogue's screens for the admin dashboard."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import strawberry
from strawberry.scalars import JSON

from schema.devices.enums import TenantEventKind
from services.infra.ids import to_global_id


@strawberry.type(description="A live event of a synagogue for the admin dashboard.")
class TenantEvent:
    kind: TenantEventKind = strawberry.field(description="What happened.")
    at: dt.datetime = strawberry.field(description="When it happened.")
    device_id: strawberry.ID | None = strawberry.field(description="The global id of the screen it is about, if any.")
    detail: JSON = strawberry.field(
        description="More about it, by kind: commandId (a global id), commandKind and success for command events; "
        "alertId (a global id) and rule for alert events."
    )

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
    alert = out.pop("alertId", None)
    if isinstance(alert, int):
        out["alertId"] = to_global_id("Alert", alert)
    return out
