"""P2 with Apollo's own client: `@apollo/client`'s PersistedQueryLink and HttpLink (pinned in
tests/http_spec/apollo/package.json, run on Node.js) against a running server. The client sends the hash
alone, gets PersistedQueryNotFound, sends hash and document, and from then on the hash alone; with
`useGETForHashedQueries` the hashed requests are GETs a CDN can cache."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from models.identity import Role
from tests.support.actors import Factory, unique
from tests.support.live import Server, run_server

APOLLO_DIR = Path(__file__).parent / "apollo"


async def _run(*command: str, env: dict[str, str] | None = None) -> str:
    process = await asyncio.create_subprocess_exec(
        *command, cwd=APOLLO_DIR, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), 300)
    assert process.returncode == 0, (command, stderr.decode()[-2000:])
    return stdout.decode()


@pytest.fixture(scope="module")
async def apollo_client() -> str:
    """Node.js with the pinned Apollo Client installed (`npm ci` the first time)."""
    node, npm = shutil.which("node"), shutil.which("npm")
    assert node and npm, "Node.js and npm are needed: apt-get install nodejs npm"
    if not (APOLLO_DIR / "node_modules" / "@apollo" / "client").is_dir():
        await _run(npm, "ci", "--no-audit", "--no-fund")
    return node


@pytest.fixture(scope="module")
async def server(database: str) -> AsyncIterator[Server]:
    async with run_server() as live:
        yield live


@pytest.mark.parametrize("mode", ["post", "get"])
async def test_P2_apollo_clients_persisted_query_link_registers_once_then_sends_the_hash(
    apollo_client: str, server: Server, factory: Factory, mode: str
) -> None:
    member = await factory.member(role=Role.VIEWER)
    headers = member.headers()
    query = f"query ApolloProbe {{ synagogue {{ id name }} probe_{unique('apollo').replace('-', '_')}: __typename }}"
    env = {
        **os.environ,
        "AUTHORIZATION": headers["Authorization"],
        "TENANT": headers["X-Tenant-ID"],
        "QUERY": query,
    }
    output: dict[str, Any] = json.loads(
        await _run(apollo_client, "apq.mjs", f"{server.http_url}/graphql", mode, env=env)
    )
    assert [result["synagogue"]["name"] for result in output["results"]] == [member.tenant.name] * 2
    hashed = "GET" if mode == "get" else "POST"
    sent = [(r["method"], r["sentHash"], r["sentQuery"]) for r in output["requests"]]
    assert sent == [(hashed, True, False), ("POST", True, True), (hashed, True, False)], output["requests"]
    assert [r["status"] for r in output["requests"]][1:] == [200, 200]
