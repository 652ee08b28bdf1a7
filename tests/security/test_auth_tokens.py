"""SECURITY-MATRIX rows J1–J3: access tokens are checked with fixed algorithms, claims and token kinds."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pydantic import ValidationError

from config import Settings
from models.identity import User
from services.identity.tokens import new_secret
from tests.support.actors import Factory, unique
from tests.support.graphql import GQL, error_codes
from tests.support.identity import Browser, signed_token

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


@pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")  # forged with a short key on purpose
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
