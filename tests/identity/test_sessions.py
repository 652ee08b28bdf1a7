"""My sessions, revoking one, refreshing, changing my password, my preferences."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from config import Settings
from models.identity import RefreshToken, SessionFamily, User
from services.identity.tokens import decode_access_token, hash_secret
from services.infra.ids import to_global_id
from tests.support.actors import DEFAULT_PASSWORD, Factory
from tests.support.graphql import GQL, error_codes
from tests.support.identity import Browser, login_input
from tests.support.live import serve_in_process
from tests.support.snapshot import unchanged
from tests.support.websocket import WSClient

SESSIONS = "query Sessions { sessions { id userAgent ipAddress current lastUsedAt } }"
REVOKE = """mutation Revoke($id: ID!) { revokeSession(id: $id) { revokedId userErrors { field code } } }"""
NODE = "query Node($id: ID!) { node(id: $id) { id ... on Session { userAgent current } } }"
CHANGE_PASSWORD = """mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) { user { id email } userErrors { field code } }
}"""
PREFERENCES = """mutation Prefs($input: UpdatePreferencesInput!) {
  updatePreferences(input: $input) { preferences { theme language } userErrors { field code } }
}"""
ME_PREFERENCES = "query { me { preferences { theme language } } }"


async def test_sessions_lists_mine_and_marks_the_current_one(app: Any, settings: Settings,
                                                             factory: Factory) -> None:
    user = await factory.user()
    other = await factory.user()
    async with Browser(app, settings, "Laptop") as laptop, Browser(app, settings, "Phone") as phone:
        token = await laptop.login(user.email)
        await phone.login(user.email)
        await phone.login(other.email)
        result = await laptop.post(SESSIONS, token=token)
    sessions = result["data"]["sessions"]
    assert sorted(s["userAgent"] for s in sessions) == ["Laptop", "Phone"]
    [current] = [s for s in sessions if s["current"]]
    assert current["userAgent"] == "Laptop" and current["ipAddress"] == "127.0.0.1"
    assert current["id"] == to_global_id("Session", decode_access_token(settings, token).session_id or 0)


async def test_sessions_require_a_signed_in_user(gql: GQL) -> None:
    assert error_codes(await gql(SESSIONS)) == ["UNAUTHENTICATED"]


async def test_revoke_session_signs_out_that_session_only(app: Any, settings: Settings, factory: Factory) -> None:
    user = await factory.user()
    async with Browser(app, settings, "Laptop") as laptop, Browser(app, settings, "Phone") as phone:
        laptop_token = await laptop.login(user.email)
        phone_token = await phone.login(user.email)
        phone_session = to_global_id("Session", decode_access_token(settings, phone_token).session_id or 0)
        result = await laptop.post(REVOKE, {"id": phone_session}, token=laptop_token)
        assert result["data"]["revokeSession"] == {"revokedId": phone_session, "userErrors": []}
        assert error_codes(await phone.op("Me", token=phone_token)) == ["UNAUTHENTICATED"]
        assert error_codes(await phone.refresh()) == ["UNAUTHENTICATED"]
        assert (await laptop.op("Me", token=laptop_token))["data"]["me"]["email"] == user.email
        assert (await laptop.refresh())["data"]["refreshSession"]["accessToken"]


async def test_cross_tenant_revoke_session_of_another_user_is_not_found_and_changes_nothing(
    app: Any, settings: Settings, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    """Cross-user (and cross-tenant): another member's session id looks exactly like a missing one."""
    me = await factory.member()
    victim = await factory.member()
    async with Browser(app, settings) as browser:
        victim_token = await browser.login(victim.user.email)
    victim_family = decode_access_token(settings, victim_token).session_id or 0
    async with unchanged(owner_db, me, victim):
        victims = {"id": to_global_id("Session", victim_family)}
        foreign = await browser_free_post(app, settings, REVOKE, victims, me.token)
        missing = await browser_free_post(app, settings, REVOKE, {"id": to_global_id("Session", 2**31 - 1)}, me.token)
        assert error_codes(foreign) == error_codes(missing) == ["NOT_FOUND"]
        assert foreign["errors"][0]["message"] == missing["errors"][0]["message"]
        assert (await SessionFamily.get(id=victim_family)).revoked_at is None
        node = await browser_free_post(app, settings, NODE, victims, me.token)
        assert node["data"]["node"] is None


