"""Errors that services raise and the GraphQL layer turns into `extensions.code`."""

from __future__ import annotations

import errno
import socket
from enum import StrEnum

import asyncpg


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


_CONNECTION_ERRNOS = frozenset(
    {
        errno.ECONNREFUSED,
        errno.ECONNRESET,
        errno.ECONNABORTED,
        errno.EHOSTUNREACH,
        errno.ENETUNREACH,
        errno.ENETDOWN,
        errno.ETIMEDOUT,
        errno.EPIPE,
        errno.ENOTCONN,
    }
)


def _connection_failure(error: OSError) -> bool:
    """An OS error of a network connection (refused, reset, unreachable, timed out, name lookup); a file-system
    error (a name too long, a file missing) is not the database going away."""
    return (
        isinstance(error, ConnectionError | TimeoutError | socket.gaierror)
        or error.errno in _CONNECTION_ERRNOS
    )


def database_unavailable(error: BaseException | None) -> bool:
    """Whether `error`, or an error it was raised from, says the database cannot be reached: a lost, refused or
    unreachable connection (not any OS error: a time zone name too long for a file name is bad input), a server
    shutting down or starting up, a closed pool or connection, or a pooled connection whose server process was
    terminated (its farewell message arrived before its close)."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, asyncpg.PostgresConnectionError):
            return True
        if isinstance(error, OSError) and _connection_failure(error):
            return True
        if isinstance(error, asyncpg.PostgresError) and getattr(error, "sqlstate", None) in _SERVER_GONE_SQLSTATES:
            return True
        if isinstance(error, asyncpg.InterfaceError) and ("closed" in str(error) or "closing" in str(error)):
            return True
        if isinstance(error, asyncpg.InternalClientError) and "another operation (2)" in str(error):
            return True  # the server ended the connection while it idled in the pool; the pool drops it
        error = error.__cause__ or error.__context__
    return False
