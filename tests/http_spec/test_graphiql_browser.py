"""GraphiQL for power users, in a real browser: Debian's Chromium driven by playwright-core
(tests/http_spec/graphiql/graphiql.mjs) against a running server. The page opens on the persisted-document
catalogue; with the member's token and synagogue typed into its headers editor it lists the document ids,
fetches the schema, answers a tenant's query, and runs a subscription whose websocket `connection_init`
carries those headers; a wrong token is answered UNAUTHENTICATED."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from models.identity import Role
from schema.graphiql import DEFAULT_HEADERS, DEFAULT_QUERY
from services.partners.documents import catalogue
from subscriptions.events import tenant_event
from tests.support.actors import DEFAULT_PASSWORD, Actor, Factory
from tests.support.chromium import CHROMIUM, install_driver
from tests.support.documents import client_document
from tests.support.graphql import error_codes
from tests.support.live import Server, run_server

DRIVER_DIR = Path(__file__).parent / "graphiql"


class Driver:
    """The node driver as a subprocess: its steps are read one JSON line at a time."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.lines: asyncio.Queue[bytes] = asyncio.Queue()
        self.peeked: bytes | None = None
        self.stderr = bytearray()
        self.tasks = [asyncio.create_task(self._read_stdout()), asyncio.create_task(self._read_stderr())]

    async def _read_stdout(self) -> None:
        assert self.process.stdout is not None
        async for line in self.process.stdout:
            await self.lines.put(line)
        await self.lines.put(b"")

    async def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        self.stderr.extend(await self.process.stderr.read())

    async def diagnostics(self) -> str:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.gather(self.process.wait(), *self.tasks), 10)
        text = self.stderr.decode(errors="replace")
        if len(text) > 24000:  # the error first, then the browser log's end
            text = f"{text[:4000]}\n[...]\n{text[-20000:]}"
        return f"driver exit {self.process.returncode}; its stderr:\n{text}"

    async def step(self, name: str, timeout: float = 60) -> dict[str, Any]:
        """The next step's report, which must be `name`."""
        line, self.peeked = self.peeked, None
        try:
            if line is None:
                line = await asyncio.wait_for(self.lines.get(), timeout)
        except TimeoutError:
            self.process.kill()
            raise AssertionError(f"no step {name!r} in {timeout}s; {await self.diagnostics()}") from None
        if not line:
            raise AssertionError(f"the driver ended before step {name!r}; {await self.diagnostics()}")
        report: dict[str, Any] = json.loads(line)
        assert report["step"] == name, (report, name)
        return report

    async def reported(self, timeout: float) -> bool:
        """Whether the driver reports (or ends) within `timeout`; the report is left for step()."""
        if self.peeked is None:
            with contextlib.suppress(TimeoutError):
                self.peeked = await asyncio.wait_for(self.lines.get(), timeout)
        return self.peeked is not None


@pytest.fixture(scope="module")
async def node() -> str:
    """Node.js with playwright-core and the page's scripts installed (`npm ci` the first time); Chromium."""
    return await install_driver(DRIVER_DIR)


@pytest.fixture(scope="module")
async def server(database: str) -> AsyncIterator[Server]:
    async with run_server() as live:
        yield live


