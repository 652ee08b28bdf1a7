"""The content-changed signal: after a content write commits, every screen of the tenant recomputes.

Mutations call `content_changed(info.context, tenant_id)`; background jobs call
`publish_content_changed(broadcast, tenant_id)`. Inside an operation the message is held until the
operation's transaction has committed (`subscriptions.events.publish`), so a screen that reacts reads
the new rows. A lost message costs little: screens also refresh at every time boundary and on reconnect.
"""

from __future__ import annotations

from typing import Any

from subscriptions.channels import tenant_content
from subscriptions.events import publish


async def publish_content_changed(broadcast: Any, tenant_id: int) -> None:
    """Publish `{"tenant": id}` on the tenant's content channel; a pub/sub failure is logged, not raised."""
    await publish(broadcast, tenant_content(tenant_id), {"tenant": tenant_id})


async def content_changed(context: Any, tenant_id: int) -> None:
    """Announce that the tenant's content changed (once per operation, after its commit)."""
    await publish(context.broadcast, tenant_content(tenant_id), {"tenant": tenant_id}, once=True)
