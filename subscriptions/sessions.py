"""Open websockets by principal, so revoking a credential closes its sockets (S5, W3), and by member (a user in
one synagogue), so a role change or a removal closes only the sockets that act in that synagogue (Z6).

Each process keeps its own sockets; a close request travels over the broadcaster so that the
process holding the socket closes it, whichever process handled the revocation. A request that
cannot be published while Redis is unreachable is kept and published once it answers; it carries
its time, so a late one closes only the sockets opened before it (give or take `CLOCK_MARGIN_SECONDS`
between hosts), not the ones the principal opened since with its new rights.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import math
import time
import weakref
from datetime import UTC, datetime
from typing import Any

from subscriptions.channels import principal_control

log = logging.getLogger("shulgraph.sockets")

_sockets: dict[str, set[weakref.ref[Any]]] = {}
"""Weak: a socket that went away leaves the registry without being unregistered. A set of plain weak references
per key rather than a `WeakSet` (a third of its size: a process holds one per TV)."""
_opened: weakref.WeakKeyDictionary[Any, float] = weakref.WeakKeyDictionary()
"""When each socket was registered (wall clock, comparable with other processes' close requests)."""
CLOSE_REVOKED = 4403
CLOCK_MARGIN_SECONDS = 5.0


def member_key(tenant_id: int, user_id: int) -> str:
    """The sockets of one user that act in one synagogue (named at `connection_init`, or their only one)."""
    return f"member:{tenant_id}:{user_id}"


def register_socket(context: Any) -> None:
    principal = context.principal
    websocket = context.request
    keys = [principal.describe()]
    session_id = getattr(principal, "session_id", None)
    if session_id is not None:
        keys.append(f"session:{session_id}")
    tenant_id, user_id = getattr(context, "tenant_id", None), getattr(principal, "user_id", None)
    if tenant_id is not None and user_id is not None:
        keys.append(member_key(tenant_id, user_id))
    for key in keys:
        _sockets.setdefault(key, set()).add(weakref.ref(websocket))
    _opened[websocket] = time.time()
    context.extra["socket_keys"] = keys
    expires = context.principal.token_expires_at
    if expires is not None:
        delay = max(0.0, (expires - datetime.now(UTC)).total_seconds())
        asyncio.get_running_loop().call_later(delay, _schedule_close, websocket, "token expired")


_pending: set[asyncio.Task[None]] = set()


def _schedule_close(websocket: Any, reason: str) -> None:
    task = asyncio.ensure_future(_close(websocket, reason))
    _pending.add(task)
    task.add_done_callback(_pending.discard)


async def _close(websocket: Any, reason: str) -> None:
    with contextlib.suppress(Exception):
        await websocket.close(code=CLOSE_REVOKED, reason=reason)


def unregister_socket(context: Any) -> None:
    for key in context.extra.get("socket_keys", ()):
        group = _sockets.get(key)
        if group is not None:
            group.discard(weakref.ref(context.request))
            if not group:
                del _sockets[key]


def _alive(group: set[weakref.ref[Any]]) -> list[Any]:
    return [websocket for websocket in (ref() for ref in list(group)) if websocket is not None]


def open_sockets(principal: str) -> int:
    """How many sockets of a principal this process holds."""
    return len(_alive(_sockets.get(principal, set())))


async def close_local(principal: str, reason: str, opened_before: float = math.inf) -> int:
    """Close this process's sockets of a principal that were opened before `opened_before`; how many."""
    group = _sockets.get(principal)
    if not group:
        return 0
    sockets = [websocket for websocket in _alive(group) if _opened.get(websocket, 0.0) < opened_before]
    for websocket in sockets:
        group.discard(weakref.ref(websocket))
    group.difference_update([ref for ref in list(group) if ref() is None])
    if not group:
        _sockets.pop(principal, None)
    for websocket in sockets:
        await _close(websocket, reason)
    return len(sockets)


async def close_all_sockets(code: int, reason: str) -> int:
    """Close every socket this process holds with `code` (at shutdown); how many were closed."""
    sockets = {id(websocket): websocket for group in list(_sockets.values()) for websocket in _alive(group)}
    _sockets.clear()

    async def close(websocket: Any) -> None:
        with contextlib.suppress(Exception):
            await websocket.close(code=code, reason=reason)

    await asyncio.gather(*(close(websocket) for websocket in sockets.values()))
    return len(sockets)


async def close_principal_sockets(broadcast: Any, principal: str, reason: str) -> None:
    """Close every socket of a principal, in this process and in the others (kept while Redis is down)."""
    await close_local(principal, reason)
    message = json.dumps({"close": principal, "reason": reason, "at": time.time()})
    try:
        if hasattr(broadcast, "publish_or_keep"):
            await broadcast.publish_or_keep("control", message)
        else:
            await broadcast.publish(channel="control", message=message)
    except Exception:  # the local close is done; other processes close on token expiry
        log.warning("control message not published", exc_info=True)


async def run_control_listener(broadcast: Any) -> None:
    """Closes local sockets when another process asks (runs for the life of the app)."""
    while True:
        try:
            async with broadcast.subscribe(channel="control") as subscriber:
                async for event in subscriber:
                    if event is None:
                        break
                    message = json.loads(event.message)
                    if "close" not in message:
                        continue
                    before = float(message.get("at", math.inf)) + CLOCK_MARGIN_SECONDS
                    await close_local(message["close"], message.get("reason", "revoked"), before)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.warning("control listener lost its subscription; retrying", exc_info=True)
            await asyncio.sleep(1)


__all__ = ["close_principal_sockets", "member_key", "principal_control", "register_socket", "run_control_listener"]
