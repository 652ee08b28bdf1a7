"""Who is calling: the principal behind a request's credential.

`Authorization: Bearer <jwt>` is a user; `Device <token>` and `ApiKey <key>` are resolved by the
devices and platform domains, which register a resolver for their scheme here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from tortoise.expressions import Subquery
from tortoise.models import Model

from config import Settings
from models.identity import Membership, Role, SessionFamily, User
from models.prepared import PreparedSelect
from services.identity.tokens import decode_access_token
from services.infra.errors import ErrorCode, ServiceError, Unauthenticated
from services.infra.kv import KeyValue

PrincipalKind = Literal["anonymous", "user", "device", "partner"]


@dataclass
class Principal:
    kind: PrincipalKind = "anonymous"
    user: User | None = None
    device_id: int | None = None
    api_key_id: int | None = None
    tenant_id: int | None = None  # fixed by the credential for devices and partners
    token_jti: str | None = None
    token_expires_at: datetime | None = None
    session_id: int | None = None  # the refresh family behind a user's access token
    allowed_documents: frozenset[str] = field(default_factory=frozenset)
    auth_error: ErrorCode | None = None  # a credential was sent and refused
    known_roles: dict[int, Role | None] = field(default_factory=dict)
    """A user's role in the synagogues looked up with the credential (None: not a member), read in the same
    statement as the user."""

    @property
    def user_id(self) -> int | None:
        return self.user.id if self.user else None

    @property
    def is_platform_admin(self) -> bool:
        return bool(self.user and self.user.is_platform_admin)

    def describe(self) -> str:
        if self.kind == "user":
            return f"user:{self.user_id}"
        if self.kind == "device":
            return f"device:{self.device_id}"
        if self.kind == "partner":
            return f"apikey:{self.api_key_id}"
        return "anonymous"


CredentialResolver = Callable[[str], Awaitable[Principal]]
SCHEMES: dict[str, CredentialResolver] = {}


def register_scheme(scheme: str, resolver: CredentialResolver) -> None:
    SCHEMES[scheme.lower()] = resolver


def _role_in(user: int, tenant: int) -> Subquery:
    return Subquery(Membership.filter(user_id=user, synagogue_id=tenant).limit(1).values("role"))


_USER = PreparedSelect(User, lambda user: User.filter(id=user).limit(1), slots=1)
_USER_WITH_ROLE = PreparedSelect(
    User, lambda user, tenant: User.filter(id=user).annotate(tenant_role=_role_in(user, tenant)).limit(1), slots=2
)
_OPEN_SESSION_WITH_USER = PreparedSelect(
    SessionFamily,
    lambda family, user: (
        SessionFamily.filter(id=family, user_id=user, revoked_at__isnull=True).select_related("user").limit(1)
    ),
    slots=2,
)
_OPEN_SESSION_WITH_USER_AND_ROLE = PreparedSelect(
    SessionFamily,
    lambda family, user, tenant: (
        SessionFamily.filter(id=family, user_id=user, revoked_at__isnull=True)
        .select_related("user")
        .annotate(tenant_role=_role_in(user, tenant))
        .limit(1)
    ),
    slots=3,
)
"""Every request with a user's token makes one of these lookups, with the user's role in the synagogue it
names when it names one: built once (models.prepared)."""


def denylist_key(jti: str) -> str:
    return f"deny:jti:{jti}"


async def user_from_access_token(
    settings: Settings, kv: KeyValue, token: str, tenant_id: int | None = None
) -> Principal:
    """A user principal for a valid access token that was not logged out (denylisted `jti`), whose
    session is still open, and that was issued after the user's last password change; with `tenant_id`,
    its role there is read in the same statement (`Principal.known_roles`)."""
    claims = decode_access_token(settings, token)
    if await kv.exists(denylist_key(claims.jti)):
        raise Unauthenticated("the access token was revoked")
    found: Model | None
    if claims.session_id is None:
        found = user = await (
            _USER.first(claims.user_id) if tenant_id is None else _USER_WITH_ROLE.first(claims.user_id, tenant_id)
        )
    else:  # the open session and its user in one statement
        found = family = await (
            _OPEN_SESSION_WITH_USER.first(claims.session_id, claims.user_id)
            if tenant_id is None
            else _OPEN_SESSION_WITH_USER_AND_ROLE.first(claims.session_id, claims.user_id, tenant_id)
        )
        if family is None:
            if await User.exists(id=claims.user_id):
                raise Unauthenticated("the access token was revoked")
            raise Unauthenticated("invalid or expired access token")
        user = family.user
    if user is None:
        raise Unauthenticated("invalid or expired access token")
    if claims.issued_at is not None and claims.issued_at < user.password_changed_at.replace(microsecond=0):
        raise Unauthenticated("the access token was revoked")
    principal = Principal(
        kind="user",
        user=user,
        token_jti=claims.jti,
        token_expires_at=claims.expires_at,
        session_id=claims.session_id,
    )
    if tenant_id is not None:
        role = getattr(found, "tenant_role", None)
        principal.known_roles[tenant_id] = None if role is None else Role(role)
    return principal


async def authenticate(
    settings: Settings, kv: KeyValue, authorization: str | None, tenant_id: int | None = None
) -> Principal:
    """The principal for an `Authorization` value (a user's with their role in `tenant_id`, the synagogue
    the request names, when given). A refused credential never becomes anonymous silently: it yields an
    anonymous principal carrying `auth_error`, which every protected field reports as UNAUTHENTICATED (or
    UNAVAILABLE when the token store is down)."""
    if not authorization:
        return Principal()
    scheme, _, credential = authorization.strip().partition(" ")
    credential = credential.strip()
    try:
        if not credential:
            raise Unauthenticated("malformed Authorization header")
        if scheme.lower() == "bearer":
            return await user_from_access_token(settings, kv, credential, tenant_id)
        resolver = SCHEMES.get(scheme.lower())
        if resolver is None:
            raise Unauthenticated("unsupported authorization scheme")
        return await resolver(credential)
    except ServiceError as error:
        return Principal(auth_error=error.code)
