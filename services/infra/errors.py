"""Errors that services raise and the GraphQL layer turns into `extensions.code`."""

from __future__ import annotations

from enum import StrEnum

from models.placement.failures import connection_lost, tenant_unavailable


class ErrorCode(StrEnum):
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    NOT_FOUND = "NOT_FOUND"
    TENANT_REQUIRED = "TENANT_REQUIRED"
    BAD_USER_INPUT = "BAD_USER_INPUT"
    UNAVAILABLE = "UNAVAILABLE"
    THROTTLED = "THROTTLED"
    OPERATION_NOT_ALLOWED = "OPERATION_NOT_ALLOWED"


class ServiceError(Exception):
    """An expected failure with a machine-readable code; never masked."""

    code: ErrorCode = ErrorCode.BAD_USER_INPUT

    def __init__(self, message: str, code: ErrorCode | None = None, **extensions: object) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.extensions = extensions


class Unauthenticated(ServiceError):
    code = ErrorCode.UNAUTHENTICATED


class Forbidden(ServiceError):
    code = ErrorCode.FORBIDDEN


class NotFound(ServiceError):
    code = ErrorCode.NOT_FOUND


class Unavailable(ServiceError):
    code = ErrorCode.UNAVAILABLE


DATABASE_UNAVAILABLE = "the database is unavailable; retry later"


def database_unavailable(error: BaseException | None) -> bool:
    """Whether `error`, or an error it was raised from, says the database cannot serve the operation now: the
    connection failures of `models.placement.failures.connection_lost` (a lost, refused or unreachable connection,
    a server shutting down or starting up, a closed pool), or a tenant whose own database is not answering or
    which a move is switching (`unavailable_message` says which)."""
    return connection_lost(error) or tenant_unavailable(error) is not None


def unavailable_message(error: BaseException | None) -> str:
    """What an UNAVAILABLE answer tells the caller about `error`."""
    tenant = tenant_unavailable(error)
    return tenant.message if tenant is not None else DATABASE_UNAVAILABLE
