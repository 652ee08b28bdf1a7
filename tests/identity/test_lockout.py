"""Lockout and throttling say when to retry: the userError's `extensions.retryAfterSeconds`, the
THROTTLED error's extensions, and the Retry-After header."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
from limits import parse

from config import Settings
from models.identity import User
from services.identity.login_throttle import count_address_failure
from tests.support.actors import DEFAULT_PASSWORD, Factory
from tests.support.graphql import GQL, error_codes, fresh_address
from tests.support.identity import Browser, login_input, new_email
from tests.support.snapshot import unchanged

LOGIN_WITH_RETRY = """mutation LoginWithRetry($input: LoginInput!) {
  login(input: $input) { accessToken userErrors { field code message extensions { retryAfterSeconds } } }
}"""


async def fail(browser: Browser, email: str) -> dict[str, Any]:
    return await browser.post(LOGIN_WITH_RETRY, login_input(email, "not the password"))


def retry_after(result: dict[str, Any]) -> int | None:
    [error] = result["data"]["login"]["userErrors"]
    assert error["code"] == "INVALID_CREDENTIALS" and error["field"] is None
    extensions = error["extensions"]
    return None if extensions is None else int(extensions["retryAfterSeconds"])


async def test_a_locked_account_says_when_to_retry_in_the_user_error_and_the_header(
    app: Any, settings: Settings, factory: Factory
) -> None:
    user = await factory.user()
    async with Browser(app, settings, address=fresh_address()) as browser:
        for _ in range(settings.login_max_failures - 1):
            assert retry_after(await fail(browser, user.email)) is None
            assert browser.last_response is not None and "retry-after" not in browser.last_response.headers
        locking = retry_after(await fail(browser, user.email))
        assert locking is not None and settings.login_lockout_seconds - 60 < locking <= settings.login_lockout_seconds
        right = await browser.post(LOGIN_WITH_RETRY, login_input(user.email))
        assert right["data"]["login"]["accessToken"] is None
        seconds = retry_after(right)
        assert seconds is not None and seconds <= locking
        assert browser.last_response is not None and browser.last_response.status_code == 200
        assert int(browser.last_response.headers["retry-after"]) == seconds
        # The client document's selection is unchanged; the header still tells when to retry.
        plain = await browser.op("Login", login_input(user.email))
        assert plain["data"]["login"]["userErrors"][0]["code"] == "INVALID_CREDENTIALS"
        assert int(browser.last_response.headers["retry-after"]) <= seconds
        await User.filter(id=user.id).update(locked_until=datetime.now(UTC) - timedelta(seconds=1))
        assert await browser.login(user.email)


async def test_an_email_without_an_account_is_locked_the_same_way(app: Any, settings: Settings,
                                                                   factory: Factory) -> None:
    user = await factory.user()
    unknown = new_email()
    async with Browser(app, settings, address=fresh_address()) as browser:
        answers = []
        for email in (user.email, unknown):
            for _ in range(settings.login_max_failures - 1):
                assert retry_after(await fail(browser, email)) is None
            locked = await fail(browser, email)
            answers.append(locked["data"]["login"]["userErrors"][0]["message"])
            seconds = retry_after(locked)
            assert seconds is not None and settings.login_lockout_seconds - 60 < seconds
            again = await browser.post(LOGIN_WITH_RETRY, login_input(email, DEFAULT_PASSWORD))
            assert retry_after(again) is not None
        assert answers[0] == answers[1]


async def test_concurrent_guesses_lock_an_email_with_or_without_an_account_alike(
    app: Any, settings: Settings, factory: Factory
) -> None:
    user = await factory.user()
    async with Browser(app, settings, address=fresh_address()) as browser:
        for email in (user.email, new_email()):
            guesses = await asyncio.gather(*(fail(browser, email) for _ in range(settings.login_max_failures)))
            assert sum(retry_after(g) is not None for g in guesses) >= 1
            assert retry_after(await browser.post(LOGIN_WITH_RETRY, login_input(email))) is not None


async def test_refused_second_logins_count_for_unknown_emails_too(gql: GQL, settings: Settings) -> None:
    unknown = new_email()
    fields = " ".join(
        f'a{i}: login(input: {{email: $email, password: "guess-{i}"}}) {{ accessToken }}'
        for i in range(settings.login_max_failures)
    )
    result = await gql(f"mutation Guess($email: String!) {{ {fields} }}", {"email": unknown})
    assert error_codes(result) == ["OPERATION_NOT_ALLOWED"] * (settings.login_max_failures - 1)
    locked = await gql(LOGIN_WITH_RETRY, login_input(unknown))
    assert retry_after(locked) is not None


async def test_an_address_with_too_many_refused_sign_ins_is_throttled_with_retry_after(
    app: Any, settings: Settings, factory: Factory
) -> None:
    user = await factory.user()
    address = fresh_address()
    for _ in range(parse(settings.login_address_failure_limit).amount - 1):
        await count_address_failure(settings, address)
    async with Browser(app, settings, address=address) as browser:
        last = await fail(browser, new_email())  # the refusal that fills the budget counts too
        assert retry_after(last) is None
        result = await browser.op("Login", login_input(user.email))
        response = browser.last_response
    assert response is not None and response.status_code == 429
    assert result["data"] == {"login": None}
    assert error_codes(result) == ["THROTTLED"]
    seconds = result["errors"][0]["extensions"]["retryAfterSeconds"]
    assert isinstance(seconds, int) and 0 < seconds <= parse(settings.login_address_failure_limit).get_expiry()
    assert int(response.headers["retry-after"]) == seconds
    assert (await User.get(id=user.id)).failed_logins == 0  # refused unchecked: no password was tried
    async with Browser(app, settings, address=fresh_address()) as elsewhere:
        assert await elsewhere.login(user.email)


async def test_a_locked_account_changing_its_password_is_told_when_to_retry(gql: GQL, settings: Settings,
                                                                            factory: Factory) -> None:
    actor = await factory.member()
    await User.filter(id=actor.user.id).update(
        failed_logins=settings.login_max_failures, locked_until=datetime.now(UTC) + timedelta(minutes=5)
    )
    query = """mutation ChangePassword($input: ChangePasswordInput!) {
      changePassword(input: $input) { user { id } userErrors { field code extensions { retryAfterSeconds } } }
    }"""
    variables = {"input": {"currentPassword": DEFAULT_PASSWORD, "newPassword": "another long one"}}
    result = await gql(query, variables, actor=actor)
    [error] = result["data"]["changePassword"]["userErrors"]
    assert error["field"] == ["currentPassword"] and error["code"] == "INVALID_CREDENTIALS"
    assert 240 < error["extensions"]["retryAfterSeconds"] <= 300


async def test_cross_tenant_login_by_a_member_with_a_foreign_tenant_header_is_forbidden_and_counts_nothing(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    member = await factory.member()
    victim = await factory.user()
    foreign = await factory.tenant()
    async with unchanged(owner_db, member, foreign):
        result = await gql(LOGIN_WITH_RETRY, login_input(victim.email, "guess"), actor=member, tenant=foreign)
        assert error_codes(result) == ["FORBIDDEN"]
        assert (await User.get(id=victim.id)).failed_logins == 0


async def test_missing_role_change_password_without_a_session_is_unauthenticated_and_counts_nothing(
    gql: GQL, owner_db: asyncpg.Connection
) -> None:
    query = "mutation C($input: ChangePasswordInput!) { changePassword(input: $input) { user { id } } }"
    async with unchanged(owner_db):
        result = await gql(query, {"input": {"currentPassword": "guess", "newPassword": "another long one"}})
        assert error_codes(result) == ["UNAUTHENTICATED"]
