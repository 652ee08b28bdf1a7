"""The one road from an id to a synagogue: only the one the request acts in, on the access kit. A foreign id
and a missing id give the same None, and both are logged as a denial. (Memberships are identity's:
`resolvers.identity.access.access_membership`.)"""

from __future__ import annotations

from models.synagogue import Synagogue
from resolvers.access import fetch
from schema.context import Info


async def access_synagogue(info: Info, pk: int | None) -> Synagogue | None:
    """The synagogue if it is the caller's current tenant; None (not found) otherwise."""
    return await fetch(info, "Synagogue", pk, Synagogue.filter(id=info.context.tenant_id))
