"""SECURITY-MATRIX rows S1–S5: refresh rotation, replay, concurrent refreshes, logout and revocation."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import redis.asyncio as aioredis
from starlette.responses import Response

from config import Settings
from models.identity import RefreshToken, SessionFamily
from services.identity.principals import denylist_key
from services.identity.sessions import revoke_user_sessions, rotate, set_refresh_cookie, start_session
from services.identity.tokens import decode_access_token, hash_secret
from services.infra.errors import Unauthenticated
from tests.support.actors import DEFAULT_PASSWORD, Factory
from tests.support.graphql import GQL, error_codes
from tests.support.identity import Browser, login_input
from tests.support.live import serve_in_process
from tests.support.websocket import WSClient

NEW_PASSWORD = "a brand new passphrase"
CHANGE_PASSWORD = """mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) { user { id } userErrors { field code } }
}"""


async def live_tokens(family_id: int) -> int:
    return await RefreshToken.filter(family_id=family_id, replaced_at__isnull=True).count()


def assert_refresh_cookie(header: str, settings: Settings) -> None:
    attributes = [part.strip().lower() for part in header.split(";")]
    assert attributes[0].startswith(f"{settings.refresh_cookie_name}=sgr_".lower())
    assert "httponly" in attributes
    assert "samesite=strict" in attributes
    assert f"path={settings.refresh_cookie_path}" in attributes
    assert ("secure" in attributes) == settings.secure_cookies


async def test_S1_each_refresh_issues_a_new_cookie_and_the_old_token_dies(
    app: Any, settings: Settings, factory: Factory
) -> None:
    user = await factory.user()
    async with Browser(app, settings) as browser:
        await browser.login(user.email)
        [login_cookie] = browser.set_cookie_headers()
        assert_refresh_cookie(login_cookie, settings)
        first = browser.refresh_token
        seen = [first]
        for _ in range(2):
            result = await browser.refresh()
            payload = result["data"]["refreshSession"]
            assert payload["userErrors"] == [] and payload["accessToken"]
            [cookie] = browser.set_cookie_headers()
            assert_refresh_cookie(cookie, settings)
            assert browser.refresh_token not in seen
            seen.append(browser.refresh_token)
            me = await browser.op("Me", token=payload["accessToken"])
            assert me["data"]["me"]["email"] == user.email
    assert first is not None
    rotated = await RefreshToken.get(token_hash=hash_secret(first))
    assert rotated.replaced_at is not None
    async with Browser(app, settings) as thief:
        thief.set_refresh_token(first)
        assert error_codes(await thief.refresh()) == ["UNAUTHENTICATED"]


def test_S1_refresh_cookie_is_secure_outside_local_development() -> None:
    production = Settings(environment="production", jwt_secret="s" * 40)
    response = Response()
    set_refresh_cookie(response, production, "sgr_example")
    assert_refresh_cookie(response.headers["set-cookie"], production)
    assert "secure" in response.headers["set-cookie"].lower()
    assert response.headers["cache-control"] == "no-store"


async def test_S2_replayed_refresh_token_revokes_the_whole_family(
    app: Any, settings: Settings, factory: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    user = await factory.user()
    async with Browser(app, settings) as victim:
        access = await victim.login(user.email)
        stolen = victim.refresh_token
        assert stolen is not None
        assert (await victim.refresh())["data"]["refreshSession"]["accessToken"]
        newest = victim.refresh_token
        family_id = decode_access_token(settings, access).session_id
        assert family_id is not None
        past_grace = datetime.now(UTC) - timedelta(seconds=settings.refresh_grace_seconds + 5)
        await RefreshToken.filter(token_hash=hash_secret(stolen)).update(replaced_at=past_grace)
        async with Browser(app, settings) as attacker:
            attacker.set_refresh_token(stolen)
            assert error_codes(await attacker.refresh()) == ["UNAUTHENTICATED"]
            assert attacker.refresh_token is None
        family = await SessionFamily.get(id=family_id)
        assert family.revoked_at is not None and family.revoked_reason == "replay"
        assert victim.refresh_token == newest
        assert error_codes(await victim.refresh()) == ["UNAUTHENTICATED"]  # the newest token died too
        assert error_codes(await victim.op("Me", token=access)) == ["UNAUTHENTICATED"]
    events = [r for r in caplog.records if r.name == "shulgraph.security" and "replay" in r.getMessage()]
    assert [(getattr(r, "family_id", None), getattr(r, "user_id", None)) for r in events] == [(family_id, user.id)]


async def test_S3_concurrent_refreshes_with_one_token_never_make_two_live_successors(
    app: Any, settings: Settings, factory: Factory
) -> None:
    user = await factory.user()
    async with Browser(app, settings) as browser:
        access = await browser.login(user.email)
        shared = browser.refresh_token
    assert shared is not None
    family_id = decode_access_token(settings, access).session_id
    assert family_id is not None
    tabs = [Browser(app, settings) for _ in range(8)]
    for tab in tabs:
        tab.set_refresh_token(shared)
    results = await asyncio.gather(*(tab.refresh() for tab in tabs))
    rotated = [tab for tab in tabs if tab.set_cookie_headers()]
    assert len(rotated) == 1  # one tab got the successor; the others were answered within the grace window
    for result in results:
        assert result["data"]["refreshSession"]["accessToken"], result
    assert await live_tokens(family_id) == 1
    assert (await SessionFamily.get(id=family_id)).revoked_at is None
    assert (await rotated[0].refresh())["data"]["refreshSession"]["accessToken"]
    for tab in tabs:
        await tab.client.aclose()


async def test_S3_the_grace_window_serves_only_the_immediate_predecessor_and_never_a_refresh_token(
    settings: Settings, factory: Factory
) -> None:
    user = await factory.user()
    session = await start_session(settings, user.id)
    assert session.refresh_token is not None
    outcomes = await asyncio.gather(*(rotate(settings, session.refresh_token) for _ in range(10)))
    successors = [o.refresh_token for o in outcomes if o.refresh_token]
    assert len(successors) == 1 and await live_tokens(session.family_id) == 1
    # A token two rotations back is no longer within the grace window: that is a replay.
    await rotate(settings, successors[0])
    with pytest.raises(Unauthenticated) as refused:
        await rotate(settings, session.refresh_token)
    assert refused.value.code == "UNAUTHENTICATED"
    assert (await SessionFamily.get(id=session.family_id)).revoked_at is not None


async def test_S4_access_token_reused_after_logout_is_unauthenticated(
    app: Any, gql: GQL, settings: Settings, factory: Factory
) -> None:
    member = await factory.member()  # a token without a session: only the denylist can stop it
    assert (await gql.op("Logout", actor=member))["data"]["logout"]["ok"]
    assert error_codes(await gql.op("Me", actor=member)) == ["UNAUTHENTICATED"]
    jti = decode_access_token(settings, member.token).jti
    assert settings.redis_url is not None
    client = aioredis.Redis.from_url(settings.redis_url)
    try:
        ttl = await client.ttl(denylist_key(jti))
    finally:
        await client.aclose()
    assert 0 < ttl <= settings.access_token_ttl_seconds + settings.jwt_leeway_seconds + 1

    user = await factory.user()
    async with Browser(app, settings) as browser:
        access = await browser.login(user.email)
        cookie = browser.refresh_token
        assert cookie is not None
        await browser.op("Logout", token=access)
        [cleared] = browser.set_cookie_headers()
        assert "max-age=0" in cleared.lower() and browser.refresh_token is None
        assert error_codes(await browser.op("Me", token=access)) == ["UNAUTHENTICATED"]
        browser.set_refresh_token(cookie)
        assert error_codes(await browser.refresh()) == ["UNAUTHENTICATED"]
    family = await SessionFamily.get(id=decode_access_token(settings, access).session_id)
    assert family.revoked_reason == "logout"


async def test_S5_password_change_revokes_every_session_and_closes_the_users_websockets(
    app: Any, settings: Settings, factory: Factory
) -> None:
    user = await factory.user()
    bystander = await factory.member()
    async with Browser(app, settings) as laptop, Browser(app, settings) as phone, serve_in_process(app) as base:
        laptop_token = await laptop.login(user.email)
        phone_token = await phone.login(user.email)
        socket = await WSClient.signed_in(f"{base}/graphql", f"Bearer {laptop_token}")
        other = await WSClient.signed_in(f"{base}/graphql", f"Bearer {bystander.token}")
        try:
            result = await phone.post(
                CHANGE_PASSWORD,
                {"input": {"currentPassword": DEFAULT_PASSWORD, "newPassword": NEW_PASSWORD}},
                token=phone_token,
            )
            assert result["data"]["changePassword"]["userErrors"] == [], result
            assert await socket.close_code(timeout=10) == 4403
            assert await other.still_open()
        finally:
            await socket.close()
            await other.close()
        assert await SessionFamily.filter(user_id=user.id, revoked_at__isnull=True).count() == 0
        for browser, token in ((laptop, laptop_token), (phone, phone_token)):
            assert error_codes(await browser.op("Me", token=token)) == ["UNAUTHENTICATED"]
        assert error_codes(await laptop.refresh()) == ["UNAUTHENTICATED"]
        old = await laptop.op("Login", login_input(user.email))
        assert old["data"]["login"]["accessToken"] is None
        assert await laptop.login(user.email, NEW_PASSWORD)


async def test_S5_revoke_user_sessions_ends_sessions_and_open_sockets(
    app: Any, settings: Settings, factory: Factory
) -> None:
    """The call membership removal makes: every family revoked and the user's sockets closed."""
    user = await factory.user()
    async with Browser(app, settings) as browser, serve_in_process(app) as base:
        token = await browser.login(user.email)
        socket = await WSClient.signed_in(f"{base}/graphql", f"Bearer {token}")
        try:
            revoked = await revoke_user_sessions(user.id, "membership_removed", app.state.broadcast)
            assert revoked == 1
            assert await socket.close_code(timeout=10) == 4403
        finally:
            await socket.close()
        assert error_codes(await browser.refresh()) == ["UNAUTHENTICATED"]
        assert error_codes(await browser.op("Me", token=token)) == ["UNAUTHENTICATED"]
    families = await SessionFamily.filter(user_id=user.id)
    assert [family.revoked_reason for family in families] == ["membership_removed"]
