"""Demo content for the demo synagogue; each domain adds its part here."""

from __future__ import annotations


async def seed(tenant_id: int) -> None:
    """Fill the demo synagogue with a little of everything."""
