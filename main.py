"""ShulGraph's command line and ASGI application.

python main.py serve           migrate (not in production without MIGRATIONS_DATABASE_URL), seed a demo
                               synagogue on first embedded run, serve HTTP + websockets
python main.py worker          run background jobs (outbox: webhooks, e-mail, screen refreshes)
python main.py migrate         apply migrations (as MIGRATIONS_DATABASE_URL), secure PostgreSQL
python main.py makemigrations  write the next migration for SQLite and PostgreSQL from the models
python main.py seed-demo       create the demo synagogue and print its login
python main.py create-admin --email E [--password P]   create or promote a platform admin
python main.py export-schema   write schema.graphql
python main.py tenant list | place SLUG --database NAME | move SLUG --to NAME|shared   tenant placement
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import getpass
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.routing import Route, WebSocketRoute
from tortoise import Tortoise
from tortoise.contrib.starlette import RegisterTortoise

from config import ROOT, Settings, get_settings
from models.database import tortoise_config
from models.placement import running as placement
from schema.assembly import build_schema, export_sdl
from schema.pages import page_routes
from schema.view import GraphQLView
from services.content import events as content_events
from services.devices.screen_hub import close_hub
from services.devices.upkeep import start_upkeep
from services.identity.callers import keep_callers
from services.identity.users import create_platform_admin
from services.infra.app import App, http_middleware, request_context
from services.infra.cancellation import cancel_and_wait
from services.infra.health import live, metrics, ready, record_tenant_databases
from services.infra.http import RequestContextMiddleware
from services.infra.kv import make_key_value
from services.infra.lifecycle import serve, work_until_signalled
from services.infra.logs import configure_logging
from services.infra.metrics import forget_dead_processes, prepare_directory
from services.infra.migrations import DIALECTS, make_migrations, migrate
from services.infra.storage.routes import MEDIA_PATH, media
from services.infra.ws_server import WebSocketProtocol
from services.outbox.inbound import messaging_inbound
from services.outbox.worker import run_worker
from services.platform.moves import move_tenant
from services.platform.owners import PlacementError
from services.platform.placements import list_placements, move_lines, place_tenant, placement_lines
from services.synagogue.demo import seed_demo
from subscriptions.backend import make_broadcast
from subscriptions.sessions import close_all_sockets, run_control_listener

WORKER_STARTUP_SECONDS = 60
"""How long a worker process of `WORKERS` > 1 may take to start before uvicorn's supervisor restarts it."""


def create_app(settings: Settings | None = None) -> Any:
    """The Starlette application: routes, middleware, and the lifespan of shared resources."""

    settings = settings or get_settings()
    configure_logging(settings.log_level, settings.log_json)
    content_events.register()  # content saved or deleted -> CONTENT_* webhooks
    view = GraphQLView(build_schema(), settings)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.draining = False
        app.state.settings = settings
        app.state.kv = make_key_value(settings.redis_url)
        forget_dead_processes()  # a restarted process's predecessor leaves the shared metrics
        app.state.broadcast = make_broadcast(settings.redis_url)
        async with RegisterTortoise(app, config=tortoise_config(settings=settings), _enable_global_fallback=True):
            await placement.start(settings, record_tenant_databases)  # the placements, the placed databases' pools
            await app.state.broadcast.connect()
            app.state.callers = await keep_callers(settings)
            listener = asyncio.create_task(run_control_listener(app.state.broadcast))
            app.state.device_upkeep = start_upkeep(app.state)  # presence sweep; ends when draining
            jobs_stop = asyncio.Event()
            jobs_worker = (  # the embedded mode runs background jobs in-process; production runs `main.py worker`
                asyncio.create_task(run_worker(settings, jobs_stop, broadcast=app.state.broadcast))
                if settings.is_sqlite
                else None
            )
            gc.collect()
            gc.freeze()  # what startup made lives as long as the process: later collections skip it
            try:
                yield
            finally:
                app.state.draining = True
                jobs_stop.set()
                if jobs_worker is not None:
                    with contextlib.suppress(Exception):
                        await asyncio.wait_for(jobs_worker, timeout=10)
                await cancel_and_wait(listener)
                await cancel_and_wait(app.state.device_upkeep)  # a sweep in hand stops before connections close
                await close_hub(app.state.broadcast)  # the screen feeds kept for HTTP requests leave their channels
                with contextlib.suppress(Exception):
                    await app.state.broadcast.disconnect()
                if app.state.callers is not None:
                    await app.state.callers.close()
                await app.state.kv.close()
                await placement.stop()
        with contextlib.suppress(Exception):
            await Tortoise.close_connections()

    return App(
        sockets=RequestContextMiddleware(view, **request_context(settings)),  # the GraphQL websocket's short chain
        socket_paths=("/graphql",),
        routes=[
            Route("/graphql", view),  # every method: the view answers 405 (Allow: GET, POST) itself
            WebSocketRoute("/graphql", view),
            Route("/health/live", live),
            Route("/health/ready", ready),
            Route("/metrics", metrics),
            Route("/messaging/inbound/{synagogue}/{token}", messaging_inbound, methods=["POST"]),
            *page_routes(),  # /screen (the reference TV screen) and /vendor (its and GraphiQL's browser files)
            Route(MEDIA_PATH + "{key:path}", media, methods=["GET", "HEAD", "PUT"]),
        ],
        middleware=http_middleware(settings),
        lifespan=lifespan,
    )


