"""X1 (security matrix): a webhook host resolving to NAT64, 6to4, IPv4-compatible or site-local IPv6 addresses
that embed private IPv4 | refused like the private address itself.

Python's `ipaddress.is_global` says True for several IPv6 spellings of a private or link-local IPv4 address; the
target check unwraps the IPv4 address inside each and refuses the prefixes that can only lead inward. The
addresses are given as literal hosts, which resolve to themselves, so no name server is involved."""

from __future__ import annotations

import asyncpg
import pytest

from models.identity import Role
from services.webhooks.targets import RefusedTarget, resolve
from tests.support.actors import Factory
from tests.support.graphql import GQL

CREATE_ENDPOINT = """mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { webhookEndpoint { id } userErrors { field code } }
}"""
REFUSED = [
    ("64:ff9b::a00:1", "NAT64 well-known prefix embedding 10.0.0.1"),
    ("64:ff9b::7f00:1", "NAT64 well-known prefix embedding 127.0.0.1"),
    ("64:ff9b::a9fe:a9fe", "NAT64 well-known prefix embedding 169.254.169.254 (cloud metadata)"),
    ("64:ff9b:1::a00:1", "NAT64 local-use prefix (RFC 8215)"),
    ("64:ff9b:1:ffff::808:808", "NAT64 local-use prefix, even embedding a public address"),
    ("2002:a00:1::1", "6to4 embedding 10.0.0.1"),
    ("2002:c0a8:101::1", "6to4 embedding 192.168.1.1"),
    ("2002:7f00:1::1", "6to4 embedding 127.0.0.1"),
    ("::a00:1", "IPv4-compatible 10.0.0.1"),
    ("::7f00:1", "IPv4-compatible 127.0.0.1"),
    ("::a9fe:a9fe", "IPv4-compatible 169.254.169.254"),
    ("fec0::1", "site-local"),
    ("feff::1", "site-local, top of the prefix"),
    ("::ffff:10.0.0.1", "IPv4-mapped 10.0.0.1"),
    ("2001:0:4136:e378:8000:63bf:f5ff:fffe", "Teredo embedding 10.0.0.1 as its client"),
]
ALLOWED = [
    ("64:ff9b::808:808", "NAT64 well-known prefix embedding 8.8.8.8"),
    ("2002:808:808::1", "6to4 embedding 8.8.8.8"),
    ("2606:4700:4700::1111", "a plain global IPv6 address"),
    ("8.8.8.8", "a plain global IPv4 address"),
]


@pytest.mark.parametrize(("address", "why"), REFUSED)
async def test_X1_an_ipv6_spelling_of_an_inward_address_is_refused(address: str, why: str) -> None:
    with pytest.raises(RefusedTarget):
        await resolve(address, 443, allow_private=False)


@pytest.mark.parametrize(("address", "why"), ALLOWED)
async def test_X1_global_addresses_in_the_same_encodings_are_allowed(address: str, why: str) -> None:
    assert await resolve(address, 443, allow_private=False) == [address]


async def test_X1_an_endpoint_at_a_nat64_spelling_of_a_private_address_is_refused_and_not_saved(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    url = "https://[64:ff9b::a9fe:a9fe]/latest/meta-data"
    result = await gql(CREATE_ENDPOINT, {"input": {"url": url, "events": ["MESSAGE_CREATED"]}}, actor=admin)
    payload = result["data"]["createWebhookEndpoint"]
    assert payload["webhookEndpoint"] is None and [e["field"] for e in payload["userErrors"]] == [["url"]]
    assert await owner_db.fetchval("SELECT count(*) FROM webhook_endpoint WHERE tenant_id = $1", admin.tenant.id) == 0
