"""Invitations as tests drive them: an admin invites an address (`AddMember`, the client document, or the same
mutation selecting the invitation too), and the invitee reads the token where a person would, in the e-mail queued
for their address (the job's row), then answers it signed in with their own account."""

from __future__ import annotations

import json
import re
from typing import Any

import asyncpg

from tests.support.actors import Actor, Caller, Factory
from tests.support.cli import fetch
from tests.support.database import PLACED, placed_owner_url
from tests.support.graphql import GQL

TOKEN = re.compile(r"sgi_[A-Za-z0-9_-]+")
ERRORS = "userErrors { field code message }"
INVITATION = "id email role status createdAt expiresAt synagogueName invitedBy { id email }"
ADD_MEMBER = f"""mutation($i: AddMemberInput!) {{
  addMember(input: $i) {{ membership {{ id role user {{ id email }} }} invitation {{ {INVITATION} }} {ERRORS} }}
}}"""
ACCEPT = f"""mutation($i: AcceptInvitationInput!) {{
  acceptInvitation(input: $i) {{ membership {{ id role synagogue {{ id }} }} {ERRORS} }}
}}"""
DECLINE = f"""mutation($i: DeclineInvitationInput!) {{
  declineInvitation(input: $i) {{ invitation {{ id status }} {ERRORS} }}
}}"""
REVOKE = f"""mutation($i: RevokeInvitationInput!) {{
  revokeInvitation(input: $i) {{ invitation {{ id status }} {ERRORS} }}
}}"""
LIST = f"""query($s: InvitationStatus! = PENDING) {{
  invitations(status: $s) {{ totalCount edges {{ node {{ {INVITATION} }} }} }}
}}"""
MINE = f"{{ me {{ invitations {{ totalCount edges {{ node {{ {INVITATION} }} }} }} }} }}"


async def invitee(factory: Factory, email: str | None = None) -> Caller:
    """A signed-in user of no synagogue (yet)."""
    user = await factory.user(email=email)
    return Caller(user=user, token=factory.token(user))


async def invite(gql: GQL, admin: Actor, email: str, role: str = "VIEWER") -> dict[str, Any]:
    """addMember selecting the invitation; its payload (the call must not fail)."""
    result = await gql(ADD_MEMBER, {"i": {"email": email, "role": role}}, actor=admin)
    assert "errors" not in result, result
    payload: dict[str, Any] = result["data"]["addMember"]
    return payload


async def mails_to(owner_db: asyncpg.Connection, address: str) -> list[dict[str, Any]]:
    """The e-mails queued for an address, oldest first (each job's payload: to, subject, body, ...), wherever the
    inviting synagogue's jobs live: the central database, or the one it is placed in."""
    query = "SELECT id, created_at, payload FROM job WHERE kind = 'email.send' AND payload->>'to' = $1"
    rows = list(await owner_db.fetch(query, address))
    for database in PLACED:
        rows += await fetch(placed_owner_url(database), query, address)
    rows.sort(key=lambda row: (row["created_at"], row["id"]))
    return [json.loads(row["payload"]) if isinstance(row["payload"], str) else row["payload"] for row in rows]


async def token_for(owner_db: asyncpg.Connection, address: str) -> str:
    """The token of the newest invitation e-mailed to an address, read from its body."""
    mails = await mails_to(owner_db, address)
    assert mails, f"no e-mail queued for {address}"
    found: list[str] = TOKEN.findall(mails[-1]["body"])
    assert len(found) == 1, mails[-1]["body"]
    return found[0]


async def answer_as(gql: GQL, actor: Caller, document: str, values: dict[str, Any], field: str) -> dict[str, Any]:
    """An invitee's mutation (accept or decline), signed in and naming no synagogue; its payload."""
    result = await gql(document, {"i": values}, headers={"Authorization": f"Bearer {actor.token}"})
    assert "errors" not in result, result
    payload: dict[str, Any] = result["data"][field]
    return payload


async def accept(gql: GQL, actor: Caller, token: str) -> dict[str, Any]:
    return await answer_as(gql, actor, ACCEPT, {"token": token}, "acceptInvitation")


def codes(payload: dict[str, Any]) -> list[str]:
    return [error["code"] for error in payload["userErrors"]]
