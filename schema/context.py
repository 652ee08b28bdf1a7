"""The typed request context: principal, tenant, role, per-request DataLoaders."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.dataloader import DataLoader
from strawberry.types import Info as StrawberryInfo

from config import Settings
from models.identity import Role
from services.errors import ErrorCode
from services.kv import KeyValue
from services.principals import Principal

if TYPE_CHECKING:
    from broadcaster import Broadcast

K = TypeVar("K")
V = TypeVar("V")


class Loaders:
    """DataLoaders built lazily, once per request: never shared across requests or tenants."""

    def __init__(self) -> None:
        self._loaders: dict[str, DataLoader[Any, Any]] = {}

    def get(self, name: str, load_fn: Callable[[list[K]], Awaitable[Sequence[V]]]) -> DataLoader[K, V]:
        loader = self._loaders.get(name)
        if loader is None:
            loader = DataLoader(load_fn=load_fn)
            self._loaders[name] = loader
        return loader


@dataclass
class Context:
    request: Request | WebSocket
    response: Response | None
    settings: Settings
    kv: KeyValue
    broadcast: Broadcast
    request_id: str
    principal: Principal = field(default_factory=Principal)
    tenant_id: int | None = None
    role: Role | None = None
    impersonating: bool = False
    tenant_error: ErrorCode | None = None
    tenant_error_message: str = ""
    connection_params: dict[str, Any] | None = None
    loaders: Loaders = field(default_factory=Loaders)
    client_ip: str = ""
    user_agent: str = ""
    auth_operations: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def has_role(self, role: Role) -> bool:
        return self.role is not None and self.role >= role


Info = StrawberryInfo[Context, None]
