"""What every GraphQL operation adds to `/metrics` (services/infra/metrics.py): one count and its latency by
operation name and type, and each error of its response by `extensions.code`; open websockets and running
subscriptions are counted by the websocket handler (schema/websocket.py).

Operation names come from clients, so only the names of trusted documents (documents/) become label values;
any other name is counted as `other`, and a document without a name as `anonymous`: a client cannot make the
metrics grow without bound.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from functools import cache

from strawberry.extensions import SchemaExtension
from strawberry.schema.exceptions import CannotGetOperationTypeError

from services.infra.metrics import ERRORS, OPERATION_SECONDS, OPERATIONS
from services.partners.documents import catalogue


@cache
def known_operations() -> frozenset[str]:
    return frozenset(document.operation_name for document in catalogue().all())


def operation_label(name: str | None) -> str:
    if not name:
        return "anonymous"
    return name if name in known_operations() else "other"


class OperationMetrics(SchemaExtension):
    """Outermost extension: counts the operation however it ends (refused by a limit, failed, answered)."""

    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            execution = self.execution_context
            name = operation_label(execution.operation_name)
            kind = "unknown"
            with contextlib.suppress(RuntimeError, CannotGetOperationTypeError):  # no operation in the document
                kind = execution.operation_type.value
            OPERATIONS.labels(name, kind).inc()
            OPERATION_SECONDS.labels(name).observe(time.perf_counter() - started)
            errors = list(execution.pre_execution_errors or [])
            if execution.result is not None and execution.result.errors:
                errors.extend(execution.result.errors)
            for error in errors:
                code = (error.extensions or {}).get("code") or "INTERNAL_SERVER_ERROR"
                ERRORS.labels(str(code)[:40]).inc()
