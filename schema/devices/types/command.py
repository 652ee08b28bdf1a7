"""A device command: what an ADMIN sends to a screen and the screen acknowledges."""

from __future__ import annotations

import datetime as dt
from typing import cast

import strawberry
from strawberry.scalars import JSON

from models import devices as m
from schema.content.loaders import screenshot_loader
from schema.content.types import Media
from schema.context import Info
from schema.devices.enums import DeviceCommandKind, DeviceCommandStatus
from schema.relay import Node
from services.infra.ids import to_global_id


@strawberry.type(description="A command to one screen: written first, then delivered at least once, answered once.")
class DeviceCommand(Node):
    id: strawberry.ID = strawberry.field(description="The command's global id.")
    kind: DeviceCommandKind = strawberry.field(description="What the command asks the screen to do.")
    status: DeviceCommandStatus = strawberry.field(description="Where the command stands.")
    payload: JSON = strawberry.field(
        description="The command's parameters as sent (UPDATE_APP adds the release to install under `release`)."
    )
    issued_at: dt.datetime = strawberry.field(description="When an admin sent it.")
    delivered_at: dt.datetime | None = strawberry.field(description="When the screen first received it.")
    completed_at: dt.datetime | None = strawberry.field(
        description="When it was acknowledged, failed or expired; null while open."
    )
    expires_at: dt.datetime = strawberry.field(
        description="Unanswered by then, it becomes EXPIRED and is no longer delivered."
    )
    detail: str = strawberry.field(
        description="The screen's answer, or why the command expired (at most 500 characters)."
    )
    held_until: dt.datetime | None = strawberry.field(
        description="Shabbat mode: sent during Shabbat or yom tov, it is delivered from this havdalah on."
    )
    _device_id: strawberry.Private[int]
    _pk: strawberry.Private[int]

    @strawberry.field(description="A SCREENSHOT command's capture, once the screen uploaded it; null otherwise.")
    async def screenshot(self, info: Info) -> Media | None:
        row = await screenshot_loader(info).load(self._pk)
        return Media.of(row) if row else None

    @classmethod
    def of(cls, row: m.DeviceCommand) -> DeviceCommand:
        return cls(
            id=strawberry.ID(to_global_id("DeviceCommand", row.id)),
            kind=DeviceCommandKind[row.kind.name],
            status=DeviceCommandStatus[row.status.name],
            payload=cast(JSON, row.payload),
            issued_at=row.issued_at,
            delivered_at=row.delivered_at,
            completed_at=row.completed_at,
            expires_at=row.expires_at,
            detail=row.detail,
            held_until=row.held_until,
            _device_id=row.device_id,
            _pk=row.id,
        )

    @strawberry.field(description="The global id of the screen the command is for.")
    def device_id(self) -> strawberry.ID:
        return strawberry.ID(to_global_id("Device", self._device_id))
