"""scripts/cluster: ShulGraph as a cluster on one machine, as production runs it on several: nginx in front of N
API processes (`main.py serve`, one uvicorn worker each, production settings), one `main.py worker`, PostgreSQL
and Redis. See scripts/cluster for the command line; the README's "Production" section for the shape.

The processes share one Prometheus multiprocess directory (DIR/metrics), so `/metrics` through nginx counts the
whole cluster. An API process or the worker that exits (a crash, a SIGTERM/SIGKILL from an operator or a test)
is started again on the same port, as a process manager would, and DIR/cluster.json says its new pid.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PROXY_CONF = ROOT / "deploy" / "nginx" / "proxy.conf"
EXPORTS = ("TEST_POSTGRES_URL", "TEST_REDIS_URL", "TEST_PG_DATA", "TEST_SERVICES_DIR")
STOP_SECONDS = 40


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (our own loopback URL)
            return bool(response.status == 200)
    except OSError:
        return False


def wait(check: Any, what: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise SystemExit(f"cluster: {what} did not happen within {seconds:.0f}s")
        time.sleep(0.1)


class Cluster:
    def __init__(self, state: Path, api: int, host: str, port: int) -> None:
        self.state, self.host = state, host
        self.port = port or free_port()
        self.logs, self.metrics = state / "logs", state / "metrics"
        self.api_ports = [free_port() for _ in range(api)]
        self.api: list[subprocess.Popen[bytes] | None] = [None] * api
        self.restarts = [0] * api
        self.worker: subprocess.Popen[bytes] | None = None
        self.worker_restarts = 0
        self.nginx: subprocess.Popen[bytes] | None = None
        self.services: subprocess.Popen[str] | None = None
        self.exports: dict[str, str] = {}
        self.env: dict[str, str] = {}
        self.stopping = False

    # ---- PostgreSQL and Redis --------------------------------------------------------------------------------
    def start_services(self) -> None:
        """The given DATABASE_URL and REDIS_URL, or throwaway servers of `scripts/test --services-only`."""
        env = dict(os.environ)
        if not (env.get("DATABASE_URL") and env.get("REDIS_URL")):
            log = (self.logs / "services.log").open("w")
            self.services = subprocess.Popen(
                [str(ROOT / "scripts" / "test"), "--services-only"], stdout=subprocess.PIPE, stderr=log, text=True,
                start_new_session=True,  # Ctrl-C reaches it through our stop, in order
            )  # fmt: skip
            assert self.services.stdout is not None
            for line in self.services.stdout:
                log.write(line)
                log.flush()
                if line.startswith("export "):
                    name, _, value = line[len("export ") :].strip().partition("=")
                    self.exports[name] = value.strip("'\"")
                if all(name in self.exports for name in EXPORTS):
                    break
            if not all(name in self.exports for name in EXPORTS):
                raise SystemExit(f"cluster: PostgreSQL and Redis did not start; see {self.logs / 'services.log'}")
            admin = self.exports["TEST_POSTGRES_URL"]
            owner = urlunsplit(urlsplit(admin)._replace(path="/shulgraph"))
            asyncio.run(_create_database(admin, "shulgraph"))
            parts = urlsplit(admin)
            password = secrets.token_urlsafe(16)
            env.setdefault(
                "DATABASE_URL", f"postgres://shulgraph_app:{password}@{parts.hostname}:{parts.port}/shulgraph"
            )
            env.setdefault("MIGRATIONS_DATABASE_URL", owner)
            env.setdefault("REDIS_URL", self.exports["TEST_REDIS_URL"])
        secret_file = self.state / "jwt-secret"
        if not env.get("JWT_SECRET"):
            if not secret_file.exists():
                secret_file.write_text(secrets.token_urlsafe(48))
                secret_file.chmod(0o600)
            env["JWT_SECRET"] = secret_file.read_text().strip()
        owner_url = env.pop("MIGRATIONS_DATABASE_URL", None) or env["DATABASE_URL"]
        env.update(
            ENVIRONMENT="production", HOST="127.0.0.1", WORKERS="1", TRUSTED_PROXIES='["127.0.0.1"]',
            PROMETHEUS_MULTIPROC_DIR=str(self.metrics),
        )  # fmt: skip
        self.env = env
        with (self.logs / "migrate.log").open("w") as log:
            migrate = subprocess.run(
                [sys.executable, "main.py", "migrate"], cwd=ROOT, env={**env, "MIGRATIONS_DATABASE_URL": owner_url},
                stdout=log, stderr=subprocess.STDOUT, check=False,
            )  # fmt: skip
        if migrate.returncode != 0:
            raise SystemExit(f"cluster: migrate failed; see {self.logs / 'migrate.log'}")

    # ---- processes -------------------------------------------------------------------------------------------
    def _launch(self, name: str, command: str, port: int | None = None) -> subprocess.Popen[bytes]:
        env = {**self.env, **({"PORT": str(port)} if port else {})}
        with (self.logs / f"{name}.log").open("ab") as log:
            return subprocess.Popen(
                [sys.executable, "main.py", command], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip

    def start_api(self, index: int) -> None:
        self.api[index] = self._launch(f"api-{index + 1}", "serve", self.api_ports[index])

    def start_worker(self) -> None:
        self.worker = self._launch("worker", "worker")

    def start_nginx(self) -> None:
        prefix = self.state / "nginx"
        temps = []
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            folder = prefix / "tmp" / kind
            folder.mkdir(parents=True, exist_ok=True)
            folder.chmod(0o1777)  # nginx's workers run as an unprivileged user when we are root
            temps.append(f"    {kind}_temp_path {folder};")
        servers = (f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=2s;" for port in self.api_ports)
        upstreams = "\n".join(servers)
        config = prefix / "nginx.conf"
        template = (ROOT / "deploy" / "nginx" / "cluster.conf.template").read_text()
        config.write_text(template.format(
            prefix=prefix, logs=self.logs, temps="\n".join(temps), upstreams=upstreams,
            listen=f"{self.host}:{self.port}", proxy_conf=PROXY_CONF,
        ))  # fmt: skip
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        command = [nginx, "-p", str(prefix), "-c", str(config), "-e", str(self.logs / "nginx-error.log")]
        command += ["-g", "daemon off;"]
        self.nginx = subprocess.Popen(command, stdin=subprocess.DEVNULL, start_new_session=True)

    def describe(self) -> dict[str, Any]:
        def pid(process: subprocess.Popen[Any] | None) -> int | None:
            return process.pid if process is not None and process.poll() is None else None

        pg_pid = redis_pid = None
        if self.exports:
            with contextlib.suppress(OSError, ValueError):
                pg_pid = int((Path(self.exports["TEST_PG_DATA"]) / "postmaster.pid").read_text().split()[0])
            with contextlib.suppress(OSError, ValueError):
                redis_pid = int((Path(self.exports["TEST_SERVICES_DIR"]) / "redis.pid").read_text().strip())
        database, redis = urlsplit(self.env["DATABASE_URL"]), urlsplit(self.env["REDIS_URL"])
        return {
            "url": f"http://{self.host}:{self.port}/graphql",
            "stateDir": str(self.state),
            "nginx": {"pid": pid(self.nginx), "port": self.port},
            "api": [
                {"pid": pid(process), "port": port, "restarts": restarts}
                for process, port, restarts in zip(self.api, self.api_ports, self.restarts, strict=True)
            ],
            "worker": {"pid": pid(self.worker), "restarts": self.worker_restarts},
            "postgres": {"pid": pg_pid, "port": database.port, "throwaway": bool(self.exports)},
            "redis": {"pid": redis_pid, "port": redis.port, "throwaway": bool(self.exports)},
            "metricsDir": str(self.metrics),
        }

    def write_description(self) -> None:
        temporary = self.state / "cluster.json.tmp"
        temporary.write_text(json.dumps(self.describe(), indent=2) + "\n")
        temporary.replace(self.state / "cluster.json")

    def start(self) -> None:
        for folder in (self.logs, self.metrics):
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
        self.start_services()
        for index in range(len(self.api)):
            self.start_api(index)
        self.start_worker()
        for port in self.api_ports:
            wait(lambda port=port: self.stopping or answers(f"http://127.0.0.1:{port}/health/ready"), f"API :{port}")
        self.start_nginx()
        wait(lambda: self.stopping or answers(f"http://{self.host}:{self.port}/health/ready"), "nginx answering")
        self.write_description()

    def supervise(self) -> None:
        """Start again, on the same port, an API process or the worker that exited, until told to stop."""
        while not self.stopping:
            changed = False
            for index, process in enumerate(self.api):
                if process is not None and process.poll() is not None and not self.stopping:
                    _forget(self.metrics, process.pid)
                    print(f"cluster: API {index + 1} (:{self.api_ports[index]}) exited {process.returncode}; "
                          "starting it again", flush=True)  # fmt: skip
                    self.start_api(index)
                    self.restarts[index] += 1
                    changed = True
            if self.worker is not None and self.worker.poll() is not None and not self.stopping:
                _forget(self.metrics, self.worker.pid)
                print(f"cluster: the worker exited {self.worker.returncode}; starting it again", flush=True)
                self.start_worker()
                self.worker_restarts += 1
                changed = True
            if self.nginx is not None and self.nginx.poll() is not None:
                raise SystemExit(f"cluster: nginx exited {self.nginx.returncode}; see {self.logs}/nginx-error.log")
            if changed:
                self.write_description()
            time.sleep(0.2)

    def stop(self) -> None:
        """nginx first (no new requests), then the API processes and the worker (they drain), then the servers."""
        self.stopping = True
        for group in ([self.nginx], [*self.api, self.worker], [self.services]):
            running = [process for process in group if process is not None and process.poll() is None]
            for process in running:
                with contextlib.suppress(ProcessLookupError):
                    process.send_signal(signal.SIGQUIT if process is self.nginx else signal.SIGTERM)
            for process in running:
                try:
                    process.wait(STOP_SECONDS)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def _forget(metrics: Path, pid: int) -> None:
    """A dead process's live gauges leave the cluster's metrics (prometheus-client's multiprocess mode)."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(pid, str(metrics))


async def _create_database(admin_url: str, name: str) -> None:
    import asyncpg

    connection = await asyncpg.connect(admin_url)
    try:
        if not await connection.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
            await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(prog="scripts/cluster", description=__doc__.split("\n\n")[0])
    parser.add_argument("--api", type=int, default=2, help="API processes behind nginx (default 2)")
    parser.add_argument("--state-dir", type=Path, default=None, help="logs, nginx config, cluster.json")
    parser.add_argument("--host", default="127.0.0.1", help="nginx listens here")
    parser.add_argument("--port", type=int, default=8080, help="nginx's port; 0: a free one")
    args = parser.parse_args()
    if args.api < 1:
        parser.error("--api must be at least 1")
    state = (args.state_dir or Path(tempfile.mkdtemp(prefix="shulgraph-cluster."))).resolve()
    state.mkdir(parents=True, exist_ok=True)
    cluster = Cluster(state, args.api, args.host, args.port)

    def stop(signum: int, frame: object) -> None:
        cluster.stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        cluster.start()
        if not cluster.stopping:
            print(f"cluster ready: http://{args.host}:{cluster.port}/graphql  (state: {state})", flush=True)
            cluster.supervise()
    finally:
        print("cluster: stopping", flush=True)
        cluster.stop()
        print("cluster: stopped", flush=True)


if __name__ == "__main__":
    main()
