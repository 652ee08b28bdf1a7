"""The audit logs: privileged and impersonated actions, written in the acting tenant (`record`), and
platform-level actions, written in the platform log that only platform admins read (`record_platform`)."""

from __future__ import annotations

import logging
from typing import Any

from models.platform import AuditEntry, PlatformAuditEntry

log = logging.getLogger("shulgraph.audit")


async def record(context: Any, action: str, target_id: str = "", **detail: Any) -> AuditEntry:
    """Write an audit entry in the current tenant for the context's principal."""
    principal = context.principal
    entry = await AuditEntry.create(
        actor_id=principal.user_id,
        action=action,
        target_id=target_id,
        impersonated=bool(context.impersonating),
        detail=detail,
        request_id=context.request_id,
    )
    log.info(
        "audit",
        extra={
            "action": action,
            "actor": principal.describe(),
            "tenant": context.tenant_id,
            "target": target_id,
            "impersonated": context.impersonating,
        },
    )
    return entry


async def record_platform(
    action: str, target_id: str = "", *, actor_id: int | None = None, request_id: str = "", **detail: Any
) -> PlatformAuditEntry:
    """Write an entry in the platform audit log. `actor_id` is None for the command line and system jobs."""
    entry = await PlatformAuditEntry.create(
        actor_id=actor_id, action=action, target_id=target_id, detail=detail, request_id=request_id
    )
    log.info(
        "platform audit",
        extra={"action": action, "actor": actor_id if actor_id is not None else "cli", "target": target_id},
    )
    return entry


async def record_platform_for(context: Any, action: str, target_id: str = "", **detail: Any) -> PlatformAuditEntry:
    """Write an entry in the platform audit log for the request's principal (a platform admin)."""
    return await record_platform(
        action, target_id, actor_id=context.principal.user_id, request_id=context.request_id, **detail
    )
