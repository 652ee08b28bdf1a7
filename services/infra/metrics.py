"""Prometheus metrics: the one place where ShulGraph's processes define and export them, so that `/metrics` is
correct however many processes serve (`WORKERS` > 1, several API processes and a worker on one machine).

With `PROMETHEUS_MULTIPROC_DIR` set, prometheus-client runs in its multiprocess mode: every process writes its
samples to files in that directory and `/metrics` (any process) reads them all. prometheus-client picks its
mode when it is first imported, so every module defines its metrics through this one (`counter`, `gauge`,
`histogram`), which settles the directory first; nothing else imports prometheus_client
(tests/test_metrics.py holds it). `main.py serve` with `WORKERS` > 1 creates a directory when none is set.

Other domains add their own metrics here or next to their code with the same functions (one registry): a gauge
says how processes combine (`livesum` adds the live processes' values; `liveall` keeps one series per process,
labelled `pid`).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from config import get_settings

MULTIPROC_VARIABLE = "PROMETHEUS_MULTIPROC_DIR"
if not os.environ.get(MULTIPROC_VARIABLE) and get_settings().prometheus_multiproc_dir is not None:
    os.environ[MULTIPROC_VARIABLE] = str(get_settings().prometheus_multiproc_dir)  # a .env line counts too

from prometheus_client import (  # noqa: E402  (after the directory is settled: the library reads it on import)
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

GaugeMode = Literal["livesum", "liveall", "livemin", "max", "min", "sum", "mostrecent"]


def multiprocess_dir() -> str | None:
    return os.environ.get(MULTIPROC_VARIABLE) or None


def counter(name: str, documentation: str, labels: Sequence[str] = ()) -> Counter:
    return Counter(name, documentation, list(labels))


def histogram(name: str, documentation: str, labels: Sequence[str] = ()) -> Histogram:
    return Histogram(name, documentation, list(labels))


def gauge(name: str, documentation: str, labels: Sequence[str] = (), mode: GaugeMode = "livesum") -> Gauge:
    return Gauge(name, documentation, list(labels), multiprocess_mode=mode)


def exposition() -> tuple[bytes, str]:
    """The metrics text of every process sharing the directory (or of this one), and its media type."""
    directory = multiprocess_dir()
    if directory is None:
        return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry, path=directory)  # type: ignore[no-untyped-call]
    return generate_latest(registry), CONTENT_TYPE_LATEST


def forget_dead_processes() -> int:
    """Drop the live gauges of processes that are gone (a worker restarted by uvicorn or a process manager), so
    `livesum` and `liveall` count the living only; how many processes were forgotten."""
    directory = multiprocess_dir()
    if directory is None:
        return 0
    forgotten = set()
    for path in Path(directory).glob("gauge_live*_*.db"):
        pid = int(path.stem.rsplit("_", 1)[1])
        if not _alive(pid):
            multiprocess.mark_process_dead(pid, directory)  # type: ignore[no-untyped-call]
            forgotten.add(pid)
    return len(forgotten)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def prepare_directory(workers: int) -> str | None:
    """For `main.py serve`: with several uvicorn workers and no directory set, a fresh one (inherited by the
    workers it starts); an existing directory is used as it is. Returns the directory in use."""
    directory = multiprocess_dir()
    if directory is None and workers > 1:
        import tempfile

        directory = tempfile.mkdtemp(prefix="shulgraph-metrics-")
        os.environ[MULTIPROC_VARIABLE] = directory
    if directory is not None:
        with contextlib.suppress(FileExistsError):
            Path(directory).mkdir(parents=True)
    return directory


# ---- the API's and the worker's own metrics -------------------------------------------------------------------
OPERATIONS = counter(
    "shulgraph_graphql_operations_total", "GraphQL operations run, by operation name and type", ["operation", "type"]
)
OPERATION_SECONDS = histogram(
    "shulgraph_graphql_operation_seconds", "GraphQL operation latency, by operation name", ["operation"]
)
ERRORS = counter("shulgraph_graphql_errors_total", "GraphQL errors in responses, by extensions.code", ["code"])
WEBSOCKETS = gauge("shulgraph_websockets_open", "Open graphql-transport-ws sockets, per process", mode="liveall")
SUBSCRIPTIONS = gauge(
    "shulgraph_subscriptions_active",
    "Operations running over websockets (subscriptions, parked screens included; a query or mutation sent over a "
    "socket while it runs), by operation name",
    ["operation"],
    mode="livesum",
)
JOBS = counter("shulgraph_jobs_total", "Outbox jobs finished by the worker, by kind and state", ["kind", "state"])
TENANT_DATABASE_UP = gauge(
    "shulgraph_tenant_database_up",
    "1 while a placed tenant database's circuit breaker is closed in every live process (0 when any has it open)",
    ["database"],
    mode="livemin",
)
TENANT_DATABASE_CONNECTIONS = gauge(
    "shulgraph_tenant_database_connections",
    "Connections of a placed tenant database's pools, by state (open, in_use), summed over live processes",
    ["database", "state"],
    mode="livesum",
)
TENANT_DATABASE_FAILURES = gauge(
    "shulgraph_tenant_database_failures",
    "Connection failures of a placed tenant database since each live process started, summed",
    ["database"],
    mode="livesum",
)
