"""Per-request reads of the synagogue domain: synagogues by id (batched), and the request's own synagogue with
its time zone and today's date on its wall, read once per request (once per operation over a websocket)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from strawberry.dataloader import DataLoader

from models.base import current_tenant_id
from models.synagogue import Synagogue
from schema.context import Info


async def _load_synagogues(ids: list[int]) -> list[Synagogue]:
    rows = {row.id: row for row in await Synagogue.filter(id__in=ids)}
    return [rows[i] for i in ids]


def synagogue_loader(info: Info) -> DataLoader[int, Synagogue]:
    return info.context.loaders.get("synagogue_by_id", _load_synagogues)


async def tenant_synagogue(info: Info) -> Synagogue:
    """The synagogue the request acts in (fails closed when there is none): the one road to it, so every field
    of a request sees the same row, the updated one after `updateSynagogue` (`remember_synagogue`)."""
    synagogue: Synagogue = await synagogue_loader(info).load(current_tenant_id())
    return synagogue


def remember_synagogue(info: Info, row: Synagogue) -> None:
    """Serve `row`, just written, to the rest of the request instead of what was read before the change."""
    synagogue_loader(info).prime(row.id, row, force=True)


async def tenant_zone(info: Info) -> ZoneInfo:
    return ZoneInfo((await tenant_synagogue(info)).timezone)


async def tenant_today(info: Info) -> date:
    """Today by the clock on the synagogue's wall."""
    return datetime.now(await tenant_zone(info)).date()
