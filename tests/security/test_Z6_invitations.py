"""Z6 (security matrix): a user adds a stranger to their synagogue, removes them again, probes which e-mails have
accounts | nobody becomes a member without accepting an invitation; removal ends access to that synagogue only;
known and unknown e-mails get the same answer.

This module: `addMember` sends an invitation (never a membership), the same answer for an address with an account
and one without; the invitee's token works once, only for the invited address, and not once expired, revoked or
replaced; accepting gives the membership. (Listing, declining, the rate limit and the refusals:
test_Z6_invitation_access; removal: test_Z6_member_removal.)"""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg

from models.identity import Invitation, Membership, Role
from tests.support.actors import Factory, unique
from tests.support.graphql import GQL, error_codes, pk
from tests.support.invitations import (
    ACCEPT,
    DECLINE,
    LIST,
    REVOKE,
    accept,
    answer_as,
    codes,
    invite,
    invitee,
    mails_to,
    token_for,
)
from tests.support.placement import connect_to_rows
from tests.support.snapshot import unchanged
from tests.support.tenancy import membership_gid


async def audit_actions(tenant_id: int) -> list[str]:
    """The synagogue's audit log, oldest first, read where its rows live (the central database or its own)."""
    connection = await connect_to_rows(tenant_id)
    try:
        rows = await connection.fetch("SELECT action FROM audit_entry WHERE tenant_id = $1 ORDER BY id", tenant_id)
    finally:
        await connection.close()
    return [row["action"] for row in rows]


