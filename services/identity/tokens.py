"""Token kinds: JWT access tokens, and opaque secrets (refresh, device, partner) stored as SHA-256.

Each kind has its own `typ` and its own rule. Access tokens are verified with a fixed algorithm
list, required claims and checked `iss`/`aud`; opaque secrets carry a kind prefix and are never JWTs,
so no token can be swapped for another kind.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt

from config import Settings
from services.infra.errors import Unauthenticated

ALGORITHMS = ["HS256"]
ACCESS_TYP = "access"
ACCESS_HEADER_TYP = "at+jwt"
PREFIXES = {"refresh": "sgr_", "device": "sgd_", "partner": "sgk_", "device_code": "sgc_", "invitation": "sgi_"}


@dataclass(frozen=True)
class AccessClaims:
    user_id: int
    jti: str
    expires_at: datetime
    issued_at: datetime | None = None
    session_id: int | None = None  # the refresh family (`sid`) the token was issued for


def issue_access_token(
    settings: Settings,
    user_id: int,
    now: datetime | None = None,
    session_id: int | None = None,
    not_after: datetime | None = None,
) -> tuple[str, AccessClaims]:
    """A signed access token; `session_id` binds it to a refresh family, so revoking the family ends it.
    `not_after` (the session's end) shortens its lifetime so that it never outlives its session."""
    now = now or datetime.now(UTC)
    expires_at = now + timedelta(seconds=settings.access_token_ttl_seconds)
    if not_after is not None:
        expires_at = max(now + timedelta(seconds=1), min(expires_at, not_after))
    jti = uuid.uuid4().hex
    payload: dict[str, Any] = {
        "sub": str(user_id),
        "typ": ACCESS_TYP,
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": int(now.timestamp()),
        "nbf": int(now.timestamp()),
        "exp": int(expires_at.timestamp()),
        "jti": jti,
    }
    if session_id is not None:
        payload["sid"] = session_id
    token = jwt.encode(payload, settings.jwt_key(), algorithm=ALGORITHMS[0], headers={"typ": ACCESS_HEADER_TYP})
    claims = AccessClaims(
        user_id=user_id,
        jti=jti,
        expires_at=datetime.fromtimestamp(int(expires_at.timestamp()), UTC),
        issued_at=datetime.fromtimestamp(int(now.timestamp()), UTC),
        session_id=session_id,
    )
    return token, claims


def decode_access_token(settings: Settings, token: str) -> AccessClaims:
    """Verify an access token; every failure is `Unauthenticated` with one message."""
    try:
        decoded: dict[str, Any] = jwt.decode_complete(
            token,
            settings.jwt_key(),
            algorithms=ALGORITHMS,
            audience=settings.jwt_audience,
            issuer=settings.jwt_issuer,
            leeway=min(settings.jwt_leeway_seconds, 60),
            options={"require": ["exp", "iat", "nbf", "iss", "aud", "sub", "jti", "typ"]},
        )
    except jwt.PyJWTError as exc:
        raise Unauthenticated("invalid or expired access token") from exc
    payload: dict[str, Any] = decoded["payload"]
    if decoded["header"].get("typ") != ACCESS_HEADER_TYP:
        raise Unauthenticated("invalid or expired access token")
    session_id = payload.get("sid")
    if (
        payload.get("typ") != ACCESS_TYP
        or not str(payload.get("sub", "")).isdigit()
        or not (session_id is None or (isinstance(session_id, int) and not isinstance(session_id, bool)))
    ):
        raise Unauthenticated("invalid or expired access token")
    return AccessClaims(
        user_id=int(payload["sub"]),
        jti=str(payload["jti"]),
        expires_at=datetime.fromtimestamp(int(payload["exp"]), UTC),
        issued_at=datetime.fromtimestamp(int(payload["iat"]), UTC),
        session_id=session_id,
    )


def new_secret(kind: str) -> str:
    """A fresh opaque secret of a kind (`refresh`, `device`, `partner`, `device_code`, `invitation`)."""
    return PREFIXES[kind] + secrets.token_urlsafe(32)


def secret_kind(secret: str) -> str | None:
    for kind, prefix in PREFIXES.items():
        if secret.startswith(prefix):
            return kind
    return None


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()
