"""Tenancy: the current tenant, tenant-scoped models, and the one safe road to query them.

The tenant lives in a `ContextVar` set by the request (or a job) through `tenant_scope`. Every
`TenantModel` gets its own `TenantManager`, which scopes each query to that tenant and fails closed
when there is none. The holes a Tortoise manager leaves open are closed here: inserts (`create`,
`save`, `bulk_create`) take their tenant from the context and refuse another one; instance
`save/delete/refresh_from_db` check the instance's tenant and that its primary key is a row of that
tenant; queryset `update`/`bulk_update` cannot move rows to another tenant; `raw()` is refused. On
PostgreSQL every tenant table also has row-level security keyed on `app.tenant_id`, set per
transaction by `tenant_scope`; it also holds what bypasses the manager (`QuerySet(Model)`, as in
`Prefetch(queryset=...)`, and SQL on the connection).

A tenant's rows live in the database it is placed in (the shared one by default; `models/placement/`): its
models' queries and `tenant_scope`'s transaction go there (`PlacedMeta`), with the same rule: no tenant in
context, no tenant data.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar
from typing import Any

from tortoise import fields
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import OperationalError
from tortoise.manager import Manager
from tortoise.models import MetaInfo, Model
from tortoise.queryset import BulkCreateQuery, QuerySet, RawSQLQuery, UpdateQuery

from models.placement.connection import TenantConnection as TenantConnection  # imported from here before placement
from models.placement.connection import set_database_tenant as set_database_tenant
from models.placement.routing import connection_for
from models.placement.scope import holds_transaction, open_tenant

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


@asynccontextmanager
async def tenant_scope(tenant_id: int) -> AsyncIterator[BaseDBAsyncClient]:
    """Run the code inside as `tenant_id`, in one transaction that carries the tenant to the database: the
    database the tenant is placed in (the shared one by default), chosen by `models.placement.scope`; inside it,
    the connection yielded, and every query of the tenant's models, is that database's transaction.

    Inside another scope on the same database this is a savepoint: when it ends the database is given back the
    outer scope's tenant (a savepoint that is released keeps what was set in it), so the rest of the outer
    transaction serves the outer tenant again."""
    outer = _current_tenant.get()
    token = _current_tenant.set(tenant_id)
    try:
        async with open_tenant(tenant_id, outer) as connection:
            yield connection
    finally:
        _current_tenant.reset(token)


@asynccontextmanager
async def joined_scope(tenant_id: int) -> AsyncIterator[None]:
    """`tenant_scope(tenant_id)`, unless the code already runs inside that tenant's transaction (a GraphQL
    operation's): then that transaction itself. A savepoint there would run on the operation's connection beside
    the queries of the operation's other fields, and Tortoise does not serialise those with a nested transaction's
    (each has a lock of its own), so asyncpg would refuse one ("another operation is in progress"). The
    transaction is looked for where the tenant lives: the central database's, or its placed database's."""
    if _current_tenant.get() == tenant_id and holds_transaction(tenant_id):
        yield
        return
    async with tenant_scope(tenant_id):
        yield


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


TENANT_FIELDS = frozenset({"tenant", TENANT_FIELD})


class TenantQuerySet(QuerySet[Any]):
    """A queryset of one tenant's rows: it cannot move rows to another tenant or run raw SQL."""

    def update(self, **kwargs: Any) -> UpdateQuery:
        if TENANT_FIELDS & kwargs.keys() and not is_unscoped():
            raise TenantMismatch(f"{self.model.__name__} rows cannot be moved to another tenant")
        return super().update(**kwargs)

    def bulk_create(self, objects: Iterable[Any], *args: Any, **kwargs: Any) -> BulkCreateQuery[Any]:
        rows = list(objects)
        for row in rows:
            row._claim_tenant()
        return super().bulk_create(rows, *args, **kwargs)

    def bulk_update(self, objects: Iterable[Any], fields: Iterable[str], *args: Any, **kwargs: Any) -> Any:
        rows, names = list(objects), list(fields)
        if TENANT_FIELDS & set(names) and not is_unscoped():
            raise TenantMismatch(f"{self.model.__name__} rows cannot be moved to another tenant")
        for row in rows:
            row._claim_tenant()
        return super().bulk_update(rows, names, *args, **kwargs)

    def raw(self, sql: str) -> RawSQLQuery:
        if not is_unscoped():
            raise TenantContextMissing(f"raw SQL on tenant model {self.model.__name__} is refused; use the manager")
        return super().raw(sql)


