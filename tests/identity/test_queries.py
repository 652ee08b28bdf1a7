"""Identity queries: Me and Members, with several tenants."""

from __future__ import annotations

import asyncpg

from models.identity import Membership, Role
from tests.support.actors import Factory
from tests.support.devices import make_tv
from tests.support.graphql import GQL, error_codes
from tests.support.snapshot import unchanged


async def test_me_lists_every_membership(gql: GQL, factory: Factory) -> None:
    actor = await factory.member(role=Role.EDITOR)
    other = await factory.tenant()

    await Membership.create(user=actor.user, synagogue=other, role=Role.VIEWER)
    result = await gql.op("Me", actor=actor)
    assert "errors" not in result, result
    me = result["data"]["me"]
    assert me["email"] == actor.user.email
    assert {m["role"] for m in me["memberships"]} == {"EDITOR", "VIEWER"}


async def test_me_requires_authentication(gql: GQL) -> None:
    result = await gql.op("Me")
    assert error_codes(result) == ["UNAUTHENTICATED"]


async def test_members_of_own_tenant_only(gql: GQL, factory: Factory) -> None:
    a = await factory.member(role=Role.VIEWER)
    await factory.member(tenant=a.tenant, role=Role.EDITOR)
    b = await factory.member()
    result = await gql.op("Members", actor=a)
    assert "errors" not in result, result
    emails = {edge["node"]["user"]["email"] for edge in result["data"]["members"]["edges"]}
    assert a.user.email in emails and b.user.email not in emails
    assert result["data"]["members"]["totalCount"] == 2


async def test_members_cross_tenant_header_is_forbidden(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    a = await factory.member()
    b = await factory.member()
    async with unchanged(owner_db, a, b):
        result = await gql.op("Members", actor=a, tenant=b.tenant)
        assert error_codes(result) == ["FORBIDDEN"]


async def test_missing_role_members_are_read_by_members_only(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    tv = await make_tv(viewer.tenant)  # the synagogue's own screen: a credential of the tenant, not a member
    async with unchanged(owner_db, viewer):
        refused = await gql.op("Members", headers=tv.headers)
        assert error_codes(refused) == ["FORBIDDEN"]
        assert refused["data"] is None
        anonymous = await gql.op("Members")
        assert error_codes(anonymous) == ["UNAUTHENTICATED"]
        assert anonymous["data"] is None
        assert (await gql.op("Members", actor=viewer))["data"]["members"]["totalCount"] == 1
