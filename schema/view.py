"""The `/graphql` endpoint: HTTP and graphql-transport-ws, with the context built per request."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from config import Settings
from schema.context import Context
from services.errors import ErrorCode, ServiceError
from services.principals import authenticate
from services.tenancy import resolve_tenant

log = logging.getLogger("shulgraph.graphql")

TENANT_HEADER = "x-tenant-id"
IMPERSONATION_HEADER = "x-customer-context"


def client_ip(request: Request | WebSocket) -> str:
    return request.client.host if request.client else ""


class GraphQLView(GraphQL[Context, None]):
    def __init__(self, schema: Any, settings: Settings) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if settings.graphiql else None,
            allow_queries_via_get=True,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            connection_init_wait_timeout=timedelta(seconds=10),
            allowed_origins=settings.cors_origins,
            keep_alive=True,
            keep_alive_interval=15,
        )
        self.settings = settings

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket | None = None) -> Context:
        state = request.app.state
        context = Context(
            request=request,
            response=response if isinstance(response, Response) else None,
            settings=self.settings,
            kv=state.kv,
            broadcast=state.broadcast,
            request_id=request.scope.get("state", {}).get("request_id", ""),
            client_ip=client_ip(request),
            user_agent=request.headers.get("user-agent", "")[:400],
        )
        if isinstance(request, Request):
            await self.authenticate(
                context,
                request.headers.get("authorization"),
                request.headers.get(TENANT_HEADER),
                request.headers.get(IMPERSONATION_HEADER),
            )
        return context

    async def execute_operation(
        self, request: Request, request_adapter: Any, request_data: Any, *args: Any, **kwargs: Any
    ) -> Any:
        """Names the GraphQL operation in the request state, for the access log."""
        if isinstance(request, Request) and not isinstance(request_data, list):
            name = request_data.operation_name
            if isinstance(name, str):
                request.scope.setdefault("state", {})["operation"] = name[:100]
        return await super().execute_operation(request, request_adapter, request_data, *args, **kwargs)

    async def authenticate(
        self, context: Context, authorization: str | None, tenant: str | None, impersonate: str | None = None
    ) -> None:
        context.principal = await authenticate(self.settings, context.kv, authorization)
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
        context.tenant_id = access.tenant_id
        context.role = access.role
        context.impersonating = access.impersonating
        request_state = context.request.scope.setdefault("state", {})
        request_state["principal"] = context.principal.describe()
        request_state["tenant"] = access.tenant_id

    async def on_ws_connect(self, context: Context) -> Any:
        params = context.connection_params or {}
        authorization = params.get("authorization") or params.get("Authorization")
        tenant = params.get("tenantId")
        if authorization is not None and not isinstance(authorization, str):
            raise ConnectionRejectionError()
        await self.authenticate(context, authorization, tenant if isinstance(tenant, str) else None)
        if context.principal.auth_error is not None or context.tenant_error is not None:
            raise ConnectionRejectionError()
        from subscriptions.sessions import register_socket

        register_socket(context)
        return None
