"""Who is calling: the principal behind a request's credential.

`Authorization: Bearer <jwt>` is a user; `Device <token>` and `ApiKey <key>` are resolved by the
devices and platform domains, which register a resolver for their scheme here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from config import Settings
from models.identity import SessionFamily, User
from models.prepared import PreparedSelect
from services.errors import ErrorCode, ServiceError, Unauthenticated
from services.kv import KeyValue
from services.tokens import decode_access_token

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


_USER = PreparedSelect(User, lambda user: User.filter(id=user).limit(1), slots=1)
_OPEN_SESSION_WITH_USER = PreparedSelect(
    SessionFamily,
    lambda family, user: SessionFamily.filter(id=family, user_id=user, revoked_at__isnull=True)
    .select_related("user")
    .limit(1),
    slots=2,
)
"""Every request with a user's token makes one of these lookups: built once (models.prepared)."""


def denylist_key(jti: str) -> str:
    return f"deny:jti:{jti}"


async def user_from_access_token(settings: Settings, kv: KeyValue, token: str) -> Principal:
    """A user principal for a valid access token that was not logged out (denylisted `jti`), whose
    session is still open, and that was issued after the user's last password change."""
    claims = decode_access_token(settings, token)
    if await kv.exists(denylist_key(claims.jti)):
        raise Unauthenticated("the access token was revoked")
    if claims.session_id is None:
        user = await _USER.first(claims.user_id)
    else:  # the open session and its user in one statement
        family = await _OPEN_SESSION_WITH_USER.first(claims.session_id, claims.user_id)
        if family is None:
            if await User.exists(id=claims.user_id):
                raise Unauthenticated("the access token was revoked")
            raise Unauthenticated("invalid or expired access token")
        user = family.user
    if user is None:
        raise Unauthenticated("invalid or expired access token")
    if claims.issued_at is not None and claims.issued_at < user.password_changed_at.replace(microsecond=0):
        raise Unauthenticated("the access token was revoked")
    return Principal(
        kind="user",
        user=user,
        token_jti=claims.jti,
        token_expires_at=claims.expires_at,
        session_id=claims.session_id,
    )


async def authenticate(settings: Settings, kv: KeyValue, authorization: str | None) -> Principal:
    """The principal for an `Authorization` value. A refused credential never becomes anonymous
    silently: it yields an anonymous principal carrying `auth_error`, which every protected field
    reports as UNAUTHENTICATED (or UNAVAILABLE when the token store is down)."""
    if not authorization:
        return Principal()
    scheme, _, credential = authorization.strip().partition(" ")
    credential = credential.strip()
    try:
        if not credential:
            raise Unauthenticated("malformed Authorization header")
        if scheme.lower() == "bearer":
            return await user_from_access_token(settings, kv, credential)
        resolver = SCHEMES.get(scheme.lower())
        if resolver is None:
            raise Unauthenticated("unsupported authorization scheme")
        return await resolver(credential)
    except ServiceError as error:
        return Principal(auth_error=error.code)
