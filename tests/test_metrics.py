"""/metrics across processes (services/infra/metrics.py): prometheus-client's multiprocess mode is chosen when the
library is first imported, so nothing but the metrics module imports it; `main.py serve` with `WORKERS=2`
reports both workers' operations on every scrape, whichever worker answers it; operation names that are not
trusted documents are counted as `other` (a client cannot grow the metrics)."""

from __future__ import annotations

import ast
from pathlib import Path

import httpx

from config import ROOT
from models.identity import Role
from schema.metrics import operation_label
from tests.support.actors import Factory
from tests.support.cluster import samples
from tests.support.documents import client_document
from tests.support.processes import serving

PACKAGES = ("main.py", "config.py", "schema", "resolvers", "permissions", "services", "subscriptions", "models")


def test_only_the_metrics_module_imports_prometheus_client() -> None:
    importers = []
    for package in PACKAGES:
        paths = [ROOT / package] if package.endswith(".py") else sorted((ROOT / package).rglob("*.py"))
        for path in paths:
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
                if isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                if any(name.split(".")[0] == "prometheus_client" for name in names):
                    importers.append(path.relative_to(ROOT).as_posix())
    assert importers == ["services/infra/metrics.py"]


def test_only_trusted_operation_names_become_labels() -> None:
    assert operation_label("ScreenUpdated") == "ScreenUpdated"
    assert operation_label("Anything-a-client-made-up") == "other"
    assert operation_label(None) == "anonymous"


async def test_two_uvicorn_workers_report_together(database: str, factory: Factory, tmp_path: Path) -> None:
    member = await factory.member(role=Role.VIEWER)
    async with serving(tmp_path, workers="2", log_level="WARNING") as server:
        body = {"query": client_document("Me"), "operationName": "Me"}
        async with httpx.AsyncClient(base_url=server.base, timeout=30) as client:
            for _ in range(12):
                # A new connection each time, so that both workers answer some.
                async with httpx.AsyncClient(base_url=server.base, timeout=30) as fresh:
                    answer = await fresh.post("/graphql", json=body, headers=member.headers())
                    assert "errors" not in answer.json(), answer.text
            scrapes = [(await client.get("/metrics", headers={"Connection": "close"})).text for _ in range(4)]
    for scrape in scrapes:  # every scrape, whichever worker answers it, counts all twelve
        counted = samples(scrape, "shulgraph_graphql_operations_total", operation="Me", type="query")
        assert [value for _, value in counted] == [12.0], counted
    requests = [labels for scrape in scrapes for labels, _ in samples(scrape, "shulgraph_http_requests_total")]
    assert requests and all("pid" not in labels for labels in requests)  # summed across workers, not per pid
