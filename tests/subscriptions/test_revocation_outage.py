"""A close request (a role change, a revoked session or device) that cannot be published while Redis is
unreachable is kept and closes the principal's sockets on the other processes once Redis answers; a late
request closes only the sockets opened before it."""

from __future__ import annotations

import time
from types import SimpleNamespace
from typing import Any

from models.identity import Role
from subscriptions import sessions
from subscriptions.sessions import close_local, close_principal_sockets, open_sockets, register_socket
from tests.support.actors import Factory
from tests.support.events import watch_events
from tests.support.live import Server
from tests.support.servers import redis_down


class Socket:
    def __init__(self) -> None:
        self.closed: tuple[int, str] | None = None

    async def close(self, code: int, reason: str) -> None:
        self.closed = (code, reason)


def socket_of(principal: str) -> Socket:
    socket = Socket()
    context = SimpleNamespace(
        principal=SimpleNamespace(describe=lambda: principal, session_id=None, token_expires_at=None),
        request=socket,
        extra={},
    )
    register_socket(context)
    return socket


async def test_a_close_requested_while_redis_is_down_reaches_the_other_process_once_it_answers(
    app: Any, live_server: Server, factory: Factory
) -> None:
    owner = await factory.member(role=Role.OWNER)
    admin = await factory.member(tenant=owner.tenant, role=Role.ADMIN)
    watcher = await watch_events(app, live_server, admin)  # its socket lives in the uvicorn process
    try:
        async with redis_down():
            await close_principal_sockets(app.state.broadcast, f"user:{admin.user.id}", "role changed")
        assert await watcher.close_code(timeout=30) == 4403
    finally:
        await watcher.close()


async def test_a_late_close_request_spares_the_sockets_opened_after_it() -> None:
    principal = f"user:test-{time.monotonic_ns()}"
    older, newer = socket_of(principal), socket_of(principal)
    requested_at = time.time()
    sessions._opened[older] = requested_at - 60  # opened a minute before the request
    sessions._opened[newer] = requested_at + 1  # opened since, with the principal's new rights
    assert await close_local(principal, "role changed", opened_before=requested_at) == 1
    assert older.closed == (4403, "role changed") and newer.closed is None
    assert open_sockets(principal) == 1
    assert await close_local(principal, "signed out") == 1  # without a time: every socket of the principal
    assert newer.closed == (4403, "signed out") and open_sockets(principal) == 0
