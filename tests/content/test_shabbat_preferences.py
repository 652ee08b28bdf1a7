"""Shabbat mode and the daily-content preferences (which zmanim and daily items the screens show): changed or reset to
the defaults by an EDITOR on Friday evening, they read back at once (with `heldUntil`) while the screens keep the
preferences they showed until havdalah, then show the new ones; an ADMIN's urgent change shows at once and is
audited, an EDITOR's urgent is refused with nothing written. The clock is pinned to a Friday evening ahead
(2030-03-22 in New York: candles 18:52, havdalah on Shabbat 19:52, by hebcal's rules)."""

from __future__ import annotations

from datetime import datetime

import asyncpg

from models.base import tenant_scope
from models.content import DailyContentPreference
from models.identity import Role
from services.content.preferences import DEFAULT_SCREEN_ZMANIM
from services.content.screen_content import screen_content
from services.infra import clock
from tests.support.actors import Factory
from tests.support.content import make
from tests.support.graphql import GQL, error_codes, user_errors
from tests.support.shabbat import AFTER, FRIDAY_NIGHT, HAVDALAH, SHABBAT_NOON, on_friday_night
from tests.support.snapshot import unchanged

UPDATE = """mutation($input: UpdateDailyContentPreferencesInput!) {
  updateDailyContentPreferences(input: $input) { preferences { zmanim heldUntil } userErrors { field code } }
}"""
RESET = """mutation($urgent: Boolean! = false) {
  resetDailyContentPreferences(urgent: $urgent) { preferences { zmanim heldUntil } userErrors { field code } }
}"""
READ = "{ dailyContentPreferences { zmanim showOmer heldUntil } }"


async def _zmanim(tenant_id: int, at: datetime) -> list[str]:
    async with tenant_scope(tenant_id):
        screen = await screen_content(tenant_id, at)
    return [z.key for z in screen.zmanim]


async def test_preferences_changed_during_shabbat_show_from_havdalah(gql: GQL, factory: Factory) -> None:
    tenant = await factory.tenant(shabbat_mode=True)
    editor = await factory.member(tenant=tenant, role=Role.EDITOR)
    assert await _zmanim(tenant.id, SHABBAT_NOON) == DEFAULT_SCREEN_ZMANIM  # never saved: the defaults

    changed = await on_friday_night(gql, UPDATE, {"input": {"zmanim": ["SUNSET", "TZEIT"], "showOmer": False}}, editor)
    preferences = changed["data"]["updateDailyContentPreferences"]["preferences"]
    assert preferences == {"zmanim": ["SUNSET", "TZEIT"], "heldUntil": HAVDALAH.isoformat()}
    read = await on_friday_night(gql, READ, {}, editor)
    assert read["data"]["dailyContentPreferences"]["showOmer"] is False  # the admin app reads it at once
    assert await _zmanim(tenant.id, SHABBAT_NOON) == DEFAULT_SCREEN_ZMANIM
    assert await _zmanim(tenant.id, AFTER) == ["sunset", "tzeit"]

    reset = await on_friday_night(gql, RESET, {}, editor)  # back to the defaults, still during Shabbat
    assert reset["data"]["resetDailyContentPreferences"]["preferences"]["heldUntil"] == HAVDALAH.isoformat()
    assert await _zmanim(tenant.id, SHABBAT_NOON) == DEFAULT_SCREEN_ZMANIM  # what was shown before the first edit
    assert await _zmanim(tenant.id, AFTER) == DEFAULT_SCREEN_ZMANIM


async def test_a_reset_during_shabbat_keeps_the_saved_preferences_shown_until_havdalah(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    tenant = await factory.tenant(shabbat_mode=True)
    editor = await factory.member(tenant=tenant, role=Role.EDITOR)
    admin = await factory.member(tenant=tenant, role=Role.ADMIN)
    await make(tenant.id, DailyContentPreference, zmanim=["sunrise"])
    await on_friday_night(gql, RESET, {}, editor)
    assert await _zmanim(tenant.id, SHABBAT_NOON) == ["sunrise"]
    assert await _zmanim(tenant.id, AFTER) == DEFAULT_SCREEN_ZMANIM

    urgent = await on_friday_night(gql, UPDATE, {"input": {"zmanim": ["CHATZOT"], "urgent": True}}, admin)
    assert urgent["data"]["updateDailyContentPreferences"]["preferences"]["heldUntil"] is None
    assert await _zmanim(tenant.id, SHABBAT_NOON) == ["chatzot"]  # an ADMIN's urgent change shows at once
    actions = await owner_db.fetch("SELECT action FROM audit_entry WHERE actor_id = $1", admin.user.id)
    assert [row["action"] for row in actions] == ["content.urgent"]


async def test_shabbat_preferences_missing_role_an_editors_urgent_and_a_viewers_change_are_refused(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    tenant = await factory.tenant(shabbat_mode=True)
    editor = await factory.member(tenant=tenant, role=Role.EDITOR)
    viewer = await factory.member(tenant=tenant, role=Role.VIEWER)
    await make(tenant.id, DailyContentPreference, zmanim=["sunrise"])
    update = {"input": {"zmanim": ["CHATZOT"], "urgent": True}}
    async with unchanged(owner_db, tenant):
        refused = await on_friday_night(gql, UPDATE, update, editor)
        assert user_errors(refused, "updateDailyContentPreferences") == [{"field": ["urgent"], "code": "FORBIDDEN"}]
        refused = await on_friday_night(gql, RESET, {"urgent": True}, editor)
        assert user_errors(refused, "resetDailyContentPreferences") == [{"field": ["urgent"], "code": "FORBIDDEN"}]
        assert error_codes(await on_friday_night(gql, UPDATE, update, viewer)) == ["FORBIDDEN"]
        assert error_codes(await on_friday_night(gql, RESET, {}, viewer)) == ["FORBIDDEN"]


async def test_shabbat_preferences_cross_tenant_an_admin_of_another_synagogue_is_refused(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    victim = await factory.tenant(shabbat_mode=True)
    outsider = await factory.member(tenant=await factory.tenant(shabbat_mode=True), role=Role.ADMIN)
    await make(victim.id, DailyContentPreference, zmanim=["sunrise"])
    async with unchanged(owner_db, victim, outsider):
        for document, variables in ((UPDATE, {"input": {"zmanim": ["CHATZOT"], "urgent": True}}), (RESET, {})):
            with clock.pinned(FRIDAY_NIGHT):
                result = await gql(document, variables, actor=outsider, tenant=victim)
            assert error_codes(result) == ["FORBIDDEN"]
    assert await _zmanim(victim.id, SHABBAT_NOON) == ["sunrise"]
