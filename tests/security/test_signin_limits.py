"""SECURITY-MATRIX rows A1 and R3 for the sign-in limits: a lockout says when to retry without telling
whether an account exists, and the limits fail closed without Redis."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from config import Settings
from models.identity import SessionFamily, User
from tests.support.actors import DEFAULT_PASSWORD, Factory
from tests.support.graphql import error_codes, fresh_address
from tests.support.identity import Browser, login_input, new_email
from tests.support.servers import redis_down

LOGIN = """mutation LoginWithRetry($input: LoginInput!) {
  login(input: $input) { accessToken user { id } userErrors { field code message extensions { retryAfterSeconds } } }
}"""


async def answer(browser: Browser, email: str, password: str) -> tuple[int, dict[str, Any], list[str], bool]:
    body = await browser.post(LOGIN, login_input(email, password))
    response = browser.last_response
    assert response is not None and "errors" not in body
    [error] = body["data"]["login"]["userErrors"]
    retry = error.pop("extensions")
    assert (retry is None) == ("retry-after" not in response.headers)
    return response.status_code, body["data"], browser.set_cookie_headers(), retry is not None


async def test_A1_a_locked_email_says_when_to_retry_alike_with_or_without_an_account(
    app: Any, settings: Settings, factory: Factory
) -> None:
    wrong = await factory.user()
    locked = await factory.user(
        failed_logins=settings.login_max_failures, locked_until=datetime.now(UTC) + timedelta(minutes=10)
    )
    unknown_locked = new_email()
    async with Browser(app, settings, address=fresh_address()) as browser:
        for _ in range(settings.login_max_failures):
            await browser.post(LOGIN, login_input(unknown_locked, "a guess"))
        answers = [
            await answer(browser, wrong.email, "not the password"),
            await answer(browser, new_email(), DEFAULT_PASSWORD),
            await answer(browser, locked.email, DEFAULT_PASSWORD),
            await answer(browser, unknown_locked, DEFAULT_PASSWORD),
        ]
    assert [a[3] for a in answers] == [False, False, True, True]
    assert len({(status, str(data), str(cookies)) for status, data, cookies, _ in answers}) == 1
    assert answers[0][0] == 200 and answers[0][2] == []
    assert answers[0][1]["login"]["userErrors"][0]["code"] == "INVALID_CREDENTIALS"


async def test_R3_sign_in_fails_closed_while_redis_is_down(app: Any, settings: Settings, factory: Factory) -> None:
    user = await factory.user()
    async with Browser(app, settings, address=fresh_address()) as browser:
        async with redis_down():
            result = await browser.op("Login", login_input(user.email))
            assert browser.last_response is not None and browser.last_response.status_code == 503
            assert error_codes(result) == ["UNAVAILABLE"] and browser.set_cookie_headers() == []
            assert not await SessionFamily.exists(user_id=user.id)
        assert await browser.login(user.email)
    assert (await User.get(id=user.id)).failed_logins == 0
