"""The audit log: privileged and impersonated actions, written in the acting tenant."""

from __future__ import annotations

import logging
from typing import Any

from models.platform import AuditEntry

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
