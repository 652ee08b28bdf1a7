"""Schema extensions that wrap every operation: tenant scope and transaction, impersonation audit."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from models.base import tenant_scope
from schema.errors import graphql_error
from services.infra.errors import DATABASE_UNAVAILABLE, ErrorCode, ServiceError, database_unavailable
from services.infra.ids import to_global_id
from services.platform import audit
from subscriptions.events import deferred_publications

log = logging.getLogger("shulgraph.graphql")


class _RollBack(Exception):
    """The operation failed unexpectedly: its writes are undone and its publications dropped."""


class _DropEvents(Exception):
    """An operation outside any synagogue failed unexpectedly: the events it raised are dropped (the service
    that failed rolled its own transaction back)."""


def unexpected(error: GraphQLError) -> bool:
    """An error that no code of ours raised on purpose (a bug or an outage), as opposed to a coded
    error (`FORBIDDEN` on a field, `NOT_FOUND`, ...), which is part of a normal answer."""
    original = error.original_error
    return original is not None and not isinstance(original, GraphQLError | ServiceError)


def database_unavailable_error() -> GraphQLError:
    return graphql_error(ErrorCode.UNAVAILABLE, DATABASE_UNAVAILABLE)


class TenantScope(SchemaExtension):
    """Runs a query or mutation inside its tenant: the ContextVar, one transaction, and (on
    PostgreSQL) `app.tenant_id` for row-level security. A refused tenant refuses the operation.

    Events an operation raises go out after it ends, and only when it succeeded (W4), whether or not it acts in a
    synagogue. One operation is one transaction: when any field failed unexpectedly, the whole transaction is
    rolled back and the events it would have published are dropped; a mutation then answers
    `data: null`, since none of its fields' writes happened. Coded errors (a field refused with
    `FORBIDDEN`, user errors in payloads) commit the rest. When the database cannot be reached, the
    operation answers one top-level `UNAVAILABLE` (HTTP 503). Impersonation is audited in its own
    transaction, so the record stays whatever becomes of the operation: in the tenant's log and, naming the
    tenant, in the platform log.
    """

    async def on_execute(self) -> AsyncIterator[None]:
        execution = self.execution_context
        context = execution.context
        if context.tenant_error is not None:
            raise graphql_error(context.tenant_error, context.tenant_error_message or "forbidden")
        operation = execution.operation_type
        try:
            if context.tenant_id is not None and context.impersonating:
                name = execution.operation_name or operation.value
                async with tenant_scope(context.tenant_id):
                    await audit.record(context, action=f"impersonate:{name}", target_id="")
                    await audit.record_platform_for(
                        context, "tenant.impersonate", to_global_id("Synagogue", context.tenant_id), operation=name
                    )
            if operation == OperationType.SUBSCRIPTION:
                yield
            elif context.tenant_id is None:
                async with deferred_publications():  # the services commit their own transactions
                    yield
                    if any(unexpected(error) for error in self._errors()):
                        raise _DropEvents
            else:
                async with deferred_publications(), tenant_scope(context.tenant_id):
                    yield
                    if any(unexpected(error) for error in self._errors()):
                        raise _RollBack
        except _DropEvents:
            log.warning("operation failed; its events dropped", extra={"request_id": context.request_id})
        except _RollBack:
            log.warning("operation rolled back", extra={"request_id": getattr(context, "request_id", "")})
            if operation == OperationType.MUTATION and execution.result is not None:
                execution.result.data = None
        except GraphQLError:
            raise
        except Exception as error:
            if database_unavailable(error):
                self._log_unavailable(error)
                raise database_unavailable_error() from error
            request_id = getattr(context, "request_id", "")
            log.error("operation failed outside its fields", exc_info=error, extra={"request_id": request_id})
            raise graphql_error("INTERNAL_SERVER_ERROR", "Internal server error", requestId=request_id) from error
        for failed in self._errors():
            if database_unavailable(failed.original_error):
                self._log_unavailable(failed.original_error)
                raise database_unavailable_error() from failed.original_error

    def _errors(self) -> list[GraphQLError]:
        return list(getattr(self.execution_context.result, "errors", None) or [])

    def _log_unavailable(self, error: BaseException | None) -> None:
        request_id = getattr(self.execution_context.context, "request_id", "")
        log.warning("database unavailable", exc_info=error, extra={"request_id": request_id})
