"""Platform types."""

from __future__ import annotations

from datetime import datetime

import strawberry

from models import platform as m
from schema.context import Info
from schema.identity.types import User
from schema.relay import Node, to_global_id


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
        from resolvers.platform.loaders import actor_loader

        if self._actor_id is None:
            return None
        user = await actor_loader(info).load(self._actor_id)
        return User.of(user) if user else None
