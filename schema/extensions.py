"""Schema extensions that wrap every operation: tenant scope and transaction, impersonation audit."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from models.base import tenant_scope
from schema.errors import graphql_error
from services import audit
from subscriptions.events import deferred_publications

log = logging.getLogger("shulgraph.graphql")


class TenantScope(SchemaExtension):
    """Runs a query or mutation inside its tenant: the ContextVar, one transaction, and (on
    PostgreSQL) `app.tenant_id` for row-level security. A refused tenant refuses the operation."""

    async def on_execute(self) -> AsyncIterator[None]:
        execution = self.execution_context
        context = execution.context
        if context.tenant_error is not None:
            raise graphql_error(context.tenant_error, context.tenant_error_message or "forbidden")
        operation = execution.operation_type
        if context.tenant_id is None or operation == OperationType.SUBSCRIPTION:
            if context.tenant_id is not None and context.impersonating:
                async with tenant_scope(context.tenant_id):
                    await audit.record(
                        context, action=f"impersonate:{execution.operation_name or operation.value}", target_id=""
                    )
            yield
            return
        async with deferred_publications(), tenant_scope(context.tenant_id):
            if context.impersonating:
                await audit.record(
                    context,
                    action=f"impersonate:{execution.operation_name or operation.value}",
                    target_id="",
                )
            yield
