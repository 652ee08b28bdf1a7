"""A real browser for tests: Debian's Chromium driven by playwright-core (tests/support/chromium/driver.mjs), one
command at a time from the test, so that a test of a page reads as what a person does and sees: open the page,
wait until it shows something, look at it, take a picture. The network is closed except for the origins the
test allows (the pages must not need a CDN).

    async with chromium(allowed=[server.http_url]) as browser:
        await browser.open(f"{server.http_url}/screen/", 1920, 1080)
        code = await browser.wait_for("document.querySelector('#pairing-code')?.textContent")

Screenshots go to ARTIFACTS (tests/artifacts/, ignored by git), kept after the run.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

DRIVER_DIR = Path(__file__).parent / "chromium"
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


class PageError(AssertionError):
    """A browser command failed (a wait that timed out, an expression that threw)."""


class Chromium:
    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.ids = itertools.count(1)
        self.lines: list[str] = []
        self.waiting: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        """Hands each answer to the command waiting for it (commands may overlap: `log` during a `waitFor`)."""
        assert self.process.stdout is not None
        async for line in self.process.stdout:
            answer: dict[str, Any] = json.loads(line)
            future = self.waiting.pop(answer["id"], None)
            if future is not None and not future.done():
                future.set_result(answer)
        for future in self.waiting.values():
            if not future.done():
                future.set_exception(PageError(f"the browser driver ended: {await self._stderr()}"))

    async def command(self, name: str, timeout: float = 60, **arguments: Any) -> Any:
        assert self.process.stdin is not None
        request_id = next(self.ids)
        future = self.waiting[request_id] = asyncio.get_running_loop().create_future()
        self.process.stdin.write((json.dumps({"id": request_id, "do": name, **arguments}) + "\n").encode())
        await self.process.stdin.drain()
        try:
            answer = await asyncio.wait_for(future, timeout)
        except TimeoutError:
            raise PageError(f"{name} did not answer in {timeout}s{await self.page_log()}") from None
        if not answer["ok"]:
            raise PageError(f"{name} {arguments}: {answer['error']}{await self.page_log()}")
        return answer["value"]

    async def _stderr(self) -> str:
        assert self.process.stderr is not None
        with contextlib.suppress(TimeoutError):
            return (await asyncio.wait_for(self.process.stderr.read(), 5)).decode(errors="replace")[-4000:]
        return ""

    async def page_log(self) -> str:
        """What the page said since the last look (console, errors, refused requests), for a failure."""
        if self.process.returncode is not None:
            return ""
        with contextlib.suppress(PageError, TimeoutError):
            self.lines.extend(await asyncio.wait_for(self._log(), 10))
        return "\n--- the page said:\n" + "\n".join(self.lines[-80:])

    async def log(self) -> list[str]:
        """What the page said since the last call (console, errors, refused requests)."""
        return await self._log()

    async def _log(self) -> list[str]:
        lines: list[str] = await self.command("log", timeout=10)
        return lines

    async def open(self, url: str, width: int, height: int) -> str:
        """A fresh browser context (empty local storage) at `url`, its viewport `width`×`height`."""
        opened: str = await self.command("open", url=url, width=width, height=height)
        return opened

    async def viewport(self, width: int, height: int) -> None:
        await self.command("viewport", width=width, height=height)

    async def evaluate(self, expression: str) -> Any:
        return await self.command("evaluate", expression=expression)

    async def wait_for(self, expression: str, timeout: float = 20) -> Any:
        """The value of `expression` in the page once it is truthy (a guard of `timeout` s against hanging)."""
        return await self.command("waitFor", timeout=timeout + 10, expression=expression)

    async def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        await self.command("screenshot", path=str(path))
        return path


async def install_driver(folder: Path = DRIVER_DIR) -> str:
    """Node.js, Chromium, and the pinned playwright-core of `folder` (`npm ci` there the first time; scripts/test
    does it too); the path of node."""
    assert os.access(CHROMIUM, os.X_OK), f"{CHROMIUM} is missing: apt-get install chromium (scripts/test does)"
    node, npm = shutil.which("node"), shutil.which("npm")
    assert node and npm, "Node.js and npm are needed: apt-get install nodejs npm (scripts/test does)"
    if not (folder / "node_modules" / "playwright-core").is_dir():
        process = await asyncio.create_subprocess_exec(npm, "ci", "--no-audit", "--no-fund", cwd=folder)
        assert await asyncio.wait_for(process.wait(), 300) == 0, f"npm ci failed in {folder}"
    return node


@contextlib.asynccontextmanager
async def chromium(allowed: list[str]) -> AsyncIterator[Chromium]:
    """Chromium with the network closed except for the `allowed` origins (`http://127.0.0.1:PORT`)."""
    node = await install_driver()
    env = {**os.environ, "CHROMIUM": CHROMIUM, "ALLOWED_ORIGINS": ",".join(allowed)}
    process = await asyncio.create_subprocess_exec(
        node, "driver.mjs", cwd=DRIVER_DIR, env=env,
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    running: Chromium | None = None
    try:
        running = Chromium(process)
        yield running
    finally:
        if process.stdin is not None:
            process.stdin.close()
        driver = running.reader if running is not None else None
        try:
            await asyncio.wait_for(process.wait(), 20)
        except TimeoutError:
            process.kill()
            await process.wait()
        if driver is not None:
            driver.cancel()
