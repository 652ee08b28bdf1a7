"""The reference TV screen (`/screen/`, the `screen/` folder) in a real browser: Debian's Chromium driven by
playwright-core (tests/support/chromium.py), against `main.py serve` as a real process, with the network closed
but for the server (the page needs no CDN).

One screen's life, in order: it pairs (the code shown large, polled at the server's interval) and an admin
claims it; it renders the synagogue's seeded content as the `Screen` query gives it, the next prayer marked,
legible at 1920×1080, 1280×720 and portrait 1080×1920 (screenshots kept in tests/artifacts/); a content change
appears; `RELOAD` reloads it (acknowledged first, so it happens once) and `SET_BRIGHTNESS` dims it; the server
going away leaves it showing the last state with an "offline" mark and its clock ticking, and once the server is
back it shows what changed meanwhile and follows new changes; a revoked token takes it back to pairing.

And what Chromium's websockets negotiate with the server: permessage-deflate without context takeover either way
(services/infra/ws_server.py), the screens' shared text compressed once and read by every socket.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from models.base import tenant_scope
from models.content import Message
from models.devices import DeviceCommand
from models.identity import Role
from services.content import demo as demo_content
from tests.support.actors import Actor, Factory
from tests.support.chromium import Chromium, chromium
from tests.support.content import make
from tests.support.devices import make_tv
from tests.support.documents import client_document
from tests.support.graphql import pk
from tests.support.live import free_port
from tests.support.processes import MainProcess, environment, launch
from tests.support.waiting import wait_until

SIZES = [(1920, 1080), (1280, 720), (1080, 1920)]
SERVER_SETTINGS = {"pairing_poll_interval_seconds": "1", "shutdown_drain_seconds": "0", "log_level": "WARNING"}


class ScreenServer:
    """`main.py serve` on one port, which the test stops and starts again (the screen keeps its address)."""

    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.port = free_port()
        self.process: MainProcess | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        self.process = launch("serve", self.logs, environment(self.port, **SERVER_SETTINGS), self.port)
        await self.process.until_ready()

    def stop(self) -> None:
        assert self.process is not None
        assert self.process.stop() == 0, self.process.describe()

    async def gql(self, name: str, variables: dict[str, Any], headers: dict[str, str]) -> Any:
        import httpx

        async with httpx.AsyncClient(base_url=self.base, timeout=30) as client:
            response = await client.post(
                "/graphql", json={"query": client_document(name), "variables": variables}, headers=headers
            )
        return response.json()


@pytest.fixture
async def server(database: str, tmp_path: Path) -> AsyncIterator[ScreenServer]:
    running = ScreenServer(tmp_path)
    await running.start()
    try:
        yield running
    finally:
        if running.process is not None:
            running.process.kill()


SCREEN_TEXT = "document.querySelector('#screen').textContent"


async def shown(browser: Chromium, text: str, timeout: float = 20) -> None:
    """Wait until the screen's content includes `text`."""
    await browser.wait_for(f"{SCREEN_TEXT}.includes({text!r})", timeout=timeout)


async def live(browser: Chromium, connections: int = 1) -> None:
    """Wait until the screen shows a state, connected (its `connections`-th connection at least)."""
    await browser.wait_for(
        "(s => s && s.view === 'screen' && s.online && s.state && s.connections >= "
        f"{connections})(window.shulgraphScreen)"
    )


async def pair(browser: Chromium, server: ScreenServer, admin: Actor) -> str:
    """The page shows a code; the admin claims it; the page goes live. The device's global id."""
    code = await browser.wait_for("window.shulgraphScreen?.pairing?.code")
    assert await browser.evaluate("document.querySelector('#pairing-code').textContent") == code
    where = await browser.evaluate("document.querySelector('#pairing').textContent")
    assert "admin app" in where and "Add a screen" in where, where
    claimed = await server.gql("ClaimDevice", {"input": {"pairingCode": code, "name": "Hall TV"}}, admin.headers())
    assert claimed["data"]["claimDevice"]["userErrors"] == [], claimed
    await live(browser)
    device_id: str = claimed["data"]["claimDevice"]["device"]["id"]
    return device_id


async def expected_screen(server: ScreenServer, token: str) -> dict[str, Any]:
    answer = await server.gql("Screen", {}, {"Authorization": f"Device {token}"})
    assert "errors" not in answer, answer
    screen: dict[str, Any] = answer["data"]["screen"]
    return screen


