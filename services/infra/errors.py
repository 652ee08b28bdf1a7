"""Errors that services raise and the GraphQL layer turns into `extensions.code`."""

from __future__ import annotations

from enum import StrEnum


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

_SERVER_GONE_SQLSTATES = frozenset(
    {
        "57P01",  # admin_shutdown
        "57P02",  # crash_shutdown
        "57P03",  # cannot_connect_now
        "53300",  # too_many_connections
    }
)


def database_unavailable(error: BaseException | None) -> bool:
    """Whether `error`, or an error it was raised from, says the database cannot be reached: a lost or
    refused connection, a server shutting down or starting up, a closed pool or connection, or a pooled
    connection whose server process was terminated (its farewell message arrived before its close)."""
    import asyncpg

    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, asyncpg.PostgresConnectionError | OSError):
            return True
        if isinstance(error, asyncpg.PostgresError) and getattr(error, "sqlstate", None) in _SERVER_GONE_SQLSTATES:
            return True
        if isinstance(error, asyncpg.InterfaceError) and ("closed" in str(error) or "closing" in str(error)):
            return True
        if isinstance(error, asyncpg.InternalClientError) and "another operation (2)" in str(error):
            return True  # the server ended the connection while it idled in the pool; the pool drops it
        error = error.__cause__ or error.__context__
    return False
