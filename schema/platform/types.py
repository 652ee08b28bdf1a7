"""Platform types: tenant audit entries and platform audit entries."""

from __future__ import annotations

from datetime import datetime
from typing import cast

import strawberry
from strawberry.scalars import JSON

from models import platform as m
from schema.context import Info
from schema.identity.types import User
from schema.relay import Node
from services.infra.ids import to_global_id


@strawberry.type
class AuditEntry(Node):
    id: strawberry.ID
    at: datetime
    action: str
    target_id: str | None
    impersonated: bool
    _actor_id: strawberry.Private[int | None]

    @classmethod
    def of(cls, row: m.AuditEntry) -> AuditEntry:
        return cls(
            id=strawberry.ID(to_global_id("AuditEntry", row.id)),
            at=row.at,
            action=row.action,
            target_id=row.target_id or None,
            impersonated=row.impersonated,
            _actor_id=row.actor_id,
        )

    @strawberry.field(description="Who acted; null for a system job or a user who no longer exists.")
    async def actor(self, info: Info) -> User | None:
        return await _actor(info, self._actor_id)


@strawberry.type(description="A platform-level action (outside any synagogue). Platform administrators only.")
class PlatformAuditEntry(Node):
    id: strawberry.ID
    created_at: datetime
    action: str = strawberry.field(
        description="platform_admin.create, platform_admin.promote, software_release.publish or tenant.impersonate."
    )
    target_id: str | None = strawberry.field(description="The global id of what was acted on, when there is one.")
    detail: JSON = strawberry.field(description='What the action recorded, e.g. {"email": ...}.')
    request_id: str | None = strawberry.field(description="The HTTP request's id; null for the command line.")
    _actor_id: strawberry.Private[int | None]

    @classmethod
    def of(cls, row: m.PlatformAuditEntry) -> PlatformAuditEntry:
        return cls(
            id=strawberry.ID(to_global_id("PlatformAuditEntry", row.id)),
            created_at=row.created_at,
            action=row.action,
            target_id=row.target_id or None,
            detail=cast(JSON, row.detail),
            request_id=row.request_id or None,
            _actor_id=row.actor_id,
        )

    @strawberry.field(description="Who acted; null for the command line or a user who no longer exists.")
    async def actor(self, info: Info) -> User | None:
        return await _actor(info, self._actor_id)


async def _actor(info: Info, actor_id: int | None) -> User | None:
    """The user behind an audit entry, batched per request; None without one."""
    from schema.platform.loaders import actor_loader

    if actor_id is None:
        return None
    user = await actor_loader(info).load(actor_id)
    return User.of(user) if user else None
