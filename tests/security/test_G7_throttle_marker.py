"""G7 at the door: a credential that ran out of budget is remembered in Redis as throttled, so its next
requests are refused without touching the database. The marker is named by an HMAC under the server's
secret, never by a plain hash of the `Authorization` header, which anyone reading Redis could test a
stolen or guessed credential against."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from config import Settings
from models.identity import Role
from tests.conftest import Factory, error_codes
from tests.partners.helpers import variant


async def test_G7_throttled_marker_is_keyed_by_an_hmac_under_the_server_secret(
    app: Any, factory: Factory, settings: Settings
) -> None:
    flooder = await factory.member(role=Role.VIEWER)
    headers = flooder.headers()
    query = {"query": "{ members(first: 10) { edges { node { id role } } } }"}
    async with variant(app, cost_budget_capacity=60, cost_budget_restore_rate=1) as client:
        for _ in range(30):
            response = await client.post("/graphql", json=query, headers=headers)
            if response.status_code == 429:
                break
        assert response.status_code == 429 and error_codes(response.json()) == ["THROTTLED"]
    named = f"{headers['Authorization']}\n{headers['X-Tenant-ID']}|".encode()
    keyed = hmac.new(settings.jwt_key().encode(), named, hashlib.sha256).hexdigest()
    plain = hashlib.sha256(named).hexdigest()
    kv = app.state.kv
    assert await kv.exists(f"throttled:{keyed}")
    assert not await kv.exists(f"throttled:{plain}")
