"""A4 (security matrix): failed sign-ins ride in an operation that later fails and rolls back (`login` beside a
field that errors) | every failure is counted and the lockout holds; auth mutations cannot share a document with
other root fields.

Security state — failed sign-ins and lockouts, refresh rotation and replay revocation — is committed on its own,
whatever becomes of the operation that recorded it. Each case makes the operation fail unexpectedly after the
state was written (a fault injected into the step that follows), as a member naming a synagogue, so that the
operation runs in that synagogue's transaction and is rolled back."""

from __future__ import annotations

from typing import Any

import pytest

from config import Settings
from models.identity import Role, SessionFamily, User
from resolvers.identity.mutations import change_password as change_password_module
from resolvers.identity.mutations import login as login_module
from resolvers.identity.mutations import refresh_session as refresh_module
from tests.support.actors import DEFAULT_PASSWORD, Factory
from tests.support.graphql import GQL, error_codes
from tests.support.identity import Browser, login_input

LOGIN = "mutation($input: LoginInput!) { login(input: $input) { accessToken userErrors { code } } }"


def fault(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError("a fault after the security state was written")


async def test_A4_a_sign_in_cannot_share_a_document_with_another_root_field(gql: GQL, factory: Factory) -> None:
    owner = await factory.member(role=Role.OWNER)
    victim = await factory.user()
    document = """mutation($input: LoginInput!) {
      login(input: $input) { accessToken }
      createMessage(input: {title: "cover"}) { message { id } }
    }"""
    result = await gql(document, login_input(victim.email, "a guess"), actor=owner)
    assert error_codes(result) == ["GRAPHQL_VALIDATION_FAILED"], result
    assert "alone" in result["errors"][0]["message"]
    for field in ("register", "refreshSession", "logout", "changePassword"):
        mixed = f"mutation {{ {field}: __typename synagogue: __typename }}"
        assert "errors" not in await gql(mixed, actor=owner)  # __typename is not a root field that does anything
    both = "mutation { logout { ok } updatePreferences(input: {theme: \"dark\"}) { userErrors { code } } }"
    assert error_codes(await gql(both, actor=owner)) == ["GRAPHQL_VALIDATION_FAILED"]


async def test_A4_a_failed_sign_in_in_an_operation_that_rolls_back_still_counts(
    gql: GQL, factory: Factory, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = await factory.member(role=Role.OWNER)  # names a synagogue: the login runs in its transaction
    victim = await factory.user()
    monkeypatch.setattr(login_module, "count_address_failure", fault)
    for _ in range(settings.login_max_failures):
        result = await gql(LOGIN, login_input(victim.email, "a wrong guess"), actor=owner)
        assert error_codes(result) == ["INTERNAL_SERVER_ERROR"], result
    assert (await User.get(id=victim.id)).locked_until is not None
    monkeypatch.undo()
    right = await gql(LOGIN, login_input(victim.email, DEFAULT_PASSWORD), actor=owner)
    assert right["data"]["login"]["accessToken"] is None  # the lockout holds for the right password too
    assert [e["code"] for e in right["data"]["login"]["userErrors"]] == ["INVALID_CREDENTIALS"]


async def test_A4_a_wrong_current_password_in_an_operation_that_rolls_back_still_counts(
    gql: GQL, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    member = await factory.member(role=Role.VIEWER)
    monkeypatch.setattr(change_password_module, "user_errors", fault)
    document = """mutation { changePassword(input: {currentPassword: "a wrong guess", newPassword: "long enough pw 1"})
      { userErrors { code } } }"""
    result = await gql(document, actor=member)
    assert error_codes(result) == ["INTERNAL_SERVER_ERROR"], result
    assert (await User.get(id=member.user.id)).failed_logins == 1


async def test_A4_a_rotation_holds_and_its_replay_revokes_even_when_the_operation_fails(
    app: Any, settings: Settings, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    member = await factory.member(role=Role.VIEWER)
    async with Browser(app, settings) as browser:
        token = await browser.login(member.user.email)
        first = browser.refresh_token
        assert first is not None
        monkeypatch.setattr(refresh_module, "set_cookie", fault)
        in_synagogue = {"X-Tenant-ID": member.tenant_gid}
        failed = await browser.op("RefreshSession", token=token, headers=in_synagogue)
        assert error_codes(failed) == ["INTERNAL_SERVER_ERROR"], failed
        monkeypatch.undo()
        monkeypatch.setattr(settings, "refresh_grace_seconds", 0)
        browser.set_refresh_token(first)  # the token the failed operation rotated, replayed
        replayed = await browser.op("RefreshSession", token=token, headers=in_synagogue)
        assert error_codes(replayed) == ["UNAUTHENTICATED"], replayed
        family = await SessionFamily.filter(user_id=member.user.id).order_by("-id").first()
        assert family is not None and family.revoked_at is not None  # the replay revoked the whole family
