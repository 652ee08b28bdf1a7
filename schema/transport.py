"""The HTTP side of `/graphql`: GraphQL over HTTP rules, CSRF prevention, request errors, and idempotent
mutations (`Idempotency-Key`)."""

from __future__ import annotations

import json
import logging
from typing import Any

from cross_web import HTTPException
from graphql import DocumentNode, GraphQLError, OperationType, get_operation_ast, parse
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from config import Settings
from schema.context import Context
from services.infra import idempotency
from services.infra.admission import AdmissionRefused, TenantAdmission, lane_key
from services.infra.csrf import MESSAGE as CSRF_MESSAGE
from services.infra.csrf import csrf_blocked, media_type
from services.infra.errors import ErrorCode, Unavailable
from services.infra.http import response_media_type
from services.infra.lanes import FairLane
from services.partners.documents import Catalogue, DocumentRefused, PersistedQueryStore, resolve_document

log = logging.getLogger("shulgraph.graphql")


class HTTPRefusal(HTTPException):
    """A request refused at the HTTP level, with response headers (`Allow`, `Retry-After`)."""

    def __init__(self, status_code: int, reason: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(status_code, reason)
        self.headers = headers or {}


def request_state(request: Request) -> dict[str, Any]:
    state: dict[str, Any] = request.scope.setdefault("state", {})
    return state


def graphql_error_response(
    request: Request, status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> Response:
    """A GraphQL-shaped request error (no `data`), in the media type the client accepts."""
    body = {"errors": [{"message": message, "extensions": {"code": code}}]}
    media = response_media_type(request.headers.get("accept")) or "application/json"
    headers = {**(headers or {}), "Cache-Control": "no-store"}
    return JSONResponse(body, status_code=status, headers=headers, media_type=media)


CREDENTIAL_HEADERS = ("authorization", "cookie", "x-tenant-id", "x-customer-context")


def cache_control(request: Request, response: Response, context: Context) -> str:
    """As Apollo Server does by default, `no-store` unless the answer may be kept. Here that is an anonymous
    GET (no credential, cookie or tenant header) answered 200 without errors, a persisted public query by
    hash, say: `public, max-age=PUBLIC_GET_MAX_AGE_SECONDS`, so a CDN can serve it (0 turns this off)."""
    max_age = context.settings.public_get_max_age_seconds
    anonymous = context.principal.kind == "anonymous" and not any(request.headers.get(h) for h in CREDENTIAL_HEADERS)
    clean = response.status_code == 200 and not request_state(request).get("graphql_errors")
    if request.method == "GET" and anonymous and clean and max_age > 0:
        return f"public, max-age={max_age}"
    return "no-store"


def refusal_response(request: Request, error: HTTPException) -> Response:
    headers = getattr(error, "headers", {}) or {}
    if error.status_code == 405 and "Allow" not in headers:
        headers = {**headers, "Allow": "GET, POST"}
    return graphql_error_response(request, error.status_code, "BAD_REQUEST", error.reason, headers)


def check_http(request: Request) -> None:
    """GraphQL over HTTP rules and CSRF prevention, before the credential is even looked at."""
    method = request.method
    if method not in ("GET", "POST"):
        raise HTTPRefusal(405, "GraphQL only supports GET and POST requests.", {"Allow": "GET, POST"})
    if csrf_blocked(method, request.headers):
        raise HTTPException(400, CSRF_MESSAGE)
    if method == "POST" and media_type(request.headers.get("content-type")) != "application/json":
        raise HTTPException(415, "Unsupported content type: send application/json")
    if response_media_type(request.headers.get("accept")) is None:
        raise HTTPException(406, "Not acceptable: accept application/graphql-response+json or application/json")


class IdempotentMutations:
    """Admits a request under its tenant's concurrency cap, then runs it; a mutation runs once per
    (principal, tenant, Idempotency-Key) and its stored response is replayed."""

    settings: Settings
    documents: Catalogue
    _admission: TenantAdmission | None = None

    @property
    def admission(self) -> TenantAdmission:
        if self._admission is None:
            settings = self.settings
            timeout = settings.tenant_queue_timeout_seconds
            untenanted = FairLane(
                settings.untenanted_concurrency,
                settings.untenanted_max_queued,
                settings.untenanted_max_queued_per_caller,
                timeout,
            )
            self._admission = TenantAdmission(
                settings.tenant_concurrency, settings.tenant_max_queued, timeout, untenanted
            )
        return self._admission

    async def parse_http_body(self, request: Any) -> Any:
        """A POST body must be a JSON object (or, when batching, a list of them): anything else is a 400."""
        if request.method == "POST":
            data = self.parse_json(await request.get_body())  # type: ignore[attr-defined]
            if not (isinstance(data, dict) or (isinstance(data, list) and all(isinstance(d, dict) for d in data))):
                raise HTTPException(400, "The request body must be a JSON object")
        return await super().parse_http_body(request)  # type: ignore[misc]

    async def run_admitted(self, request: Request, context: Context) -> Response:
        """Run the request while holding one of its tenant's slots; THROTTLED (429) when none comes."""
        tenant = lane_key(context.tenant_id, context.principal.user_id, context.client_ip)
        key = request.headers.get("idempotency-key")
        try:
            async with self.admission.slot(tenant):
                if key is not None and request.method == "POST":
                    return await self.run_idempotent(request, context, key)
                return await self.run_http(request, context)
        except AdmissionRefused as refused:
            log.info("tenant at its concurrency cap", extra={"tenant": context.tenant_id})
            return graphql_error_response(request, 429, ErrorCode.THROTTLED.value, refused.reason, {"Retry-After": "1"})

    _store: PersistedQueryStore | None = None

    def store(self, context: Context) -> PersistedQueryStore:
        """The APQ store (one per process, so the embedded mode's in-memory LRU is shared by requests)."""
        if self._store is None or self._store.kv is not context.kv:
            self._store = PersistedQueryStore(context.kv, self.settings)
        return self._store

    async def run_http(self, request: Request, context: Context) -> Response:
        raise NotImplementedError

    def unavailable(self, request: Request, message: str) -> Response:
        return graphql_error_response(request, 503, ErrorCode.UNAVAILABLE.value, message, {"Retry-After": "5"})

    async def run_idempotent(self, request: Request, context: Context, key: str) -> Response:
        """Run a mutation once per (principal, tenant, Idempotency-Key); replay the stored response after."""
        if not key.strip() or len(key) > idempotency.MAX_KEY_LENGTH:
            raise HTTPException(400, "Idempotency-Key must be 1 to 255 characters")
        try:
            body = json.loads(await request.body())
        except ValueError:
            body = None
        if context.principal.kind == "anonymous" or not isinstance(body, dict):
            return await self.run_http(request, context)
        document = await self.mutation_document(context, body)
        if document is None:
            return await self.run_http(request, context)
        scope = idempotency.principal_scope(context.principal.kind, context.principal.describe(), context.tenant_id)
        fingerprint = {k: body.get(k) for k in ("query", "variables", "operationName", "extensions")}
        ttl = self.settings.idempotency_ttl_seconds
        kv = context.kv
        try:
            claimed = await idempotency.claim(kv, scope, key, fingerprint, ttl)
        except Unavailable:
            return self.unavailable(request, "the idempotency store is temporarily unavailable")
        if claimed.conflict == "mismatch":
            message = "this Idempotency-Key was used with another request"
            return graphql_error_response(request, 422, "IDEMPOTENCY_KEY_REUSED", message)
        if claimed.conflict is not None:
            message = "a request with this Idempotency-Key is still running"
            return graphql_error_response(request, 409, "IDEMPOTENCY_KEY_IN_USE", message)
        if claimed.stored is not None:
            stored = claimed.stored
            replay = Response(stored.body, status_code=stored.status, media_type=stored.media_type)
            replay.headers["Idempotent-Replayed"] = "true"
            return replay
        try:
            response = await self.run_http(request, context)
        except BaseException:
            await idempotency.release(kv, scope, key)
            raise
        body_bytes = getattr(response, "body", None)
        if response.status_code >= 500 or response.status_code == 429 or not isinstance(body_bytes, bytes):
            await idempotency.release(kv, scope, key)
            return response
        kept = idempotency.withhold_credentials(body_bytes.decode(), idempotency.credential_response_keys(document))
        stored = idempotency.StoredResponse(
            response.status_code, response.headers.get("content-type", "application/json"), kept
        )
        try:
            await idempotency.complete(kv, scope, key, stored, ttl)
        except Unavailable:
            log.warning("idempotency record not stored")
        return response

    async def mutation_document(self, context: Context, body: dict[str, Any]) -> DocumentNode | None:
        """The parsed document when the request body names a mutation, else None."""
        query = body.get("query")
        if not isinstance(query, str):
            try:
                query = await resolve_document(
                    self.store(context),
                    self.documents,
                    partner_documents=None,
                    free_form_allowed=True,
                    query=None,
                    extensions=body.get("extensions"),
                )
            except DocumentRefused:
                return None
        if not isinstance(query, str):
            return None
        try:
            document = parse(query, max_tokens=self.settings.max_tokens)
        except GraphQLError:
            return None
        name = body.get("operationName")
        operation = get_operation_ast(document, name if isinstance(name, str) else None)
        if operation is None or operation.operation != OperationType.MUTATION:
            return None
        return document
