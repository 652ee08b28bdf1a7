"""Channel names, always built on the server from the authenticated principal."""

from __future__ import annotations


def tenant_content(tenant_id: int) -> str:
    return f"tenant:{tenant_id}:content"


def tenant_events(tenant_id: int) -> str:
    return f"tenant:{tenant_id}:events"


def tenant_jobs(tenant_id: int) -> str:
    """Announcements of the tenant's background jobs changing (`jobProgress`)."""
    return f"tenant:{tenant_id}:jobs"


def device_commands(device_id: int) -> str:
    return f"device:{device_id}:commands"


def principal_control(principal: str) -> str:
    """Control messages for one principal's open sockets (close on logout, revoke)."""
    return f"principal:{principal}:control"
