"""Login, logout and registration through HTTP, as the admin app sends them."""

from __future__ import annotations

from typing import Any

from config import Settings
from models.identity import SessionFamily, User
from services.identity.tokens import decode_access_token
from services.infra.ids import to_global_id
from tests.support.actors import DEFAULT_PASSWORD, Factory
from tests.support.graphql import GQL, error_codes
from tests.support.identity import Browser, login_input, new_email
from tests.support.servers import redis_down


async def test_register_creates_a_user_with_a_normalised_email(gql: GQL) -> None:
    email = new_email()
    result = await gql.op("Register", {"input": {"email": f"  {email.upper()} ", "password": "long enough pw",
                                                 "displayName": "Rivka"}})
    payload = result["data"]["register"]
    assert payload["userErrors"] == []
    assert payload["user"]["email"] == email and payload["user"]["displayName"] == "Rivka"
    user = await User.get(email=email)
    assert user.password_hash.startswith("$argon2id$")
    assert payload["user"]["id"] == to_global_id("User", user.id)


async def test_register_rejects_a_weak_password_and_writes_nothing(gql: GQL, settings: Settings) -> None:
    email = new_email()
    weak = "x" * (settings.password_min_length - 1)
    result = await gql.op("Register", {"input": {"email": email, "password": weak}})
    payload = result["data"]["register"]
    assert payload["user"] is None
    assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(["password"], "WEAK_PASSWORD")]
    assert not await User.exists(email=email)


async def test_register_rejects_a_taken_email_in_any_case(gql: GQL, factory: Factory) -> None:
    user = await factory.user()
    result = await gql.op("Register", {"input": {"email": user.email.upper(), "password": "long enough pw"}})
    payload = result["data"]["register"]
    assert payload["user"] is None
    assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(["email"], "TAKEN")]


async def test_register_rejects_a_malformed_email(gql: GQL) -> None:
    result = await gql.op("Register", {"input": {"email": "not-an-address", "password": "long enough pw"}})
    assert [(e["field"], e["code"]) for e in result["data"]["register"]["userErrors"]] == [(["email"], "INVALID")]


async def test_login_returns_a_session_bound_token_and_the_user(app: Any, settings: Settings,
                                                                factory: Factory) -> None:
    user = await factory.user(email=new_email())
    async with Browser(app, settings, user_agent="Firefox/140") as browser:
        result = await browser.op("Login", login_input(user.email.upper()))
        payload = result["data"]["login"]
        assert payload["userErrors"] == []
        assert payload["user"] == {"id": to_global_id("User", user.id), "email": user.email, "displayName": ""}
        claims = decode_access_token(settings, payload["accessToken"])
        assert claims.user_id == user.id and claims.session_id is not None
        assert payload["accessTokenExpiresAt"].startswith(claims.expires_at.isoformat()[:19])
        family = await SessionFamily.get(id=claims.session_id)
        assert family.user_id == user.id and family.user_agent == "Firefox/140"
        assert browser.refresh_token is not None and browser.refresh_token.startswith("sgr_")
        me = await browser.op("Me", token=payload["accessToken"])
        assert me["data"]["me"]["email"] == user.email


async def test_login_with_a_wrong_password_is_a_user_error(gql: GQL, factory: Factory) -> None:
    user = await factory.user()
    result = await gql.op("Login", login_input(user.email, "not the password"))
    payload = result["data"]["login"]
    assert payload["accessToken"] is None and payload["user"] is None
    assert [e["code"] for e in payload["userErrors"]] == ["INVALID_CREDENTIALS"]
    assert gql.last_response is not None and "set-cookie" not in gql.last_response.headers


async def test_logout_without_any_credential_just_clears_the_cookie(gql: GQL, settings: Settings) -> None:
    result = await gql.op("Logout")
    assert result["data"] == {"logout": {"ok": True}} and "errors" not in result
    assert gql.last_response is not None
    cookie = gql.last_response.headers["set-cookie"]
    assert cookie.startswith(f"{settings.refresh_cookie_name}=") and "Max-Age=0" in cookie


async def test_logout_ends_the_access_token_and_the_session(app: Any, settings: Settings, factory: Factory) -> None:
    user = await factory.user()
    async with Browser(app, settings) as browser:
        token = await browser.login(user.email, DEFAULT_PASSWORD)
        family_id = decode_access_token(settings, token).session_id
        assert (await browser.op("Logout", token=token))["data"]["logout"]["ok"] is True
        assert browser.refresh_token is None
        assert error_codes(await browser.op("Me", token=token)) == ["UNAUTHENTICATED"]
        family = await SessionFamily.get(id=family_id)
        assert family.revoked_at is not None and family.revoked_reason == "logout"


async def test_logout_with_the_token_store_down_fails_closed_and_still_ends_the_session(
    app: Any, settings: Settings, factory: Factory
) -> None:
    user = await factory.user()
    async with Browser(app, settings) as browser:
        token = await browser.login(user.email)
        family_id = decode_access_token(settings, token).session_id
        async with redis_down():
            assert error_codes(await browser.op("Me", token=token)) == ["UNAVAILABLE"]
            assert error_codes(await browser.op("Logout", token=token)) == ["UNAVAILABLE"]
            assert browser.refresh_token is None
        assert (await SessionFamily.get(id=family_id)).revoked_reason == "logout"
        assert error_codes(await browser.op("Me", token=token)) == ["UNAUTHENTICATED"]
