"""What every sign-in mutation shares: one auth operation per request, the refresh cookie, errors."""

from __future__ import annotations

from datetime import datetime

from graphql import GraphQLError

from schema.context import Info
from schema.errors import graphql_error
from services.identity.sessions import clear_refresh_cookie, set_refresh_cookie
from services.identity.users import record_refused_attempt
from services.infra.errors import ErrorCode

REFUSED = "only one sign-in, registration, refresh or password change is allowed per request"
AUTH_MUTATIONS = frozenset({"register", "login", "refreshSession", "logout", "changePassword"})
"""The sign-in mutations: at most one per request, each alone in its operation (schema/alone.py)."""


def claim_auth_operation(info: Info) -> bool:
    """Count an auth mutation of this request (aliases and batched operations share the count);
    False for the second and later ones. Runs before any await, so concurrent fields count exactly."""
    context = info.context
    context.auth_operations += 1
    return context.auth_operations == 1


async def refuse_auth_operation(info: Info, email: str | None = None) -> None:
    """Refuse an extra auth mutation; a refused sign-in still counts as a failure for its e-mail."""
    if email is not None:
        await record_refused_attempt(info.context.settings, info.context.kv, email)
    raise graphql_error(ErrorCode.OPERATION_NOT_ALLOWED, REFUSED)


def set_cookie(info: Info, refresh_token: str, expires_at: datetime | None = None) -> None:
    response = info.context.response
    if response is not None:
        set_refresh_cookie(response, info.context.settings, refresh_token, expires_at)


def clear_cookie(info: Info) -> None:
    response = info.context.response
    if response is not None:
        clear_refresh_cookie(response, info.context.settings)


def retry_after_header(info: Info, seconds: int | None) -> None:
    response = info.context.response
    if response is not None and seconds:
        response.headers["Retry-After"] = str(seconds)


def throttled(info: Info, seconds: int, message: str) -> GraphQLError:
    """A THROTTLED error with `extensions.retryAfterSeconds`; the HTTP answer becomes 429 with Retry-After."""
    response = info.context.response
    if response is not None:
        response.status_code = 429
    retry_after_header(info, seconds)
    return graphql_error(ErrorCode.THROTTLED, message, retryAfterSeconds=seconds)