def shape(value: Any) -> Any:
    """A JSON answer with every leaf replaced by its type: what tells two answers apart beyond their values."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(item) for item in value]
    return type(value).__name__


async def test_Z6_adding_someone_sends_an_invitation_and_makes_no_member(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    newcomer = await factory.user()
    payload = await invite(gql, admin, newcomer.email.upper(), "EDITOR")
    invitation = payload["invitation"]
    assert payload["membership"] is None and payload["userErrors"] == []
    assert (invitation["email"], invitation["role"], invitation["status"]) == (newcomer.email, "EDITOR", "PENDING")
    assert invitation["synagogueName"] == admin.tenant.name
    assert invitation["invitedBy"]["email"] == admin.user.email
    assert "sgi_" not in str(payload)  # the token goes to the mailbox only
    assert not await Membership.exists(user_id=newcomer.id, synagogue_id=admin.tenant.id)
    row = await Invitation.get(id=pk(invitation["id"]))
    token = await token_for(owner_db, newcomer.email)
    assert row.token_hash != token and token not in row.token_hash
    [mail] = await mails_to(owner_db, newcomer.email)
    assert admin.tenant.name in mail["subject"] and "EDITOR" in mail["body"]
    assert await audit_actions(admin.tenant.id) == ["invitation.create"]


async def test_Z6_known_and_unknown_addresses_get_the_same_answer(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    """The oracle addMember was: an account's address and a stranger's get the same status, the same body from
    the client document, the same shape selecting the invitation, and the same e-mail (address and token aside)."""
    admin = await factory.member(role=Role.ADMIN)
    known = (await factory.user()).email
    unknown = f"{unique('nobody')}@example.org"
    answers, statuses = [], []
    for address in (known, unknown):
        answers.append(await gql.op("AddMember", {"input": {"email": address, "role": "VIEWER"}}, actor=admin))
        assert gql.last_response is not None
        statuses.append(gql.last_response.status_code)
    assert statuses == [200, 200]
    assert answers[0]["data"] == answers[1]["data"] == {"addMember": {"membership": None, "userErrors": []}}
    assert "errors" not in answers[0] and "errors" not in answers[1]

    detailed = [await invite(gql, admin, address) for address in (known, unknown)]
    assert shape(detailed[0]) == shape(detailed[1])
    assert [d["invitation"]["email"] for d in detailed] == [known, unknown]
    bodies = []
    for address in (known, unknown):
        mails = await mails_to(owner_db, address)
        assert len(mails) == 2  # one per invitation: the second replaced the first
        bodies.append(mails[-1]["body"].replace(address, "ADDRESS").replace(await token_for(owner_db, address), "T"))
    assert bodies[0] == bodies[1]


async def test_Z6_an_accepted_invitation_gives_the_membership(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    """An address with no account yet: its owner registers with it, signs in and accepts."""
    admin = await factory.member(role=Role.ADMIN)
    address = f"{unique('later')}@example.org"
    invitation = (await invite(gql, admin, address, "EDITOR"))["invitation"]
    person = await invitee(factory, address)
    refused = await gql.op("Synagogue", actor=person, tenant=admin.tenant)
    assert error_codes(refused) == ["FORBIDDEN"]  # not a member before accepting

    accepted = await accept(gql, person, await token_for(owner_db, address))
    assert accepted["userErrors"] == []
    assert accepted["membership"]["role"] == "EDITOR"
    assert accepted["membership"]["synagogue"]["id"] == admin.tenant_gid
    row = await Membership.get(user_id=person.user.id, synagogue_id=admin.tenant.id)
    assert row.role == Role.EDITOR and accepted["membership"]["id"] == await membership_gid(person, admin.tenant)
    me = await gql.op("Me", headers={"Authorization": f"Bearer {person.token}"})
    assert [m["synagogue"]["id"] for m in me["data"]["me"]["memberships"]] == [admin.tenant_gid]
    assert "errors" not in await gql.op("Synagogue", actor=person, tenant=admin.tenant)
    assert (await Invitation.get(id=pk(invitation["id"]))).status == "ACCEPTED"
    assert await audit_actions(admin.tenant.id) == ["invitation.create", "invitation.accept"]


async def test_Z6_a_token_works_once_and_only_for_its_address(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    person, stranger = await invitee(factory), await invitee(factory)
    await invite(gql, admin, person.user.email)
    token = await token_for(owner_db, person.user.email)
    async with unchanged(owner_db, admin):
        assert codes(await accept(gql, stranger, token)) == ["WRONG_ACCOUNT"]
        for wrong in ("sgi_" + "A" * 43, token[:-1], "x" * 5000, ""):
            assert codes(await accept(gql, person, wrong)) == ["NOT_FOUND"]
    assert codes(await accept(gql, person, token)) == []
    assert codes(await accept(gql, person, token)) == ["ALREADY_USED"]
    declined = await answer_as(gql, person, DECLINE, {"token": token}, "declineInvitation")
    assert codes(declined) == ["ALREADY_USED"] and declined["invitation"] is None
    assert await Membership.filter(user_id=person.user.id).count() == 1
    assert not await Membership.exists(user_id=stranger.user.id)


async def test_Z6_an_expired_invitation_cannot_be_accepted(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    person = await invitee(factory)
    invitation = (await invite(gql, admin, person.user.email))["invitation"]
    await owner_db.execute(
        "UPDATE invitation SET expires_at = now() - interval '1 second' WHERE id = $1", pk(invitation["id"])
    )
    assert codes(await accept(gql, person, await token_for(owner_db, person.user.email))) == ["EXPIRED"]
    assert not await Membership.exists(user_id=person.user.id)
    pending = await gql(LIST, actor=admin)
    expired = await gql(LIST, {"s": "EXPIRED"}, actor=admin)
    assert pending["data"]["invitations"]["totalCount"] == 0
    assert [e["node"]["status"] for e in expired["data"]["invitations"]["edges"]] == ["EXPIRED"]


async def test_Z6_a_revoked_or_replaced_invitation_cannot_be_accepted(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    person = await invitee(factory)
    first = (await invite(gql, admin, person.user.email, "VIEWER"))["invitation"]
    first_token = await token_for(owner_db, person.user.email)
    second = (await invite(gql, admin, person.user.email, "EDITOR"))["invitation"]
    second_token = await token_for(owner_db, person.user.email)
    assert first_token != second_token
    assert codes(await accept(gql, person, first_token)) == ["REVOKED"]  # replaced by the second
    listed = await gql(LIST, actor=admin)
    assert [(e["node"]["id"], e["node"]["role"]) for e in listed["data"]["invitations"]["edges"]] == [
        (second["id"], "EDITOR")
    ]
    revoked = await gql(REVOKE, {"i": {"id": second["id"]}}, actor=admin)
    assert revoked["data"]["revokeInvitation"] == {
        "invitation": {"id": second["id"], "status": "REVOKED"},
        "userErrors": [],
    }
    assert codes(await accept(gql, person, second_token)) == ["REVOKED"]
    again = await gql(REVOKE, {"i": {"id": second["id"]}}, actor=admin)
    assert codes(again["data"]["revokeInvitation"]) == ["REVOKED"]
    old = await gql(REVOKE, {"i": {"id": first["id"]}}, actor=admin)
    assert codes(old["data"]["revokeInvitation"]) == ["REVOKED"]
    assert not await Membership.exists(user_id=person.user.id)
    actions = await audit_actions(admin.tenant.id)
    assert actions == ["invitation.create", "invitation.create", "invitation.revoke"]


async def test_Z6_an_existing_member_gets_their_membership_back_unchanged(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    viewer = await factory.member(tenant=admin.tenant, role=Role.VIEWER)
    async with unchanged(owner_db, admin):
        result = await gql.op("AddMember", {"input": {"email": viewer.user.email, "role": "ADMIN"}}, actor=admin)
    membership = result["data"]["addMember"]["membership"]
    assert membership == {
        "id": await membership_gid(viewer),
        "role": "VIEWER",
        "user": {"id": membership["user"]["id"], "email": viewer.user.email},
    }
    assert result["data"]["addMember"]["userErrors"] == []
    assert await mails_to(owner_db, viewer.user.email) == []


async def test_Z6_only_an_owner_invites_or_revokes_an_owner(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    owner = await factory.member(tenant=admin.tenant, role=Role.OWNER)
    address = f"{unique('heir')}@example.org"
    async with unchanged(owner_db, admin):
        refused = await gql.op("AddMember", {"input": {"email": address, "role": "OWNER"}}, actor=admin)
        assert error_codes(refused) == ["FORBIDDEN"]
    invitation = (await invite(gql, owner, address, "OWNER"))["invitation"]
    async with unchanged(owner_db, admin):
        refused = await gql(REVOKE, {"i": {"id": invitation["id"]}}, actor=admin)
        assert error_codes(refused) == ["FORBIDDEN"]
    revoked = await gql(REVOKE, {"i": {"id": invitation["id"]}}, actor=owner)
    assert revoked["data"]["revokeInvitation"]["invitation"]["status"] == "REVOKED"
    person = await invitee(factory, address)
    assert codes(await accept(gql, person, await token_for(owner_db, address))) == ["REVOKED"]


async def test_Z6_a_member_accepts_another_synagogues_invitation_while_acting_in_their_own(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    """Accepting writes the membership and the audit entry in the inviting synagogue, even from a request that acts
    in another one (X-Tenant-ID), and leaves that one's log alone."""
    inviter = await factory.member(role=Role.ADMIN)
    member = await factory.member(role=Role.VIEWER)
    await invite(gql, inviter, member.user.email, "EDITOR")
    token = await token_for(owner_db, member.user.email)
    result = await gql(ACCEPT, {"i": {"token": token}}, actor=member)  # names the member's own synagogue
    assert result["data"]["acceptInvitation"]["userErrors"] == [], result
    assert result["data"]["acceptInvitation"]["membership"]["synagogue"]["id"] == inviter.tenant_gid
    assert (await Membership.get(user_id=member.user.id, synagogue_id=inviter.tenant.id)).role == Role.EDITOR
    assert await audit_actions(inviter.tenant.id) == ["invitation.create", "invitation.accept"]
    assert await audit_actions(member.tenant.id) == []
    assert "errors" not in await gql.op("Synagogue", actor=member)  # the request's own synagogue still answers


async def test_Z6_two_accepts_of_one_token_at_once_make_one_membership(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    person = await invitee(factory)
    await invite(gql, admin, person.user.email)
    token = await token_for(owner_db, person.user.email)
    results = await asyncio.gather(accept(gql, person, token), accept(gql, person, token))
    assert sorted(tuple(codes(result)) for result in results) == [(), ("ALREADY_USED",)]
    assert await Membership.filter(user_id=person.user.id).count() == 1