@contextlib.asynccontextmanager
async def driver(node: str, server: Server, member: Actor, token: str) -> AsyncIterator[Driver]:
    env = {
        **os.environ,
        "CHROMIUM": CHROMIUM,
        "AUTHORIZATION": f"Bearer {token}",
        "TENANT": str(member.tenant_gid),
        "WRONG_AUTHORIZATION": f"Bearer {wrong_token(token)}",
    }
    process = await asyncio.create_subprocess_exec(
        node, "graphiql.mjs", f"{server.http_url}/graphql", cwd=DRIVER_DIR, env=env,
        stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    running = Driver(process)
    try:
        yield running
        assert await asyncio.wait_for(process.wait(), 60) == 0, await running.diagnostics()
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
        for task in running.tasks:
            task.cancel()


def wrong_token(token: str) -> str:
    """The token with its signature's end changed."""
    return token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")


async def log_in(server: Server, member: Actor) -> str:
    login = await server.gql(
        client_document("Login"), {"input": {"email": member.user.email, "password": DEFAULT_PASSWORD}}
    )
    token: str = login["data"]["login"]["accessToken"]
    assert token, login
    return token


async def claim_a_tv(server: Server, member: Actor) -> str:
    """A TV starts pairing and the member claims it, over HTTP: DEVICE_CLAIMED on `tenantEvents`."""
    started = await server.gql(client_document("StartDevicePairing"), {"input": {"model": "GraphiQL TV"}})
    code = started["data"]["startDevicePairing"]["pairingCode"]
    claimed = await server.gql(
        client_document("ClaimDevice"), {"input": {"pairingCode": code, "name": "Hall TV"}}, member.headers()
    )
    assert claimed["data"]["claimDevice"]["userErrors"] == [], claimed
    device_id: str = claimed["data"]["claimDevice"]["device"]["id"]
    return device_id


async def test_graphiql_in_chromium_lists_documents_queries_the_tenant_and_subscribes_with_the_headers(
    app: Any, node: str, server: Server, factory: Factory
) -> None:
    started = time.monotonic()
    member = await factory.member(role=Role.ADMIN)
    token = await log_in(server, member)
    tenant_id = member.tenant.id
    async with driver(node, server, member, token) as browser:
        opened = await browser.step("opened")
        assert opened["query"] == DEFAULT_QUERY and json.loads(opened["headers"]) == json.loads(DEFAULT_HEADERS)

        listed = (await browser.step("persisted-documents"))["response"]
        assert "errors" not in listed, listed
        ids = {document["id"] for document in listed["data"]["persistedDocuments"]}
        assert ids == {document.id for document in catalogue().all()} and ids

        schema = await browser.step("schema")  # re-fetched with the member's headers: the docs explorer opens
        assert schema["headers"] == {"authorization": f"Bearer {token}", "tenant": member.tenant_gid}, schema
        assert "Query" in schema["docs"] and "Subscription" in schema["docs"], schema

        synagogue = (await browser.step("synagogue"))["response"]
        expected = {"id": member.tenant_gid, "name": member.tenant.name}
        assert synagogue.get("data") == {"synagogue": expected}, synagogue

        await browser.step("subscription-started")
        for _ in range(60):  # probes until the subscription is live on the server
            await tenant_event(app.state.broadcast, tenant_id, "ALERT", probe=True)
            if await browser.reported(0.5):
                break
        inits = (await browser.step("subscription-live"))["connectionInits"]
        assert len(inits) == 1, inits  # one socket, opened for the member's headers
        init = inits[0]
        # GraphiQL adds the headers editor's headers as they are; the server reads these two.
        assert (init["authorization"], init["tenantId"]) == (f"Bearer {token}", member.tenant_gid), init

        device_id = await claim_a_tv(server, member)
        event = (await browser.step("subscription-event"))["response"]["data"]["tenantEvents"]
        assert (event["kind"], event["deviceId"]) == ("DEVICE_CLAIMED", device_id), event

        stopped = await browser.step("subscription-stopped")
        assert stopped["closeCodes"] == [1000], stopped  # stopping it closes the socket normally

        refused = (await browser.step("wrong-token"))["response"]
        assert error_codes(refused) == ["UNAUTHENTICATED"] and not refused.get("data"), refused
        wrong = await browser.step("wrong-token-subscription")
        # Refused at connection_init: closed 4403, never acknowledged, and shown when it happened, after one
        # socket (GraphiQL's own client would have opened five more first).
        assert wrong["acks"] == 0, wrong
        assert [init["authorization"] for init in wrong["connectionInits"]] == [f"Bearer {wrong_token(token)}"], wrong
        assert wrong["closeCodes"] == [4403], wrong
        assert "Socket closed with event 4403" in wrong["response"], wrong
    print(f"GraphiQL in Chromium: {time.monotonic() - started:.1f}s")
