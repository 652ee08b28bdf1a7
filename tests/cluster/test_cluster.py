"""ShulGraph as a cluster: `scripts/cluster --api 3` (nginx in front of three API processes, a worker, the
suite's PostgreSQL and Redis), everything sent through nginx as clients would:

- a TV subscribed on one API process gets a change made through another (Redis pub/sub between processes);
- SIGKILL of the API process a TV is connected to costs the TV a reconnect: through nginx it reaches another
  process and gets the full, current state again; the cluster starts the killed process again;
- a rolling restart (SIGTERM of each API process in turn, each started again by the cluster) under steady load
  answers every request that nginx accepted, none with a 5xx;
- `/metrics` (any process, through nginx) counts every process's operations and the worker's jobs, and lists
  the open websockets of each live process.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections import Counter
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from models.identity import Role
from tests.support.actors import Actor, Factory, unique
from tests.support.cluster import RunningCluster, cluster, samples
from tests.support.devices import make_tv
from tests.support.documents import client_document
from tests.support.screens import SCREEN_UPDATED, screen_until
from tests.support.waiting import wait_until
from tests.support.websocket import WSClient


@pytest.fixture(scope="module")
async def running(database: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningCluster]:
    state = tmp_path_factory.mktemp("cluster")
    async with cluster(state, api=3, shutdown_drain_seconds="1", log_level="INFO") as started:
        yield started


async def send(client: httpx.AsyncClient, name: str, variables: dict[str, Any], actor: Actor) -> httpx.Response:
    return await client.post(
        "/graphql", json={"query": client_document(name), "variables": variables}, headers=actor.headers()
    )


async def tv_socket(running: RunningCluster, token_payload: dict[str, str]) -> tuple[WSClient, dict[str, Any]]:
    socket = await WSClient.open(running.ws_url)
    assert (await socket.init(token_payload))["type"] == "connection_ack"
    await socket.subscribe("screen", SCREEN_UPDATED)
    return socket, (await socket.next_data("screen"))["screenUpdated"]


async def holder_of_the_socket(running: RunningCluster) -> int:
    """The pid of the one API process with an open websocket (`shulgraph_websockets_open`, per process)."""
    holders: list[int] = []

    async def one_holder() -> bool:
        holders[:] = [
            int(labels["pid"])
            for labels, value in samples(await running.metrics(), "shulgraph_websockets_open")
            if value >= 1
        ]
        return len(holders) == 1

    await wait_until(one_holder, lambda: f"one process holding a socket: {holders}", timeout=30)
    return holders[0]


async def test_a_tv_on_one_api_process_gets_a_change_made_through_another_and_survives_its_process_killed(
    running: RunningCluster, factory: Factory
) -> None:
    tenant = await factory.tenant()
    editor = await factory.member(tenant=tenant, role=Role.EDITOR)
    tv = await make_tv(tenant)
    socket, _ = await tv_socket(running, tv.init_payload)
    holder = await holder_of_the_socket(running)
    ports = {api["pid"]: api["port"] for api in running.description()["api"]}
    assert holder in ports, (holder, ports)

    # Through nginx until another process answers the mutation.
    async with httpx.AsyncClient(base_url=running.base, timeout=30) as client:
        for attempt in range(30):
            title = f"Through another process {attempt}"
            created = await send(client, "CreateMessage", {"input": {"title": title}}, editor)
            assert created.json()["data"]["createMessage"]["userErrors"] == [], created.text
            if created.headers["x-upstream"] != f"127.0.0.1:{ports[holder]}":
                break
        else:
            raise AssertionError("nginx sent every mutation to the TV's own process")
    state = await screen_until(socket, lambda s: title in [m["title"] for m in s["messages"]])
    assert title in [m["title"] for m in state["messages"]]

    # SIGKILL of the TV's process: the socket ends; the TV reconnects through nginx and gets the full state.
    index = [api["pid"] for api in running.description()["api"]].index(holder)
    os.kill(holder, signal.SIGKILL)
    assert await socket.close_code(timeout=30) is None  # closed without a close frame: its process died
    again, full = await tv_socket(running, tv.init_payload)
    assert full["version"] == state["version"] and title in [m["title"] for m in full["messages"]]
    await running.restarted(index, holder)
    assert running.description()["api"][index]["restarts"] == 1
    assert holder not in [
        int(labels["pid"]) for labels, _ in samples(await running.metrics(), "shulgraph_websockets_open")
    ]
    await again.close()


async def test_a_rolling_restart_under_steady_load_answers_every_request_without_a_5xx(
    running: RunningCluster, factory: Factory
) -> None:
    member = await factory.member(role=Role.VIEWER)
    statuses: Counter[int] = Counter()
    upstreams: Counter[str] = Counter()
    stop = asyncio.Event()

    async def load() -> None:
        async with httpx.AsyncClient(base_url=running.base, timeout=60) as client:
            while not stop.is_set():
                answer = await send(client, "Me", {}, member)
                statuses[answer.status_code] += 1
                upstreams[answer.headers.get("x-upstream", "")] += 1
                if answer.status_code == 200:
                    assert "errors" not in answer.json(), answer.text

    clients = [asyncio.create_task(load()) for _ in range(4)]
    try:
        await wait_until(lambda: sum(statuses.values()) >= 20, "load under way", timeout=60)
        for index, api in enumerate(running.description()["api"]):
            before = sum(statuses.values())
            os.kill(api["pid"], signal.SIGTERM)
            await running.restarted(index, api["pid"])

            def grew(before: int = before) -> bool:
                return sum(statuses.values()) > before + 10

            await wait_until(grew, "load after the restart")
    finally:
        stop.set()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.gather(*clients)
    assert set(statuses) == {200}, (statuses, running.logs())
    assert all(api["restarts"] >= 1 for api in running.description()["api"])
    print(f"rolling restart: {sum(statuses.values())} requests answered, by process {dict(upstreams)}")


async def test_metrics_through_nginx_count_every_process_and_the_worker(
    running: RunningCluster, factory: Factory
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    name = unique("Member")
    async with httpx.AsyncClient(base_url=running.base, timeout=30) as client:
        before = sum(
            value
            for _, value in samples(
                await running.metrics(), "shulgraph_graphql_operations_total", operation="Synagogue"
            )
        )
        served_by = {(await send(client, "Synagogue", {}, editor)).headers["x-upstream"] for _ in range(9)}
        assert len(served_by) > 1, served_by  # several processes answered
        after = sum(
            value
            for _, value in samples(
                await running.metrics(), "shulgraph_graphql_operations_total", operation="Synagogue"
            )
        )
        assert after - before == 9
        refused = await client.post("/graphql", json={"query": client_document("Members")})
        assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        assert samples(await running.metrics(), "shulgraph_graphql_errors_total", code="UNAUTHENTICATED")

        # The worker's jobs: a notified aliyah is an e-mail job (written to the log without SMTP_URL).
        variables = {"input": {"date": date.today().isoformat(), "aliyah": "LEVI", "personName": name,
                               "notify": True, "notifyEmail": "levi@example.org"}}  # fmt: skip
        assigned = await send(client, "AssignAliyah", variables, editor)
        assert assigned.json()["data"]["assignAliyah"]["userErrors"] == [], assigned.text

        async def job_done() -> bool:
            return bool(samples(await running.metrics(), "shulgraph_jobs_total", state="done"))

        await wait_until(job_done, lambda: f"a job counted done; {running.logs()}", timeout=60)
    assert Path(running.description()["metricsDir"]).is_dir()
