"""Who acts in a test: tenants, users and members made directly in the database (no HTTP round trip), each
with an access token, so that a test starts from the people it needs and sends only what it tests.

Tests build several tenants from the start and data is never truncated, so every row made here is unique.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from config import Settings
from models.identity import Membership, Role, User
from models.synagogue import Synagogue
from services.identity.passwords import hash_password
from services.identity.tokens import issue_access_token
from services.infra.ids import to_global_id
from tests.support.placement import default_database, place_new

DEFAULT_PASSWORD = "correct horse battery"
_hash_cache: list[str] = []


def unique(prefix: str = "x") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@dataclass
class Caller:
    """A signed-in user with an access token: a member of a synagogue (`Actor`), a platform admin
    (`PlatformAdmin`), or as it is, a user of no synagogue (an invitee); the GraphQL and websocket helpers accept
    them alike."""

    user: User
    token: str

    def headers(self, tenant: Synagogue | None = None) -> dict[str, str]:
        """The bearer token, and `X-Tenant-ID` naming `tenant` when given."""
        headers = {"Authorization": f"Bearer {self.token}"}
        if tenant is not None:
            headers["X-Tenant-ID"] = to_global_id("Synagogue", tenant.id)
        return headers


@dataclass
class Actor(Caller):
    """A member: a user with a token and a role, acting in one synagogue."""

    tenant: Synagogue
    role: Role

    @property
    def tenant_gid(self) -> str:
        return to_global_id("Synagogue", self.tenant.id)

    def headers(self, tenant: Synagogue | None = None) -> dict[str, str]:
        """The bearer token and `X-Tenant-ID`: `tenant` when given, else the synagogue the member acts in."""
        return super().headers(tenant or self.tenant)


@dataclass
class PlatformAdmin(Caller):
    """The platform's staff: signed in, a member of no synagogue (a synagogue is named per request, if at all)."""


class Factory:
    """Creates tenants and members directly (no HTTP), for tests to act with."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    async def tenant(self, **fields: Any) -> Synagogue:
        """A new synagogue with `fields` (the model's, or defaults), placed in `database=` (a name of
        tests.support.database.PLACED, or `shared`); by default in the shared database, or in `tenants_a` in the
        placed pass (tests/support/placement.py). (`database` travels in `fields` so that tests may pass a
        synagogue's fields as a plain mapping.)"""
        database: str | None = fields.pop("database", None)
        defaults: dict[str, Any] = {
            "name": unique("Shul"),
            "slug": unique("shul"),
            "timezone": "America/New_York",
            "latitude": 40.7128,
            "longitude": -74.006,
            "shabbat_mode": False,  # on for new synagogues; off here so that no test depends on the day it runs
        }
        synagogue = await Synagogue.create(**{**defaults, **fields})
        database = database or default_database()
        if database not in (None, "shared"):
            await place_new(synagogue, database)
        return synagogue

    async def user(self, email: str | None = None, **fields: Any) -> User:
        password_hash = fields.pop("password_hash", None) or await _default_password_hash()
        return await User.create(email=email or f"{unique('user')}@example.org", password_hash=password_hash, **fields)

    def token(self, user: User) -> str:
        return issue_access_token(self.settings, user.id)[0]

    async def member(self, tenant: Synagogue | None = None, role: Role = Role.OWNER, **user_fields: Any) -> Actor:
        tenant = tenant or await self.tenant()
        user = await self.user(**user_fields)
        await Membership.create(user=user, synagogue=tenant, role=role)
        return Actor(user=user, token=self.token(user), tenant=tenant, role=role)

    async def platform_admin(self) -> PlatformAdmin:
        user = await self.user(is_platform_admin=True)
        return PlatformAdmin(user=user, token=self.token(user))


async def _default_password_hash() -> str:
    """DEFAULT_PASSWORD hashed once per run (argon2id is slow on purpose)."""
    if not _hash_cache:
        _hash_cache.append(await hash_password(DEFAULT_PASSWORD))
    return _hash_cache[0]
