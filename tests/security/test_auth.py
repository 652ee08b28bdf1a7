"""SECURITY-MATRIX rows A1–A3, J1–J3 and S1–S5: sign-in, tokens and sessions, through HTTP and websockets."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import redis.asyncio as aioredis
from argon2 import PasswordHasher
from pydantic import ValidationError
from starlette.responses import Response
from websockets.exceptions import ConnectionClosed

import services.passwords as passwords
from config import Settings
from models.identity import RefreshToken, SessionFamily, User
from services.principals import denylist_key
from services.sessions import revoke_user_sessions, rotate, set_refresh_cookie, start_session
from services.tokens import decode_access_token, hash_secret, new_secret
from tests.conftest import DEFAULT_PASSWORD, GQL, Factory, error_codes, unique
from tests.identity.helpers import Browser, live_server, login_input, new_email, open_socket, signed_token

NEW_PASSWORD = "a brand new passphrase"
CHANGE_PASSWORD = """mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) { user { id } userErrors { field code } }
}"""
PUBLIC_KEY_PEM = b"""-----BEGIN PUBLIC KEY-----
MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDMVfLfyWrRZqt5mefkYH7YsnRj
CAmAecXLIOwFj+g9/8jOScGi7JCQJ7gFhgAemrrePl3ARv7jOwBpt+Au+7Nl9I5m
BvmScgu90LTfQfbEQC2ChMt8NZqR5Faun64ArDGdZKwCFvfPvsPPKF//HFJQ/oFr
QEk7Vmj2WKsT3KOfEQIDAQAB
-----END PUBLIC KEY-----
"""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def raw_jwt(header: dict[str, Any], claims: dict[str, Any], hmac_key: bytes | None, signature: bytes = b"") -> str:
    """A JWT assembled by hand (PyJWT refuses to make some of these)."""
    signing_input = f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(claims).encode())}"
    if hmac_key is not None:
        signature = hmac.new(hmac_key, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{_b64(signature)}"


def valid_claims(settings: Settings, user_id: int) -> dict[str, Any]:
    now = int(datetime.now(UTC).timestamp())
    return {
        "sub": str(user_id),
        "typ": "access",
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": now,
        "nbf": now,
        "exp": now + 600,
        "jti": unique("jti"),
    }


async def long_standing_user(factory: Factory) -> User:
    """A user whose password is a day old, so only the claim under test can refuse a token."""
    user = await factory.user()
    user.password_changed_at = datetime.now(UTC) - timedelta(days=1)
    await User.filter(id=user.id).update(password_changed_at=user.password_changed_at)
    return user


async def me_codes(gql: GQL, authorization: str) -> list[str]:
    result = await gql.op("Me", headers={"Authorization": authorization})
    assert result.get("data") is None or result["data"].get("me") is None
    return error_codes(result)


async def live_tokens(family_id: int) -> int:
    return await RefreshToken.filter(family_id=family_id, replaced_at__isnull=True).count()


# --- A: sign-in ---------------------------------------------------------------------------------------------


async def test_A1_wrong_password_locked_account_and_unknown_email_answer_alike(
    app: Any, settings: Settings, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    verifications: list[int] = []
    original = passwords._verify

    def counting_verify(password_hash: str, password: str) -> bool:
        verifications.append(1)
        return original(password_hash, password)

    monkeypatch.setattr(passwords, "_verify", counting_verify)
    wrong = await factory.user()
    locked = await factory.user(
        failed_logins=settings.login_max_failures, locked_until=datetime.now(UTC) + timedelta(minutes=10)
    )
    answers = []
    for email, password in [
        (wrong.email, "not the password"),
        (locked.email, DEFAULT_PASSWORD),
        (new_email(), DEFAULT_PASSWORD),
    ]:
        async with Browser(app, settings) as browser:
            body = await browser.op("Login", login_input(email, password))
            assert browser.last_response is not None
            answers.append(
                (browser.last_response.status_code, body["data"], body.get("errors"), browser.set_cookie_headers())
            )
    assert answers[0] == answers[1] == answers[2]
    status, data, errors, cookies = answers[0]
    assert status == 200 and errors is None and cookies == []
    assert data["login"]["accessToken"] is None
    assert [e["code"] for e in data["login"]["userErrors"]] == ["INVALID_CREDENTIALS"]
    # The same work for each: one argon2 verification (a dummy hash for the unknown e-mail).
    assert len(verifications) == 3


async def test_A1_lockout_after_repeated_failures_is_time_bounded(
    gql: GQL, settings: Settings, factory: Factory
) -> None:
    user = await factory.user()
    for _ in range(settings.login_max_failures):
        result = await gql.op("Login", login_input(user.email, "not the password"))
        assert [e["code"] for e in result["data"]["login"]["userErrors"]] == ["INVALID_CREDENTIALS"]
    locked = await gql.op("Login", login_input(user.email))
    assert locked["data"]["login"]["accessToken"] is None
    row = await User.get(id=user.id)
    assert row.locked_until is not None
    assert row.locked_until <= datetime.now(UTC) + timedelta(seconds=settings.login_lockout_seconds)
    # The lock lapses by itself: once its time has passed, the right password works again.
    await User.filter(id=user.id).update(locked_until=datetime.now(UTC) - timedelta(seconds=1))
    result = await gql.op("Login", login_input(user.email))
    assert result["data"]["login"]["accessToken"], result
    row = await User.get(id=user.id)
    assert row.failed_logins == 0 and row.locked_until is None


async def test_A2_aliased_logins_all_count_toward_lockout_and_only_the_first_runs(
    gql: GQL, settings: Settings, factory: Factory
) -> None:
    user = await factory.user()
    fields = " ".join(
        f'a{i}: login(input: {{email: $email, password: "{"guess-" + str(i) if i != 50 else DEFAULT_PASSWORD}"}})'
        " { accessToken userErrors { code } }"
        for i in range(100)
    )
    result = await gql(f"mutation Guess($email: String!) {{ {fields} }}", {"email": user.email})
    data = result["data"]
    assert [e["code"] for e in data["a0"]["userErrors"]] == ["INVALID_CREDENTIALS"]
    assert all(data[f"a{i}"] is None for i in range(1, 100))  # the right password (a50) never ran
    assert error_codes(result) == ["OPERATION_NOT_ALLOWED"] * 99
    row = await User.get(id=user.id)
    assert row.failed_logins == 100 and row.locked_until is not None
    assert (await gql.op("Login", login_input(user.email)))["data"]["login"]["accessToken"] is None


async def test_A2_refused_logins_still_count_when_sent_by_a_signed_in_member(gql: GQL, settings: Settings,
                                                                              factory: Factory) -> None:
    """The member's one synagogue puts the operation in a tenant transaction: the counts still stick."""
    attacker = await factory.member()
    victim = await factory.user()
    fields = " ".join(
        f'a{i}: login(input: {{email: $email, password: "guess-{i}"}}) {{ accessToken }}'
        for i in range(settings.login_max_failures)
    )
    result = await gql(f"mutation Guess($email: String!) {{ {fields} }}", {"email": victim.email}, actor=attacker)
    assert error_codes(result) == ["OPERATION_NOT_ALLOWED"] * (settings.login_max_failures - 1)
    row = await User.get(id=victim.id)
    assert row.failed_logins == settings.login_max_failures and row.locked_until is not None


