"""The demo synagogue that the embedded default starts with: its owner, and sample content from
`services.content.demo`."""

from __future__ import annotations

import secrets

from models.identity import Membership, Role, User
from models.synagogue import Synagogue
from services.content import demo as demo_content
from services.identity.passwords import hash_password

DEMO_SLUG = "demo"
DEMO_EMAIL = "demo@shulgraph.local"


async def seed_demo() -> tuple[str, str] | None:
    """Create the demo synagogue and its owner; returns (email, password), or None if present."""
    if await Synagogue.exists(slug=DEMO_SLUG):
        return None
    password = secrets.token_urlsafe(12)
    synagogue = await Synagogue.create(
        name="Demo Synagogue",
        slug=DEMO_SLUG,
        timezone="America/New_York",
        latitude=40.7128,
        longitude=-74.006,
    )
    user = await User.get_or_none(email=DEMO_EMAIL)
    if user is None:
        password_hash = await hash_password(password)
        user = await User.create(email=DEMO_EMAIL, display_name="Demo Owner", password_hash=password_hash)
    else:
        user.password_hash = await hash_password(password)
        await user.save(update_fields=["password_hash"])
    await Membership.create(user=user, synagogue=synagogue, role=Role.OWNER)
    await demo_content.seed(synagogue.id)
    return DEMO_EMAIL, password
