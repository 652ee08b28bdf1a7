"""Pages that work without a CDN: the browser files the API serves itself (vendor/, at /vendor/), with their
licences, matching the integrity hashes the pages pin; GraphiQL with `GRAPHIQL_ASSETS=local` loading in Chromium
on a network that reaches nothing but the API (and, with the CDN's addresses, never loading there); and the TV
screen's page and its operations (schema/pages.py)."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from config import ROOT, Settings
from services.partners.documents import sha256_hex
from tests.support.chromium import chromium
from tests.support.documents import operations
from tests.support.live import run_server

PINNED = re.compile(r'(?:src|href)="([^"]+)"\s+integrity="([^"]+)"')


def sri(body: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(body).digest()).decode()


async def assets_hold_their_integrity(http: httpx.AsyncClient, page: str) -> list[str]:
    """Every pinned script and style of `page`: served by the API, its bytes matching its integrity hash."""
    pinned = PINNED.findall(page)
    assert pinned, page[:500]
    for url, integrity in pinned:
        assert url.startswith("/vendor/"), url
        served = await http.get(url)
        assert served.status_code == 200, url
        assert sri(served.content) == integrity, url
    return [url for url, _ in pinned]


async def test_graphiql_with_local_assets_names_only_files_the_api_serves_with_their_pinned_hashes(
    http: httpx.AsyncClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "graphiql_assets", "local")
    page = (await http.get("/graphql", headers={"Accept": "text/html"})).text
    assert "unpkg.com" not in page
    urls = await assets_hold_their_integrity(http, page)
    assert any("graphiql@3.8.3/graphiql.min.js" in url for url in urls), urls
    assert any("graphql-ws@5.16.2" in url for url in urls), urls
    monkeypatch.setattr(settings, "graphiql_assets", "cdn")
    from_cdn = (await http.get("/graphql", headers={"Accept": "text/html"})).text
    assert "https://unpkg.com/graphiql@3.8.3/graphiql.min.js" in from_cdn


def packages() -> list[Path]:
    """vendor/<package>@<version>/ and vendor/@<scope>/<package>@<version>/."""
    return [path for path in (ROOT / "vendor").glob("**/?*@*") if path.is_dir() and not path.name.startswith("@")]


def test_every_vendored_package_carries_its_licence() -> None:
    folders = packages()
    assert len(folders) == 6, folders
    assert [folder for folder in folders if not list(folder.glob("LICENSE*"))] == []


async def test_the_screen_page_loads_vendored_graphql_ws_and_lists_the_tv_operations_unchanged(
    http: httpx.AsyncClient,
) -> None:
    moved = await http.get("/screen")
    assert moved.status_code == 308 and moved.headers["location"] == "/screen/"
    page = await http.get("/screen/")
    assert page.status_code == 200 and page.headers["cache-control"] == "no-cache"
    assert await assets_hold_their_integrity(http, page.text) == ["/vendor/graphql-ws@5.16.2/umd/graphql-ws.min.js"]
    for module in ("app.js", "api.js", "commands.js", "render.js", "labels.js", "screen.css"):
        assert (await http.get(f"/screen/{module}")).status_code == 200, module
    documents: dict[str, Any] = (await http.get("/screen/documents.json")).json()
    tv = {name for name, (file_name, _, _) in operations().items() if file_name == "tv.graphql"}
    assert tv <= set(documents) and "CurrentDevice" in documents, sorted(documents)
    assert all(document["id"] == sha256_hex(document["query"]) for document in documents.values())
    assert not any(name in documents for name in ("Login", "ClaimDevice", "Members"))  # the TV's own only


@pytest.mark.parametrize("assets", ["local", "cdn"])
async def test_graphiql_opens_in_chromium_without_a_cdn_only_with_local_assets(database: str, assets: str) -> None:
    async with run_server(graphiql_assets=assets) as server, chromium(allowed=[server.http_url]) as browser:
        await browser.open(f"{server.http_url}/graphql", 1280, 800)
        if assets == "local":
            editor = await browser.wait_for("document.querySelector('.graphiql-query-editor .CodeMirror') !== null")
            assert editor is True
            assert "PersistedDocuments" in await browser.evaluate("document.body.innerText")
        else:  # the CDN is unreachable here: the page never gets past its placeholder
            await browser.wait_for("document.readyState === 'complete'")
            assert await browser.evaluate("document.querySelector('.graphiql-query-editor')") is None
            assert "Loading" in await browser.evaluate("document.body.innerText")
        assert any("unpkg.com" in line for line in await browser.log()) == (assets == "cdn")


def test_vendor_readme_names_every_folder() -> None:
    readme = (ROOT / "vendor" / "README.md").read_text()
    for folder in packages():
        assert folder.name in readme, folder
