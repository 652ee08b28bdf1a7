"""deploy/: what can be checked without a container engine (none runs here). The Grafana dashboard queries only
metrics that /metrics exports; the compose file has the shape of scripts/cluster (nginx, two API processes, a
worker, PostgreSQL, Redis, a migrate step) and sets only settings that exist; its nginx includes the proxy
configuration scripts/cluster runs."""

from __future__ import annotations

import json
import re

import httpx
import yaml

from config import ROOT, Settings

DEPLOY = ROOT / "deploy"


async def test_the_dashboard_queries_metrics_that_shulgraph_exports(http: httpx.AsyncClient) -> None:
    exported = set(re.findall(r"^# TYPE (\w+) ", (await http.get("/metrics")).text, re.MULTILINE))
    dashboard = json.loads((DEPLOY / "grafana" / "shulgraph-dashboard.json").read_text())
    queried = set()
    for panel in dashboard["panels"]:
        for target in panel["targets"]:
            for name in re.findall(r"\bshulgraph_\w+", target["expr"]):
                queried.add(re.sub(r"_(bucket|count|sum|total)$", "", name))
    exported_bases = {re.sub(r"_total$", "", name) for name in exported}
    assert queried and queried <= exported_bases, queried - exported_bases


def test_compose_has_the_clusters_shape_and_real_settings() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    assert set(services) == {"postgres", "redis", "migrate", "api1", "api2", "worker", "nginx"}
    assert services["worker"]["command"] == ["python", "main.py", "worker"]
    assert services["migrate"]["command"] == ["python", "main.py", "migrate"]
    fields = set(Settings.model_fields)
    for name in ("api1", "api2", "worker", "migrate"):
        unknown = [key for key in services[name]["environment"] if key.lower() not in fields]
        assert unknown == [], (name, unknown)
    mounted = " ".join(services["nginx"]["volumes"])
    assert (
        "./nginx/proxy.conf" in mounted
        and "include /etc/nginx/shulgraph/proxy.conf;" in (DEPLOY / "nginx" / "nginx.conf").read_text()
    )