async def test_A2_mixed_auth_mutations_in_one_request_are_refused_after_the_first(gql: GQL, factory: Factory) -> None:
    user = await factory.user()
    email = new_email()
    query = """mutation Mixed($email: String!, $new: String!) {
      r: register(input: {email: $new, password: "long enough pw"}) { user { id } }
      l: login(input: {email: $email, password: "correct horse battery"}) { accessToken }
      s: refreshSession { accessToken }
    }"""
    result = await gql(query, {"email": user.email, "new": email})
    assert result["data"]["r"]["user"] is not None
    assert result["data"]["l"] is None and result["data"]["s"] is None
    assert error_codes(result) == ["OPERATION_NOT_ALLOWED", "OPERATION_NOT_ALLOWED"]
    assert (await User.get(id=user.id)).failed_logins == 1


async def test_A2_a_batch_of_logins_never_yields_more_than_one_token(gql: GQL, factory: Factory) -> None:
    user = await factory.user()
    from tests.documents import client_document

    operation = {"query": client_document("Login"), "operationName": "Login", "variables": login_input(user.email)}
    response = await gql.http.post("/graphql", json=[operation] * 100)
    if response.status_code == 400:  # batching off (the default)
        return
    assert response.status_code == 200
    answers = response.json()
    tokens = [a["data"]["login"]["accessToken"] for a in answers if (a.get("data") or {}).get("login")]
    assert len([t for t in tokens if t]) <= 1