async def command(server: ScreenServer, admin: Actor, device_id: str, kind: str, payload: Any = None) -> int:
    sent = await server.gql(
        "SendDeviceCommand", {"input": {"deviceId": device_id, "kind": kind, "payload": payload}}, admin.headers()
    )
    assert sent["data"]["sendDeviceCommand"]["userErrors"] == [], sent
    return pk(sent["data"]["sendDeviceCommand"]["command"]["id"])


async def status(tenant_id: int, command_id: int) -> str:
    async with tenant_scope(tenant_id):
        return str((await DeviceCommand.get(id=command_id)).status.value)


async def acknowledged(tenant_id: int, command_id: int) -> bool:
    return await status(tenant_id, command_id) == "ACKNOWLEDGED"


async def create_message(server: ScreenServer, admin: Actor, title: str) -> None:
    created = await server.gql("CreateMessage", {"input": {"title": title, "body": "שבת שלום"}}, admin.headers())
    assert created["data"]["createMessage"]["userErrors"] == [], created


async def check_legible(browser: Chromium, width: int, height: int) -> None:
    """At this size the header and today's prayers fit on the screen, in letters big enough for a room."""
    await browser.viewport(width, height)
    measured = await browser.wait_for(
        """(() => {
          const box = (selector) => document.querySelector(selector).getBoundingClientRect();
          const size = (selector) => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize);
          const rows = [...document.querySelectorAll('#prayers .row')].map((row) => row.getBoundingClientRect());
          return {
            clock: size('#clock'), name: size('#synagogue-name'), row: size('#prayers .row'),
            inside: [box('.top'), box('#clock'), ...rows].every((b) => b.right <= innerWidth + 1
              && b.bottom <= innerHeight + 1 && b.left >= -1 && b.top >= -1),
          };
        })()"""
    )
    short_side = min(width, height)
    assert measured["inside"], (width, height, measured)
    # A row of the prayers at least 2.5 % of the short side (27 px at 1080, 18 px at 720), the clock 3 times that.
    assert measured["row"] >= 0.025 * short_side and measured["clock"] >= 0.075 * short_side, measured
    await browser.screenshot(f"screen-{width}x{height}.png")


