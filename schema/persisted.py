"""Automatic persisted queries are stored once they validate: the extension that stores them."""

from __future__ import annotations

from collections.abc import AsyncIterator

from strawberry.extensions import SchemaExtension

from services.partners.apq_store import Registrations

REGISTRATIONS = "apq_registrations"  # Context.extra key: the request's (or socket's) `Registrations`


class PersistOnValidation(SchemaExtension):
    """Reached only by a document that parsed and validated: a registration it asked for is stored now."""

    async def on_execute(self) -> AsyncIterator[None]:
        execution = self.execution_context
        extra = getattr(execution.context, "extra", None)
        registrations = extra.get(REGISTRATIONS) if isinstance(extra, dict) else None
        if isinstance(registrations, Registrations) and execution.query is not None:
            await registrations.validated(execution.query)
        yield