async def browser_free_post(app: Any, settings: Settings, query: str, variables: dict[str, Any],
                            token: str) -> dict[str, Any]:
    async with Browser(app, settings) as browser:
        return await browser.post(query, variables, token=token)


async def test_missing_role_revoke_session_requires_a_signed_in_user(
    app: Any, settings: Settings, gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    user = await factory.user()
    async with Browser(app, settings) as browser:
        family = decode_access_token(settings, await browser.login(user.email)).session_id or 0
    async with unchanged(owner_db):
        result = await gql(REVOKE, {"id": to_global_id("Session", family)})
        assert error_codes(result) == ["UNAUTHENTICATED"]
        assert result["data"] == {"revokeSession": None}
        assert (await SessionFamily.get(id=family)).revoked_at is None


async def test_node_resolves_my_own_session(app: Any, settings: Settings, factory: Factory) -> None:
    user = await factory.user()
    async with Browser(app, settings, "Tablet") as browser:
        token = await browser.login(user.email)
        gid = to_global_id("Session", decode_access_token(settings, token).session_id or 0)
        result = await browser.post(NODE, {"id": gid}, token=token)
    assert result["data"]["node"] == {"id": gid, "userAgent": "Tablet", "current": True}


async def test_refresh_without_a_cookie_is_unauthenticated(app: Any, settings: Settings) -> None:
    async with Browser(app, settings) as browser:
        result = await browser.refresh()
    assert error_codes(result) == ["UNAUTHENTICATED"]
    assert result["data"] == {"refreshSession": None}


async def test_refresh_after_the_family_expired_is_unauthenticated(app: Any, settings: Settings,
                                                                   factory: Factory) -> None:


    user = await factory.user()
    async with Browser(app, settings) as browser:
        await browser.login(user.email)
        cookie = browser.refresh_token
        assert cookie is not None
        await RefreshToken.filter(token_hash=hash_secret(cookie)).update(
            expires_at=datetime.now(UTC) - timedelta(seconds=1)
        )
        assert error_codes(await browser.refresh()) == ["UNAUTHENTICATED"]


async def test_change_password_checks_the_current_one(gql: GQL, factory: Factory) -> None:
    actor = await factory.member()
    result = await gql(CHANGE_PASSWORD, {"input": {"currentPassword": "wrong one!", "newPassword": "another long one"}},
                       actor=actor)
    payload = result["data"]["changePassword"]
    assert payload["user"] is None
    assert payload["userErrors"] == [{"field": ["currentPassword"], "code": "INVALID_CREDENTIALS"}]
    row = await User.get(id=actor.user.id)
    assert row.password_hash == actor.user.password_hash and row.failed_logins == 1


async def test_change_password_rejects_a_weak_new_password(gql: GQL, factory: Factory) -> None:
    actor = await factory.member()
    result = await gql(CHANGE_PASSWORD, {"input": {"currentPassword": DEFAULT_PASSWORD, "newPassword": "short"}},
                       actor=actor)
    assert result["data"]["changePassword"]["userErrors"] == [{"field": ["newPassword"], "code": "WEAK_PASSWORD"}]
    assert (await User.get(id=actor.user.id)).password_hash == actor.user.password_hash


async def test_change_password_requires_a_signed_in_user_and_ignores_foreign_tenants(
    gql: GQL, factory: Factory
) -> None:
    variables = {"input": {"currentPassword": DEFAULT_PASSWORD, "newPassword": "another long one"}}
    assert error_codes(await gql(CHANGE_PASSWORD, variables)) == ["UNAUTHENTICATED"]
    actor = await factory.member()
    foreign = await factory.tenant()
    assert error_codes(await gql(CHANGE_PASSWORD, variables, actor=actor, tenant=foreign)) == ["FORBIDDEN"]
    assert (await User.get(id=actor.user.id)).password_hash == actor.user.password_hash


async def test_change_password_then_sign_in_with_the_new_one(app: Any, settings: Settings,
                                                             factory: Factory) -> None:
    user = await factory.user()
    async with Browser(app, settings) as browser:
        token = await browser.login(user.email)
        result = await browser.post(
            CHANGE_PASSWORD, {"input": {"currentPassword": DEFAULT_PASSWORD, "newPassword": "another long one"}},
            token=token,
        )
        assert result["data"]["changePassword"]["user"]["email"] == user.email
        assert browser.refresh_token is None
        assert (await browser.op("Login", login_input(user.email)))["data"]["login"]["accessToken"] is None
        assert await browser.login(user.email, "another long one")


async def test_update_preferences_are_kept_on_the_server(gql: GQL, factory: Factory) -> None:
    actor = await factory.member()
    result = await gql(PREFERENCES, {"input": {"theme": "dark", "language": "he"}}, actor=actor)
    assert result["data"]["updatePreferences"] == {"preferences": {"theme": "dark", "language": "he"},
                                                   "userErrors": []}
    partial = await gql(PREFERENCES, {"input": {"language": "yi"}}, actor=actor)
    assert partial["data"]["updatePreferences"]["preferences"] == {"theme": "dark", "language": "yi"}
    me = await gql(ME_PREFERENCES, actor=actor)
    assert me["data"]["me"]["preferences"] == {"theme": "dark", "language": "yi"}


async def test_update_preferences_rejects_unknown_values_and_writes_nothing(gql: GQL, factory: Factory) -> None:
    actor = await factory.member()
    result = await gql(PREFERENCES, {"input": {"theme": "neon", "language": "he"}}, actor=actor)
    payload = result["data"]["updatePreferences"]
    assert payload["preferences"] is None
    assert payload["userErrors"] == [{"field": ["theme"], "code": "INVALID"}]
    row = await User.get(id=actor.user.id)
    assert (row.theme, row.language) == ("system", "en")
    bad_language = await gql(PREFERENCES, {"input": {"language": "../etc"}}, actor=actor)
    assert bad_language["data"]["updatePreferences"]["userErrors"] == [{"field": ["language"], "code": "INVALID"}]


async def test_update_preferences_requires_a_signed_in_user_in_a_tenant_of_theirs(gql: GQL,
                                                                                  factory: Factory) -> None:
    assert error_codes(await gql(PREFERENCES, {"input": {"theme": "dark"}})) == ["UNAUTHENTICATED"]
    actor = await factory.member()
    foreign = await factory.tenant()
    assert error_codes(await gql(PREFERENCES, {"input": {"theme": "dark"}}, actor=actor, tenant=foreign)) == [
        "FORBIDDEN"
    ]
    assert (await User.get(id=actor.user.id)).theme == "system"


async def test_change_password_ends_the_token_that_asked_for_it(gql: GQL, factory: Factory) -> None:
    actor = await factory.member()
    variables = {"input": {"currentPassword": DEFAULT_PASSWORD, "newPassword": "another long one"}}
    result = await gql(CHANGE_PASSWORD, variables, actor=actor)
    assert result["data"]["changePassword"]["userErrors"] == []
    assert error_codes(await gql.op("Me", actor=actor)) == ["UNAUTHENTICATED"]


async def test_revoke_session_closes_that_sessions_websocket_only(app: Any, settings: Settings,
                                                                  factory: Factory) -> None:
    user = await factory.user()
    async with Browser(app, settings) as laptop, Browser(app, settings) as phone, serve_in_process(app) as base:
        laptop_token = await laptop.login(user.email)
        phone_token = await phone.login(user.email)
        laptop_socket = await WSClient.signed_in(f"{base}/graphql", f"Bearer {laptop_token}")
        phone_socket = await WSClient.signed_in(f"{base}/graphql", f"Bearer {phone_token}")
        try:
            laptop_session = to_global_id("Session", decode_access_token(settings, laptop_token).session_id or 0)
            result = await phone.post(REVOKE, {"id": laptop_session}, token=phone_token)
            assert result["data"]["revokeSession"]["revokedId"] == laptop_session
            assert await laptop_socket.close_code(timeout=10) == 4403
            assert await phone_socket.still_open()
        finally:
            await laptop_socket.close()
            await phone_socket.close()
