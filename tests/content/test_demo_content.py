"""The demo synagogue's content: seeded in its tenant, and the admin operations read it."""

from __future__ import annotations

from datetime import date, timedelta

from models.identity import Role
from services import demo_content
from tests.conftest import GQL, Factory, error_codes


async def test_demo_content_is_served(gql: GQL, factory: Factory) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    other = await factory.member(role=Role.VIEWER)
    assert viewer.tenant is not None
    await demo_content.seed(viewer.tenant.id)
    assert (await gql.op("Messages", actor=viewer))["data"]["messages"]["totalCount"] == 2
    assert (await gql.op("Memorials", actor=viewer))["data"]["memorials"]["totalCount"] == 3
    assert (await gql.op("Memorials", actor=other))["data"]["memorials"]["totalCount"] == 0
    saturday = date.today() + timedelta(days=(5 - date.today().weekday()) % 7)
    day = (await gql.op("DaySchedule", {"date": saturday.isoformat()}, actor=viewer))["data"]["daySchedule"]
    assert [a["aliyah"] for a in day["aliyot"]] == ["KOHEN", "LEVI", "SHLISHI"]
    assert day["prayers"] and (day["havdalah"] is not None or day["candleLighting"] is not None)
    assert error_codes(await gql.op("CreateMessage", {"input": {"title": "x"}}, actor=viewer)) == ["FORBIDDEN"]
