"""`models.together`: several querysets in one statement answer exactly as each would alone (models with every
field, `values_list` tuples, order, empty filters), only the current tenant's rows, and plain querysets only; a
prepared read (built once) answers each tenant its own rows and fails closed without one."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from tortoise.expressions import Q

from models.base import TenantContextMissing, tenant_scope
from models.content import DailyContentPreference, HolidayOverride, Memorial, Message, PrayerTime
from models.identity import Membership
from models.synagogue import Synagogue
from models.together import PreparedTogether, fetch_together
from services.content.yahrzeits import DEATH_COLUMNS
from tests.support.actors import Factory


def fields_of(row: Any) -> dict[str, Any]:
    return {name: getattr(row, name) for name in type(row)._meta.db_fields}


async def seeded(factory: Factory, name: str) -> Synagogue:
    synagogue = await factory.tenant(name=name)
    now = datetime.now(UTC)
    async with tenant_scope(synagogue.id):
        for n in range(12):
            await PrayerTime.create(
                name=f"{name} {n}", days=["SUNDAY"], fixed_time=time(6, n), sort_order=12 - n, location="Main"
            )
            await Message.create(title=f"{name} {n}", priority=n % 3, starts_at=now - timedelta(hours=n))
            await Memorial.create(
                name=f"{name} {n}",
                hebrew_year=5700 + n,
                hebrew_month="NISAN",
                hebrew_day=1 + n,
            )
        await HolidayOverride.create(date=date(2030, 1, 1), kind="HAVDALAH", time=time(18, 5), note=name)
        await DailyContentPreference.create(zmanim=["sunrise"], show_omer=False)
    return synagogue


def queries(synagogue: Synagogue, now: datetime) -> list[Any]:
    return [
        Synagogue.filter(id=synagogue.id).limit(1),
        DailyContentPreference.all().limit(1),
        PrayerTime.all(),
        Message.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now)).order_by("-priority", "-id"),
        HolidayOverride.filter(date__gte=date(2029, 12, 31), date__lte=date(2030, 1, 2)),
        Memorial.filter(id__in=[]),
        Memorial.all().order_by().values_list(*DEATH_COLUMNS),
        PrayerTime.all().values_list("id", "days", "fixed_time", "created_at"),
        Membership.filter(synagogue_id=synagogue.id),
    ]


def queries_of_a_day(tenant_id: int, now: datetime) -> list[Any]:
    return [
        Synagogue.filter(id=tenant_id).limit(1),
        PrayerTime.all(),
        Message.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now)).order_by("-priority", "-id"),
        Memorial.all().order_by("id").values_list(*DEATH_COLUMNS),
    ]


async def test_each_query_answers_as_it_would_alone_in_one_statement(factory: Factory) -> None:
    mine, other = await seeded(factory, "Mine"), await seeded(factory, "Other")
    now = datetime.now(UTC)
    async with tenant_scope(mine.id):
        together = await fetch_together(*queries(mine, now))
        alone = [await query for query in queries(mine, now)]
    assert [len(rows) for rows in together] == [len(rows) for rows in alone] == [1, 1, 12, 12, 1, 0, 12, 12, 0]
    for found, expected in zip(together, alone, strict=True):
        if found and isinstance(found[0], tuple):
            assert found == [tuple(row) for row in expected]  # values_list: its conversions too (JSON, times)
        else:
            assert [fields_of(row) for row in found] == [fields_of(row) for row in expected]
            assert all(type(a) is type(b) for a, b in zip(found, expected, strict=True))
    assert [row.name for row in together[2]][:3] == ["Mine 11", "Mine 10", "Mine 9"]  # its own ORDER BY
    assert {row.tenant_id for rows in together[1:5] for row in rows} == {mine.id}  # none of the other's rows
    assert all(row[1] == ["SUNDAY"] and row[2].hour == 6 and row[3].tzinfo for row in together[7])  # JSON, time
    assert other.id != mine.id


async def test_tenant_querysets_fail_closed_and_only_plain_querysets_are_read(factory: Factory) -> None:
    synagogue = await seeded(factory, "Plain")
    with pytest.raises(TenantContextMissing):
        await fetch_together(PrayerTime.all())
    async with tenant_scope(synagogue.id):
        with pytest.raises(ValueError):
            await fetch_together(Membership.filter(synagogue_id=synagogue.id).prefetch_related("user"))
        with pytest.raises(ValueError):
            await fetch_together(Membership.filter(synagogue_id=synagogue.id).select_related("user"))
        assert await fetch_together() == []


PREPARED = PreparedTogether(queries_of_a_day, (1, datetime.min))


async def test_a_prepared_read_answers_each_tenant_its_own_rows_and_fails_closed(factory: Factory) -> None:
    first, second = await seeded(factory, "First"), await seeded(factory, "Second")
    now = datetime.now(UTC)
    for synagogue in (first, second, first):  # built on the first call: the tenant is never baked in
        async with tenant_scope(synagogue.id):
            prepared = await PREPARED.fetch(Synagogue, synagogue.id, now)
            alone = [await query for query in queries_of_a_day(synagogue.id, now)]
        assert [[fields_of(row) for row in rows] for rows in prepared[:3]] == [
            [fields_of(row) for row in rows] for rows in alone[:3]
        ]
        assert prepared[3] == [tuple(row) for row in alone[3]]
        assert {row.tenant_id for rows in prepared[1:3] for row in rows} == {synagogue.id}
        assert [row.name for row in prepared[0]] == [synagogue.name]
    with pytest.raises(TenantContextMissing):
        await PREPARED.fetch(Synagogue, first.id, now)


BY_IDS = PreparedTogether(
    lambda ids, also: [Memorial.filter(id__in=ids), Message.filter(Q(id__in=also) | Q(priority__gte=9))], ([1], [1])
)


async def test_a_prepared_read_takes_lists_of_any_length_for_its_in_filters(factory: Factory) -> None:
    synagogue = await seeded(factory, "Lists")
    async with tenant_scope(synagogue.id):
        memorials = [row.id for row in await Memorial.all().order_by("id")]
        messages = [row.id for row in await Message.all().order_by("id")]
        cases: list[tuple[list[int], list[int]]] = [
            ([], []), (memorials[:1], messages[:2]), (memorials, []), ([10**9], messages)
        ]
        for ids, also in cases:
            prepared = await BY_IDS.fetch(Memorial, ids, also)
            alone: list[list[Any]] = [
                list(await Memorial.filter(id__in=ids)),
                list(await Message.filter(Q(id__in=also) | Q(priority__gte=9))),
            ]
            assert [[row.id for row in rows] for rows in prepared] == [[row.id for row in rows] for rows in alone]
            assert len(prepared[0]) == len([i for i in ids if i in memorials])
