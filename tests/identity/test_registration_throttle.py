"""Registration is throttled per client address (REGISTRATION_ADDRESS_LIMIT): every attempt counts, whether
or not it creates an account, and past the limit `register` is THROTTLED with Retry-After and writes nothing."""

from __future__ import annotations

import asyncio
from typing import Any

from limits import parse

from config import Settings
from models.identity import User
from services.identity.login_throttle import claim_registration
from tests.support.graphql import error_codes, fresh_address
from tests.support.identity import Browser, new_email

PASSWORD = "long enough pw"


def register(email: str, password: str = PASSWORD) -> dict[str, Any]:
    return {"input": {"email": email, "password": password}}


async def fill_budget(settings: Settings, address: str, leave: int) -> None:
    """Spend all but `leave` of the address's registration budget."""
    amount = parse(settings.registration_address_limit).amount
    assert amount > leave
    assert await claim_registration(settings, address, cost=amount - leave) is None


async def test_an_address_past_its_registration_limit_is_throttled_and_nothing_is_written(
    app: Any, settings: Settings
) -> None:
    address = fresh_address()
    await fill_budget(settings, address, leave=1)
    async with Browser(app, settings, address=address) as browser:
        weak = await browser.op("Register", register(new_email(), "short"))  # a refused attempt counts too
        assert [e["code"] for e in weak["data"]["register"]["userErrors"]] == ["WEAK_PASSWORD"]
        email = new_email()
        result = await browser.op("Register", register(email))
        response = browser.last_response
    assert response is not None and response.status_code == 429
    assert result["data"] == {"register": None}
    assert error_codes(result) == ["THROTTLED"]
    seconds = result["errors"][0]["extensions"]["retryAfterSeconds"]
    assert isinstance(seconds, int) and 0 < seconds <= parse(settings.registration_address_limit).get_expiry()
    assert int(response.headers["retry-after"]) == seconds
    assert not await User.exists(email=email)
    async with Browser(app, settings, address=fresh_address()) as elsewhere:
        other = await elsewhere.op("Register", register(email))
        assert other["data"]["register"]["userErrors"] == [] and await User.exists(email=email)


async def test_concurrent_registrations_from_one_address_never_pass_the_limit_together(
    app: Any, settings: Settings
) -> None:
    address = fresh_address()
    await fill_budget(settings, address, leave=3)
    emails = [new_email() for _ in range(10)]
    async with Browser(app, settings, address=address) as browser:
        results = await asyncio.gather(*(browser.op("Register", register(email)) for email in emails))
    created = [r for r in results if (r["data"]["register"] or {}).get("user")]
    throttled = [r for r in results if error_codes(r) == ["THROTTLED"]]
    assert (len(created), len(throttled)) == (3, 7)
    assert await User.filter(email__in=emails).count() == 3
