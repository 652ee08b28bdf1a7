"""Query limits, read per request from the settings in the context.

- tokens: strawberry's `MaxTokensLimiter` (at parse; the body size is limited by the HTTP middleware);
- depth and aliases through fragments: our own validation rule over `schema.complexity`, because
  strawberry's `QueryDepthLimiter`/`MaxAliasesLimiter` walk a fragment again at every spread, which takes
  exponential time on fragments that spread the next one twice;
- introspection and "Did you mean" suggestions only for roles allowed the explorer;
- a cost ceiling checked before execution, a cost budget per (tenant, principal), and the cost reported in
  `extensions.cost` like Shopify.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import GraphQLError, ValidationContext, ValidationRule
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import MaxTokensLimiter, SchemaExtension
from strawberry.types import ExecutionResult

from config import Settings, get_settings
from models.identity import Role
from schema.alone import AuthMutationsAlone
from schema.complexity import alias_count, max_depth, operations_of

_SUGGESTION = re.compile(r" ?Did you mean .*\?$", re.DOTALL)


def settings_of(context: Any) -> Settings:
    settings = getattr(context, "settings", None)
    return settings if isinstance(settings, Settings) else get_settings()


def is_power_user(context: Any) -> bool:
    """A user allowed the explorer: a platform admin, or a member with at least `settings.explorer_role`."""
    principal = getattr(context, "principal", None)
    if principal is None or principal.kind != "user":
        return False
    if principal.is_platform_admin:
        return True
    role = getattr(context, "role", None)
    return role is not None and role >= Role[settings_of(context).explorer_role]


def explorer_allowed(context: Any) -> bool:
    """Introspection and suggestions: open outside production (unless set), else power users only."""
    return settings_of(context).introspection_open or is_power_user(context)


@cache
def shape_rule(depth_limit: int, alias_limit: int) -> type[ValidationRule]:
    """A validation rule refusing documents deeper than `depth_limit` or with more than `alias_limit` aliases."""

    class DocumentShape(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            depth = max_depth(context.document)
            if depth > depth_limit:
                context.report_error(
                    GraphQLError(
                        f"the document is {depth} levels deep; the limit is {depth_limit}",
                        extensions={"code": "MAX_DEPTH_EXCEEDED"},
                    )
                )
            aliases = alias_count(context.document, alias_limit + 1)
            if aliases > alias_limit:
                context.report_error(
                    GraphQLError(
                        f"the document has more than {alias_limit} aliases",
                        extensions={"code": "MAX_ALIASES_EXCEEDED"},
                    )
                )

    return DocumentShape


class OperationNameRequired(ValidationRule):
    """A document with several operations must name the one to run (GraphQL spec, GetOperation): without
    this, strawberry would run the first one, unseen by the cost analysis and the idempotency check."""

    def __init__(self, context: ValidationContext) -> None:
        super().__init__(context)
        if len(operations_of(context.document)) > 1:
            context.report_error(
                GraphQLError(
                    "Must provide operation name if query contains multiple operations.",
                    extensions={"code": "BAD_REQUEST"},
                )
            )


def provided_operation_name(execution: Any) -> str | None:
    """The operation name the client sent (strawberry's `operation_name` falls back to the first one's)."""
    name = getattr(execution, "_provided_operation_name", None)
    return name if isinstance(name, str) else None


class TokenLimit(MaxTokensLimiter):
    """`max_tokens` from the request's settings, enforced by the parser."""

    def __init__(self) -> None:
        super().__init__(max_token_count=0)

    def on_operation(self) -> Iterator[None]:
        self.max_token_count = settings_of(self.execution_context.context).max_tokens
        yield from super().on_operation()


def without_suggestions(formatted: Any) -> Any:
    """A formatted error (a dict, as sent over a websocket) with any "Did you mean" removed."""
    if isinstance(formatted, dict) and isinstance(formatted.get("message"), str):
        return {**formatted, "message": _SUGGESTION.sub("", formatted["message"])}
    return formatted


def _hide_suggestions(errors: list[GraphQLError]) -> list[GraphQLError]:
    hidden: list[GraphQLError] = []
    for error in errors:
        message = _SUGGESTION.sub("", error.message)
        if message == error.message:
            hidden.append(error)
            continue
        hidden.append(
            GraphQLError(
                message,
                nodes=error.nodes,
                path=error.path,
                original_error=error.original_error,
                extensions=error.extensions,
            )
        )
    return hidden


class DocumentLimits(SchemaExtension):
    """Depth, aliases and introspection rules at validation; suggestions hidden from non-explorers."""

    def on_operation(self) -> Iterator[None]:
        execution = self.execution_context
        settings = settings_of(execution.context)
        explorer = explorer_allowed(execution.context)
        rules: tuple[type[Any], ...] = (shape_rule(settings.max_depth, settings.max_aliases), AuthMutationsAlone)
        if not explorer:
            rules += (NoSchemaIntrospectionCustomRule,)
        if provided_operation_name(execution) is None:
            rules += (OperationNameRequired,)
        execution.validation_rules = execution.validation_rules + rules
        yield
        if explorer:
            return
        result = execution.result
        if isinstance(result, (GraphQLExecutionResult, ExecutionResult)) and result.errors:
            result.errors = _hide_suggestions(list(result.errors))


LOGGED_MESSAGE_CHARS = 500
LOGGED_EXCERPT_CHARS = 200


class BoundedErrorLog(logging.Filter):
    """A GraphQL error is logged as its message (bounded), its locations, and the document's SHA-256, size
    and opening: never the whole document (graphql-core prints the offending line, which for a refused
    one-line document of a megabyte is the document)."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.msg
        if not isinstance(error, GraphQLError):
            return True
        message = error.message
        if len(message) > LOGGED_MESSAGE_CHARS:
            message = message[:LOGGED_MESSAGE_CHARS] + f"… ({len(error.message)} characters)"
        record.msg, record.args = message, ()
        record.graphql_locations = [f"{loc.line}:{loc.column}" for loc in (error.locations or [])[:5]]
        if error.path:
            record.graphql_path = ".".join(str(part) for part in error.path)[:LOGGED_MESSAGE_CHARS]
        body = error.source.body if error.source is not None else None
        if body is not None:
            encoded = body.encode()
            record.document_sha256 = hashlib.sha256(encoded).hexdigest()
            record.document_bytes = len(encoded)
            record.document_excerpt = body[:LOGGED_EXCERPT_CHARS]
        return True


def bound_error_logs(logger: logging.Logger) -> None:
    if not any(isinstance(existing, BoundedErrorLog) for existing in logger.filters):
        logger.addFilter(BoundedErrorLog())


bound_error_logs(logging.getLogger("strawberry.execution"))

