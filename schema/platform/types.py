"""Platform types: a synagogue's audit entries and the platform's audit entries."""

from __future__ import annotations

from datetime import datetime
from typing import cast

import strawberry
from strawberry.scalars import JSON

from models import platform as m
from schema.context import Info
from schema.identity.types import User
from schema.platform.loaders import actor_loader
from schema.relay import Node
from services.infra.ids import to_global_id


@strawberry.type(
    description="A privileged or impersonated action in this synagogue (members, API keys, webhooks, profile). "
    "ADMIN and above."
)
class AuditEntry(Node):
    id: strawberry.ID = strawberry.field(description="The entry's global id.")
    at: datetime = strawberry.field(description="When the action happened (UTC).")
    action: str = strawberry.field(
        description="What was done, e.g. member.add, api_key.revoke, webhook_endpoint.create, or "
        "impersonate:<operation> for a platform admin acting in this synagogue."
    )
    target_id: str | None = strawberry.field(description="The global id of what was acted on, when there is one.")
    impersonated: bool = strawberry.field(description="True when a platform admin did it by impersonation.")
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
    id: strawberry.ID = strawberry.field(description="The entry's global id.")
    created_at: datetime = strawberry.field(description="When the action happened (UTC).")
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
    if actor_id is None:
        return None
    user = await actor_loader(info).load(actor_id)
    return User.of(user) if user else None
