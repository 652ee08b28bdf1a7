"""Platform types: a synagogue's audit entries, the platform's audit entries, and where synagogues' rows live
(placements, moves in progress, tenant databases)."""

from __future__ import annotations

from datetime import datetime
from typing import cast

import strawberry
from strawberry.scalars import JSON

from models import platform as m
from models.synagogue import Synagogue
from schema.context import Info
from schema.identity.types import User
from schema.platform.loaders import actor_loader
from schema.relay import Node
from services.infra.ids import to_global_id
from services.platform.registry import DatabaseOverview, Placement


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


@strawberry.type(description="A move of a synagogue between databases that has not finished (`main.py tenant move`).")
class TenantMoveState:
    source: str = strawberry.field(description="The database it is moving from (`shared`: the central database).")
    target: str = strawberry.field(description="The database it is moving to (`shared`: the central database).")
    step: str = strawberry.field(
        description="COPYING (still writable), SWITCHING (read-only for a moment) or SWITCHED (the old copy is being "
        "deleted)."
    )
    started_at: datetime = strawberry.field(description="When the move began (UTC).")
    updated_at: datetime = strawberry.field(description="When it last took a step (UTC).")


@strawberry.type(
    description="Where one synagogue's rows live: the shared database or a database of its own. Platform "
    "administrators only."
)
class TenantPlacement:
    synagogue_id: strawberry.ID = strawberry.field(description="The synagogue's global id.")
    slug: str = strawberry.field(description="The synagogue's slug, as `main.py tenant` commands name it.")
    name: str = strawberry.field(description="The synagogue's name.")
    database: str = strawberry.field(
        description="`shared` (the central database, the default), or the name of the database it is placed in."
    )
    placed_at: datetime | None = strawberry.field(description="When it was placed there; null when shared.")
    move: TenantMoveState | None = strawberry.field(description="Its move in progress; null when none.")

    @classmethod
    def of(cls, synagogue: Synagogue, placement: Placement) -> TenantPlacement:
        move = placement.move
        return cls(
            synagogue_id=strawberry.ID(to_global_id("Synagogue", synagogue.id)),
            slug=synagogue.slug,
            name=synagogue.name,
            database=placement.database,
            placed_at=placement.placed_at,
            move=TenantMoveState(
                source=move.source,
                target=move.target,
                step=move.step,
                started_at=move.started_at,
                updated_at=move.updated_at,
            )
            if move
            else None,
        )


@strawberry.type(
    description="A database the operator declared for placing synagogues (TENANT_DATABASES). Platform "
    "administrators only."
)
class TenantDatabase:
    name: str = strawberry.field(description="Its name, as placements and `main.py tenant` commands give it.")
    id_block: int | None = strawberry.field(
        description="The block of ids its sequences draw from, given once by `main.py migrate`; null before that."
    )
    synagogues: int = strawberry.field(description="How many synagogues are placed in it.")
    state: str = strawberry.field(
        description="As the API process that answers sees it: ok, idle (no connection open here), unavailable "
        "(not answering: its synagogues get UNAVAILABLE), or undeclared (registered, but not in its settings)."
    )
    connections: int = strawberry.field(description="Connections this API process holds open to it.")

    @classmethod
    def of(cls, row: DatabaseOverview) -> TenantDatabase:
        return cls(
            name=row.name,
            id_block=row.id_block,
            synagogues=row.synagogues,
            state=row.state,
            connections=row.connections,
        )
