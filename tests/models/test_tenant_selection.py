"""`services.identity.tenancy.resolve_tenant`: which tenant a principal acts in, and with which role."""

from __future__ import annotations

from typing import Any

import pytest

from config import Settings
from models.identity import Membership, Role, SessionFamily
from services.identity.principals import Principal, authenticate
from services.identity.tenancy import TenantAccess, resolve_tenant
from services.identity.tokens import issue_access_token
from services.infra.errors import ErrorCode, Forbidden, ServiceError
from services.infra.ids import to_global_id
from tests.support.actors import Factory
from tests.support.statements import count_statements


async def test_a_single_membership_is_the_default_tenant(factory: Factory) -> None:
    actor = await factory.member(role=Role.EDITOR)
    access = await resolve_tenant(Principal(kind="user", user=actor.user), None)
    assert access == TenantAccess(tenant_id=actor.tenant.id, role=Role.EDITOR)


async def test_two_memberships_and_no_header_mean_no_tenant(factory: Factory) -> None:
    actor = await factory.member()
    other = await factory.tenant()
    await Membership.create(user=actor.user, synagogue=other, role=Role.VIEWER)
    principal = Principal(kind="user", user=actor.user)
    assert await resolve_tenant(principal, None) == TenantAccess()
    assert await resolve_tenant(principal, str(other.id)) == TenantAccess(tenant_id=other.id, role=Role.VIEWER)


async def test_a_tenant_i_do_not_belong_to_is_forbidden_whether_or_not_it_exists(factory: Factory) -> None:
    actor = await factory.member()
    stranger = await factory.tenant()
    principal = Principal(kind="user", user=actor.user)
    for ref in (to_global_id("Synagogue", stranger.id), to_global_id("Synagogue", 2**31 - 1), "garbage", "TWVtYmVyOjE"):
        with pytest.raises(Forbidden) as refused:
            await resolve_tenant(principal, ref)
        assert refused.value.message == "you are not a member of that synagogue"


async def test_a_platform_admin_naming_a_tenant_impersonates_it(factory: Factory) -> None:
    admin = await factory.platform_admin()
    tenant = await factory.tenant()
    principal = Principal(kind="user", user=admin.user)
    access = await resolve_tenant(principal, to_global_id("Synagogue", tenant.id))
    assert access == TenantAccess(tenant_id=tenant.id, role=Role.OWNER, impersonating=True)
    assert await resolve_tenant(principal, None) == TenantAccess()
    with pytest.raises(Forbidden):
        await resolve_tenant(principal, to_global_id("Synagogue", 2**31 - 1))


async def test_an_anonymous_or_refused_credential_naming_a_tenant_is_unauthenticated(factory: Factory) -> None:
    tenant = await factory.tenant()
    for principal, code in (
        (Principal(), ErrorCode.UNAUTHENTICATED),
        (Principal(auth_error=ErrorCode.UNAUTHENTICATED), ErrorCode.UNAUTHENTICATED),
        (Principal(auth_error=ErrorCode.UNAVAILABLE), ErrorCode.UNAVAILABLE),
    ):
        with pytest.raises(ServiceError) as refused:
            await resolve_tenant(principal, str(tenant.id))
        assert refused.value.code == code
    assert await resolve_tenant(Principal(), None) == TenantAccess()


async def test_a_device_or_partner_keeps_its_own_tenant_and_cannot_name_another(factory: Factory) -> None:
    own, other = await factory.tenant(), await factory.tenant()
    for principal in (
        Principal(kind="device", device_id=1, tenant_id=own.id),
        Principal(kind="partner", api_key_id=1, tenant_id=own.id),
    ):
        assert await resolve_tenant(principal, None) == TenantAccess(tenant_id=own.id)
        assert await resolve_tenant(principal, to_global_id("Synagogue", own.id)) == TenantAccess(tenant_id=own.id)
        with pytest.raises(Forbidden):
            await resolve_tenant(principal, to_global_id("Synagogue", other.id))


async def test_the_role_in_a_named_synagogue_comes_with_the_user_in_one_statement(
    app: Any, factory: Factory, settings: Settings
) -> None:
    actor = await factory.member(role=Role.EDITOR)
    other = await factory.tenant()
    family = await SessionFamily.create(user=actor.user)
    with_session = issue_access_token(settings, actor.user.id, session_id=family.id)[0]
    for token in (actor.token, with_session):
        authorization = f"Bearer {token}"
        with count_statements() as statements:
            principal = await authenticate(settings, app.state.kv, authorization, actor.tenant.id)
            access = await resolve_tenant(principal, to_global_id("Synagogue", actor.tenant.id))
        assert access == TenantAccess(tenant_id=actor.tenant.id, role=Role.EDITOR)
        assert len(statements) == 1, statements  # the user (and session) with the role
        stranger = await authenticate(settings, app.state.kv, authorization, other.id)
        assert stranger.known_roles == {other.id: None}
        with count_statements() as statements, pytest.raises(Forbidden):
            await resolve_tenant(stranger, to_global_id("Synagogue", other.id))
        assert statements == []  # known already: not a member there
        # a principal read for one synagogue naming another asks again
        assert await resolve_tenant(stranger, to_global_id("Synagogue", actor.tenant.id)) == access
