"""How the API and worker processes stop: drained, so that no accepted request or claimed job is lost.

API (`main.py serve`): the first SIGTERM or SIGINT starts draining. `/health/ready` answers 503 (`draining`)
while everything else is served as before, for `SHUTDOWN_DRAIN_SECONDS`, so that load balancers stop
sending. Then the process stops accepting connections, closes its websockets with 1012 (service restart:
TV apps reconnect, through the load balancer, to another process), gives in-flight requests up to
`SHUTDOWN_GRACE_SECONDS` to finish, shuts the app down (jobs, broadcaster, Redis, database pool) and exits 0.
A second SIGINT cuts the drain short, a third abandons in-flight requests. With `WORKERS` > 1 uvicorn's
supervisor passes the signal on and every worker process drains the same way.

Worker (`main.py worker`): a signal stops the claiming of new jobs; the job in hand may finish within
`WORKER_SHUTDOWN_TIMEOUT_SECONDS`, after which it is cancelled (its transaction rolls back) and released
for another worker to run again; the process exits 0.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import socket
import sys
import time
from collections.abc import Callable, Coroutine
from types import FrameType
from typing import Any

import uvicorn
from uvicorn.config import STARTUP_FAILURE
from uvicorn.supervisors import multiprocess

from config import Settings, get_settings
from services.infra.cancellation import see_cancelled

log = logging.getLogger("shulgraph.lifecycle")

CLOSE_SERVICE_RESTART = 1012
"""The websocket close code of a process going away on purpose: reconnect (elsewhere)."""

_draining = False


def draining() -> bool:
    """Whether this process received its stop signal (readiness fails from then on)."""
    return _draining


def begin_draining() -> None:
    global _draining
    _draining = True


class CloseWhileDraining:
    """ASGI wrapper: while draining, HTTP responses carry `Connection: close`, so that clients and load
    balancers holding keep-alive connections open new ones (elsewhere) before this process stops accepting."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not _draining:  # (a request begun just before the drain keeps its connection)
            await self.app(scope, receive, send)
            return

        async def send_closing(message: Any) -> None:
            if message["type"] == "http.response.start" and _draining:
                message = {**message, "headers": [*message.get("headers", []), (b"connection", b"close")]}
            await send(message)

        await self.app(scope, receive, send_closing)


CloseSockets = Callable[[int, str], Coroutine[Any, Any, int]]
"""Closes every websocket of this process with a code and reason; returns how many it closed."""


async def _no_sockets(code: int, reason: str) -> int:
    return 0


class DrainingServer(uvicorn.Server):
    """uvicorn's server with a drain period between the stop signal and the stop of accepting."""

    close_sockets: CloseSockets = _no_sockets
    """Set by `serve` (the app's socket registry): called once the server stops accepting."""

    def __init__(self, config: uvicorn.Config, drain_seconds: float) -> None:
        super().__init__(config)
        self.drain_seconds = drain_seconds
        self.drain_deadline: float | None = None
        self._drain_logged = False

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        """The signal handler. The signal is not re-raised after shutdown, so a drained process exits 0."""
        if self.drain_deadline is None:
            begin_draining()
            self.drain_deadline = time.monotonic() + self.drain_seconds
        elif sig == signal.SIGINT:
            if self.should_exit:
                self.force_exit = True
            self.should_exit = True

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        if not isinstance(self.config.loaded_app, CloseWhileDraining):
            self.config.loaded_app = CloseWhileDraining(self.config.loaded_app)
        await super().startup(sockets)

    async def on_tick(self, counter: int) -> bool:
        if self.drain_deadline is not None and not self.should_exit:
            if not self._drain_logged:
                self._drain_logged = True
                log.info("draining: readiness fails", extra={"drain_seconds": self.drain_seconds})
            if time.monotonic() >= self.drain_deadline:
                self.should_exit = True
        return await super().on_tick(counter)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        """Stop accepting, close the websockets with 1012, then uvicorn's graceful shutdown."""
        begin_draining()
        for server in getattr(self, "servers", []):
            server.close()
        closed = await type(self).close_sockets(CLOSE_SERVICE_RESTART, "server restart")
        log.info("stopped accepting connections", extra={"websockets_closed": closed})
        await super().shutdown(sockets)


class DrainingProcess(multiprocess.Process):
    """A worker process of uvicorn's supervisor that runs a `DrainingServer`."""

    @property
    def server(self) -> uvicorn.Server:
        if self._server is None:
            self._server = DrainingServer(self.config, drain_seconds(get_settings()))
        return self._server


def drain_seconds(settings: Settings) -> float:
    if settings.shutdown_drain_seconds is not None:
        return settings.shutdown_drain_seconds
    return 0.0 if settings.is_sqlite else 5.0


def serve(config: uvicorn.Config, settings: Settings, close_sockets: CloseSockets) -> None:
    """Serve until a stop signal, then drain; in this process, or in `config.workers` worker processes.
    `close_sockets` closes the process's websockets when it stops accepting."""
    DrainingServer.close_sockets = close_sockets
    if config.workers > 1:
        multiprocess.Process = DrainingProcess  # type: ignore[misc]  # every worker it starts, restarts or adds
        listener = config.bind_socket()
        multiprocess.Multiprocess(config, sockets=[listener]).run()
        return
    server = DrainingServer(config, drain_seconds(settings))
    server.run()
    if not server.started:
        sys.exit(STARTUP_FAILURE)


async def work_until_signalled(
    settings: Settings, run_worker: Callable[[Settings, asyncio.Event], Coroutine[Any, Any, None]]
) -> None:
    """Run background jobs (`run_worker` until its event is set) until SIGTERM or SIGINT, then stop as the module
    docstring says."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    worker = asyncio.create_task(run_worker(settings, stop))
    stopping = asyncio.create_task(stop.wait())
    try:
        await asyncio.wait({worker, stopping}, return_when=asyncio.FIRST_COMPLETED)
        if not worker.done():
            log.info("worker draining: no new jobs are claimed")
            try:
                await asyncio.wait_for(asyncio.shield(worker), settings.worker_shutdown_timeout_seconds)
            except TimeoutError:
                log.warning("the job in hand did not finish in time; it is released for another worker")
                worker.cancel()
                see_cancelled(worker)  # a cancellation dropped on the way (services.infra.cancellation) is sent again
                with contextlib.suppress(asyncio.CancelledError):
                    await worker
    finally:
        stopping.cancel()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)
    if not worker.cancelled():
        worker.result()
