"""GraphQL errors with `extensions.code`, user errors for payloads, and error masking."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from enum import Enum
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaskErrors

from services.infra.errors import ErrorCode, ServiceError
from services.infra.problems import Problem

log = logging.getLogger("shulgraph.errors")
execution_log = logging.getLogger("strawberry.execution")


def graphql_error(code: ErrorCode | str, message: str, **extensions: Any) -> GraphQLError:
    return GraphQLError(message, extensions={"code": str(getattr(code, "value", code)), **extensions})


def not_found(what: str = "object") -> GraphQLError:
    return graphql_error(ErrorCode.NOT_FOUND, f"{what} not found")


@strawberry.enum
class UserErrorCode(Enum):
    REQUIRED = "REQUIRED"
    INVALID = "INVALID"
    TOO_SHORT = "TOO_SHORT"
    TOO_LONG = "TOO_LONG"
    OUT_OF_RANGE = "OUT_OF_RANGE"
    TAKEN = "TAKEN"
    NOT_FOUND = "NOT_FOUND"
    CONFLICT = "CONFLICT"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    WEAK_PASSWORD = "WEAK_PASSWORD"
    LAST_OWNER = "LAST_OWNER"
    FORBIDDEN = "FORBIDDEN"
    INVALID_TIMEZONE = "INVALID_TIMEZONE"
    INVALID_DATE = "INVALID_DATE"
    END_BEFORE_START = "END_BEFORE_START"
    AUTHORIZATION_PENDING = "AUTHORIZATION_PENDING"
    SLOW_DOWN = "SLOW_DOWN"
    EXPIRED_TOKEN = "EXPIRED_TOKEN"
    EXPIRED = "EXPIRED"
    ALREADY_USED = "ALREADY_USED"
    INVALID_REFRESH_TOKEN = "INVALID_REFRESH_TOKEN"


@strawberry.type
class UserErrorExtensions:
    """Details some user errors add; null when there are none."""

    retry_after_seconds: int | None = strawberry.field(
        default=None, description="Seconds until the same request may succeed (e.g. a locked sign-in)."
    )


@strawberry.type
class UserError:
    """An expected failure of a mutation: which input field, a stable code, a readable message."""

    field: list[str] | None
    code: UserErrorCode
    message: str
    extensions: UserErrorExtensions | None = None


def user_error(
    field: str | list[str] | None, code: UserErrorCode, message: str, retry_after_seconds: int | None = None
) -> UserError:
    path = [field] if isinstance(field, str) else field
    extensions = UserErrorExtensions(retry_after_seconds=retry_after_seconds) if retry_after_seconds else None
    return UserError(field=path, code=code, message=message, extensions=extensions)


def user_errors(problems: Iterable[Problem]) -> list[UserError]:
    """A service's problems as a payload's `userErrors`: the one conversion every domain uses."""
    return [
        user_error(p.field.split(".") if p.field else None, UserErrorCode[p.code], p.message, p.retry_after)
        for p in problems
    ]


def not_found_errors(field: str = "id") -> list[UserError]:
    """The `userErrors` of an input naming an object that is missing or not the caller's (the two look alike)."""
    return [user_error(field, UserErrorCode.NOT_FOUND, "not found")]


def log_error(error: GraphQLError) -> None:
    """How the schema logs an error of a result (on `strawberry.execution`, whose filter bounds what is kept of
    it): a coded (expected) one at INFO with its code, since a refused token or an exhausted budget is the
    product working; anything else at ERROR with its traceback."""
    if _is_expected(error):
        code = (error.extensions or {}).get("code")
        original = error.original_error
        if code is None and isinstance(original, ServiceError):
            code = original.code.value
        execution_log.info(error, extra={"code": code or "GRAPHQL_VALIDATION_FAILED"})
    else:
        execution_log.error(error, exc_info=error.original_error)


def _is_expected(error: GraphQLError) -> bool:
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return True
    return isinstance(original, ServiceError)


def to_graphql_error(error: GraphQLError) -> GraphQLError:
    """Give a service error its code in `extensions`."""
    original = error.original_error
    if isinstance(original, ServiceError):
        error.extensions = {**(error.extensions or {}), "code": original.code.value, **original.extensions}
        error.message = original.message
    return error


class MaskUnexpectedErrors(MaskErrors):
    """Unexpected exceptions become 'Internal server error' with the request id; coded errors pass."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=lambda error: not _is_expected(error))

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        request_id = getattr(self.execution_context.context, "request_id", "")
        log.error("unexpected error", exc_info=error.original_error, extra={"request_id": request_id})
        return GraphQLError(
            "Internal server error",
            nodes=error.nodes,
            path=error.path,
            extensions={"code": "INTERNAL_SERVER_ERROR", "requestId": request_id},
        )

    def _process_result(self, result: Any) -> None:
        if not getattr(result, "errors", None):
            return  # every streamed subscription result passes here: an error-free one costs nothing
        result.errors = [to_graphql_error(e) for e in result.errors]
        super()._process_result(result)
