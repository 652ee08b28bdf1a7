"""Partner API keys and the persisted-document catalogue: created by admins, stored hashed, listed with last
use, revocable, scoped to one synagogue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import asyncpg
import httpx

from models.identity import Role
from services.infra.ids import to_global_id
from services.partners.documents import catalogue, sha256_hex
from tests.support.actors import Factory
from tests.support.documents import CLIENTS_DIR, operations
from tests.support.graphql import GQL, answer, error_codes
from tests.support.partners import create_key, document_id, persisted
from tests.support.snapshot import unchanged

API_KEYS = (
    "query Keys($all: Boolean = false) { apiKeys(includeRevoked: $all) {"
    " edges { node { id name allowedDocuments lastUsedAt isRevoked } } totalCount } }"
)
NODE = "query N($id: ID!) { node(id: $id) { id } }"
REVOKE = "mutation Revoke($id: ID!) { revokeApiKey(id: $id) { apiKey { id isRevoked revokedAt } userErrors { code } } }"


def test_client_documents_are_copied_into_the_repository_unchanged() -> None:
    copies = Path(__file__).resolve().parents[2] / "documents" / "clients"
    shared = sorted(path.name for path in CLIENTS_DIR.glob("*.graphql"))
    assert shared and sorted(path.name for path in copies.glob("*.graphql")) == shared
    for name in shared:
        assert (copies / name).read_text() == (CLIENTS_DIR / name).read_text(), name


def test_catalogue_holds_every_client_operation_with_the_id_a_client_sends() -> None:
    documents = catalogue()
    for name, (file_name, _, _) in operations().items():
        document = documents.get(document_id(name))
        assert document is not None, name
        assert document.operation_name == name and document.client == file_name.removesuffix(".graphql")
        assert sha256_hex(document.text) == document.id


async def test_persisted_documents_lists_the_catalogue_for_admins(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    result = await gql.op("PersistedDocuments", actor=admin)
    assert "errors" not in result, result
    listed = {(d["operationName"], d["client"]): d["id"] for d in result["data"]["persistedDocuments"]}
    assert listed[("PartnerDaySchedule", "partner")] == document_id("PartnerDaySchedule")
    assert listed[("Login", "admin")] == document_id("Login")


async def test_persisted_documents_missing_role_is_forbidden(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    async with unchanged(owner_db, editor):
        result = await gql.op("PersistedDocuments", actor=editor)
        assert error_codes(result) == ["FORBIDDEN"] and result["data"]["persistedDocuments"] is None


async def test_create_api_key_shows_the_secret_once_and_stores_only_its_hash(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    wanted = [document_id("PartnerDaySchedule"), document_id("PartnerUpcomingYahrzeits")]
    payload = await create_key(gql, admin, wanted)
    secret = payload["secret"]
    assert secret.startswith("sgk_") and payload["apiKey"]["allowedDocuments"] == wanted
    row = await owner_db.fetchrow(
        "SELECT c.key_hash, c.tenant_id FROM api_key_credential c JOIN api_key k ON k.id = c.api_key_id"
        " WHERE k.name = $1 AND k.tenant_id = $2",
        payload["apiKey"]["name"],
        admin.tenant.id,
    )
    assert row["key_hash"] == sha256_hex(secret) and row["tenant_id"] == admin.tenant.id
    dump = await owner_db.fetchval("SELECT count(*) FROM api_key_credential WHERE key_hash = $1", secret)
    assert dump == 0
    listed = await gql(API_KEYS, actor=admin)
    assert "secret" not in str(listed) and secret not in str(listed)


async def test_create_api_key_bad_input_is_a_user_error_and_writes_nothing(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    cases = [
        ({"name": "x", "allowedDocuments": ["0" * 64]}, ["allowedDocuments", "0"], "INVALID"),
        ({"name": "x", "allowedDocuments": [document_id("CreateMessage")]}, ["allowedDocuments", "0"], "INVALID"),
        ({"name": "x", "allowedDocuments": []}, ["allowedDocuments"], "REQUIRED"),
        ({"name": "  ", "allowedDocuments": [document_id("Synagogue")]}, ["name"], "REQUIRED"),
    ]
    for data, field, code in cases:
        result = await gql.op("CreateApiKey", {"input": data}, actor=admin)
        payload = result["data"]["createApiKey"]
        assert payload["apiKey"] is None and payload["secret"] is None
        assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(field, code)], data
    listed = await gql(API_KEYS, {"all": True}, actor=admin)
    assert listed["data"]["apiKeys"]["totalCount"] == 0


async def test_create_api_key_missing_role_is_forbidden(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    data = {"name": "x", "allowedDocuments": [document_id("Synagogue")]}
    async with unchanged(owner_db, editor):
        result = await gql.op("CreateApiKey", {"input": data}, actor=editor)
        assert error_codes(result) == ["FORBIDDEN"] and result["data"]["createApiKey"] is None


async def test_api_keys_list_own_tenant_only_with_last_use(gql: GQL, http: httpx.AsyncClient, factory: Factory) -> None:
    a = await factory.member(role=Role.ADMIN)
    b = await factory.member(role=Role.ADMIN)
    mine = await create_key(gql, a, [document_id("Synagogue")], name="mine")
    await create_key(gql, b, [document_id("Synagogue")], name="theirs")
    before = await gql(API_KEYS, actor=a)
    [edge] = before["data"]["apiKeys"]["edges"]
    assert edge["node"]["name"] == "mine" and edge["node"]["lastUsedAt"] is None
    used = await http.post(
        "/graphql", json=persisted(document_id("Synagogue")), headers={"Authorization": f"ApiKey {mine['secret']}"}
    )
    assert "errors" not in used.json()
    after = await gql(API_KEYS, actor=a)
    assert after["data"]["apiKeys"]["edges"][0]["node"]["lastUsedAt"] is not None
    node = await gql(NODE, {"id": mine["apiKey"]["id"]}, actor=b)
    assert node["data"]["node"] is None


async def test_revoked_key_stops_working_and_foreign_revoke_is_not_found(
    gql: GQL, http: httpx.AsyncClient, factory: Factory
) -> None:
    a = await factory.member(role=Role.ADMIN)
    b = await factory.member(role=Role.ADMIN)
    key = await create_key(gql, a, [document_id("Synagogue")])
    headers = {"Authorization": f"ApiKey {key['secret']}"}
    foreign = await gql(REVOKE, {"id": key["apiKey"]["id"]}, actor=b)
    assert error_codes(foreign) == ["NOT_FOUND"]
    works = await http.post("/graphql", json=persisted(document_id("Synagogue")), headers=headers)
    assert "errors" not in works.json()
    revoked = await gql(REVOKE, {"id": key["apiKey"]["id"]}, actor=a)
    assert revoked["data"]["revokeApiKey"]["apiKey"]["isRevoked"] is True
    refused = await http.post("/graphql", json=persisted(document_id("Synagogue")), headers=headers)
    assert error_codes(refused.json()) == ["UNAUTHENTICATED"]
    listed = await gql(API_KEYS, actor=a)
    assert listed["data"]["apiKeys"]["totalCount"] == 0
    viewer = await factory.member(tenant=a.tenant, role=Role.VIEWER)
    assert error_codes(await gql(REVOKE, {"id": key["apiKey"]["id"]}, actor=viewer)) == ["FORBIDDEN"]


async def test_cross_tenant_another_synagogues_keys_answer_like_missing_ones(
    gql: GQL, http: httpx.AsyncClient, factory: Factory, owner_db: asyncpg.Connection, tenant_db: asyncpg.Connection
) -> None:
    a = await factory.member(role=Role.ADMIN)
    b = await factory.member(role=Role.ADMIN)
    theirs = await create_key(gql, b, [document_id("Synagogue")], name="theirs")
    key_id, missing_id = theirs["apiKey"]["id"], to_global_id("ApiKey", 10**9)
    async with unchanged(owner_db, a, b):
        foreign = await gql(REVOKE, {"id": key_id}, actor=a)
        assert error_codes(foreign) == ["NOT_FOUND"]
        assert answer(foreign) == answer(await gql(REVOKE, {"id": missing_id}, actor=a))
        seen = await gql(NODE, {"id": key_id}, actor=a)
        assert answer(seen) == answer(await gql(NODE, {"id": missing_id}, actor=a)) == {"data": {"node": None}}
        assert (await gql(API_KEYS, {"all": True}, actor=a))["data"]["apiKeys"]["totalCount"] == 0

        nowhere = {"X-Tenant-ID": to_global_id("Synagogue", 10**9)}
        named = await gql(REVOKE, {"id": key_id}, actor=a, tenant=b.tenant)
        assert error_codes(named) == ["FORBIDDEN"]
        assert answer(named) == answer(await gql(REVOKE, {"id": key_id}, actor=a, headers=nowhere))

    async def as_partner(tenant: dict[str, str] | None = None) -> dict[str, Any]:
        headers = {"Authorization": f"ApiKey {theirs['secret']}", **(tenant or {})}
        response = await http.post("/graphql", json=persisted(document_id("Synagogue")), headers=headers)
        result: dict[str, Any] = response.json()
        return result

    async with unchanged(owner_db, a, b):
        crossing = await as_partner({"X-Tenant-ID": a.tenant_gid})  # B's key naming A
        assert error_codes(crossing) == ["FORBIDDEN"] and answer(crossing) == answer(await as_partner(nowhere))
    assert (await as_partner())["data"]["synagogue"]["name"] == b.tenant.name
    revoked = await tenant_db.fetch("SELECT revoked_at FROM api_key WHERE tenant_id = $1", b.tenant.id)
    assert [row["revoked_at"] for row in revoked] == [None]


async def test_partner_key_cannot_run_admin_documents(gql: GQL, http: httpx.AsyncClient, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    key = await create_key(gql, admin, [document_id("Synagogue")])
    headers = {"Authorization": f"ApiKey {key['secret']}"}
    response = await http.post("/graphql", json=persisted(document_id("PersistedDocuments")), headers=headers)
    assert error_codes(response.json()) == ["OPERATION_NOT_ALLOWED"]
