"""Health and metrics endpoints (the metrics themselves: services/infra/metrics.py)."""

from __future__ import annotations

import asyncio
import hmac
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from tortoise import connections

from services.infra.lifecycle import draining
from services.infra.metrics import exposition


async def live(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def _database_ok() -> bool:
    try:
        await asyncio.wait_for(connections.get("default").execute_query("SELECT 1"), timeout=2)
    except Exception:
        return False
    return True


async def ready(request: Request) -> Response:
    """503 while draining for shutdown, or when the database or Redis does not answer."""
    state = request.app.state
    checks = {
        "process": "draining" if draining() or getattr(state, "draining", False) else "ok",
        "database": "ok" if await _database_ok() else "down",
        "redis": "ok" if await state.kv.ping() else "down",
    }
    healthy = all(value == "ok" for value in checks.values())
    body: dict[str, Any] = {"status": "ok" if healthy else "unavailable", "checks": checks}
    if checks["process"] == "draining":
        body["reason"] = "draining"
    return JSONResponse(body, 200 if healthy else 503)


async def metrics(request: Request) -> Response:
    """Prometheus metrics; with `METRICS_TOKEN` set, only for a scraper that sends it as a bearer token."""
    token = request.app.state.settings.metrics_token
    if token:
        sent = request.headers.get("authorization", "").encode()
        if not hmac.compare_digest(sent, f"Bearer {token}".encode()):
            return Response(status_code=401, headers={"WWW-Authenticate": 'Bearer realm="metrics"'})
    body, media_type = exposition()  # every process sharing PROMETHEUS_MULTIPROC_DIR, or this one
    return Response(body, media_type=media_type)