async def test_the_screen_pairs_renders_follows_obeys_survives_the_server_going_away_and_unpairs(
    server: ScreenServer, factory: Factory
) -> None:
    tenant = await factory.tenant(name="Kehilat Beit Shalom")
    await demo_content.seed(tenant.id)
    admin = await factory.member(tenant=tenant, role=Role.ADMIN)
    async with chromium(allowed=[server.base]) as browser:
        await browser.open(f"{server.base}/screen/", 1920, 1080)
        device_id = await pair(browser, server, admin)
        token = await browser.evaluate("JSON.parse(localStorage.getItem('shulgraph.screen.token'))")

        # The seeded content, as the server's Screen gives it to this device.
        screen = await expected_screen(server, token)
        text = await browser.wait_for(f"window.shulgraphScreen.device && {SCREEN_TEXT}")
        expected = [screen["synagogueName"], screen["hebrewDate"]["display"]]
        expected += [f"{p['name']}{p['location'] or ''}{p['time'][11:16]}" for p in screen["prayers"]]
        expected += [f"{z['label']}{z['time'][11:16]}" for z in screen["zmanim"] if z["time"]]
        expected += [m["title"] for m in screen["messages"]] + [c["title"] for c in screen["classes"]]
        expected += [y["name"] for y in screen["yahrzeits"]] + [y["hebrewName"] for y in screen["yahrzeits"]]
        assert screen["prayers"] and screen["zmanim"] and screen["messages"], screen
        assert [item for item in expected if item not in text] == [], text
        now = datetime.now(UTC)
        upcoming = [p for p in screen["prayers"] if p["time"] and datetime.fromisoformat(p["time"]) > now]
        marked = await browser.evaluate("[...document.querySelectorAll('#prayers .next')].map(n => n.textContent)")
        assert len(marked) == (1 if upcoming else 0), marked
        clock = await browser.evaluate("document.querySelector('#clock').textContent")
        assert len(clock) == 8 and clock[2] == ":" and clock[5] == ":", clock
        for width, height in SIZES:
            await check_legible(browser, width, height)
        await browser.viewport(1920, 1080)

        # A change made in the admin app appears in the page.
        started = time.monotonic()
        await create_message(server, admin, "Kiddush sponsored by the Cohen family")
        await shown(browser, "Kiddush sponsored by the Cohen family")
        print(f"content change shown after {time.monotonic() - started:.2f}s")
        assert await browser.evaluate("document.querySelector('[dir=auto]:is(.message-body)') !== null")

        # RELOAD: acknowledged, then the page reloads, once.
        await browser.evaluate("window.beforeReload = true")
        reload_id = await command(server, admin, device_id, "RELOAD")
        await browser.wait_for("window.beforeReload === undefined && window.shulgraphScreen?.view === 'screen'")
        await live(browser)
        assert await status(tenant.id, reload_id) == "ACKNOWLEDGED"
        await browser.evaluate("window.afterReload = true")
        dim_id = await command(server, admin, device_id, "SET_BRIGHTNESS", {"level": 40})
        await browser.wait_for("document.querySelector('#dimmer').style.opacity === '0.6'")
        assert await browser.evaluate("window.afterReload") is True  # RELOAD was not delivered again
        await wait_until(lambda: acknowledged(tenant.id, dim_id), "SET_BRIGHTNESS acknowledged after it was applied")

        # The server goes away: the last state stays with an "offline" mark, the clock ticking.
        server.stop()
        await browser.wait_for("document.querySelector('#root').dataset.online === 'false'")
        assert await browser.evaluate("!document.querySelector('#status').hidden")
        assert "offline" in await browser.evaluate("document.querySelector('#status').textContent")
        first = await browser.evaluate("document.querySelector('#clock').textContent")
        await browser.wait_for(f"document.querySelector('#clock').textContent !== {first!r}")
        await shown(browser, "Kiddush sponsored by the Cohen family")
        await make(tenant.id, Message, title="Written while the server was away", priority=5)

        # It comes back: the page reconnects by itself, gets the full state, and follows changes again.
        await server.start()
        await live(browser, connections=2)
        await shown(browser, "Written while the server was away", timeout=40)
        assert await browser.evaluate("document.querySelector('#status').hidden")
        await create_message(server, admin, "Mincha moved to 1:45")
        await shown(browser, "Mincha moved to 1:45")

        # Revoked: back to pairing, with a new code, and nothing of the synagogue kept.
        revoked = await server.gql("RevokeDevice", {"id": device_id}, admin.headers())
        assert revoked["data"]["revokeDevice"]["userErrors"] == [], revoked
        await browser.wait_for("window.shulgraphScreen.view === 'pairing' && window.shulgraphScreen.pairing?.code")
        assert await browser.evaluate("localStorage.getItem('shulgraph.screen.token')") is None
        assert await browser.evaluate("localStorage.getItem('shulgraph.screen.state')") is None
        await browser.screenshot("screen-pairing-1920x1080.png")


NEGOTIATED = (
    "permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=12; "
    "client_max_window_bits=12"
)
SCREENS = """(async (tokens, query) => {
  window.screens = [];
  return Promise.all(tokens.map((token) => new Promise((resolve, reject) => {
    const socket = new WebSocket(location.origin.replace('http', 'ws') + '/graphql', 'graphql-transport-ws');
    const screen = { titles: [] };
    window.screens.push(screen);
    socket.onerror = () => reject(new Error('the socket failed'));
    const init = { type: 'connection_init', payload: { authorization: `Device ${token}` } };
    socket.onopen = () => socket.send(JSON.stringify(init));
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data);
      const subscribe = { id: 'screen', type: 'subscribe', payload: { query } };
      if (message.type === 'connection_ack') socket.send(JSON.stringify(subscribe));
      if (message.type !== 'next') return;
      screen.titles.push(...message.payload.data.screenUpdated.messages.map((m) => m.title));
      resolve(socket.extensions);
    };
  })));
})"""


async def test_chromium_negotiates_deflate_without_context_takeover_and_reads_the_shared_compressed_text(
    server: ScreenServer, factory: Factory
) -> None:
    tenant = await factory.tenant()
    admin = await factory.member(tenant=tenant, role=Role.ADMIN)
    tokens = [(await make_tv(tenant, name=f"TV {n}")).token for n in range(2)]
    async with chromium(allowed=[server.base]) as browser:
        await browser.open(f"{server.base}/health/live", 800, 600)
        query = json.dumps(client_document("ScreenUpdated"))
        extensions = await browser.evaluate(f"{SCREENS}({json.dumps(tokens)}, {query})")
        assert extensions == [NEGOTIATED, NEGOTIATED]
        await create_message(server, admin, "Compressed once, read twice")
        await browser.wait_for("window.screens.every((s) => s.titles.includes('Compressed once, read twice'))")
