"""Who is calling `/graphql`: the principal behind a credential and the tenant it acts in, read from a
request's headers or from a websocket's `connection_init` payload, and recorded on the `Context`."""

from __future__ import annotations

import contextlib
import logging

from starlette.requests import Request
from starlette.websockets import WebSocket
from strawberry.exceptions import ConnectionRejectionError

from config import Settings
from schema.context import Context
from schema.websocket import TryAgainLater
from services.identity.login_throttle import count_socket_sign_in_failure, socket_sign_in_allowed
from services.identity.principals import authenticate
from services.identity.tenancy import TenantAccess, parse_tenant_ref, resolve_tenant
from services.infra.budget import credential_key
from services.infra.errors import ErrorCode, ServiceError, Unavailable

log = logging.getLogger("shulgraph.graphql")

TENANT_HEADER = "x-tenant-id"
IMPERSONATION_HEADER = "x-customer-context"


def client_ip(request: Request | WebSocket) -> str:
    return request.client.host if request.client else ""


def throttle_key(settings: Settings, request: Request) -> str | None:
    """The key a request's exhausted cost budget is held under: its credential with the tenant it names
    (None without a credential)."""
    authorization = request.headers.get("authorization")
    if not authorization:
        return None
    tenant = request.headers.get(TENANT_HEADER, "") + "|" + request.headers.get(IMPERSONATION_HEADER, "")
    return credential_key(settings.jwt_key(), authorization, tenant)


async def identify(
    context: Context, authorization: str | None, tenant: str | None, impersonate: str | None = None
) -> None:
    """Set the context's principal, then its tenant and role; a tenant that is refused leaves
    `tenant_error` (and its message) set instead. An admitted caller is kept for a few seconds by this
    process (`services.identity.callers`) and taken from there while no revocation was announced."""
    callers = context.callers
    key = callers.key(authorization, tenant, impersonate) if callers is not None and authorization else None
    kept = callers.get(key) if callers is not None and key is not None else None
    if kept is not None:
        context.principal, access = kept
        _admit(context, access)
        return
    ticket = callers.ticket() if callers is not None else None
    named = impersonate or tenant
    context.principal = await authenticate(
        context.settings, context.kv, authorization, parse_tenant_ref(named) if named else None
    )
    if impersonate and not context.principal.is_platform_admin:
        context.tenant_error = ErrorCode.FORBIDDEN
        context.tenant_error_message = "impersonation is for platform administrators"
        return
    try:
        access = await resolve_tenant(context.principal, impersonate or tenant)
    except ServiceError as error:
        context.tenant_error = error.code
        context.tenant_error_message = error.message
        log.info("tenant refused", extra={"principal": context.principal.describe(), "tenant": tenant})
        return
    _admit(context, access)
    if callers is not None and key is not None and context.principal.auth_error is None:
        callers.put(key, ticket, context.principal, access)


def _admit(context: Context, access: TenantAccess) -> None:
    context.tenant_id = access.tenant_id
    context.role = access.role
    context.impersonating = access.impersonating
    request_state = context.request.scope.setdefault("state", {})
    request_state["principal"] = context.principal.describe()
    request_state["tenant"] = access.tenant_id


async def identify_request(context: Context, request: Request) -> None:
    """`identify` from the request's Authorization, X-Tenant-ID and X-Customer-Context headers."""
    await identify(
        context,
        request.headers.get("authorization"),
        request.headers.get(TENANT_HEADER),
        request.headers.get(IMPERSONATION_HEADER),
    )


async def identify_socket(context: Context) -> None:
    """`identify` from the `connection_init` payload; raises `TryAgainLater` when a check could not be made
    and `ConnectionRejectionError` for a refused caller or a partner key (persisted documents over HTTP only).
    An address past its budget of refused ones (`ws_init_failure_limit`) is told to try again later before
    any credential is looked at; each refusal counts against it. The throttle stays open while Redis is down."""
    settings, address = context.settings, context.client_ip or client_ip(context.request)
    try:
        allowed = await socket_sign_in_allowed(settings, address)
    except Unavailable:
        allowed = True  # without Redis the throttle is open: TVs still connect (R3); users are refused anyway
    if not allowed:
        log.info("websocket sign-in throttled", extra={"client": address})
        raise TryAgainLater()
    try:
        _check_socket_caller(await _identify_from_params(context))
    except ConnectionRejectionError:
        with contextlib.suppress(Unavailable):
            await count_socket_sign_in_failure(settings, address)
        raise


async def _identify_from_params(context: Context) -> Context:
    params = context.connection_params or {}
    authorization = params.get("authorization") or params.get("Authorization")
    tenant = params.get("tenantId")
    if authorization is not None and not isinstance(authorization, str):
        raise ConnectionRejectionError()
    await identify(context, authorization, tenant if isinstance(tenant, str) else None)
    return context


def _check_socket_caller(context: Context) -> None:
    if ErrorCode.UNAVAILABLE in (context.principal.auth_error, context.tenant_error):
        raise TryAgainLater()
    if context.principal.auth_error is not None or context.tenant_error is not None:
        raise ConnectionRejectionError()
    if context.principal.kind == "partner":
        raise ConnectionRejectionError()  # partner keys run persisted documents over HTTP only
