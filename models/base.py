"""Tenancy: the current tenant, tenant-scoped models, and the one safe road to query them.

The tenant lives in a `ContextVar` set by the request (or a job) through `tenant_scope`. Every
`TenantModel` gets its own `TenantManager`, which scopes each query to that tenant and fails closed
when there is none. The holes a Tortoise manager leaves open are closed here: inserts take their
tenant from the context and refuse another one; instance `save/delete/refresh_from_db` check the
instance's tenant; `bulk_create` checks every row; `raw()` is refused. On PostgreSQL every tenant
table also has row-level security keyed on `app.tenant_id`, set per transaction by `tenant_scope`.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar
from typing import Any, Self

from tortoise import fields
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.manager import Manager
from tortoise.models import Model
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

log = logging.getLogger("shulgraph.tenancy")

TENANT_FIELD = "tenant_id"
_current_tenant: ContextVar[int | None] = ContextVar("shulgraph_tenant", default=None)
_unscoped: ContextVar[str | None] = ContextVar("shulgraph_unscoped", default=None)


class TenantContextMissing(RuntimeError):
    """A tenant-scoped query ran with no tenant in context (a bug: never fall back to all tenants)."""


class TenantMismatch(RuntimeError):
    """A write named another tenant than the one in context."""


def current_tenant_id() -> int:
    tenant_id = _current_tenant.get()
    if tenant_id is None:
        raise TenantContextMissing("no tenant in context")
    return tenant_id


def tenant_id_or_none() -> int | None:
    return _current_tenant.get()


@contextmanager
def tenant_context(tenant_id: int) -> Any:
    """Set the tenant for the code inside, without opening a transaction."""
    token = _current_tenant.set(tenant_id)
    try:
        yield
    finally:
        _current_tenant.reset(token)


async def set_database_tenant(connection: BaseDBAsyncClient, tenant_id: int) -> None:
    """Tell PostgreSQL's row-level security which tenant this transaction serves."""
    if connection.capabilities.dialect == "postgres":
        await connection.execute_query("SELECT set_config('app.tenant_id', $1, true)", [str(tenant_id)])


@asynccontextmanager
async def tenant_scope(tenant_id: int) -> AsyncIterator[BaseDBAsyncClient]:
    """Run the code inside as `tenant_id`, in one transaction that carries the tenant to the database."""
    token = _current_tenant.set(tenant_id)
    try:
        async with in_transaction() as connection:
            await set_database_tenant(connection, tenant_id)
            yield connection
    finally:
        _current_tenant.reset(token)


@contextmanager
def unscoped(reason: str) -> Any:
    """Let tenant managers see every tenant (system jobs, platform tools). Logged every time.

    On PostgreSQL row-level security still applies: cross-tenant work enters each tenant in turn.
    """
    log.warning("unscoped tenant access", extra={"reason": reason})
    token = _unscoped.set(reason)
    try:
        yield
    finally:
        _unscoped.reset(token)


def is_unscoped() -> bool:
    return _unscoped.get() is not None


class TenantManager(Manager):
    """Scopes every query of its model to the tenant in context; raises when there is none."""

    def get_queryset(self) -> QuerySet[Any]:
        queryset: QuerySet[Any] = QuerySet(self._model)
        if is_unscoped():
            return queryset
        return queryset.filter(**{TENANT_FIELD: current_tenant_id()})


class TenantModel(Model):
    """A row that belongs to one synagogue. Subclasses get their own `TenantManager`."""

    tenant: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Synagogue", related_name=False, on_delete=fields.CASCADE, db_index=True
    )
    tenant_id: int

    class Meta:
        abstract = True

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._meta.manager = TenantManager()

    def _claim_tenant(self) -> None:
        if is_unscoped() and self.tenant_id is not None:
            return
        tenant_id = current_tenant_id()
        if self.tenant_id is None:
            self.tenant_id = tenant_id
        elif self.tenant_id != tenant_id:
            raise TenantMismatch(f"{type(self).__name__} of tenant {self.tenant_id} written as {tenant_id}")

    async def save(self, *args: Any, **kwargs: Any) -> None:
        self._claim_tenant()
        await super().save(*args, **kwargs)

    async def delete(self, using_db: BaseDBAsyncClient | None = None) -> None:
        self._claim_tenant()
        await super().delete(using_db=using_db)

    async def refresh_from_db(self, *args: Any, **kwargs: Any) -> None:
        self._claim_tenant()
        await super().refresh_from_db(*args, **kwargs)

    @classmethod
    def bulk_create(cls, objects: Iterable[Self], *args: Any, **kwargs: Any) -> Any:
        rows = list(objects)
        for row in rows:
            row._claim_tenant()
        return super().bulk_create(rows, *args, **kwargs)

    @classmethod
    def raw(cls, sql: str, using_db: BaseDBAsyncClient | None = None) -> Any:
        if not is_unscoped():
            raise TenantContextMissing(f"raw SQL on tenant model {cls.__name__} is refused; use the manager")
        return super().raw(sql, using_db)


def tenant_models() -> list[type[TenantModel]]:
    """Every concrete tenant model (for row-level security and the isolation tests)."""
    from tortoise import Tortoise

    found: list[type[TenantModel]] = []
    for app in Tortoise.apps.values():
        for model in app.values():
            if issubclass(model, TenantModel) and not model._meta.abstract:
                found.append(model)
    return found
