"""Registration and sign-in inputs: one form of each e-mail, bounded passwords, userErrors with field + code."""

from __future__ import annotations

from typing import Any

import asyncpg
import pytest

import services.identity.passwords as passwords
from config import Settings
from models.identity import User
from services.identity.users import MAX_PASSWORD_LENGTH
from tests.support.actors import Factory, unique
from tests.support.graphql import GQL, error_codes, fresh_address
from tests.support.identity import Browser, login_input
from tests.support.snapshot import unchanged

PASSWORD = "long enough pw"
HUGE = "p" * 500_000  # within the body limit, far beyond any password


def problems(result: dict[str, Any]) -> list[tuple[list[str] | None, str]]:
    return [(e["field"], e["code"]) for e in result["data"]["register"]["userErrors"]]


def counting_verify(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Records the length of every password argon2 verifies."""
    lengths: list[int] = []
    original = passwords._verify

    def verify(password_hash: str, password: str) -> bool:
        lengths.append(len(password))
        return original(password_hash, password)

    monkeypatch.setattr(passwords, "_verify", verify)
    return lengths


async def test_register_stores_one_form_of_an_email_whatever_its_unicode_case_or_spaces(gql: GQL) -> None:
    local = unique("rivka").replace("-", "")
    fullwidth = "".join(chr(ord(c) - 0x20 + 0xFF00) if c.isalnum() else c for c in local.upper())
    result = await gql.op("Register", {"input": {"email": f"\t{fullwidth}＠EXAMPLE.org \n", "password": PASSWORD}})
    assert result["data"]["register"]["userErrors"] == []
    assert result["data"]["register"]["user"]["email"] == f"{local}@example.org"
    assert await User.exists(email=f"{local}@example.org")


async def test_register_treats_composed_and_decomposed_accents_as_one_email(gql: GQL) -> None:
    local = unique("rene").replace("-", "")
    composed = f"{local}\u00e9@example.org"
    decomposed = f"{local}e\u0301@example.org"
    first = await gql.op("Register", {"input": {"email": decomposed, "password": PASSWORD}})
    assert first["data"]["register"]["user"]["email"] == composed
    second = await gql.op("Register", {"input": {"email": composed.upper(), "password": PASSWORD}})
    assert problems(second) == [(["email"], "TAKEN")]


@pytest.mark.parametrize(
    "email",
    [
        "zero\u200bwidth@example.org",
        "new\nline@example.org",
        "two@@example.org",
        "dots..twice@example.org",
        ".leading@example.org",
        "trailing@example.org.",
        "nodomain@localhost",
        ("x" * 250) + "@example.org",
        "",
    ],
)
async def test_register_rejects_a_malformed_email_with_field_and_code(gql: GQL, email: str) -> None:
    result = await gql.op("Register", {"input": {"email": email, "password": PASSWORD}})
    assert result["data"]["register"]["user"] is None
    assert problems(result) == [(["email"], "INVALID")]


async def test_register_rejects_an_over_long_password_without_hashing_it(
    gql: GQL, monkeypatch: pytest.MonkeyPatch
) -> None:
    hashed: list[int] = []

    def recording_hash(password: str) -> str:
        hashed.append(len(password))
        return "never"

    monkeypatch.setattr(passwords, "_hash", recording_hash)
    email = f"{unique('long')}@example.org"
    result = await gql.op("Register", {"input": {"email": email, "password": HUGE}})
    assert problems(result) == [(["password"], "TOO_LONG")]
    assert hashed == [] and not await User.exists(email=email)
    at_limit = await gql.op("Register", {"input": {"email": email, "password": "p" * MAX_PASSWORD_LENGTH}})
    assert problems(at_limit) == [] and hashed == [MAX_PASSWORD_LENGTH]


@pytest.mark.parametrize("password", [" " * 12, "\t" * 20])
async def test_register_rejects_a_blank_password(gql: GQL, password: str) -> None:
    result = await gql.op("Register", {"input": {"email": f"{unique('b')}@example.org", "password": password}})
    assert problems(result) == [(["password"], "WEAK_PASSWORD")]


async def test_register_rejects_the_email_as_password(gql: GQL) -> None:
    email = f"{unique('same')}@example.org"
    result = await gql.op("Register", {"input": {"email": email, "password": email.upper()}})
    assert problems(result) == [(["password"], "WEAK_PASSWORD")]
    assert not await User.exists(email=email)


async def test_register_reports_every_bad_field_and_writes_nothing(gql: GQL) -> None:
    result = await gql.op(
        "Register", {"input": {"email": "bad", "password": "short", "displayName": "Rivka\u202e"}}
    )
    assert problems(result) == [(["email"], "INVALID"), (["password"], "WEAK_PASSWORD"), (["displayName"], "INVALID")]
    control = await gql.op("Register", {"input": {"email": "bad", "password": "short", "displayName": "Rivka\u0000"}})
    assert error_codes(control) == ["BAD_USER_INPUT"]  # a control character is refused at the edge (B1)
    long_name = await gql.op(
        "Register", {"input": {"email": f"{unique('n')}@example.org", "password": PASSWORD, "displayName": "n" * 201}}
    )
    assert problems(long_name) == [(["displayName"], "TOO_LONG")]
    mixed = "\u05e8\u05d1\u05e7\u05d4\u200f Rivka \U0001f469\u200d\U0001f52c"  # RLM and an emoji with ZWJ
    named = await gql.op(
        "Register", {"input": {"email": f"{unique('m')}@example.org", "password": PASSWORD, "displayName": mixed}}
    )
    assert problems(named) == [] and named["data"]["register"]["user"]["displayName"] == mixed


async def test_login_with_an_over_long_password_costs_one_bounded_check_and_counts_as_a_failure(
    app: Any, settings: Settings, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = await factory.user()
    lengths = counting_verify(monkeypatch)
    async with Browser(app, settings, address=fresh_address()) as browser:
        result = await browser.op("Login", login_input(user.email, HUGE))
        assert [e["code"] for e in result["data"]["login"]["userErrors"]] == ["INVALID_CREDENTIALS"]
        assert lengths == [MAX_PASSWORD_LENGTH]
        assert (await User.get(id=user.id)).failed_logins == 1
        unknown = await browser.op("Login", login_input(f"{unique('u')}@example.org", HUGE))
        assert unknown["data"]["login"] == result["data"]["login"]
        assert lengths == [MAX_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH]


async def test_login_finds_the_account_under_any_form_of_its_email(app: Any, settings: Settings,
                                                                    factory: Factory) -> None:
    local = unique("chana").replace("-", "")
    user = await factory.user(email=f"{local}\u00e9@example.org")
    async with Browser(app, settings, address=fresh_address()) as browser:
        assert await browser.login(f"  {local.upper()}E\u0301@EXAMPLE.ORG ")
        too_long = await browser.op("Login", login_input("x" * 5000 + user.email))
        assert too_long["data"]["login"]["userErrors"][0]["code"] == "INVALID_CREDENTIALS"


async def test_cross_tenant_register_by_a_member_with_a_foreign_tenant_header_is_forbidden_and_writes_nothing(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    member = await factory.member()
    foreign = await factory.tenant()
    email = f"{unique('f')}@example.org"
    async with unchanged(owner_db, member, foreign):
        registration = {"input": {"email": email, "password": PASSWORD}}
        result = await gql.op("Register", registration, actor=member, tenant=foreign)
        assert error_codes(result) == ["FORBIDDEN"]
        assert not await User.exists(email=email)


async def test_missing_role_preferences_need_a_signed_in_user(gql: GQL, owner_db: asyncpg.Connection) -> None:
    query = "mutation P($input: UpdatePreferencesInput!) { updatePreferences(input: $input) { userErrors { code } } }"
    async with unchanged(owner_db):
        assert error_codes(await gql(query, {"input": {"theme": "dark"}})) == ["UNAUTHENTICATED"]


async def test_register_counts_a_passwords_length_in_the_form_it_is_hashed_in(gql: GQL, settings: Settings) -> None:
    short = "e\u0301" * (settings.password_min_length - 1)  # twice the minimum as typed; NFKC makes each pair one "é"
    email = f"{unique('nfkc')}@example.org"
    result = await gql.op("Register", {"input": {"email": email, "password": short}})
    assert problems(result) == [(["password"], "WEAK_PASSWORD")]
    assert not await User.exists(email=email)
