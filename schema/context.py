"""The typed request context: principal, tenant, role, per-request DataLoaders."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.dataloader import DataLoader
from strawberry.types import Info as StrawberryInfo

from config import Settings
from models.identity import Role
from services.identity.callers import CallerCache
from services.identity.principals import Principal
from services.infra.errors import ErrorCode
from services.infra.kv import KeyValue

if TYPE_CHECKING:
    from broadcaster import Broadcast

K = TypeVar("K")
V = TypeVar("V")


_OPERATION_LOADERS: ContextVar[dict[str, DataLoader[Any, Any]] | None] = ContextVar("operation_loaders", default=None)


def start_operation_loaders() -> None:
    """Give the running task (one websocket operation) DataLoaders of its own: a websocket's context lives as
    long as the socket, so loaders kept on it would serve one operation what an earlier one cached."""
    _OPERATION_LOADERS.set({})


class Loaders:
    """DataLoaders built lazily, once per request (per operation over a websocket): never shared across
    requests, operations or tenants."""

    def __init__(self) -> None:
        self._loaders: dict[str, DataLoader[Any, Any]] = {}

    def get(self, name: str, load_fn: Callable[[list[K]], Awaitable[Sequence[V]]]) -> DataLoader[K, V]:
        loaders = _OPERATION_LOADERS.get()
        if loaders is None:
            loaders = self._loaders
        loader = loaders.get(name)
        if loader is None:
            loader = DataLoader(load_fn=load_fn)
            loaders[name] = loader
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
    callers: CallerCache | None = None  # this process's admitted callers (services.identity.callers)

    def has_role(self, role: Role) -> bool:
        return self.role is not None and self.role >= role


Info = StrawberryInfo[Context, None]
