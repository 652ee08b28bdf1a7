"""Health and metrics endpoints (the metrics themselves: services/infra/metrics.py). Readiness is the central
database, Redis and the process; each placed tenant database is reported in its detail (and on /metrics) without
deciding it: a placed database that is down leaves the process serving every other synagogue."""

from __future__ import annotations

import asyncio
import hmac
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from tortoise import connections

from models.placement.pools import manager
from services.infra.lifecycle import draining
from services.infra.metrics import (
    TENANT_DATABASE_CONNECTIONS,
    TENANT_DATABASE_FAILURES,
    TENANT_DATABASE_UP,
    exposition,
)


def record_tenant_databases() -> None:
    """Write this process's view of every placed database into the metrics (at each scrape of this process, and
    on every tick of its idle-pool reaper, so that the other processes' samples stay current too)."""
    for name, health in manager().health().items():
        TENANT_DATABASE_UP.labels(name).set(0 if health["breaker"] != "closed" else 1)
        TENANT_DATABASE_CONNECTIONS.labels(name, "in_use").set(health["in_use"])
        TENANT_DATABASE_CONNECTIONS.labels(name, "open").set(health["connections"])
        TENANT_DATABASE_FAILURES.labels(name).set(health["failures"])


async def live(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def _database_ok() -> bool:
    try:
        await asyncio.wait_for(connections.get("default").execute_query("SELECT 1"), timeout=2)
    except Exception:
        return False
    return True


async def _tenant_database_ok(name: str) -> bool:
    try:
        async with manager().transaction(name) as connection:
            await asyncio.wait_for(connection.execute_query("SELECT 1"), timeout=2)
    except Exception:
        return False
    return True


async def tenant_databases() -> dict[str, dict[str, Any]]:
    """Each placed database as this process sees it: `ok`, `idle` (no pool open here: not checked) or
    `unavailable` (its breaker open, or the check failed), with its breaker and connections."""
    report = manager().health()
    open_ones = [name for name, health in report.items() if health["state"] == "ok"]
    for name, answered in zip(open_ones, await asyncio.gather(*map(_tenant_database_ok, open_ones)), strict=True):
        report[name] = {**manager().health()[name], "state": "ok" if answered else "unavailable"}
    return report


async def ready(request: Request) -> Response:
    """503 while draining for shutdown, or when the central database or Redis does not answer; the placed tenant
    databases are in the detail (`tenantDatabases`) only."""
    state = request.app.state
    checks = {
        "process": "draining" if draining() or getattr(state, "draining", False) else "ok",
        "database": "ok" if await _database_ok() else "down",
        "redis": "ok" if await state.kv.ping() else "down",
    }
    healthy = all(value == "ok" for value in checks.values())
    body: dict[str, Any] = {"status": "ok" if healthy else "unavailable", "checks": checks}
    if manager().declared:
        body["tenantDatabases"] = await tenant_databases()
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
    record_tenant_databases()
    body, media_type = exposition()  # every process sharing PROMETHEUS_MULTIPROC_DIR, or this one
    return Response(body, media_type=media_type)
