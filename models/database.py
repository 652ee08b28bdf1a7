"""How Tortoise reaches the central database: the connection configuration for a database URL (the application role
by default, the owner role for migrations) and `TORTOISE_ORM` for aerich's CLI. (Placed tenant databases are
reached through `models/placement/`, with the same credentials.)

It lives with the models, not in `config`, because it names the model modules and the tenant-aware connection
class; `config` stays the settings alone, below every other layer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from config import Settings, get_settings
from models import MODEL_MODULES
from models.placement.connection import postgres_credentials
from models.placement.connection import release_connection as release_connection  # its home before placement


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
        pool = (settings.db_pool_min, settings.db_pool_max)
        credentials = postgres_credentials(url, *pool, settings.db_statement_timeout_ms)
        connection = {"engine": "models.placement.client", "credentials": credentials}
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
