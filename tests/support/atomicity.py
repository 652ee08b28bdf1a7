"""One operation is one transaction (security matrix row R4): a mutation that writes two messages and then
renames the synagogue, so that a failure at its end shows whether the first writes stayed, and counting them."""

from __future__ import annotations

from typing import Any

import asyncpg

WRITE_THEN_RENAME = """
mutation R4($first: CreateMessageInput!, $second: CreateMessageInput!, $profile: UpdateSynagogueInput!) {
  first: createMessage(input: $first) { message { id } userErrors { code } }
  second: createMessage(input: $second) { message { id } userErrors { code } }
  rename: updateSynagogue(input: $profile) { synagogue { name } userErrors { code } }
}
"""
CREATE_MESSAGE = "mutation($input: CreateMessageInput!) { createMessage(input: $input) { message { id } } }"


def variables(titles: list[str], name: str) -> dict[str, Any]:
    return {"first": {"title": titles[0]}, "second": {"title": titles[1]}, "profile": {"name": name}}


async def messages_titled(conn: asyncpg.Connection, titles: list[str]) -> int:
    count: int = await conn.fetchval("SELECT count(*) FROM content_message WHERE title = ANY($1::text[])", titles)
    return count
