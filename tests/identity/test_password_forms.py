"""Passwords are one password in any Unicode form: hashed and checked in NFKC, and hashes made from the
password as typed (before normalisation) still verify and are upgraded at the next sign-in."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from argon2 import PasswordHasher, Type
from argon2.exceptions import VerifyMismatchError

import services.identity.passwords as passwords
from config import Settings
from models.identity import User
from tests.support.actors import DEFAULT_PASSWORD, Factory, unique
from tests.support.graphql import GQL, fresh_address
from tests.support.identity import Browser, login_input

DECOMPOSED = "Cafe\u0301 au lait, 5770"  # e + combining acute accent
COMPOSED = "Caf\u00e9 au lait, 5770"  # é as one code point
FULLWIDTH = "Ｃａｆ\u00e9 ａｕ ｌａｉｔ, ５７７０"  # NFKC maps it to COMPOSED


def matches(password_hash: str, password: str) -> bool:
    try:
        return PasswordHasher(type=Type.ID).verify(password_hash, password)
    except VerifyMismatchError:
        return False


def login_errors(result: dict[str, Any]) -> list[str]:
    return [e["code"] for e in result["data"]["login"]["userErrors"]]


def test_the_forms_are_one_password_in_nfkc() -> None:
    assert unicodedata.normalize("NFKC", DECOMPOSED) == COMPOSED == unicodedata.normalize("NFKC", FULLWIDTH)
    assert DECOMPOSED != COMPOSED != FULLWIDTH


async def test_register_stores_the_normalised_form_and_every_form_signs_in(
    app: Any, settings: Settings, gql: GQL
) -> None:
    email = f"{unique('nfkc')}@example.org"
    result = await gql.op("Register", {"input": {"email": email, "password": DECOMPOSED}})
    assert result["data"]["register"]["userErrors"] == []
    stored = (await User.get(email=email)).password_hash
    assert matches(stored, COMPOSED) and not matches(stored, DECOMPOSED)
    async with Browser(app, settings, address=fresh_address()) as browser:
        for form in (COMPOSED, DECOMPOSED, FULLWIDTH):
            assert await browser.login(email, form)
        assert login_errors(await browser.op("Login", login_input(email, "Cafe au lait, 5770"))) == [
            "INVALID_CREDENTIALS"
        ]


async def test_a_hash_of_the_password_as_typed_still_signs_in_and_is_upgraded_to_the_normalised_form(
    app: Any, settings: Settings, factory: Factory
) -> None:
    typed_hash = PasswordHasher(type=Type.ID).hash(DECOMPOSED)  # what registration stored before NFKC
    user = await factory.user(password_hash=typed_hash)
    async with Browser(app, settings, address=fresh_address()) as browser:
        assert await browser.login(user.email, DECOMPOSED)
        upgraded = (await User.get(id=user.id)).password_hash
        assert upgraded != typed_hash and matches(upgraded, COMPOSED) and not matches(upgraded, DECOMPOSED)
        assert await browser.login(user.email, FULLWIDTH)
    assert (await User.get(id=user.id)).failed_logins == 0


async def test_a_changed_password_is_stored_normalised(app: Any, settings: Settings, factory: Factory) -> None:
    user = await factory.user()
    async with Browser(app, settings, address=fresh_address()) as browser:
        token = await browser.login(user.email)
        change = "mutation C($input: ChangePasswordInput!) { changePassword(input: $input) { userErrors { code } } }"
        variables = {"input": {"currentPassword": DEFAULT_PASSWORD, "newPassword": FULLWIDTH}}
        result = await browser.post(change, variables, token=token)
        assert result["data"]["changePassword"]["userErrors"] == [], result
        assert matches((await User.get(id=user.id)).password_hash, COMPOSED)
        assert await browser.login(user.email, DECOMPOSED)


async def test_a_password_not_in_nfkc_costs_the_same_checks_with_or_without_an_account(
    app: Any, settings: Settings, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = await factory.user()
    checked: list[str] = []
    original = passwords._verify

    def verify(password_hash: str, password: str) -> bool:
        checked.append(password)
        return original(password_hash, password)

    monkeypatch.setattr(passwords, "_verify", verify)
    wrong = "wrong pa\u0301ssword"
    async with Browser(app, settings, address=fresh_address()) as browser:
        known = await browser.op("Login", login_input(user.email, wrong))
        with_account = list(checked)
        checked.clear()
        unknown = await browser.op("Login", login_input(f"{unique('none')}@example.org", wrong))
    assert known["data"]["login"] == unknown["data"]["login"]
    assert with_account == checked == [unicodedata.normalize("NFKC", wrong), wrong]
