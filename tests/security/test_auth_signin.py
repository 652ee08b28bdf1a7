"""SECURITY-MATRIX rows A1–A3: sign-in answers alike, counts every attempt, and stores passwords with argon2id."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from argon2 import PasswordHasher

import services.identity.passwords as passwords
from config import Settings
from models.identity import User
from tests.support.actors import DEFAULT_PASSWORD, Factory
from tests.support.documents import client_document
from tests.support.graphql import GQL, error_codes
from tests.support.identity import Browser, login_input, new_email


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
