"""Settings: one typed object read from the environment (and `.env`)."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent
DATA_DIR = ROOT / "data"


TENANT_DATABASE_NAME = r"^[a-z][a-z0-9_]{0,62}$"
"""A tenant database's name: what `main.py tenant place/move` and the registry call it (never `shared`)."""


class TenantDatabaseSetting(BaseModel):
    """One database the operator declares for placing synagogues (an entry of `TENANT_DATABASES`)."""

    url: str  # postgres://app-role:pw@host:port/db, as the application role
    owner_url: str = ""  # the same database as the owner role (migrate, moves); empty: url
    pool_min: int = Field(default=0, ge=0)
    pool_max: int | None = Field(default=None, ge=1)  # None: DB_POOL_MAX


class Settings(BaseSettings):
    """Every setting of ShulGraph. The README's settings table mirrors this class."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", case_sensitive=False)

    environment: Literal["development", "production", "test"] = "development"
    data_dir: Path = DATA_DIR  # the embedded mode's files: SQLite database, generated JWT secret
    database_url: str = ""  # empty: sqlite://{data_dir}/shulgraph.sqlite3
    migrations_database_url: str | None = None
    db_pool_min: int = 1
    db_pool_max: int = 10
    db_statement_timeout_ms: int = 15_000
    tenant_databases: dict[str, TenantDatabaseSetting] = {}  # name -> database a synagogue may be placed in
    tenant_pools_max_connections: int = Field(default=50, ge=1)  # every placed database's pool, per process
    tenant_pool_idle_seconds: float = Field(default=300, gt=0)  # a placed database's pool unused this long closes
    tenant_database_retry_seconds: float = Field(default=5, gt=0)  # a failed placed database is tried again after
    tenant_database_connect_timeout_seconds: float = Field(default=5, gt=0)  # connecting to a placed database
    tenant_move_lock_seconds: float = Field(default=10, gt=0)  # a move's wait for the tenant's running operations
    redis_url: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    shutdown_drain_seconds: float | None = Field(default=None, ge=0)  # None: 5, or 0 in the embedded mode
    shutdown_grace_seconds: int = Field(default=20, ge=0)  # in-flight requests after the drain
    worker_shutdown_timeout_seconds: float = Field(default=25, ge=0)  # the job in hand at SIGTERM

    jwt_secret: str = ""
    jwt_issuer: str = "shulgraph"
    jwt_audience: str = "shulgraph-api"
    jwt_leeway_seconds: int = Field(default=30, ge=0, le=60)
    access_token_ttl_seconds: int = 900
    refresh_token_ttl_seconds: int = 30 * 24 * 3600
    refresh_grace_seconds: int = 10
    refresh_cookie_name: str = "shulgraph_refresh"
    refresh_cookie_path: str = "/graphql"
    cookie_secure: bool | None = None  # None: Secure outside development

    login_max_failures: int = 5
    login_lockout_seconds: int = 900
    password_min_length: int = 10
    login_address_failure_limit: str = "50/15 minutes"  # refused sign-ins per client address, `limits` notation
    registration_address_limit: str = "20/hour"  # registration attempts per client address, `limits` notation
    synagogue_creation_limit: str = "10/day"  # createSynagogue attempts per user (platform admins exempt)
    invitation_limit: str = "50/day"  # addMember attempts per inviter (every user), `limits` notation
    invitation_ttl_seconds: int = Field(default=7 * 24 * 3600, ge=60, le=90 * 24 * 3600)  # an invitation's life
    invitation_accept_url: str = ""  # the admin app's page for an invitation; the e-mail links it with ?token=
    session_max_days: int = Field(default=30, ge=1)  # a sign-in ends this long after it began, refreshed or not
    session_idle_days: int = Field(default=14, ge=1)  # a session not refreshed for this long ends
    session_cleanup_interval_seconds: int = Field(default=3600, ge=60)  # the worker deletes ended sessions
    caller_cache_seconds: float = Field(default=5.0, ge=0, le=60)  # a caller kept per process; 0: read every time

    cors_origins: list[str] = []
    trusted_proxies: list[str] = []
    metrics_token: str = ""  # when set, /metrics answers only `Authorization: Bearer <token>`
    prometheus_multiproc_dir: Path | None = None  # processes sharing it report together on /metrics
    max_body_bytes: int = 1_000_000
    graphiql: bool = True
    graphiql_assets: Literal["cdn", "local"] = "cdn"  # local: GraphiQL's pinned files from /vendor/ (no CDN)
    introspection: bool | None = None  # None: on in development, explorer roles only in production

    max_depth: int = 12
    max_aliases: int = 100
    max_tokens: int = 10_000
    max_batch: int = 0  # 0: batching off
    max_page_size: int = 100
    max_cost: int = 50_000

    explorer_role: Literal["VIEWER", "EDITOR", "ADMIN", "OWNER"] = "ADMIN"  # introspection, suggestions
    trusted_documents_only: bool = False  # free-form documents only for explorer roles
    compiled_documents: bool = True  # trusted documents the compiler plans skip graphql-core (schema.compiled)
    persisted_query_ttl_seconds: int = 7 * 24 * 3600
    persisted_query_max_bytes: int = 100_000
    persisted_query_memory_entries: int = 2_000  # embedded mode (no Redis)
    persisted_query_max_entries: int = 20_000  # APQ documents kept in Redis; the oldest registered go first
    public_get_max_age_seconds: int = 60  # Cache-Control max-age of anonymous GET answers (CDN); 0: no-store
    cost_budget_capacity: int = 50_000  # leaky bucket per (tenant, principal); at least max_cost
    cost_budget_restore_rate: int = 1_000  # points per second (bench/noisy_neighbour.py sizes it)
    throttled_response_delay_ms: int = Field(default=500, ge=0, le=10_000)  # door refusals of a throttled credential
    idempotency_ttl_seconds: int = 24 * 3600
    tenant_max_concurrency: int = 0  # operations one tenant runs at once per process; 0: half of db_pool_max
    tenant_max_queued: int = 50  # requests of one tenant waiting for a slot per process; more are THROTTLED
    tenant_queue_timeout_seconds: float = 5.0  # longest wait for a slot before THROTTLED
    untenanted_max_concurrency: int = 0  # operations acting in no synagogue at once per process; 0: as a tenant's
    untenanted_max_queued: int = 200  # of those, waiting per process; when full the most-queued caller yields
    untenanted_max_queued_per_caller: int = 5  # waiting per caller (a user, an IPv4 address or an IPv6 /64)

    ws_init_timeout_seconds: float = 10.0
    ws_init_failure_limit: str = "30/minute"  # refused connection_inits per client address, `limits` notation
    pairing_code_ttl_seconds: int = 600
    pairing_poll_interval_seconds: int = 5
    pairing_rate_limit: str = "30/minute"  # per client address, `limits` notation
    pairing_poll_rate_limit: str = "600/minute"  # completeDevicePairing polls per client address
    public_zmanim_rate_limit: str = "120/minute"  # anonymous zmanim(location:) per client address
    device_online_window_seconds: int = 90
    device_command_ttl_seconds: int = 24 * 3600
    device_upkeep_seconds: float = Field(default=15.0, gt=0)  # presence sweep period; one process acts per tick
    device_presence_seconds: float = Field(default=30.0, gt=0)  # live devices refreshed (and revoked ones closed)
    device_heartbeat_retention_days: int = Field(default=30, ge=1)  # raw heartbeat samples
    device_metric_rollup_retention_days: int = Field(default=400, ge=1)  # hourly aggregates of the samples
    screen_debounce_seconds: float = 0.05
    screen_keep_seconds: float = Field(default=120.0, ge=0)  # a tenant's screen feed kept after an HTTP Screen; 0: none
    screen_keep_max_feeds: int = Field(default=1000, ge=1)  # feeds kept so per process; past it the oldest leaves

    job_lease_seconds: int = Field(default=60, ge=1)  # a job held longer than this by a silent worker runs again
    smtp_url: str | None = None  # smtp://host:port or smtps://host:port; empty: e-mail is written to the log
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    smtp_timeout_seconds: float = 30.0
    mail_from: str = "ShulGraph <no-reply@shulgraph.invalid>"
    webhook_timeout_seconds: float = 10.0
    webhook_allow_private_targets: bool = False  # deliver to loopback/private/link-local addresses (tests, LANs)
    secrets_key: str = ""  # encrypts stored webhook secrets; empty: derived from the JWT secret
    yahrzeit_reminder_days: int = Field(default=7, ge=0)  # family e-mails and YAHRZEIT_UPCOMING, days ahead; 0: off
    webhook_rotation_overlap_minutes: int = Field(default=1440, ge=0, le=30 * 1440)  # both secrets sign meanwhile
    messaging_timeout_seconds: float = 10.0  # per SMS/WhatsApp provider request; a timeout is retried

    alert_evaluation_seconds: int = Field(default=60, ge=10)  # the worker evaluates alert rules once per slot
    anomaly_interval_seconds: int = Field(default=300, ge=30)  # the worker scores new samples once per slot
    anomaly_window_hours: int = Field(default=24, ge=1, le=24 * 30)  # trailing window of the median and MAD
    anomaly_min_score: float = Field(default=3.5, gt=0)  # robust z-score from which a sample is an anomaly
    retention_interval_seconds: int = Field(default=3600, ge=60)  # the worker's retention sweep, once per slot
    retention_batch_size: int = Field(default=1000, ge=1)  # rows deleted per statement
    job_retention_days: int = Field(default=30, ge=1)  # finished (DONE or FAILED) jobs
    webhook_delivery_retention_days: int = Field(default=30, ge=1)  # DELIVERED or FAILED deliveries
    device_command_retention_days: int = Field(default=90, ge=1)  # answered, failed or expired device commands
    audit_retention_days: int = Field(default=730, ge=1)  # synagogue audit entries

    media_storage: Literal["local", "s3"] = "local"  # local: files under media_dir; s3: the S3_* bucket
    media_dir: Path | None = None  # None: {data_dir}/media
    media_public_url: str = ""  # prefix of the media URLs the API hands out; empty: paths on the API's own origin
    media_max_upload_bytes: int = Field(default=10_000_000, ge=1)  # largest upload createUpload accepts
    media_max_pixels: int = Field(default=40_000_000, ge=1)  # larger images are refused (decompression bombs)
    media_quota_bytes: int = Field(default=500_000_000, ge=0)  # stored media per synagogue (uploads in flight count)
    media_upload_ttl_seconds: int = Field(default=900, ge=60)  # how long a presigned upload URL works
    media_url_ttl_seconds: int = Field(default=3600, ge=60)  # least lifetime of a signed media URL
    media_screenshots_kept: int = Field(default=5, ge=1)  # screenshots kept per device; older ones are deleted
    s3_bucket: str = ""
    s3_endpoint_url: str | None = None  # an S3-compatible service's URL; None: AWS
    s3_region: str = "us-east-1"
    s3_access_key_id: str | None = None  # None: the standard AWS credential chain
    s3_secret_access_key: str | None = None

    log_level: str = "INFO"
    log_json: bool = True

    @model_validator(mode="after")
    def _embedded_database(self) -> Settings:
        if not self.database_url:
            self.database_url = f"sqlite://{self.data_dir / 'shulgraph.sqlite3'}"
        return self

    @model_validator(mode="after")
    def _tenant_databases(self) -> Settings:
        for name, declared in self.tenant_databases.items():
            if not re.match(TENANT_DATABASE_NAME, name) or name == "shared":
                raise ValueError(f"TENANT_DATABASES: {name!r} is not a database name (a-z, 0-9, _; not 'shared')")
            if not declared.url.startswith(("postgres://", "postgresql://")):
                raise ValueError(f"TENANT_DATABASES: {name} must be a PostgreSQL URL")
        if self.tenant_databases and self.is_sqlite:
            raise ValueError("TENANT_DATABASES needs PostgreSQL as DATABASE_URL (not the embedded mode)")
        return self

    @property
    def media_root(self) -> Path:
        return self.media_dir or self.data_dir / "media"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def secure_cookies(self) -> bool:
        if self.cookie_secure is not None:
            return self.cookie_secure
        return self.environment == "production"

    @property
    def tenant_concurrency(self) -> int:
        return self.tenant_max_concurrency if self.tenant_max_concurrency > 0 else max(1, self.db_pool_max // 2)

    @property
    def untenanted_concurrency(self) -> int:
        return self.untenanted_max_concurrency if self.untenanted_max_concurrency > 0 else self.tenant_concurrency

    @property
    def introspection_open(self) -> bool:
        if self.introspection is not None:
            return self.introspection
        return self.environment != "production"

    def jwt_key(self) -> str:
        """The signing secret; in the embedded mode one is generated once and kept under `data_dir`."""
        if self.jwt_secret:
            return self.jwt_secret
        if self.environment == "production":
            raise RuntimeError("JWT_SECRET must be set in production")
        path = self.data_dir / "jwt-secret"
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            _create_secret_file(path)
        for _ in range(100):  # on a filesystem without hard links another process may still be writing it
            self.jwt_secret = path.read_text().strip()
            if self.jwt_secret:
                return self.jwt_secret
            time.sleep(0.02)
        raise RuntimeError(f"{path} is empty: delete it to have a new secret generated")


def _create_secret_file(path: Path) -> None:
    """Write a new secret readable by the owner only, unless one exists: written whole to a private
    temporary file, then linked into place, so processes starting at once all read the first one made. Where
    the filesystem has no hard links, the file is created exclusively (private from its first byte) instead."""
    secret = secrets.token_urlsafe(48)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")  # mode 0600
    try:
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secret)
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
        except OSError:  # no hard links here
            with contextlib.suppress(FileExistsError):
                exclusive = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(exclusive, "w") as handle:
                    handle.write(secret)
    finally:
        os.unlink(temporary)


@lru_cache
def get_settings() -> Settings:
    return Settings()
