"""The `/graphql` endpoint: HTTP and graphql-transport-ws, with the context built per request (its caller
identified by `schema.caller`)."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from cross_web import HTTPException
from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import MissingQueryError
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType as StrawberryOperationType
from strawberry.types.unset import UNSET

from config import Settings
from schema.caller import client_ip, identify_request, identify_socket, throttle_key
from schema.compiled import CompiledRoad, http_json
from schema.context import Context
from schema.cost import ADMISSION
from schema.graphiql import graphiql_html
from schema.limits import is_power_user
from schema.persisted import REGISTRATIONS
from schema.transport import (
    HTTPRefusal,
    IdempotentMutations,
    cache_control,
    check_http,
    graphql_error_response,
    refusal_response,
    request_state,
)
from schema.websocket import TransportWSHandler
from services.infra.budget import mark_throttled, throttled_pause, throttled_seconds
from services.infra.errors import DATABASE_UNAVAILABLE, ErrorCode, database_unavailable
from services.infra.http import GRAPHQL_RESPONSE_JSON, response_media_type
from services.partners.documents import DocumentRefused, Registrations, catalogue, resolve_document
from subscriptions.sessions import register_socket

log = logging.getLogger("shulgraph.graphql")


class GraphQLView(IdempotentMutations, GraphQL[Context, None]):
    graphql_transport_ws_handler_class = TransportWSHandler

    def __init__(self, schema: Any, settings: Settings) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if settings.graphiql else None,
            allow_queries_via_get=True,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            connection_init_wait_timeout=timedelta(seconds=settings.ws_init_timeout_seconds),
            allowed_origins=settings.cors_origins,
            keep_alive=True,
            keep_alive_interval=15,
        )
        self.settings = settings
        self.documents = catalogue()
        self.compiled = CompiledRoad(schema, self.documents)

    def create_response(self, response_data: Any, sub_response: Response) -> Response:
        """Strawberry's HTTP response with its JSON written by `http_json` (websocket frames keep strawberry's
        encoder, which the shared fan-out results match)."""
        response = Response(http_json(response_data), status_code=200, media_type="application/json")
        response.headers.raw.extend(sub_response.headers.raw)
        if sub_response.background:
            response.background = sub_response.background
        if sub_response.status_code:
            response.status_code = sub_response.status_code
        return response

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope=scope, receive=receive)
        try:
            response = await self.run(request)
        except HTTPException as error:
            response = refusal_response(request, error)
        except Exception as error:  # the database went away outside an operation (e.g. resolving the tenant)
            if not database_unavailable(error):
                raise
            log.warning("database unavailable", exc_info=error)
            response = graphql_error_response(
                request, 503, ErrorCode.UNAVAILABLE.value, DATABASE_UNAVAILABLE, {"Retry-After": "5"}
            )
        await response(scope, receive, send)

    @property
    def graphql_ide_html(self) -> str:
        return graphiql_html(super().graphql_ide_html, local_assets=self.settings.graphiql_assets == "local")

    def should_render_graphql_ide(self, request: Any) -> bool:
        return super().should_render_graphql_ide(request) and request.query_params.get("extensions") is None

    async def run(self, request: Any, context: Any = UNSET, root_value: Any = UNSET) -> Any:
        if not isinstance(request, Request):
            return await super().run(request, context, root_value)
        adapter = self.request_adapter_class(request)
        if self.should_render_graphql_ide(adapter):
            return await super().run(request, context, root_value)
        check_http(request)
        key = throttle_key(self.settings, request)
        wait = None if key is None else await throttled_seconds(request.app.state.kv, key)
        if wait is not None:
            message = "cost budget exhausted; retry later"
            await throttled_pause(self.settings, wait)
            return graphql_error_response(request, 429, ErrorCode.THROTTLED.value, message, {"Retry-After": str(wait)})
        sub_response = await self.get_sub_response(request)
        request_state(request)["graphql_sub_response"] = sub_response
        context = await self.get_context(request, sub_response)
        request_state(request)["graphql_context"] = context
        response = await self.run_admitted(request, context)
        throttled_for = context.extra.get("throttled_for")
        if key is not None and isinstance(throttled_for, int):
            await mark_throttled(context.kv, key, throttled_for)
        return response

    async def run_http(self, request: Request, context: Context) -> Response:
        response: Response | None = await self.compiled.answer(request, context)
        if response is None:
            response = await super().run(request, context=context)
        response.headers.add_vary_header("Accept")
        response.headers["Cache-Control"] = "no-store"
        content_type = response.headers.get("content-type", "")
        if not content_type.startswith("application/json"):
            return response
        if request_state(request).get("graphql_unavailable") and response.status_code == 200:
            response.status_code = 503
            response.headers["Retry-After"] = "5"
        media = response_media_type(request.headers.get("accept"))
        if media == GRAPHQL_RESPONSE_JSON:
            response.headers["content-type"] = f"{GRAPHQL_RESPONSE_JSON}; charset=utf-8"
            if request_state(request).get("graphql_request_error") and response.status_code == 200:
                response.status_code = 400
        response.headers["Cache-Control"] = cache_control(request, response, context)
        return response

    async def get_sub_response(self, request: Any) -> Response:
        if isinstance(request, Request):
            existing = request_state(request).get("graphql_sub_response")
            if isinstance(existing, Response):
                return existing
        response: Response = await super().get_sub_response(request)
        return response

    def _validate_batch_request(self, request_data: Any, protocol: Any) -> None:
        limit = self.settings.max_batch
        if limit <= 0:
            raise HTTPException(400, "Batching is not enabled")
        if len(request_data) > limit:
            raise HTTPException(400, f"Too many operations in one request (the limit is {limit})")
        if transport := self._get_stream_transport(protocol):
            raise HTTPException(400, transport.batching_error)

    async def execute_single(
        self,
        request: Any,
        request_adapter: Any,
        sub_response: Any,
        context: Context,
        root_value: Any,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        """Persisted documents first (APQ, trusted documents, partner allowlists), then the operation."""
        principal = context.principal
        try:
            query = await resolve_document(
                self.store(context),
                self.documents,
                partner_documents=principal.allowed_documents if principal.kind == "partner" else None,
                free_form_allowed=not self.settings.trusted_documents_only or is_power_user(context),
                query=request_data.query,
                extensions=request_data.extensions,
                operation_name=request_data.operation_name,
                max_tokens=self.settings.max_tokens,
                registrations=context.extra.get(REGISTRATIONS),
            )
        except DocumentRefused as refused:
            if refused.status is not None:
                sub_response.status_code = refused.status
            error = GraphQLError(refused.message, extensions={"code": refused.code})
            return ExecutionResult(data=None, errors=[error])
        method = request_adapter.method
        try:
            return await self.schema.execute(
                query,
                root_value=root_value,
                variable_values=request_data.variables,
                context_value=context,
                operation_name=request_data.operation_name,
                allowed_operation_types=StrawberryOperationType.from_http(method),
                operation_extensions=request_data.extensions,
            )
        except CannotGetOperationTypeError as error:  # a request error: 200 for application/json
            reason = error.as_http_error_reason()
            return ExecutionResult(data=None, errors=[GraphQLError(reason, extensions={"code": "BAD_REQUEST"})])
        except InvalidOperationTypeError as error:
            if method == "GET":
                raise HTTPRefusal(405, error.as_http_error_reason(method), {"Allow": "POST"}) from error
            raise HTTPException(400, error.as_http_error_reason(method)) from error
        except MissingQueryError as error:
            raise HTTPException(400, "No GraphQL query found in the request") from error

    async def process_result(self, request: Any, result: ExecutionResult) -> GraphQLHTTPResponse:
        """A request that never reached execution (parse, validation, refused document) has no `data`; a
        security check that failed closed (UNAVAILABLE) makes the response a 503."""
        data = await super().process_result(request, result)
        if isinstance(request, Request):
            state = request_state(request)
            codes = {(error.extensions or {}).get("code") for error in result.errors or []}
            state["graphql_errors"] = bool(state.get("graphql_errors") or result.errors)
            if ErrorCode.UNAVAILABLE.value in codes:
                state["graphql_unavailable"] = True
            context = state.get("graphql_context")
            executed = bool(context is not None and context.extra.pop("executed", False))
            if not executed and not state.get("graphql_batch"):
                data.pop("data", None)
                state["graphql_request_error"] = True
        return data

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
            callers=getattr(state, "callers", None),
        )
        context.extra[ADMISSION] = self.admission  # websocket operations take the same slots
        context.extra[REGISTRATIONS] = Registrations(self.store(context))  # APQ: stored once valid
        if isinstance(request, Request):
            await identify_request(context, request)
        return context

    async def execute_operation(
        self, request: Request, request_adapter: Any, request_data: Any, *args: Any, **kwargs: Any
    ) -> Any:
        """Names the GraphQL operation in the request state, for the access log."""
        if isinstance(request, Request) and isinstance(request_data, list):
            request.scope.setdefault("state", {})["graphql_batch"] = True
        if isinstance(request, Request) and not isinstance(request_data, list):
            name = request_data.operation_name
            if isinstance(name, str):
                request.scope.setdefault("state", {})["operation"] = name[:100]
        return await super().execute_operation(request, request_adapter, request_data, *args, **kwargs)

    async def on_ws_connect(self, context: Context) -> Any:
        await identify_socket(context)
        register_socket(context)
        return None
