"""A device's overrides of its synagogue's daily content preferences: hide, show, and choose zmanim."""

from __future__ import annotations

import asyncpg

from models.identity import Role
from services.infra.ids import to_global_id
from tests.support.actors import Factory
from tests.support.devices import TV, make_tv
from tests.support.graphql import GQL, answer, error_codes
from tests.support.snapshot import unchanged

SETTINGS = """
mutation($input: UpdateDeviceSettingsInput!) {
  updateDeviceSettings(input: $input) {
    settings { contentOverrides { hiddenSections shownSections zmanimKeys } }
    userErrors { field code }
  }
}"""
PREFERENCES = """
mutation($input: UpdateDailyContentPreferencesInput!) {
  updateDailyContentPreferences(input: $input) { userErrors { code } }
}"""
SCREEN = "query { screen { version hebrewDate { display } parasha dafYomi omerDay zmanim { key } } }"


async def test_a_device_shows_and_hides_daily_items_against_its_synagogues_preferences(
    gql: GQL, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    plain, widened, narrowed = [await make_tv(admin.tenant, name) for name in ("Plain", "Widened", "Narrowed")]
    off = {"showDafYomi": False, "zmanim": ["SUNRISE", "SUNSET"]}
    assert (await gql(PREFERENCES, {"input": off}, actor=admin))["data"]["updateDailyContentPreferences"][
        "userErrors"
    ] == []
    widen = {"shownSections": ["DAF_YOMI"], "zmanimKeys": ["chatzot", "sunrise"]}
    narrow = {"hiddenSections": ["PARASHA", "HEBREW_DATE", "ZMANIM"]}
    for tv, overrides in ((widened, widen), (narrowed, narrow)):
        saved = await gql(SETTINGS, {"input": {"deviceId": tv.gid, "contentOverrides": overrides}}, actor=admin)
        assert saved["data"]["updateDeviceSettings"]["userErrors"] == [], saved

    base, wide, narrow_screen = [
        (await gql(SCREEN, headers=tv.headers))["data"]["screen"] for tv in (plain, widened, narrowed)
    ]
    assert base["dafYomi"] is None and base["parasha"] and base["hebrewDate"]
    assert [z["key"] for z in base["zmanim"]] == ["sunrise", "sunset"]
    assert wide["dafYomi"] and wide["parasha"] == base["parasha"]
    assert [z["key"] for z in wide["zmanim"]] == ["chatzot", "sunrise"]
    assert narrow_screen["parasha"] is None and narrow_screen["hebrewDate"] is None
    assert narrow_screen["zmanim"] == [] and narrow_screen["dafYomi"] is None
    assert len({base["version"], wide["version"], narrow_screen["version"]}) == 3


async def test_shown_sections_are_daily_items_and_never_also_hidden(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    for overrides in ({"shownSections": ["MESSAGES"]}, {"shownSections": ["OMER"], "hiddenSections": ["OMER"]}):
        refused = await gql(SETTINGS, {"input": {"deviceId": tv.gid, "contentOverrides": overrides}}, actor=admin)
        assert refused["data"]["updateDeviceSettings"]["userErrors"] == [
            {"field": ["contentOverrides", "shownSections"], "code": "INVALID"}
        ]
    settings = "{ devices(first: 5) { edges { node { settings { contentOverrides { shownSections } } } } } }"
    node = (await gql(settings, actor=admin))["data"]["devices"]["edges"][0]["node"]
    assert node["settings"]["contentOverrides"]["shownSections"] == []


async def _stored_overrides(owner_db: asyncpg.Connection, tv: TV) -> str | None:
    """The device's stored overrides (None while it has no settings row), seen past row-level security."""
    stored: str | None = await owner_db.fetchval(
        "SELECT content_overrides::text FROM device_settings WHERE device_id = $1", tv.device.id
    )
    return stored


async def test_missing_role_overrides_need_an_editor_of_the_devices_synagogue(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    tv = await make_tv(viewer.tenant)
    change = {"input": {"deviceId": tv.gid, "contentOverrides": {"shownSections": ["DAF_YOMI"]}}}
    async with unchanged(owner_db, viewer):
        refusals = [
            (await gql(SETTINGS, change, actor=viewer), "FORBIDDEN"),
            (await gql(SETTINGS, change, headers=tv.headers), "FORBIDDEN"),  # a device cannot set its own
            (await gql(SETTINGS, change), "UNAUTHENTICATED"),
        ]
        for refused, code in refusals:
            assert error_codes(refused) == [code] and refused["data"] is None, refused
        assert await _stored_overrides(owner_db, tv) is None


async def test_cross_tenant_overrides_of_another_synagogues_device_are_not_found(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    owner = await factory.member(role=Role.OWNER)
    outsider = await factory.member(role=Role.ADMIN)
    tv = await make_tv(owner.tenant)
    change = {"input": {"deviceId": tv.gid, "contentOverrides": {"shownSections": ["DAF_YOMI"]}}}
    async with unchanged(owner_db, owner, outsider):
        foreign = await gql(SETTINGS, change, actor=outsider)
        assert foreign["data"]["updateDeviceSettings"]["userErrors"] == [{"field": ["deviceId"], "code": "NOT_FOUND"}]
        ghost = {"input": {**change["input"], "deviceId": to_global_id("Device", 10**9)}}
        assert answer(foreign) == answer(await gql(SETTINGS, ghost, actor=outsider))
        named = await gql(SETTINGS, change, actor=outsider, tenant=owner.tenant)
        nowhere = await gql(SETTINGS, change, actor=outsider, headers={"X-Tenant-ID": to_global_id("Synagogue", 10**9)})
        assert error_codes(named) == ["FORBIDDEN"] and answer(named) == answer(nowhere)
        assert await _stored_overrides(owner_db, tv) is None


async def test_a_night_brightness_out_of_range_names_its_input_field(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    refused = await gql(SETTINGS, {"input": {"deviceId": tv.gid, "nightBrightness": 101}}, actor=admin)
    assert refused["data"]["updateDeviceSettings"]["userErrors"] == [
        {"field": ["nightBrightness"], "code": "OUT_OF_RANGE"}
    ]