async def _with_db(settings: Settings, work: Any) -> Any:

    await Tortoise.init(config=tortoise_config(settings=settings), _enable_global_fallback=True)
    try:
        await placement.start(settings, record_tenant_databases)
        return await work()
    finally:
        await placement.stop()
        await Tortoise.close_connections()


def cmd_migrate(settings: Settings) -> None:

    applied = asyncio.run(migrate(settings))
    print(f"migrations applied: {len(applied)}" + (f" ({', '.join(applied)})" if applied else ""))


def cmd_makemigrations(settings: Settings, name: str, postgres_url: str | None, dialect: str | None) -> None:

    url = postgres_url or os.environ.get("TEST_POSTGRES_URL") or "postgres://postgres@127.0.0.1:5432/postgres"
    if dialect is None:  # one process per dialect: Tortoise keeps the first configuration it is given
        for each in DIALECTS:
            command = [sys.executable, __file__, "makemigrations", "--name", name, "--dialect", each]
            subprocess.run([*command, "--postgres-url", url], check=True)  # noqa: S603
        return
    for line in asyncio.run(make_migrations(settings, name, dialect, url)) or [f"{dialect}: no changes"]:
        print(line)


def cmd_seed_demo(settings: Settings) -> None:

    login = asyncio.run(_with_db(settings, seed_demo))
    if login:
        print(f"demo synagogue ready: log in as {login[0]} / {login[1]}")
    else:
        print("demo synagogue already exists")


def cmd_create_admin(settings: Settings, email: str, password: str | None) -> None:

    password = password or os.environ.get("ADMIN_PASSWORD") or getpass.getpass("password: ")
    try:
        created = asyncio.run(_with_db(settings, lambda: create_platform_admin(settings, email, password)))
    except ValueError as error:
        print(f"create-admin: {error}; nothing was written", file=sys.stderr)
        raise SystemExit(2) from None
    print(("created" if created else "promoted") + f" platform admin {email}")


