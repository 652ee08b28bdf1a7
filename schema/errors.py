"""GraphQL errors with `extensions.code`, user errors for payloads, and error masking."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from enum import Enum
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaskErrors

from models.placement.failures import TenantUnavailable
from services.infra.errors import ErrorCode, ServiceError
from services.infra.problems import Problem

log = logging.getLogger("shulgraph.errors")
execution_log = logging.getLogger("strawberry.execution")


def graphql_error(code: ErrorCode | str, message: str, **extensions: Any) -> GraphQLError:
    return GraphQLError(message, extensions={"code": str(getattr(code, "value", code)), **extensions})


def not_found(what: str = "object") -> GraphQLError:
    return graphql_error(ErrorCode.NOT_FOUND, f"{what} not found")


@strawberry.enum(description="Why a mutation refused an input; stable, for programs to act on.")
class UserErrorCode(Enum):
    REQUIRED = strawberry.enum_value("REQUIRED", description="The field is missing or empty.")
    INVALID = strawberry.enum_value("INVALID", description="The value is not of the accepted form.")
    TOO_SHORT = strawberry.enum_value("TOO_SHORT", description="The value is shorter than allowed.")
    TOO_LONG = strawberry.enum_value("TOO_LONG", description="The value is longer than allowed.")
    OUT_OF_RANGE = strawberry.enum_value(
        "OUT_OF_RANGE", description="The number or date lies outside the accepted range (the message says which)."
    )
    TAKEN = strawberry.enum_value(
        "TAKEN", description="Another object already uses this value (an e-mail, a name, a date and aliyah)."
    )
    NOT_FOUND = strawberry.enum_value(
        "NOT_FOUND",
        description="The id names nothing you may see: missing and another synagogue's objects look the same.",
    )
    CONFLICT = strawberry.enum_value("CONFLICT", description="The change contradicts the object's current state.")
    INVALID_CREDENTIALS = strawberry.enum_value(
        "INVALID_CREDENTIALS", description="The e-mail and password do not match an account (or the account is locked)."
    )
    WEAK_PASSWORD = strawberry.enum_value(
        "WEAK_PASSWORD", description="The password is too short or too easy to guess."
    )
    LAST_OWNER = strawberry.enum_value("LAST_OWNER", description="The synagogue would be left without an OWNER.")
    FORBIDDEN = strawberry.enum_value("FORBIDDEN", description="Your role does not allow this change of this object.")
    INVALID_TIMEZONE = strawberry.enum_value(
        "INVALID_TIMEZONE", description="Not an IANA time zone name (such as America/Chicago)."
    )
    INVALID_DATE = strawberry.enum_value(
        "INVALID_DATE",
        description="Not a date the calendar knows (a Hebrew date that does not exist, a day past the month).",
    )
    END_BEFORE_START = strawberry.enum_value("END_BEFORE_START", description="The end comes before the start.")
    AUTHORIZATION_PENDING = strawberry.enum_value(
        "AUTHORIZATION_PENDING",
        description="The pairing code has not been claimed by an admin yet: poll again after the interval.",
    )
    SLOW_DOWN = strawberry.enum_value(
        "SLOW_DOWN", description="Polled too often: wait the interval (now 5 seconds longer) before polling again."
    )
    EXPIRED_TOKEN = strawberry.enum_value("EXPIRED_TOKEN", description="The pairing code expired: start pairing again.")
    EXPIRED = strawberry.enum_value("EXPIRED", description="The code or token expired.")
    ALREADY_USED = strawberry.enum_value(
        "ALREADY_USED", description="The code or token was used already; it works once."
    )
    REVOKED = strawberry.enum_value(
        "REVOKED", description="The invitation was withdrawn (or replaced by a newer one) by the synagogue."
    )
    WRONG_ACCOUNT = strawberry.enum_value(
        "WRONG_ACCOUNT", description="The invitation was sent to another e-mail address than the signed-in account's."
    )
    UNSUPPORTED_TYPE = strawberry.enum_value(
        "UNSUPPORTED_TYPE", description="Not an accepted file type (images: JPEG, PNG, WebP)."
    )
    NOT_AN_IMAGE = strawberry.enum_value(
        "NOT_AN_IMAGE", description="What was uploaded is not a JPEG, PNG or WebP image, or is damaged."
    )
    TOO_LARGE = strawberry.enum_value(
        "TOO_LARGE", description="The file has more bytes, or the image more pixels, than allowed."
    )
    QUOTA_EXCEEDED = strawberry.enum_value(
        "QUOTA_EXCEEDED", description="The synagogue's storage quota would be exceeded: delete images first."
    )
    NOT_UPLOADED = strawberry.enum_value(
        "NOT_UPLOADED", description="Nothing was uploaded to the upload URL yet: upload first, then attach."
    )
    INVALID_REFRESH_TOKEN = strawberry.enum_value(
        "INVALID_REFRESH_TOKEN", description="The refresh token is unknown, expired or revoked: sign in again."
    )


@strawberry.type(description="Details some user errors add; null when there are none.")
class UserErrorExtensions:
    retry_after_seconds: int | None = strawberry.field(
        default=None, description="Seconds until the same request may succeed (e.g. a locked sign-in)."
    )


@strawberry.type(description="An expected failure of a mutation: which input field, a stable code, a readable message.")
class UserError:
    field: list[str] | None = strawberry.field(
        description="The path to the input field at fault (`[\"input\", ...]` left out); null for the whole input."
    )
    code: UserErrorCode = strawberry.field(description="What is wrong, as a stable code.")
    message: str = strawberry.field(description="What is wrong, for a person (English).")
    extensions: UserErrorExtensions | None = strawberry.field(
        default=None, description="More about the failure, when there is more (such as when to retry)."
    )


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
    return isinstance(original, ServiceError | TenantUnavailable)  # a placed database down, or a move's switch


def to_graphql_error(error: GraphQLError) -> GraphQLError:
    """Give a service error its code in `extensions`."""
    original = error.original_error
    if isinstance(original, ServiceError):
        error.extensions = {"code": original.code.value, **(error.extensions or {}), **original.extensions}
        error.message = original.message
    return error


REQUEST_ERROR_CODES = ("GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT")
"""Apollo's codes for a request GraphQL refuses before any resolver runs: a document that does not parse, one
that does not validate against the schema, and variables that do not fit their types."""


def code_unreached_errors(errors: list[GraphQLError], request_id: str) -> list[GraphQLError]:
    """Errors of a request that ended before the masking extension saw its result (a document that fails to
    parse raises inside the parser cache, around which the extensions do not run to the end): a GraphQL error
    is a parse failure; anything else is masked like an unexpected error."""
    coded: list[GraphQLError] = []
    for error in errors:
        if (error.extensions or {}).get("code"):
            coded.append(error)
        elif _is_expected(error):
            error.extensions = {**(error.extensions or {}), "code": "GRAPHQL_PARSE_FAILED"}
            coded.append(error)
        else:
            log.error("unexpected error", exc_info=error.original_error, extra={"request_id": request_id})
            coded.append(
                GraphQLError(
                    "Internal server error", extensions={"code": "INTERNAL_SERVER_ERROR", "requestId": request_id}
                )
            )
    return coded


class MaskUnexpectedErrors(MaskErrors):
    """Unexpected exceptions become 'Internal server error' with the request id; coded errors pass; every error
    leaves with an `extensions.code` (request errors get Apollo's codes by the stage that refused them)."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=lambda error: not _is_expected(error))
        self.executing = False

    def on_execute(self) -> Iterator[None]:
        self.executing = True  # parsed and validated: what fails from here on is not the document
        yield

    def request_error_code(self, error: GraphQLError) -> str:
        """The code of an error GraphQL itself raised, by the stage it was raised in."""
        if self.execution_context.graphql_document is None:
            return "GRAPHQL_PARSE_FAILED"
        if not self.executing:
            return "GRAPHQL_VALIDATION_FAILED"
        if error.path is None:
            return "BAD_USER_INPUT"  # the variables were coerced before the first resolver
        return "INTERNAL_SERVER_ERROR"

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
        for error in result.errors:
            if not (error.extensions or {}).get("code"):
                error.extensions = {**(error.extensions or {}), "code": self.request_error_code(error)}
