"""How Tortoise reaches the database: the connection configuration for a database URL (the application role by
default, the owner role for migrations), the pool's release hook, and `TORTOISE_ORM` for aerich's CLI.

It lives with the models, not in `config`, because it names the model modules and the tenant-aware connection
class; `config` stays the settings alone, below every other layer."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from config import Settings, get_settings
from models import MODEL_MODULES
from models.base import TenantConnection


async def release_connection(connection: Any) -> None:
    """asyncpg's pool reset, run after asyncpg itself rolled back any transaction left open: nothing more.

    asyncpg's default reset sends `pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL` on every
    release, a round trip for session state ShulGraph never leaves behind: the tenant is set per
    transaction (`set_config(..., true)`, models/base.py), and no cursor, LISTEN, advisory lock or `SET`
    outlives one. tests/models/test_pool.py holds the application to that."""


def tortoise_config(database_url: str | None = None, settings: Settings | None = None) -> dict[str, Any]:
    """The Tortoise ORM configuration for a database URL (the app's role by default)."""
    settings = settings or get_settings()
    url = database_url or settings.database_url
    if url.startswith("sqlite"):
        path = url.split("://", 1)[1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        credentials: dict[str, Any] = {"file_path": path or ":memory:"}
        connection: dict[str, Any] = {"engine": "tortoise.backends.sqlite", "credentials": credentials}
    else:
        parts = urlsplit(url)
        connection = {
            "engine": "tortoise.backends.asyncpg",
            "credentials": {
                "host": parts.hostname or "127.0.0.1",
                "port": parts.port or 5432,
                "user": unquote(parts.username or ""),
                "password": unquote(parts.password or ""),
                "database": parts.path.lstrip("/"),
                "minsize": settings.db_pool_min,
                "maxsize": settings.db_pool_max,
                "server_settings": {"statement_timeout": str(settings.db_statement_timeout_ms)},
                "reset": release_connection,
                "connection_class": TenantConnection,
            },
        }
    return {
        "connections": {"default": connection},
        "apps": {"models": {"models": [*MODEL_MODULES, "aerich.models"], "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


def _aerich_config() -> dict[str, Any]:
    settings = get_settings()
    return tortoise_config(settings.migrations_database_url or settings.database_url, settings)


class _LazyConfig(dict[str, Any]):
    """`TORTOISE_ORM` for aerich's CLI, built on first use so importing this module stays cheap."""

    def _load(self) -> None:
        if not super().__len__():
            self.update(_aerich_config())

    def __getitem__(self, key: str) -> Any:
        self._load()
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        self._load()
        return super().get(key, default)


TORTOISE_ORM: dict[str, Any] = _LazyConfig()
