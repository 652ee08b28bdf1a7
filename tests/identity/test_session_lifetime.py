"""Sessions end: at their absolute cap however often they are refreshed, after an idle stretch, and the
worker deletes what ended. Time passes by moving timestamps in the database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from config import Settings
from models.identity import RefreshToken, SessionFamily
from services.identity.sessions import delete_ended_sessions, rotate, start_session
from services.identity.tokens import decode_access_token, hash_secret, issue_access_token
from services.infra.ids import to_global_id
from services.infra.periodic import run_periodic
from tests.support.actors import Factory
from tests.support.graphql import GQL, error_codes
from tests.support.identity import Browser
from tests.support.snapshot import unchanged

SESSIONS = "query Sessions { sessions { id current } }"
SESSIONS_WITH_END = "query Sessions { sessions { id lastUsedAt endsAt } }"
REVOKE = "mutation Revoke($id: ID!) { revokeSession(id: $id) { revokedId } }"


def ago(**delta: float) -> datetime:
    return datetime.now(UTC) - timedelta(**delta)


def cookie_max_age(browser: Browser, settings: Settings) -> int:
    [cookie] = [c for c in browser.set_cookie_headers() if c.startswith(settings.refresh_cookie_name + "=")]
    [max_age] = [part.split("=", 1)[1] for part in cookie.split("; ") if part.lower().startswith("max-age=")]
    return int(max_age)


async def signed_in(browser: Browser, factory: Factory, settings: Settings) -> tuple[str, int]:
    user = await factory.user()
    token = await browser.login(user.email)
    family_id = decode_access_token(settings, token).session_id
    assert family_id is not None
    return token, family_id


async def test_a_session_past_its_absolute_lifetime_cannot_be_refreshed_and_is_gone(
    app: Any, settings: Settings, factory: Factory
) -> None:
    async with Browser(app, settings) as browser:
        token, family_id = await signed_in(browser, factory, settings)
        assert (await browser.refresh())["data"]["refreshSession"]["accessToken"]
        await SessionFamily.filter(id=family_id).update(created_at=ago(days=settings.session_max_days, seconds=1))
        result = await browser.refresh()
        assert error_codes(result) == ["UNAUTHENTICATED"]
        assert browser.refresh_token is None  # the cookie is cleared
        family = await SessionFamily.get(id=family_id)
        assert family.revoked_at is not None and family.revoked_reason == "expired"
        assert error_codes(await browser.op("Me", token=token)) == ["UNAUTHENTICATED"]


async def test_refreshing_near_the_cap_issues_tokens_that_end_with_the_session(
    app: Any, settings: Settings, factory: Factory
) -> None:
    async with Browser(app, settings) as browser:
        _, family_id = await signed_in(browser, factory, settings)
        created = ago(days=settings.session_max_days) + timedelta(hours=1)
        await SessionFamily.filter(id=family_id).update(created_at=created)
        assert (await browser.refresh())["data"]["refreshSession"]["accessToken"]
        cookie = browser.refresh_token
        assert cookie is not None
        token = await RefreshToken.get(token_hash=hash_secret(cookie))
        assert token.expires_at <= created + timedelta(days=settings.session_max_days)
        assert cookie_max_age(browser, settings) <= 3600
        five_minutes_left = ago(days=settings.session_max_days) + timedelta(minutes=5)
        await SessionFamily.filter(id=family_id).update(created_at=five_minutes_left)
        result = await browser.refresh()
        access = decode_access_token(settings, result["data"]["refreshSession"]["accessToken"])
        assert access.expires_at <= five_minutes_left + timedelta(days=settings.session_max_days)

async def test_an_idle_session_ends_and_a_fresh_one_lives_at_most_the_idle_limit(
    app: Any, settings: Settings, factory: Factory
) -> None:
    async with Browser(app, settings) as browser:
        token, family_id = await signed_in(browser, factory, settings)
        assert cookie_max_age(browser, settings) <= settings.session_idle_days * 86400
        listed = await browser.post(SESSIONS_WITH_END, token=token)
        [session] = listed["data"]["sessions"]
        assert session["id"] == to_global_id("Session", family_id)
        last_used = datetime.fromisoformat(session["lastUsedAt"])
        assert datetime.fromisoformat(session["endsAt"]) == last_used + timedelta(days=settings.session_idle_days)
        await SessionFamily.filter(id=family_id).update(created_at=ago(days=settings.session_max_days - 1))
        capped = (await browser.post(SESSIONS_WITH_END, token=token))["data"]["sessions"][0]
        assert datetime.fromisoformat(capped["endsAt"]) < last_used + timedelta(days=2)
        await SessionFamily.filter(id=family_id).update(last_used_at=ago(days=settings.session_idle_days, seconds=1))
        assert (await browser.post(SESSIONS, token=token))["data"]["sessions"] == []
        assert error_codes(await browser.refresh()) == ["UNAUTHENTICATED"]
        assert (await SessionFamily.get(id=family_id)).revoked_reason == "expired"


async def test_no_access_token_outlives_the_idle_limit_even_when_set_to_live_longer(
    settings: Settings, factory: Factory
) -> None:
    short = settings.model_copy(update={"session_idle_days": 1, "access_token_ttl_seconds": 3 * 86400})
    user = await factory.user()
    started = await start_session(short, user.id)
    assert started.refresh_token is not None

    async def idle_end() -> datetime:
        return (await SessionFamily.get(id=started.family_id)).last_used_at + timedelta(days=1)

    assert started.ends_at == await idle_end()
    _, claims = issue_access_token(short, user.id, session_id=started.family_id, not_after=started.ends_at)
    assert claims.expires_at <= await idle_end()
    refreshed = await rotate(short, started.refresh_token)
    assert refreshed.refresh_token is not None and refreshed.ends_at == await idle_end()
    sibling = await rotate(short, started.refresh_token)  # the other tab, within the grace window
    assert sibling.refresh_token is None and sibling.ends_at == await idle_end()


async def test_an_ended_session_of_mine_cannot_be_revoked_or_fetched(app: Any, settings: Settings,
                                                                     factory: Factory) -> None:
    async with Browser(app, settings) as laptop, Browser(app, settings) as phone:
        user = await factory.user()
        laptop_token = await laptop.login(user.email)
        phone_token = await phone.login(user.email)
        phone_family = decode_access_token(settings, phone_token).session_id or 0
        await SessionFamily.filter(id=phone_family).update(created_at=ago(days=settings.session_max_days + 1))
        result = await laptop.post(REVOKE, {"id": to_global_id("Session", phone_family)}, token=laptop_token)
        assert error_codes(result) == ["NOT_FOUND"]


async def test_cross_tenant_sessions_of_another_user_or_tenant_are_never_listed(
    app: Any, settings: Settings, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    me = await factory.member()
    other = await factory.member()
    async with Browser(app, settings) as browser:
        await browser.login(other.user.email)
        async with unchanged(owner_db, me, other):
            mine = await browser.post(SESSIONS, token=me.token, headers={"X-Tenant-ID": me.tenant_gid})
            assert mine["data"]["sessions"] == []
            foreign = await browser.post(SESSIONS, token=me.token, headers={"X-Tenant-ID": other.tenant_gid})
            assert error_codes(foreign) == ["FORBIDDEN"]


async def test_missing_role_sessions_need_a_signed_in_user(gql: GQL, owner_db: asyncpg.Connection) -> None:
    async with unchanged(owner_db):
        assert error_codes(await gql(SESSIONS)) == ["UNAUTHENTICATED"]


async def _family(settings: Settings, factory: Factory, **timestamps: Any) -> int:
    user = await factory.user()
    rotation = await start_session(settings, user.id)
    if timestamps:
        await SessionFamily.filter(id=rotation.family_id).update(**timestamps)
    return rotation.family_id


async def test_cleanup_deletes_expired_tokens_and_sessions_that_ended_a_day_ago(settings: Settings,
                                                                              factory: Factory) -> None:
    max_days, idle_days = settings.session_max_days, settings.session_idle_days
    kept = {
        "open": await _family(settings, factory),
        "just revoked": await _family(settings, factory, revoked_at=ago(hours=1), revoked_reason="logout"),
        "just lapsed": await _family(settings, factory, last_used_at=ago(days=idle_days, hours=1)),
    }
    gone = {
        "revoked": await _family(settings, factory, revoked_at=ago(days=2), revoked_reason="logout"),
        "idle": await _family(settings, factory, last_used_at=ago(days=idle_days + 2)),
        "capped": await _family(settings, factory, created_at=ago(days=max_days + 2)),
    }
    expired_token = await RefreshToken.filter(family_id=kept["open"]).first()
    assert expired_token is not None
    await RefreshToken.filter(id=expired_token.id).update(expires_at=ago(seconds=1))
    tokens, sessions = await delete_ended_sessions(settings)
    assert sessions >= 3 and tokens >= 4
    remaining = {row.id for row in await SessionFamily.filter(id__in=[*kept.values(), *gone.values()])}
    assert remaining == set(kept.values())
    assert not await RefreshToken.filter(family_id__in=[kept["open"], kept["just revoked"]]).exists()
    assert await RefreshToken.filter(family_id=kept["just lapsed"]).exists()


async def test_the_worker_runs_the_cleanup_once_per_interval(settings: Settings, factory: Factory) -> None:
    revoked = await _family(settings, factory, revoked_at=ago(days=3), revoked_reason="logout")
    last_run: dict[str, float] = {}
    assert await run_periodic(settings, last_run) >= 1
    assert not await SessionFamily.exists(id=revoked)
    again = await _family(settings, factory, revoked_at=ago(days=3), revoked_reason="logout")
    assert await run_periodic(settings, last_run) == 0  # not due before SESSION_CLEANUP_INTERVAL_SECONDS
    assert await SessionFamily.exists(id=again)
