"""Device command types: what an admin sends and a device acknowledges."""

from __future__ import annotations

import datetime as dt
from typing import cast

import strawberry
from strawberry.scalars import JSON

from models import devices as m
from schema.relay import Node
from services.infra.ids import to_global_id

DeviceCommandKind = strawberry.enum(m.CommandKind, name="DeviceCommandKind")
DeviceCommandStatus = strawberry.enum(m.CommandStatus, name="DeviceCommandStatus")


@strawberry.type
class DeviceCommand(Node):
    id: strawberry.ID
    kind: DeviceCommandKind  # type: ignore[valid-type]
    status: DeviceCommandStatus  # type: ignore[valid-type]
    payload: JSON
    issued_at: dt.datetime
    delivered_at: dt.datetime | None
    completed_at: dt.datetime | None
    expires_at: dt.datetime
    detail: str
    _device_id: strawberry.Private[int]

    @classmethod
    def of(cls, row: m.DeviceCommand) -> DeviceCommand:
        return cls(
            id=strawberry.ID(to_global_id("DeviceCommand", row.id)),
            kind=row.kind,
            status=row.status,
            payload=cast(JSON, row.payload),
            issued_at=row.issued_at,
            delivered_at=row.delivered_at,
            completed_at=row.completed_at,
            expires_at=row.expires_at,
            detail=row.detail,
            _device_id=row.device_id,
        )

    @strawberry.field
    def device_id(self) -> strawberry.ID:
        return strawberry.ID(to_global_id("Device", self._device_id))
