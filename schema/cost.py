"""Cost analysis and admission, the same over HTTP and graphql-transport-ws.

- `CostLimit`: the cost ceiling and the caller's budget per (tenant, principal), both before any resolver runs;
  the cost reported in `extensions.cost` like Shopify. A subscription is measured and charged once, when it
  starts; refusing it raises, since strawberry ignores a preset result for subscriptions.
- `SocketAdmission`, inside it: a query or mutation sent over a websocket takes one of its tenant's slots in this
  process (services.infra.admission), as an HTTP request does in the view; a subscription holds none (it waits on
  pub/sub). The budget comes first, as the view's door refuses a throttled credential before admission, so a
  caller out of budget never takes or queues for a slot; an operation refused a slot is refunded its cost.
"""

from __future__ import annotations

import math
from collections.abc import AsyncIterator
from typing import Any

from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import GraphQLError, get_operation_ast
from starlette.requests import Request
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from config import Settings
from schema.complexity import actual_cost, requested_cost
from schema.errors import graphql_error
from schema.limits import provided_operation_name, settings_of
from services.infra.admission import AdmissionRefused, TenantAdmission, lane_key
from services.infra.budget import BucketState, bucket_key, fails_closed, pour, refund_later, throttled_pause
from services.infra.errors import ErrorCode

ADMISSION = "admission"  # Context.extra key: the view's TenantAdmission, shared by HTTP and websockets
SLOT_REFUSED = "shulgraph_slot_refused"  # set on the execution context by SocketAdmission


def _error_result(code: ErrorCode | str, message: str, **extensions: Any) -> GraphQLExecutionResult:
    return GraphQLExecutionResult(data=None, errors=[graphql_error(code, message, **extensions)])


def _over_http(context: Any) -> bool:
    return isinstance(getattr(context, "request", None), Request)


class SocketAdmission(SchemaExtension):
    """A websocket query or mutation runs while holding one of its tenant's slots; THROTTLED when none comes."""

    async def on_execute(self) -> AsyncIterator[None]:
        execution = self.execution_context
        context = execution.context
        extra = getattr(context, "extra", None)
        admission = extra.get(ADMISSION) if isinstance(extra, dict) else None
        if (
            _over_http(context)  # the view admits HTTP requests before they are even parsed
            or not isinstance(admission, TenantAdmission)
            or execution.operation_type == OperationType.SUBSCRIPTION
            or execution.result is not None  # already refused (CostLimit)
        ):
            yield
            return
        tenant = lane_key(context.tenant_id, context.principal.user_id, context.client_ip)
        try:
            await admission.acquire(tenant)
        except AdmissionRefused as refused:
            execution.result = _error_result(ErrorCode.THROTTLED, refused.reason, retryAfterSeconds=1)
            setattr(execution, SLOT_REFUSED, True)
            yield
            return
        try:
            yield
        finally:
            admission.release(tenant)


