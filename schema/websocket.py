"""graphql-transport-ws on `/graphql`: the HTTP endpoint's document rules on `subscribe`, shared results
serialised once (subscriptions.fanout), screens parked once their first state is sent (subscriptions.screen),
and an outage at `connection_init` answered 1013 (try again later)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Protocol, cast

from graphql import GraphQLError
from starlette.websockets import WebSocketDisconnect
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import BaseGraphQLTransportWSHandler, Operation
from strawberry.subscriptions.protocols.graphql_transport_ws.types import Message, SubscribeMessage

from config import Settings
from schema.context import Context, start_operation_loaders
from schema.limits import explorer_allowed, is_power_user, without_suggestions
from schema.metrics import operation_label
from schema.persisted import REGISTRATIONS
from services.infra.cancellation import see_cancelled
from services.infra.errors import ErrorCode, database_unavailable
from services.infra.metrics import SUBSCRIPTIONS, WEBSOCKETS
from services.partners.documents import Catalogue, DocumentRefused, PersistedQueryStore, resolve_document
from subscriptions.fanout import FanoutWSHandler
from subscriptions.screen import ScreenSlot, offer_slot
from subscriptions.sessions import unregister_socket

log = logging.getLogger("shulgraph.graphql")


class DocumentSource(Protocol):
    settings: Settings
    documents: Catalogue

    def store(self, context: Context) -> PersistedQueryStore: ...


class TrustedDocumentsWS(BaseGraphQLTransportWSHandler[Context, None]):
    """graphql-transport-ws with the HTTP endpoint's document rules: a `subscribe` may name a persisted
    document by hash (`extensions.persistedQuery`), and free-form documents are refused where trusted
    documents only are accepted. A refused document is an `error` message for its operation id, as the
    protocol prescribes for errors before execution; the socket stays open."""

    async def send_message(self, message: Message) -> None:
        """Errors sent to a principal not allowed the explorer carry no "Did you mean" (G8): over HTTP the
        DocumentLimits extension removes them, but a streamed pre-execution error is sent before it can."""
        payload: Any = message.get("payload")
        if message["type"] in ("error", "next") and not explorer_allowed(self.context):
            if message["type"] == "error" and isinstance(payload, list):
                message = cast(Message, {**message, "payload": [without_suggestions(e) for e in payload]})
            elif isinstance(payload, dict) and payload.get("errors"):
                errors = [without_suggestions(e) for e in payload["errors"]]
                message = cast(Message, {**message, "payload": {**payload, "errors": errors}})
        await super().send_message(message)

    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        payload: Any = message.get("payload")
        if not self.connection_acknowledged or not isinstance(payload, dict) or message["id"] in self.operations:
            await super().handle_subscribe(message)
            return
        limit = self.max_subscriptions_per_connection
        if limit is not None and len(self.operations) >= limit:  # Strawberry's own refusal carries no code
            refusal = f"this connection already runs {limit} operations; retry when one ends"
            error = GraphQLError(refusal, extensions={"code": ErrorCode.THROTTLED.value})
            await self.send_message({"id": message["id"], "type": "error", "payload": [error.formatted]})
            return
        text = payload.get("query")
        if text is not None and not isinstance(text, str):
            await self.handle_invalid_message("query must be a string")
            return
        source = cast(DocumentSource, self.view)
        context = self.context
        name = payload.get("operationName")
        try:
            query = await resolve_document(
                source.store(context),
                source.documents,
                partner_documents=context.principal.allowed_documents if context.principal.kind == "partner" else None,
                free_form_allowed=not source.settings.trusted_documents_only or is_power_user(context),
                query=text,
                extensions=payload.get("extensions"),
                operation_name=name if isinstance(name, str) else None,
                max_tokens=source.settings.max_tokens,
                registrations=context.extra.get(REGISTRATIONS),
            )
        except DocumentRefused as refused:
            error = GraphQLError(refused.message, extensions={"code": refused.code})
            await self.send_message({"id": message["id"], "type": "error", "payload": [error.formatted]})
            return
        if query is not None:
            # In place: the message is held until the socket's next one, and the catalogue's copy of a trusted
            # text is one string for every socket
            payload["query"] = query
        await super().handle_subscribe(message)


class TryAgainLater(Exception):
    """The credentials of a `connection_init` could not be checked: the database or Redis is down."""


class TransportWSHandler(TrustedDocumentsWS, FanoutWSHandler):
    """graphql-transport-ws: the document rules on `subscribe`; shared results serialised once; screens parked
    once their first state is sent; an outage at `connection_init` closes with 1013 (try again later), never
    4403, which tells a TV its credentials are gone.

    A parked operation stays in `operations` (its id taken, counted against the limit, ended by `complete` or
    the socket's end) with no task; its slot is in `parked`, and Strawberry's `complete` at the end of its
    stream is not sent."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.parked: dict[str, ScreenSlot] = {}

    async def handle_connection_init(self, message: Any) -> None:
        try:
            await super().handle_connection_init(message)
        except Exception as error:
            if not isinstance(error, TryAgainLater) and not database_unavailable(error):
                raise
            log.warning("websocket connection refused for now: %s", error.__class__.__name__)
            await self.websocket.close(code=1013, reason="Try again later")
        finally:
            # Strawberry cancelled the init timeout; ended, its task would hold its CancelledError, traceback and
            # frames for the socket's life (about 1 KiB per idle TV). Nothing needs it once init arrived.
            if self.connection_init_received:
                self.connection_init_timeout_task = None

    async def cleanup_operation(self, operation_id: str) -> None:
        """The operation's task is cancelled, and cancelled again should it carry on (services.infra.cancellation);
        a parked operation's slot is released."""
        slot = self.parked.pop(operation_id, None)
        if slot is not None:
            self.operations.pop(operation_id, None)
            await slot.release()
            return
        operation = self.operations.get(operation_id)
        if operation is not None and operation.task is None:  # handed over to a slot that is gone (defensive)
            self.operations.pop(operation_id, None)
            return
        await super().cleanup_operation(operation_id)
        if operation is not None and operation.task is not None:
            see_cancelled(operation.task)

    async def shutdown(self) -> None:
        await super().shutdown()
        for operation_id in list(self.parked):  # every parked one is in `operations`: this finds none left over
            await self.cleanup_operation(operation_id)

    def park(self, slot: ScreenSlot) -> bool:
        operation = self.operations.get(slot.operation_id)
        if operation is None or operation.task is not asyncio.current_task() or not self.shared_texts_allowed():
            return False
        self.parked[slot.operation_id] = slot
        return True

    def forget_id(self, id: str) -> None:
        if id not in self.parked:  # a parked operation's stream ended, the operation did not
            super().forget_id(id)

    async def send_message(self, message: Message) -> None:
        if message["type"] == "complete" and message.get("id") in self.parked:
            return
        await super().send_message(message)

    async def send_parked(self, text: str) -> None:
        socket = getattr(self.websocket, "ws", None)
        if socket is None:
            return
        try:
            await socket.send_text(text)
        except (WebSocketDisconnect, RuntimeError, OSError):
            log.debug("a parked screen's socket closed before its state was sent")

    async def resume(self, slot: ScreenSlot) -> None:
        if self.parked.get(slot.operation_id) is not slot:
            return
        del self.parked[slot.operation_id]
        parked = self.operations.pop(slot.operation_id, None)
        if parked is not None:
            operation = Operation(self, parked.id, parked.query, parked.variables, parked.operation_name)
            operation.task = asyncio.create_task(self.run_operation(operation, parking=False))
            operation.task.add_done_callback(self._task_done)
            self.operations[operation.id] = operation
        await slot.release()

    async def handle(self) -> None:
        """The socket's life, counted in `shulgraph_websockets_open` (per process); at its end it leaves the
        registry of open sockets (subscriptions.sessions)."""
        WEBSOCKETS.inc()
        try:
            await super().handle()
        finally:
            WEBSOCKETS.dec()
            unregister_socket(self.context)

    async def run_operation(self, operation: Operation[Context, None], parking: bool = True) -> None:
        """Each operation runs in its own task, with DataLoaders of its own (the socket's context is shared),
        counted in `shulgraph_subscriptions_active` while it runs or is parked."""
        start_operation_loaders()
        running = SUBSCRIPTIONS.labels(operation_label(operation.operation_name))
        running.inc()
        slot = ScreenSlot(self, operation.id, running.dec) if parking else None
        offer_slot(slot)
        try:
            await super().run_operation(operation)
        finally:
            if slot is not None and slot.parked:
                operation.task = None  # its task ends here; the slot counts it until released
            else:
                running.dec()
