"""A tenant to load: one synagogue, its owner and 49 more members, and the owner's access token; its content and
devices (`bench.seed_content`, `bench.seed_devices`)."""

from __future__ import annotations

from dataclasses import dataclass

from tortoise import Tortoise

from bench.seed_devices import SeededDevices, seed_devices
from config import get_settings
from models.database import tortoise_config
from models.identity import Membership, Role, User
from models.synagogue import Synagogue
from services.identity.passwords import hash_password
from services.identity.tokens import issue_access_token
from services.infra.ids import to_global_id

MEMBERS = 50
ROLES = (Role.VIEWER, Role.EDITOR, Role.ADMIN)


@dataclass(frozen=True)
class Seeded:
    tenant_id: int
    owner_id: int
    owner_headers: dict[str, str]
    devices: SeededDevices


async def seed(owner_url: str) -> Seeded:
    """Write the tenant through the owner role (no RLS needed: these are not tenant tables)."""
    settings = get_settings()
    await Tortoise.init(config=tortoise_config(owner_url, settings))
    try:
        synagogue = await Synagogue.create(
            name="Bench Synagogue",
            slug="bench",
            timezone="America/New_York",
            latitude=40.7128,
            longitude=-74.006,
        )
        password_hash = await hash_password("bench password, not for production")
        users = [
            await User.create(
                email=f"member{n:03d}@bench.example.org", display_name=f"Member {n}", password_hash=password_hash
            )
            for n in range(MEMBERS)
        ]
        await Membership.create(user=users[0], synagogue=synagogue, role=Role.OWNER)
        for n, user in enumerate(users[1:]):
            await Membership.create(user=user, synagogue=synagogue, role=ROLES[n % len(ROLES)])
        from bench.seed_content import seed_content

        await seed_content(synagogue.id)
    finally:
        await Tortoise.close_connections()
    token = issue_access_token(settings, users[0].id)[0]
    headers = {"Authorization": f"Bearer {token}", "X-Tenant-ID": to_global_id("Synagogue", synagogue.id)}
    devices = await seed_devices(owner_url, synagogue.id)
    return Seeded(tenant_id=synagogue.id, owner_id=users[0].id, owner_headers=headers, devices=devices)