class CostLimit(SchemaExtension):
    """The cost ceiling and the caller's budget, both before any resolver runs; the cost in the result."""

    def __init__(self) -> None:
        self.cost: dict[str, Any] | None = None

    async def on_execute(self) -> AsyncIterator[None]:
        execution = self.execution_context
        context = execution.context
        operation = execution.operation_type
        document = execution.graphql_document
        operation_node = _operation_node(execution)
        subscription = operation == OperationType.SUBSCRIPTION
        if subscription and _over_http(context):
            execution.result = _error_result(
                "BAD_REQUEST", "subscriptions are served over graphql-transport-ws, not over HTTP"
            )
            yield
            return
        if document is None or operation_node is None:
            _mark_executed(context)
            yield
            return
        settings = settings_of(context)
        schema = execution.schema._schema
        cost = _requested(schema, document, operation_node, execution.variables, settings.max_page_size)
        if cost == 0:
            _mark_executed(context)
            yield
            return
        if subscription:
            refused, _ = await self._admit(context, settings, cost)
            if refused is not None:
                raise refused
            yield
            return
        self.cost = {"requestedQueryCost": cost}
        refused, bucket = await self._admit(context, settings, cost)
        if refused is not None:
            execution.result = GraphQLExecutionResult(data=None, errors=[refused])
            yield
            return
        _mark_executed(context)
        yield
        result = execution.result
        data = getattr(result, "data", None)
        if getattr(execution, SLOT_REFUSED, False):  # never ran: its cost goes back
            self.cost["actualQueryCost"] = 0
            bucket = self._refund(context, cost, bucket)
        elif data is not None:
            actual = actual_cost(data)
            self.cost["actualQueryCost"] = actual
            if bucket is not None and actual < cost:
                bucket = self._refund(context, cost - actual, bucket)
        if bucket is not None:
            self.cost["throttleStatus"] = bucket.throttle_status()

    async def _admit(
        self, context: Any, settings: Settings, cost: int
    ) -> tuple[GraphQLError | None, BucketState | None]:
        """The ceiling, then the budget: the error refusing the operation (or None) and the caller's bucket."""
        if cost > settings.max_cost:
            message = f"the query costs {cost}; the limit is {settings.max_cost}"
            return graphql_error("MAX_COST_EXCEEDED", message, cost=cost), None
        bucket = await self._charge(context, settings, cost)
        principal = getattr(context, "principal", None)
        auth_error = getattr(getattr(principal, "auth_error", None), "value", None)
        if bucket is None and principal is not None and fails_closed(principal.kind, auth_error):
            message = "the cost budget cannot be checked right now; retry later"
            return graphql_error(ErrorCode.UNAVAILABLE, message), None
        if bucket is None or bucket.allowed:
            return None, bucket
        retry_after = max(1, math.ceil(bucket.retry_after))
        if self.cost is not None:
            self.cost["throttleStatus"] = bucket.throttle_status()
        extra = getattr(context, "extra", None)
        response = getattr(context, "response", None)
        if isinstance(extra, dict) and response is not None:
            extra["throttled_for"] = retry_after
        if response is not None:
            response.status_code = 429
            response.headers["Retry-After"] = str(retry_after)
        if not _over_http(context):  # a socket has no door: each refusal is held as the HTTP door holds them
            await throttled_pause(settings, retry_after)
        message = "cost budget exhausted; retry later"
        return graphql_error(ErrorCode.THROTTLED, message, retryAfterSeconds=retry_after), bucket

    @staticmethod
    def _key(context: Any) -> str | None:
        principal = getattr(context, "principal", None)
        if getattr(context, "kv", None) is None or principal is None:
            return None
        who = principal.describe()
        if who == "anonymous":
            who = f"anonymous:{getattr(context, 'client_ip', '')}"
        return bucket_key(getattr(context, "tenant_id", None), who)

    async def _charge(self, context: Any, settings: Settings, cost: int) -> BucketState | None:
        key = self._key(context)
        if key is None:
            return None
        principal = getattr(context, "principal", None)
        lease = principal is not None and not fails_closed(principal.kind)  # see services.infra.leases
        capacity, rate = settings.cost_budget_capacity, settings.cost_budget_restore_rate
        return await pour(context.kv, key, cost, capacity, rate, lease=lease)

    def _refund(self, context: Any, points: int, bucket: BucketState | None) -> BucketState | None:
        key = self._key(context)
        return bucket if key is None else refund_later(key, points, bucket)

    async def admit(
        self, context: Any, settings: Settings, cost: int
    ) -> tuple[GraphQLError | None, BucketState | None]:
        """The ceiling and the budget for an operation answered outside the executor (`schema.compiled`)."""
        return await self._admit(context, settings, cost)

    def refund(self, context: Any, points: int, bucket: BucketState | None) -> BucketState | None:
        """Give back `points` of a charge (what the operation did not use, or all of it when it never ran)."""
        return self._refund(context, points, bucket)

    def get_results(self) -> dict[str, Any]:
        return {"cost": self.cost} if self.cost is not None else {}


MAX_COSTS = 2000
_costs: dict[tuple[Any, ...], tuple[Any, int]] = {}
"""Requested costs by document and the variables a cost can depend on (each entry keeps its document alive)."""


def _requested(schema: Any, document: Any, operation: Any, variables: dict[str, Any] | None, max_page_size: int) -> int:
    """`requested_cost`, remembered per parsed document (strawberry's ParserCache hands the same one to every
    request of a text), operation and page-size limit, and per the variables' integer values: a cost reads page
    sizes and nothing else of them (any other variable counts by its presence and its type)."""
    given = (variables or {}).items()
    shape = tuple(sorted((name, value if type(value) is int else type(value).__name__) for name, value in given))
    key = (id(schema), id(document), id(operation), max_page_size, shape)
    known = _costs.get(key)
    if known is not None and known[0] is document:
        return known[1]
    cost = requested_cost(schema, document, operation, variables, max_page_size)
    if len(_costs) >= MAX_COSTS:
        _costs.clear()
    _costs[key] = (document, cost)
    return cost


def _mark_executed(context: Any) -> None:
    """Tell the HTTP layer that this operation reached execution (its response carries `data`)."""
    extra = getattr(context, "extra", None)
    if isinstance(extra, dict):
        extra["executed"] = True


def _operation_node(execution: Any) -> Any:
    document = execution.graphql_document
    return get_operation_ast(document, provided_operation_name(execution)) if document is not None else None
