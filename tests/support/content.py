"""Content for tests: synagogues at reference places, rows made directly in a tenant, and a message created
through the API as an editor would (which is what screens, webhooks and the outbox react to)."""

from __future__ import annotations

from typing import Any

from models.base import tenant_scope
from models.identity import Role
from tests.support.actors import Actor, Factory
from tests.support.graphql import GQL

CHICAGO = {"timezone": "America/Chicago", "latitude": 41.85003, "longitude": -87.65005}


async def chicago_member(factory: Factory, role: Role = Role.EDITOR) -> Actor:
    return await factory.member(tenant=await factory.tenant(**CHICAGO), role=role)


async def make(tenant_id: int, model: type[Any], **fields: Any) -> Any:
    """Create a row directly in a tenant (as the app's database role, under row-level security)."""
    async with tenant_scope(tenant_id):
        return await model.create(**fields)


async def create_message(
    gql: GQL, editor: Actor, title: str, body: str = "Kiddush after davening", **fields: Any
) -> dict[str, Any]:
    """A message created with the CreateMessage operation, accepted; the message as the payload returns it."""
    variables = {"input": {"title": title, "body": body, **fields}}
    result = await gql.op("CreateMessage", variables, actor=editor)
    assert result["data"]["createMessage"]["userErrors"] == [], result
    message: dict[str, Any] = result["data"]["createMessage"]["message"]
    return message