async def test_A3_passwords_are_argon2id_with_default_parameters_or_stronger(gql: GQL) -> None:
    email = new_email()
    result = await gql.op("Register", {"input": {"email": email, "password": "long enough pw"}})
    assert result["data"]["register"]["userErrors"] == []
    stored = (await User.get(email=email)).password_hash
    variant, version, params = stored.split("$")[1:4]
    assert variant == "argon2id" and version == "v=19"
    values = dict(part.split("=") for part in params.split(","))
    defaults = PasswordHasher()
    assert int(values["m"]) >= defaults.memory_cost
    assert int(values["t"]) >= defaults.time_cost
    assert int(values["p"]) >= defaults.parallelism


async def test_A3_a_weaker_hash_is_upgraded_at_login(gql: GQL, factory: Factory) -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(DEFAULT_PASSWORD)
    user = await factory.user(password_hash=weak)
    failed = await gql.op("Login", login_input(user.email, "not the password"))
    assert failed["data"]["login"]["accessToken"] is None
    assert (await User.get(id=user.id)).password_hash == weak  # only a proven password is rehashed
    result = await gql.op("Login", login_input(user.email))
    assert result["data"]["login"]["accessToken"]
    upgraded = (await User.get(id=user.id)).password_hash
    assert upgraded != weak and not passwords.needs_rehash(upgraded)
    assert PasswordHasher().verify(upgraded, DEFAULT_PASSWORD)


