"""One event, many subscribers: execute and serialise once per operation shape, not once per socket.

A stream marks an event payload as shared with `share(payload, scope)` when every subscriber of this
process that receives that very object is entitled to the same data for the same document: the screen
feed shares one `Screen` per (tenant, device-settings projection, state). `SharedEventExecutor` then
executes the selection set once per operation shape (document, operation name, variables) for that
payload and hands the same result to every other subscriber with that shape; `FanoutWSHandler` sends
it as text serialised once. A payload's selection must resolve from the payload alone: fields that
read the viewer's context or carry their own permission classes have no place under a shared payload.

Everything per subscriber stays per subscriber: authentication at `connection_init`, validation and
the subscription field's permission check at `subscribe`, the stream's own generator, error masking.

A subscription may also hand its later events over to a feed once its first one is sent (the screen's
parking, subscriptions.screen): `hold_shape` keeps the executor of its operation shape (without any socket's
context: the shared selection reads the payload alone) and `shared_text` turns a shared payload into the
`next` text for one operation id, executing it once per shape like the streams do.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import weakref
from collections.abc import Hashable
from contextvars import ContextVar
from copy import copy
from typing import Any, TypeVar, cast

from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import print_ast
from graphql.execution import Executor
from starlette.websockets import WebSocketDisconnect
from strawberry.http.base import BaseView
from strawberry.http.exceptions import WebSocketDisconnected
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import BaseGraphQLTransportWSHandler
from strawberry.subscriptions.protocols.graphql_transport_ws.types import Message

from services.infra.metrics import counter

T = TypeVar("T")

EXECUTIONS = counter(
    "shulgraph_subscription_shared_executions_total", "Shared subscription events executed, per operation shape"
)
REUSES = counter(
    "shulgraph_subscription_shared_reuses_total", "Subscription results served from an execution of the same shape"
)
ENCODINGS = counter("shulgraph_subscription_shared_encodings_total", "Shared subscription results serialised")

ShapeKey = tuple[str, str, str]
ResultKey = tuple[Hashable, ...]


class SharedData(dict[str, Any]):
    """The `data` of one shared execution; serialised to JSON once, on first send."""

    __slots__ = ("_json",)

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__(data)
        self._json: str | None = None

    def json(self) -> str:
        if self._json is None:
            self._json = json.dumps(self, separators=(",", ":"))
            ENCODINGS.inc()
        return self._json


class SharedEvent:
    """Results of one shared payload, by operation shape. Holds the payload only weakly."""

    __slots__ = ("__weakref__", "results", "scope")

    def __init__(self, scope: tuple[Hashable, ...]) -> None:
        self.scope = scope
        self.results: dict[ResultKey, Any] = {}


_events: dict[int, tuple[weakref.ref[Any], SharedEvent]] = {}


def _forget(key: int) -> None:
    _events.pop(key, None)


def share(payload: T, scope: tuple[Hashable, ...]) -> T:
    """Mark `payload` as one event delivered to many subscribers; `scope` names whose data it is
    (for the screen: tenant, settings projection, state version). Returns the payload itself."""
    key = id(payload)
    current = _events.get(key)
    if current is not None and current[0]() is payload:
        if current[1].scope != scope:
            raise ValueError("a shared payload cannot change its scope")
        return payload
    _events[key] = (weakref.ref(payload), SharedEvent(scope))
    weakref.finalize(payload, _forget, key)
    return payload


def shared_event(payload: Any) -> SharedEvent | None:
    found = _events.get(id(payload))
    if found is None or found[0]() is not payload:
        return None
    return found[1]


def _shared_result(result: GraphQLExecutionResult) -> GraphQLExecutionResult:
    data = SharedData(result.data) if isinstance(result.data, dict) else result.data
    return GraphQLExecutionResult(data=data, errors=result.errors, extensions=result.extensions)


def _copy(result: GraphQLExecutionResult) -> GraphQLExecutionResult:
    """A result object of its own for each subscriber (error masking replaces lists); the data is shared."""
    errors = list(result.errors) if result.errors else None
    return GraphQLExecutionResult(data=result.data, errors=errors, extensions=result.extensions)


class _SharedExecution:
    """Stands in for a per-event executor: executes for the first subscriber of a shape, reuses after."""

    __slots__ = ("event", "parent", "payload")

    def __init__(self, parent: SharedEventExecutor, payload: Any, event: SharedEvent) -> None:
        self.parent = parent
        self.payload = payload
        self.event = event

    def execute_operation(self, serially: bool | None = None) -> Any:
        key: ResultKey = (*self.event.scope, *self.parent.shape_key())
        results = self.event.results
        found = results.get(key)
        if found is not None:
            REUSES.inc()
            return _copy(found) if isinstance(found, GraphQLExecutionResult) else self._await(found)
        executor = self.parent.per_event(self.payload)
        outcome = executor.execute_operation(serially)
        EXECUTIONS.inc()
        if self.parent.is_awaitable(outcome):
            task = asyncio.ensure_future(self._settle(outcome))
            results[key] = task
            task.add_done_callback(lambda done: self._keep_or_drop(key, done))
            return self._await(task)
        if not isinstance(outcome, GraphQLExecutionResult):
            return outcome  # incremental delivery: never shared
        shared = _shared_result(outcome)
        results[key] = shared
        return _copy(shared)

    @staticmethod
    async def _settle(outcome: Any) -> Any:
        result = await outcome
        return _shared_result(result) if isinstance(result, GraphQLExecutionResult) else result

    def _keep_or_drop(self, key: ResultKey, done: asyncio.Future[Any]) -> None:
        if done.cancelled() or done.exception() is not None or not isinstance(done.result(), GraphQLExecutionResult):
            self.event.results.pop(key, None)
        else:
            self.event.results[key] = done.result()

    @staticmethod
    async def _await(task: asyncio.Future[Any]) -> Any:
        result = await asyncio.shield(task)
        return _copy(result) if isinstance(result, GraphQLExecutionResult) else result


_RUNNING: ContextVar[SharedEventExecutor | None] = ContextVar("shared_executor", default=None)
"""The executor of the subscription that last executed a shared payload in this task (one operation's task)."""
_held: dict[ShapeKey, tuple[SharedEventExecutor, int]] = {}
"""An executor per operation shape that parked subscriptions hold, and how many hold it."""


class SharedEventExecutor(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's executor; a shared payload's event is executed once per operation shape."""

    _shape: ShapeKey | None = None

    def shape_key(self) -> ShapeKey:
        """(document, operation name, variables) of this subscription, computed once per subscription."""
        if self._shape is None:
            location = self.operation.loc
            if location is not None:
                document = location.source.body
            else:
                parts = [self.operation, *self.fragment_definitions.values()]
                document = "\n".join(print_ast(part) for part in parts)
            name = self.operation.name.value if self.operation.name else ""
            variables = json.dumps(self.variable_values.coerced, sort_keys=True, default=repr)
            self._shape = (hashlib.sha256(document.encode()).hexdigest(), name, variables)
        return self._shape

    def per_event(self, payload: Any) -> Executor[Any]:
        return super().build_per_event_executor(payload)

    def build_per_event_executor(self, payload: Any) -> Executor[Any]:
        event = shared_event(payload)
        if event is None:
            return super().build_per_event_executor(payload)
        _RUNNING.set(self)
        return cast(Executor[Any], _SharedExecution(self, payload, event))


def hold_shape() -> ShapeKey | None:
    """Keep the executor of the shared payload this task last executed, by its shape, for later events; None
    when this task executed no shared payload. Kept without the subscriber's context or root value, so that it
    holds no socket alive: a shared payload's selection resolves from the payload alone (module docstring)."""
    executor = _RUNNING.get()
    if executor is None:
        return None
    shape = executor.shape_key()
    held = _held.get(shape)
    if held is None:
        kept = copy(executor)
        kept.context_value = None
        kept.root_value = None
        _held[shape] = (kept, 1)
    else:
        _held[shape] = (held[0], held[1] + 1)
    return shape


def release_shape(shape: ShapeKey) -> None:
    """One holder of the shape's executor is gone; the last one drops it."""
    held = _held.get(shape)
    if held is None:
        return
    if held[1] <= 1:
        del _held[shape]
    else:
        _held[shape] = (held[0], held[1] - 1)


async def shared_text(shape: ShapeKey, payload: Any, operation_id: str) -> str | None:
    """The `next` text of a shared payload for one operation of a held shape, executed once per (scope, shape);
    None when the result is not plain shared data (errors, or not shared at all): the caller then lets the
    operation run a stream of its own, where Strawberry handles the errors as it does for any subscriber."""
    held = _held.get(shape)
    event = shared_event(payload)
    if held is None or event is None:
        return None
    outcome = _SharedExecution(held[0], payload, event).execute_operation()
    result = await outcome if held[0].is_awaitable(outcome) else outcome
    if not isinstance(result, GraphQLExecutionResult) or result.errors or not isinstance(result.data, SharedData):
        return None
    return next_text(operation_id, result.data)


def next_text(operation_id: Any, data: SharedData) -> str:
    """The graphql-transport-ws `next` message of shared data, as Strawberry's encoder writes it."""
    identifier = json.dumps(operation_id, separators=(",", ":"))
    return '{"id":' + identifier + ',"type":"next","payload":{"data":' + data.json() + "}}"


class FanoutWSHandler(BaseGraphQLTransportWSHandler[Any, Any]):
    """graphql-transport-ws that sends a shared result's `next` as text serialised once for all sockets."""

    async def send_message(self, message: Message) -> None:
        text = self._shared_next(message)
        socket = getattr(self.websocket, "ws", None)
        if text is None or socket is None:
            await super().send_message(message)
            return
        try:
            await socket.send_text(text)
        except WebSocketDisconnect as exc:
            raise WebSocketDisconnected from exc

    def _shared_next(self, message: Message) -> str | None:
        if message["type"] != "next" or not self.shared_texts_allowed():
            return None
        payload = cast(dict[str, Any], message.get("payload"))
        data = payload.get("data")
        if not isinstance(data, SharedData) or len(payload) != 1:
            return None
        return next_text(message["id"], data)

    def shared_texts_allowed(self) -> bool:
        """Whether the view writes messages with Strawberry's own encoder, which the shared texts match."""
        return type(self.view).encode_json is BaseView.encode_json
