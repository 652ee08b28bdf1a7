"""Pages the API serves beside `/graphql`, as static files with no build step:

- `/screen/`: the reference TV screen (the `screen/` folder: HTML, CSS and JavaScript), which pairs, subscribes
  and renders a synagogue's screen with the TV client's operations, sent by their trusted-document ids;
- `/screen/documents.json`: those operations (`documents/clients/tv.graphql` and `documents/tv/`, unchanged) with
  their ids, so the page names each by id and never carries a copy of its own;
- `/vendor/`: the third-party browser files the pages load (`vendor/`, each package with its licence), so the
  screen and GraphiQL (`GRAPHIQL_ASSETS=local`) work on a network that cannot reach a CDN.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from config import ROOT
from services.partners.documents import catalogue

SCREEN_DIR = ROOT / "screen"
VENDOR_DIR = ROOT / "vendor"


def _is_screen_client(client: str) -> bool:
    """The shared TV client's documents (`tv`) and the product's TV documents (`tv/...`)."""
    return client == "tv" or client.startswith("tv/")


def screen_documents() -> dict[str, dict[str, str]]:
    """The TV operations by name: `{"ScreenUpdated": {"id": <sha256>, "query": <text>}, ...}`."""
    return {
        document.operation_name: {"id": document.id, "query": document.text}
        for document in catalogue().all()
        if _is_screen_client(document.client)
    }


async def documents(request: Request) -> Response:
    return JSONResponse(screen_documents(), headers={"Cache-Control": "no-cache"})


async def to_screen(request: Request) -> Response:
    return RedirectResponse("/screen/", status_code=308)


class RevalidatedFiles(StaticFiles):
    """Static files a browser revalidates before use (ETag / Last-Modified): an upgraded server's page is
    taken at the next load, a screen's `RELOAD` included."""

    def file_response(self, *args: object, **kwargs: object) -> Response:
        response = super().file_response(*args, **kwargs)  # type: ignore[arg-type]
        response.headers["Cache-Control"] = "no-cache"
        return response


def page_routes() -> list[BaseRoute]:
    return [
        Route("/screen", to_screen),
        Route("/screen/documents.json", documents),
        Mount("/screen", RevalidatedFiles(directory=SCREEN_DIR, html=True), name="screen"),
        Mount("/vendor", StaticFiles(directory=VENDOR_DIR), name="vendor"),
    ]
