"""What both compiled roads (pages, `schema.compiled.road`; object roots, `schema.compiled.objects`) do alike around
their answer: the root field's permission classes, and the HTTP response with `extensions.cost` as the executor
writes it."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from schema.compiled.writer import http_json
from schema.context import Context
from schema.cost import CostLimit
from services.partners.documents import TrustedDocument


def admitted(permissions: tuple[type, ...], context: Context) -> bool:
    """Whether the root field's permission classes let the caller in (a refusal: the executor raises it)."""
    info = SimpleNamespace(context=context)
    try:
        return all(permission().has_permission(None, info) for permission in permissions)
    except Exception:  # a refusal: the executor raises it as the field's error
        return False


def respond(
    request: Request,
    context: Context,
    body: dict[str, Any],
    document: TrustedDocument,
    data: dict[str, Any],
    charged: tuple[CostLimit, Any, int, int],
) -> Response:
    """The HTTP answer of a compiled document: its data, `extensions.cost` (what it did not use given back), the
    headers the request set aside."""
    budget, bucket, cost, actual = charged
    if actual < cost:
        bucket = budget.refund(context, cost - actual, bucket)
    extensions: dict[str, Any] = {"requestedQueryCost": cost, "actualQueryCost": actual}
    if bucket is not None:
        extensions["throttleStatus"] = bucket.throttle_status()
    context.extra["executed"] = True
    if isinstance(body.get("operationName"), str):  # the access log names it, as for the executor
        request.scope.setdefault("state", {})["operation"] = document.operation_name
    body_bytes = http_json({"data": data, "extensions": {"cost": extensions}})
    response = Response(body_bytes, media_type="application/json")
    sub_response = context.response  # what the request set aside for the response, as strawberry merges it
    if sub_response is not None:
        response.headers.raw.extend(sub_response.headers.raw)
        if sub_response.status_code:
            response.status_code = sub_response.status_code
    return response