async def test_A3_hashing_never_runs_on_the_event_loop_thread(
    gql: GQL, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[int] = []
    original_hash, original_verify = passwords._hash, passwords._verify

    def spy_hash(password: str) -> str:
        threads.append(threading.get_ident())
        return original_hash(password)

    def spy_verify(password_hash: str, password: str) -> bool:
        threads.append(threading.get_ident())
        return original_verify(password_hash, password)

    monkeypatch.setattr(passwords, "_hash", spy_hash)
    monkeypatch.setattr(passwords, "_verify", spy_verify)
    email = new_email()
    await gql.op("Register", {"input": {"email": email, "password": "long enough pw"}})
    await gql.op("Login", login_input(email, "long enough pw"))
    await gql.op("Login", login_input(new_email(), "long enough pw"))
    assert len(threads) == 3
    assert threading.get_ident() not in threads


# --- J: tokens ----------------------------------------------------------------------------------------------


async def test_J1_alg_none_hmac_with_a_public_key_and_forged_kid_or_jku_are_unauthenticated(
    gql: GQL, settings: Settings, factory: Factory
) -> None:
    user = await long_standing_user(factory)
    claims = valid_claims(settings, user.id)
    forged = [
        raw_jwt({"alg": "none", "typ": "at+jwt"}, claims, None),
        raw_jwt({"alg": "None", "typ": "at+jwt"}, claims, None),
        raw_jwt({"alg": "HS256", "typ": "at+jwt"}, claims, PUBLIC_KEY_PEM),
        raw_jwt({"alg": "RS256", "typ": "at+jwt"}, claims, None, signature=b"\x01" * 128),
        raw_jwt({"alg": "HS256", "typ": "at+jwt", "kid": "../../../../dev/null"}, claims, b""),
        raw_jwt(
            {"alg": "HS256", "typ": "at+jwt", "jku": "https://attacker.example/jwks.json", "kid": "k1"},
            claims,
            b"the attacker's own secret",
        ),
        signed_token(
            settings,
            user.id,
            key="the attacker's own secret",
            headers={"jwk": {"kty": "oct", "k": _b64(b"the attacker's own secret")}},
        ),
    ]
    for token in forged:
        assert await me_codes(gql, f"Bearer {token}") == ["UNAUTHENTICATED"], token
    assert (await gql.op("Me", headers={"Authorization": f"Bearer {signed_token(settings, user.id)}"}))["data"]


async def test_J2_expired_not_yet_valid_wrong_issuer_or_audience_are_unauthenticated(
    gql: GQL, settings: Settings, factory: Factory
) -> None:
    user = await long_standing_user(factory)
    now = int(datetime.now(UTC).timestamp())
    bad = [
        signed_token(settings, user.id, iat=now - 1000, nbf=now - 1000, exp=now - 61),
        signed_token(settings, user.id, nbf=now + 61, iat=now + 61, exp=now + 600),
        signed_token(settings, user.id, iss="someone-else"),
        signed_token(settings, user.id, aud="another-api"),
        signed_token(settings, user.id, exp=None),
        signed_token(settings, user.id, jti=None),
    ]
    for token in bad:
        assert await me_codes(gql, f"Bearer {token}") == ["UNAUTHENTICATED"], token
    # A clock skew inside the leeway is tolerated; the leeway itself can never exceed 60 seconds.
    skewed = signed_token(settings, user.id, iat=now - 600, nbf=now - 600, exp=now - settings.jwt_leeway_seconds // 2)
    assert (await gql.op("Me", headers={"Authorization": f"Bearer {skewed}"}))["data"]["me"]["id"]
    assert settings.jwt_leeway_seconds <= 60
    with pytest.raises(ValidationError):
        Settings(jwt_leeway_seconds=61)


async def test_J3_refresh_device_and_partner_secrets_are_not_access_tokens(
    app: Any, gql: GQL, settings: Settings, factory: Factory
) -> None:
    user = await long_standing_user(factory)
    async with Browser(app, settings) as browser:
        access = await browser.login(user.email)
        refresh = browser.refresh_token
    assert refresh is not None
    swapped = [
        refresh,
        new_secret("device"),
        new_secret("partner"),
        new_secret("device_code"),
        signed_token(settings, user.id, typ="refresh"),
        signed_token(settings, user.id, typ="device"),
        signed_token(settings, user.id, headers={"typ": "JWT"}),
    ]
    for credential in swapped:
        assert await me_codes(gql, f"Bearer {credential}") == ["UNAUTHENTICATED"], credential
    # And the other way round: an access token (or another kind's secret) is no refresh cookie.
    for cookie in (access, new_secret("device"), new_secret("partner"), "sgr_" + "x" * 43):
        async with Browser(app, settings) as browser:
            browser.set_refresh_token(cookie)
            assert error_codes(await browser.refresh()) == ["UNAUTHENTICATED"], cookie
    assert (await gql.op("Me", headers={"Authorization": f"Bearer {access}"}))["data"]["me"]["id"]


# --- S: sessions --------------------------------------------------------------------------------------------


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
    with pytest.raises(Exception) as refused:
        await rotate(settings, session.refresh_token)
    assert getattr(refused.value, "code", None) == "UNAUTHENTICATED"
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


async def _closed_with(websocket: Any) -> int | None:
    try:
        while True:
            await asyncio.wait_for(websocket.recv(), 10)
    except ConnectionClosed as closed:
        return closed.rcvd.code if closed.rcvd else None


async def _still_open(websocket: Any) -> bool:
    await websocket.send(json.dumps({"type": "ping"}))
    reply = json.loads(await asyncio.wait_for(websocket.recv(), 10))
    return bool(reply["type"] == "pong")


async def test_S5_password_change_revokes_every_session_and_closes_the_users_websockets(
    app: Any, settings: Settings, factory: Factory
) -> None:
    user = await factory.user()
    bystander = await factory.member()
    async with Browser(app, settings) as laptop, Browser(app, settings) as phone, live_server(app) as base:
        laptop_token = await laptop.login(user.email)
        phone_token = await phone.login(user.email)
        socket = await open_socket(base, f"Bearer {laptop_token}")
        other = await open_socket(base, f"Bearer {bystander.token}")
        try:
            result = await phone.post(
                CHANGE_PASSWORD,
                {"input": {"currentPassword": DEFAULT_PASSWORD, "newPassword": NEW_PASSWORD}},
                token=phone_token,
            )
            assert result["data"]["changePassword"]["userErrors"] == [], result
            assert await _closed_with(socket) == 4403
            assert await _still_open(other)
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
    async with Browser(app, settings) as browser, live_server(app) as base:
        token = await browser.login(user.email)
        socket = await open_socket(base, f"Bearer {token}")
        try:
            revoked = await revoke_user_sessions(user.id, "membership_removed", app.state.broadcast)
            assert revoked == 1
            assert await _closed_with(socket) == 4403
        finally:
            await socket.close()
        assert error_codes(await browser.refresh()) == ["UNAUTHENTICATED"]
        assert error_codes(await browser.op("Me", token=token)) == ["UNAUTHENTICATED"]
    families = await SessionFamily.filter(user_id=user.id)
    assert [family.revoked_reason for family in families] == ["membership_removed"]