def cmd_serve(settings: Settings) -> None:
    # In production the API holds only the app role; migrations are a release step (`main.py migrate`).
    if settings.is_sqlite or settings.migrations_database_url or settings.environment != "production":
        cmd_migrate(settings)
    if settings.is_sqlite:
        cmd_seed_demo(settings)
    prepare_directory(settings.workers)  # WORKERS > 1: the workers report together on /metrics
    sys.stdout.flush()  # the demo login must show before uvicorn takes over (stdout may be a pipe)
    config = uvicorn.Config(
        "main:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        proxy_headers=bool(settings.trusted_proxies),
        forwarded_allow_ips=",".join(settings.trusted_proxies) or None,
        ws=WebSocketProtocol,  # uvicorn's websockets-sansio, lighter per socket (services/infra/ws_server.py)
        ws_max_size=settings.max_body_bytes,  # a websocket message is bounded like an HTTP body (G3)
        log_config=None,
        timeout_graceful_shutdown=settings.shutdown_grace_seconds,
        # uvicorn's supervisor kills a worker that has not answered its health check within this; its default (5 s)
        # restarts, again and again, workers still importing the app on a busy machine
        timeout_worker_healthcheck=WORKER_STARTUP_SECONDS,
    )
    # SIGTERM: readiness fails, drain, stop accepting, finish requests, exit 0
    serve(config, settings, close_all_sockets)


def cmd_worker(settings: Settings) -> None:
    configure_logging(settings.log_level, settings.log_json)
    content_events.register()  # a job that saves or deletes content tells webhooks as the API does
    # SIGTERM: finish the job in hand
    asyncio.run(_with_db(settings, lambda: work_until_signalled(settings, run_worker)))
    print("worker stopped")


def cmd_tenant(settings: Settings, args: argparse.Namespace) -> None:
    """`tenant list`, `tenant place`, `tenant move` (services/platform/): as the databases' owner roles."""

    async def run() -> Any:
        if args.action == "list":
            return await list_placements(settings)
        if args.action == "place":
            return await place_tenant(settings, args.slug, args.database)
        return await move_tenant(settings, args.slug, args.to)

    try:
        result = asyncio.run(_with_db(settings, run))
    except PlacementError as error:
        print(f"tenant {args.action}: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    print("\n".join(placement_lines(result) if args.action == "list" else move_lines(result)))


def cmd_export_schema() -> None:

    (ROOT / "schema.graphql").write_text(export_sdl())
    print("schema.graphql written")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="shulgraph", description=__doc__.split("\n\n")[0] if __doc__ else "")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("serve", help="migrate, seed the demo on first run (embedded), and serve")
    sub.add_parser("worker", help="run background jobs until SIGTERM")
    sub.add_parser("migrate", help="apply migrations and secure PostgreSQL")
    make = sub.add_parser("makemigrations", help="write the next migration for both dialects")
    make.add_argument("--name", default="update")
    make.add_argument("--postgres-url", default=None)
    make.add_argument("--dialect", choices=["sqlite", "postgres"], default=None, help="only this dialect")
    sub.add_parser("seed-demo", help="create the demo synagogue")
    admin = sub.add_parser("create-admin", help="create or promote a platform admin")
    admin.add_argument("--email", required=True)
    admin.add_argument("--password", default=None)
    sub.add_parser("export-schema", help="write schema.graphql")
    tenant = sub.add_parser("tenant", help="where synagogues' rows live: list, place, move").add_subparsers(
        dest="action", required=True
    )
    tenant.add_parser("list", help="every synagogue's placement, size and move in progress")
    place = tenant.add_parser("place", help="put a new or empty synagogue in a declared database")
    place.add_argument("slug")
    place.add_argument("--database", required=True)
    move = tenant.add_parser("move", help="move a synagogue (resumes or rolls back a killed move)")
    move.add_argument("slug")
    move.add_argument("--to", required=True, help="a declared database, or shared")
    args = parser.parse_args(argv)
    settings = get_settings()
    match args.command:
        case "serve":
            cmd_serve(settings)
        case "worker":
            cmd_worker(settings)
        case "migrate":
            cmd_migrate(settings)
        case "makemigrations":
            cmd_makemigrations(settings, args.name, args.postgres_url, args.dialect)
        case "seed-demo":
            cmd_seed_demo(settings)
        case "create-admin":
            cmd_create_admin(settings, args.email, args.password)
        case "export-schema":
            cmd_export_schema()
        case "tenant":
            cmd_tenant(settings, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
