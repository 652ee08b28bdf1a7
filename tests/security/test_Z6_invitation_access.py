"""Z6 (security matrix): a user adds a stranger to their synagogue, removes them again, probes which e-mails have
accounts | nobody becomes a member without accepting an invitation; removal ends access to that synagogue only;
known and unknown e-mails get the same answer.

This module: who sees and answers which invitation. The invitee sees theirs in `me` and declines them (by id or by
token), nobody else's; each inviter has a budget of invitations (INVITATION_LIMIT); only the synagogue's ADMINs
list and revoke its invitations, and another synagogue's look exactly like missing ones."""

from __future__ import annotations

from typing import Any

import asyncpg
from limits import parse

from models.identity import Invitation, Membership, Role
from services.infra.ids import to_global_id
from tests.support.actors import Factory, unique
from tests.support.devices import make_tv
from tests.support.graphql import GQL, answer, error_codes, pk
from tests.support.invitations import (
    ACCEPT,
    DECLINE,
    LIST,
    MINE,
    REVOKE,
    answer_as,
    codes,
    invite,
    invitee,
    mails_to,
    token_for,
)
from tests.support.snapshot import unchanged

NODE = "query($id: ID!) { node(id: $id) { id ... on Invitation { email } } }"


async def test_Z6_my_pending_invitations_show_in_me_and_i_may_decline_them(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    first, second = await factory.member(role=Role.ADMIN), await factory.member(role=Role.OWNER)
    person, other = await invitee(factory), await invitee(factory)
    one = (await invite(gql, first, person.user.email, "EDITOR"))["invitation"]
    two = (await invite(gql, second, person.user.email, "VIEWER"))["invitation"]
    await invite(gql, first, other.user.email)
    signed_in = {"Authorization": f"Bearer {person.token}"}
    mine = (await gql(MINE, headers=signed_in))["data"]["me"]["invitations"]
    assert mine["totalCount"] == 2
    assert [(e["node"]["id"], e["node"]["synagogueName"]) for e in mine["edges"]] == [
        (two["id"], second.tenant.name),
        (one["id"], first.tenant.name),
    ]
    by_id = await answer_as(gql, person, DECLINE, {"id": one["id"]}, "declineInvitation")
    assert by_id == {"invitation": {"id": one["id"], "status": "DECLINED"}, "userErrors": []}
    token = await token_for(owner_db, person.user.email)
    by_token = await answer_as(gql, person, DECLINE, {"token": token}, "declineInvitation")
    assert by_token == {"invitation": {"id": two["id"], "status": "DECLINED"}, "userErrors": []}
    assert (await gql(MINE, headers=signed_in))["data"]["me"]["invitations"]["totalCount"] == 0
    assert not await Membership.exists(user_id=person.user.id)
    both = await answer_as(gql, person, DECLINE, {"id": one["id"], "token": token}, "declineInvitation")
    assert codes(both) == ["INVALID"]
    listed = await gql(LIST, {"s": "DECLINED"}, actor=first)
    assert [e["node"]["id"] for e in listed["data"]["invitations"]["edges"]] == [one["id"]]


async def test_Z6_cross_tenant_another_addresses_or_synagogues_invitation_looks_missing(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    a, b = await factory.member(role=Role.OWNER), await factory.member(role=Role.OWNER)
    person, nosy = await invitee(factory), await invitee(factory)
    invitation = (await invite(gql, a, person.user.email))["invitation"]
    missing = to_global_id("Invitation", 2**31 - 1)
    async with unchanged(owner_db, a, b):
        # Another user names it by id: what a missing invitation gets.
        foreign = await gql(DECLINE, {"i": {"id": invitation["id"]}}, headers={"Authorization": f"Bearer {nosy.token}"})
        ghost = await gql(DECLINE, {"i": {"id": missing}}, headers={"Authorization": f"Bearer {nosy.token}"})
        assert error_codes(foreign) == ["NOT_FOUND"] and answer(foreign) == answer(ghost)
        mine = await gql(MINE, headers={"Authorization": f"Bearer {nosy.token}"})
        assert mine["data"]["me"]["invitations"]["totalCount"] == 0
        # Another synagogue's admin: not in its list, not by id, not through node, not by naming the synagogue.
        assert (await gql(LIST, actor=b))["data"]["invitations"]["totalCount"] == 0
        revoke = await gql(REVOKE, {"i": {"id": invitation["id"]}}, actor=b)
        assert error_codes(revoke) == ["NOT_FOUND"]
        assert answer(revoke) == answer(await gql(REVOKE, {"i": {"id": missing}}, actor=b))
        assert (await gql(NODE, {"id": invitation["id"]}, actor=b))["data"] == {"node": None}
        named = await gql(REVOKE, {"i": {"id": invitation["id"]}}, actor=b, tenant=a.tenant)
        assert error_codes(named) == ["FORBIDDEN"]
        listed = await gql(LIST, actor=b, tenant=a.tenant)
        assert error_codes(listed) == ["FORBIDDEN"]
    seen = await gql(NODE, {"id": invitation["id"]}, actor=a)
    assert seen["data"]["node"] == {"id": invitation["id"], "email": person.user.email}


async def test_Z6_missing_role_only_admins_invite_list_and_revoke_and_only_users_answer(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    editor = await factory.member(tenant=admin.tenant, role=Role.EDITOR)
    invitation = (await invite(gql, admin, f"{unique('guest')}@example.org"))["invitation"]
    tv = await make_tv(admin.tenant)
    device = {"Authorization": f"Device {tv.token}"}
    async with unchanged(owner_db, admin):
        callers: list[dict[str, Any]] = [{"actor": editor}, {"headers": device}]
        for caller in callers:
            guest = {"input": {"email": f"{unique('x')}@example.org", "role": "VIEWER"}}
            add = await gql.op("AddMember", guest, **caller)
            listed = await gql(LIST, **caller)
            revoke = await gql(REVOKE, {"i": {"id": invitation["id"]}}, **caller)
            node = await gql(NODE, {"id": invitation["id"]}, **caller)
            assert error_codes(add) == error_codes(listed) == error_codes(revoke) == ["FORBIDDEN"], caller
            assert node["data"] == {"node": None}
        for document, values in ((ACCEPT, {"token": "sgi_x"}), (DECLINE, {"id": invitation["id"]})):
            assert error_codes(await gql(document, {"i": values})) == ["UNAUTHENTICATED"]
            assert error_codes(await gql(document, {"i": values}, headers=device)) == ["UNAUTHENTICATED"]
    assert (await Invitation.get(id=pk(invitation["id"]))).status == "PENDING"


async def test_Z6_invitations_are_rate_limited_per_inviter(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, settings: Any
) -> None:
    limit = parse(settings.invitation_limit).amount
    admin = await factory.member(role=Role.ADMIN)
    colleague = await factory.member(tenant=admin.tenant, role=Role.ADMIN)
    for n in range(limit):
        payload = await invite(gql, admin, f"{unique(f'quota{n}')}@example.org")
        assert payload["userErrors"] == [], payload
    address = f"{unique('one-too-many')}@example.org"
    async with unchanged(owner_db, admin):
        refused = await gql.op("AddMember", {"input": {"email": address, "role": "VIEWER"}}, actor=admin)
        assert error_codes(refused) == ["THROTTLED"] and refused["data"] == {"addMember": None}
        assert gql.last_response is not None and gql.last_response.status_code == 429
        assert int(gql.last_response.headers["Retry-After"]) > 0
        assert refused["errors"][0]["extensions"]["retryAfterSeconds"] > 0
    assert await mails_to(owner_db, address) == []
    # The budget is the inviter's own: a colleague in the same synagogue still invites.
    assert (await invite(gql, colleague, address))["invitation"]["status"] == "PENDING"
