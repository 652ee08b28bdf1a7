"""Security matrix row R5: a retried Idempotency-Key replays the stored result (never a credential) or is refused."""

from __future__ import annotations

import json
from typing import Any

import httpx
import redis.asyncio as redis

from models.base import tenant_scope
from models.identity import Role
from models.partners import ApiKey
from services.infra import idempotency
from tests.support.actors import Factory, unique
from tests.support.documents import client_document
from tests.support.graphql import error_codes
from tests.support.partners import document_id
from tests.support.servers import redis_url


def create_key_body(name: str) -> dict[str, Any]:
    variables = {"input": {"name": name, "allowedDocuments": [document_id("Synagogue")]}}
    return {"query": client_document("CreateApiKey"), "variables": variables, "operationName": "CreateApiKey"}


async def _key_count(tenant_id: int) -> int:
    async with tenant_scope(tenant_id):
        return await ApiKey.all().count()


async def test_R5_same_idempotency_key_replays_the_stored_result_without_running_again(
    http: httpx.AsyncClient, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    headers = {**admin.headers(), "Idempotency-Key": unique("idem")}
    body = create_key_body("newsletter")
    first = await http.post("/graphql", json=body, headers=headers)
    secret = first.json()["data"]["createApiKey"]["secret"]
    assert secret and "idempotent-replayed" not in first.headers
    second = await http.post("/graphql", json=body, headers=headers)
    assert second.headers["idempotent-replayed"] == "true"
    replayed = second.json()
    assert replayed["data"]["createApiKey"]["apiKey"] == first.json()["data"]["createApiKey"]["apiKey"]
    assert replayed["data"]["createApiKey"]["secret"] is None  # a credential is shown once, never replayed
    assert replayed["extensions"]["idempotency"] == {"withheldFields": ["createApiKey.secret"]}
    assert await _key_count(admin.tenant.id) == 1


async def _idempotency_records() -> dict[str, str]:
    client = redis.Redis.from_url(redis_url(), decode_responses=True)
    try:
        names = [name async for name in client.scan_iter(match="idem:*")]
        values = await client.mget(names) if names else []
        return {str(name): str(value) for name, value in zip(names, values, strict=True) if value is not None}
    finally:
        await client.aclose()


async def test_R5_idempotency_records_in_redis_hold_no_credential_and_no_identity_in_clear(
    http: httpx.AsyncClient, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    key = unique("idem")
    before = await _idempotency_records()
    aliased = {**create_key_body("aliased"), "query": client_document("CreateApiKey").replace("secret", "s: secret")}
    first = await http.post("/graphql", json=aliased, headers={**admin.headers(), "Idempotency-Key": key})
    secret = first.json()["data"]["createApiKey"]["s"]
    assert secret
    records = {name: value for name, value in (await _idempotency_records()).items() if name not in before}
    assert len(records) == 1
    ((name, value),) = records.items()
    scope = idempotency.principal_scope("user", f"user:{admin.user.id}", admin.tenant.id)
    assert name == idempotency.record_key(scope, key)
    for credential in (secret, admin.token, key, f"user:{admin.user.id}"):
        assert credential not in name and credential not in value
    stored = json.loads(json.loads(value)["body"])
    assert stored["data"]["createApiKey"]["s"] is None
    assert stored["data"]["createApiKey"]["apiKey"]["id"] == first.json()["data"]["createApiKey"]["apiKey"]["id"]


async def test_R5_same_key_with_another_body_is_refused(http: httpx.AsyncClient, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    headers = {**admin.headers(), "Idempotency-Key": unique("idem")}
    assert "errors" not in (await http.post("/graphql", json=create_key_body("one"), headers=headers)).json()
    other = await http.post("/graphql", json=create_key_body("two"), headers=headers)
    assert other.status_code == 422 and error_codes(other.json()) == ["IDEMPOTENCY_KEY_REUSED"]
    assert await _key_count(admin.tenant.id) == 1


async def test_R5_keys_are_per_principal_and_tenant(http: httpx.AsyncClient, factory: Factory) -> None:
    a = await factory.member(role=Role.ADMIN)
    b = await factory.member(role=Role.ADMIN)
    key = unique("idem")
    first = await http.post("/graphql", json=create_key_body("x"), headers={**a.headers(), "Idempotency-Key": key})
    second = await http.post("/graphql", json=create_key_body("x"), headers={**b.headers(), "Idempotency-Key": key})
    assert "idempotent-replayed" not in second.headers
    assert first.json()["data"]["createApiKey"]["secret"] != second.json()["data"]["createApiKey"]["secret"]
    assert await _key_count(b.tenant.id) == 1


async def test_R5_queries_ignore_the_idempotency_key(http: httpx.AsyncClient, factory: Factory) -> None:
    member = await factory.member(role=Role.VIEWER)
    headers = {**member.headers(), "Idempotency-Key": unique("idem")}
    await http.post("/graphql", json={"query": "{ synagogue { name } }"}, headers=headers)
    again = await http.post("/graphql", json={"query": "{ synagogue { id } }"}, headers=headers)
    assert again.status_code == 200 and "idempotent-replayed" not in again.headers