class TenantManager(Manager):
    """Scopes every query of its model to the tenant in context; raises when there is none."""

    def get_queryset(self) -> QuerySet[Any]:
        queryset: QuerySet[Any] = TenantQuerySet(self._model)
        if is_unscoped():
            return queryset
        return queryset.filter(**{TENANT_FIELD: current_tenant_id()})


class PlacedMeta(MetaInfo):
    """A model's metadata whose `db` is the database of the tenant in context (`models.placement.routing`): every
    query of a tenant's rows, however Tortoise builds it (manager, queryset, relation, instance), goes where the
    tenant lives."""

    __slots__ = ()

    @property
    def db(self) -> BaseDBAsyncClient:
        return connection_for(_current_tenant.get())


def placed_with_tenant(model: type[Model]) -> None:
    """Let `model`'s rows live in their tenant's database (every `TenantModel`; the job queue, whose rows carry a
    `tenant_id` and are written in their tenant's transactions)."""
    model._meta.__class__ = PlacedMeta


class TenantModel(Model):
    """A row that belongs to one synagogue. Subclasses get their own `TenantManager`.

    Instance writes check the tenant twice: the instance must carry the tenant in context, and an
    update or delete must find its primary key among that tenant's rows.
    """

    tenant: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Synagogue", related_name=False, on_delete=fields.CASCADE, db_index=True
    )
    tenant_id: int

    class Meta:
        abstract = True

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._meta.manager = TenantManager()
        placed_with_tenant(cls)

    def _claim_tenant(self) -> None:
        if is_unscoped() and self.tenant_id is not None:
            return
        tenant_id = current_tenant_id()
        if self.tenant_id is None:
            self.tenant_id = tenant_id
        elif self.tenant_id != tenant_id:
            raise TenantMismatch(f"{type(self).__name__} of tenant {self.tenant_id} written as {tenant_id}")

    def _scoped(self, using_db: BaseDBAsyncClient | None) -> QuerySet[Any]:
        queryset = type(self)._meta.manager.get_queryset()
        return queryset.using_db(using_db) if using_db is not None else queryset

    async def _check_row_in_scope(self, using_db: BaseDBAsyncClient | None) -> None:
        if self.pk is None or is_unscoped():
            return
        if not await self._scoped(using_db).filter(pk=self.pk).exists():
            raise TenantMismatch(f"{type(self).__name__} {self.pk} is not a row of tenant {current_tenant_id()}")

    async def save(
        self,
        using_db: BaseDBAsyncClient | None = None,
        update_fields: Iterable[str] | None = None,
        force_create: bool = False,
        force_update: bool = False,
    ) -> None:
        self._claim_tenant()
        if update_fields is not None and TENANT_FIELDS & set(update_fields) and not is_unscoped():
            raise TenantMismatch(f"{type(self).__name__} rows cannot be moved to another tenant")
        if not force_create and (self._saved_in_db or update_fields or force_update):
            await self._check_row_in_scope(using_db)
        await super().save(using_db, update_fields, force_create, force_update)

    async def delete(self, using_db: BaseDBAsyncClient | None = None) -> None:
        self._claim_tenant()
        await self._check_row_in_scope(using_db)
        await super().delete(using_db=using_db)

    async def refresh_from_db(
        self, fields: Iterable[str] | None = None, using_db: BaseDBAsyncClient | None = None
    ) -> None:
        """Reload the row through the tenant manager (Tortoise's own reload bypasses it)."""
        self._claim_tenant()
        if not self._saved_in_db:
            raise OperationalError("Can't refresh unpersisted record")
        names = list(fields) if fields else list(self._meta.db_fields)
        queryset = self._scoped(using_db)
        if fields:
            queryset = queryset.only(*names)
        row = await queryset.get_or_none(pk=self.pk)
        if row is None:
            raise TenantMismatch(f"{type(self).__name__} {self.pk} is not a row of tenant {current_tenant_id()}")
        for name in names:
            setattr(self, name, getattr(row, name, None))


def tenant_models() -> list[type[TenantModel]]:
    """Every concrete tenant model (for row-level security and the isolation tests)."""
    from tortoise import Tortoise

    found: list[type[TenantModel]] = []
    for app in Tortoise.apps.values():
        for model in app.values():
            if issubclass(model, TenantModel) and not model._meta.abstract:
                found.append(model)
    return found
