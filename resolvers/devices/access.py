"""The one road from an id to a device, a command or a release, built on the access kit (`resolvers.access`):
only the request's synagogue's devices and commands, and a device principal sees only itself and its own
commands. A missing id, a foreign one and a malformed one all give None (logged once as a denial)."""

from __future__ import annotations

from typing import TypeVar

from tortoise.queryset import QuerySet

from models.devices import Device, DeviceCommand, SoftwareRelease
from resolvers.access import denied, fetch
from schema.context import Info
from services.devices.commands import latest_release, release_channel
from services.infra.ids import decode_id

M = TypeVar("M", Device, DeviceCommand)


def _rows(info: Info, model: type[M], own: str) -> QuerySet[M] | None:
    """`model`'s rows the caller may see: the request's synagogue's, and for a device principal only those whose
    `own` field names itself; None without a synagogue (the tenant manager refuses to build the query)."""
    context = info.context
    if context.tenant_id is None:
        return None
    rows = model.all()
    if context.principal.kind == "device":
        rows = rows.filter(**{own: context.principal.device_id})
    return rows


async def _visible(info: Info, model: type[M], pk: int | None, own: str) -> M | None:
    rows = _rows(info, model, own)
    if rows is None:
        denied(info, model.__name__, pk)
        return None
    return await fetch(info, model.__name__, pk, rows)


async def access_device(info: Info, pk: int | None) -> Device | None:
    """A device of the caller's synagogue; a device principal sees only itself."""
    return await _visible(info, Device, pk, "id")


async def access_device_by_global_id(info: Info, global_id: str) -> Device | None:
    return await access_device(info, decode_id(global_id, "Device"))


async def access_devices(info: Info, pks: set[int]) -> dict[int, Device]:
    """The caller's devices among `pks` by id (ids the server found, as in analytics: nothing to deny)."""
    rows = _rows(info, Device, "id")
    return {} if rows is None else {row.id: row for row in await rows.filter(id__in=pks)}


async def access_command(info: Info, pk: int | None) -> DeviceCommand | None:
    """A command of the caller's synagogue; a device principal sees only its own commands."""
    return await _visible(info, DeviceCommand, pk, "device_id")


async def access_command_by_global_id(info: Info, global_id: str) -> DeviceCommand | None:
    return await access_command(info, decode_id(global_id, "DeviceCommand"))


async def access_release(info: Info, pk: int | None) -> SoftwareRelease | None:
    """A release of the platform-wide catalogue, for a signed-in user or a device (as `softwareReleases`); a
    partner key sees only the one `availableRelease` shows it, the newest of its synagogue's channel."""
    kind, rows = info.context.principal.kind, SoftwareRelease.all()
    if kind == "partner" and info.context.tenant_id is not None:
        offered = await latest_release(await release_channel())
        rows = rows.filter(id=offered.id if offered else 0)
    elif kind not in ("user", "device"):
        pk = None  # refused (and logged) without a query
    return await fetch(info, "SoftwareRelease", pk, rows, needs_tenant=False)
