"""When a tenant's database cannot serve it: the connection failures that count as the database being gone (for
the breakers here and for `services.infra.errors.database_unavailable`, which answers them UNAVAILABLE), and
`TenantUnavailable`, raised for one tenant's database (not answering, being switched by a move, or busy) while
every other tenant is served."""

from __future__ import annotations

import errno
import socket

import asyncpg

from models.placement.connection import NOT_HERE_SQLSTATE, READ_ONLY_SQLSTATE, sqlstate_of

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


class TenantUnavailable(RuntimeError):
    """A tenant's database cannot serve it now; its requests are answered UNAVAILABLE with Retry-After."""

    def __init__(self, database: str, message: str) -> None:
        super().__init__(message)
        self.database = database
        self.message = message


class TenantMoving(TenantUnavailable):
    """The tenant is being switched to another database by `main.py tenant move`: read-only for a few seconds."""


MOVING_MESSAGE = "this synagogue is being moved to another database; retry in a few seconds"


def _connection_failure(error: OSError) -> bool:
    """An OS error of a network connection (refused, reset, unreachable, timed out, name lookup); a file-system
    error (a name too long, a file missing) is not the database going away."""
    return (
        isinstance(error, ConnectionError | TimeoutError | socket.gaierror)
        or error.errno in _CONNECTION_ERRNOS
    )


def connection_lost(error: BaseException | None) -> bool:
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


def tenant_unavailable(error: BaseException | None) -> TenantUnavailable | None:
    """The `TenantUnavailable` behind `error`, or one for a write refused while a move switches the tenant
    (read-only) or a fence met after the placement was read again; None for anything else."""
    seen: set[int] = set()
    current = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, TenantUnavailable):
            return current
        current = current.__cause__ or current.__context__
    if sqlstate_of(error) in (READ_ONLY_SQLSTATE, NOT_HERE_SQLSTATE):
        return TenantMoving("", MOVING_MESSAGE)
    return None
