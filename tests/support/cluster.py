"""`scripts/cluster` as a test starts it: on the suite's database and Redis (the environment
tests/support/database.py set), with N API processes behind nginx, its description (DIR/cluster.json) read
again whenever the test asks (the cluster restarts a process that exits, with a new pid), and its `/metrics`
parsed."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from config import ROOT
from tests.support.waiting import wait_until

READY = re.compile(r"cluster ready: (http://\S+)/graphql")


@dataclass
class RunningCluster:
    process: subprocess.Popen[bytes]
    state: Path
    output: Path

    def description(self) -> dict[str, Any]:
        described: dict[str, Any] = json.loads((self.state / "cluster.json").read_text())
        return described

    @property
    def base(self) -> str:
        return str(self.description()["url"]).removesuffix("/graphql")

    @property
    def ws_url(self) -> str:
        return self.base.replace("http://", "ws://") + "/graphql"

    def logs(self) -> str:
        parts = [self.output.read_text(errors="replace")[-3000:]]
        for log in sorted((self.state / "logs").glob("*.log")):
            parts.append(f"--- {log.name}\n{log.read_text(errors='replace')[-2500:]}")
        return "\n".join(parts)

    async def metrics(self) -> str:
        async with httpx.AsyncClient(base_url=self.base, timeout=10) as client:
            return (await client.get("/metrics")).text

    async def restarted(self, index: int, old_pid: int) -> dict[str, Any]:
        """API process `index` once the cluster has started it again (a new pid) and it is ready."""
        found: list[dict[str, Any]] = []

        async def ready() -> bool:
            api = self.description()["api"][index]
            if api["pid"] in (None, old_pid):
                return False
            try:
                async with httpx.AsyncClient(timeout=2) as client:
                    answer = await client.get(f"http://127.0.0.1:{api['port']}/health/ready")
            except httpx.TransportError:
                return False
            found.append(api)
            return answer.status_code == 200

        await wait_until(ready, lambda: f"API {index + 1} restarted; {self.logs()}", timeout=90, every=0.2)
        return found[-1]


def samples(metrics: str, name: str, **labels: str) -> list[tuple[dict[str, str], float]]:
    """The samples of metric `name` whose labels include `labels`: [(labels, value)]."""
    found = []
    for line in metrics.splitlines():
        match = re.fullmatch(rf"{re.escape(name)}(?:\{{(.*)\}})? (\S+)", line)
        if match is None:
            continue
        have = dict(re.findall(r'(\w+)="([^"]*)"', match.group(1) or ""))
        if all(have.get(key) == value for key, value in labels.items()):
            found.append((have, float(match.group(2))))
    return found


@asynccontextmanager
async def cluster(state: Path, api: int = 3, **settings: str) -> AsyncIterator[RunningCluster]:
    """`scripts/cluster --api N` once it says it is ready; stopped (SIGTERM) after the block."""
    state.mkdir(parents=True, exist_ok=True)
    output = state / "cluster.out"
    env = {**os.environ, **{key.upper(): value for key, value in settings.items()}}
    with output.open("wb") as out:
        process = subprocess.Popen(
            [str(ROOT / "scripts" / "cluster"), "--api", str(api), "--port", "0", "--state-dir", str(state)],
            cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    running = RunningCluster(process, state, output)
    try:

        def ready() -> bool:
            if process.poll() is not None:
                raise AssertionError(f"scripts/cluster exited {process.returncode}; {running.logs()}")
            return READY.search(output.read_text(errors="replace")) is not None

        await wait_until(ready, lambda: f"the cluster ready; {running.logs()}", timeout=180, every=0.2)
        yield running
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                await asyncio.to_thread(process.wait, 90)
            except subprocess.TimeoutExpired:
                process.kill()
                await asyncio.to_thread(process.wait, 10)
