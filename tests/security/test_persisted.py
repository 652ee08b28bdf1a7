"""Persisted documents: Apollo's APQ protocol (P2), partner keys limited to their allowlist (P1), trusted
documents only in production, and an Apollo-compatible client driving the whole flow."""

from __future__ import annotations

import json
from typing import Any

import httpx

from models.identity import Role
from services.partners.documents import sha256_hex
from tests.support.actors import Factory, unique
from tests.support.apps import variant
from tests.support.documents import client_document
from tests.support.graphql import GQL, error_codes
from tests.support.partners import create_key, document_id, persisted


class ApolloPersistedQueryLink:
    """The request logic of Apollo Client's `createPersistedQueryLink` (v3): send the hash alone; on
    `PersistedQueryNotFound` (in the body, whatever the status) send the hash with the query; optionally
    hashed queries over GET."""
    def __init__(self, http: httpx.AsyncClient, headers: dict[str, str] | None = None, use_get: bool = False) -> None:
        self.http = http
        self.headers = {"Accept": "application/graphql-response+json,application/json;q=0.9", **(headers or {})}
        self.use_get = use_get
        self.sent: list[dict[str, Any]] = []

    async def _send(self, body: dict[str, Any], get: bool) -> dict[str, Any]:
        self.sent.append(body)
        if get:
            params = {k: json.dumps(v) if isinstance(v, dict) else v for k, v in body.items()}
            response = await self.http.get("/graphql", params=params, headers=self.headers)
        else:
            response = await self.http.post("/graphql", json=body, headers=self.headers)
        result: dict[str, Any] = response.json()
        return result

    async def request(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        extensions = {"persistedQuery": {"version": 1, "sha256Hash": sha256_hex(query)}}
        result = await self._send({"variables": variables or {}, "extensions": extensions}, self.use_get)
        errors = result.get("errors") or []
        if any(
            e.get("message") == "PersistedQueryNotFound"
            or (e.get("extensions") or {}).get("code") == "PERSISTED_QUERY_NOT_FOUND"
            for e in errors
        ):
            result = await self._send({"query": query, "variables": variables or {}, "extensions": extensions}, False)
        return result


async def test_P2_apollo_client_flow_hash_then_document_then_hash(http: httpx.AsyncClient, factory: Factory) -> None:
    member = await factory.member(role=Role.VIEWER)
    query = f"query Probe {{ synagogue {{ id name }} probe_{unique('q').replace('-', '_')}: __typename }}"
    link = ApolloPersistedQueryLink(http, member.headers())
    first = await link.request(query)
    assert first["data"]["synagogue"]["name"] == member.tenant.name
    assert [("query" in body) for body in link.sent] == [False, True]
    second = await link.request(query)
    assert second["data"] == first["data"]
    assert [("query" in body) for body in link.sent] == [False, True, False]
    over_get = ApolloPersistedQueryLink(http, member.headers(), use_get=True)
    third = await over_get.request(query)
    assert third["data"] == first["data"] and len(over_get.sent) == 1


async def test_P2_unknown_hash_answers_persisted_query_not_found_as_apollo_expects(http: httpx.AsyncClient) -> None:
    response = await http.post("/graphql", json=persisted(sha256_hex(unique("never-sent"))))
    assert response.status_code == 200
    assert response.json() == {
        "errors": [{"message": "PersistedQueryNotFound", "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"}}]
    }
    modern = await http.post(
        "/graphql",
        json=persisted(sha256_hex(unique("never-sent"))),
        headers={"Accept": "application/graphql-response+json"},
    )
    assert modern.status_code == 400
    assert modern.headers["content-type"].startswith("application/graphql-response+json")
    assert error_codes(modern.json()) == ["PERSISTED_QUERY_NOT_FOUND"]


async def test_P2_hash_that_does_not_match_its_document_is_refused_and_not_stored(http: httpx.AsyncClient) -> None:
    query = f"{{ mismatch_{unique('m').replace('-', '_')}: __typename }}"
    wrong = sha256_hex(query + " ")
    response = await http.post("/graphql", json=persisted(wrong, query))
    assert response.status_code == 400
    assert error_codes(response.json()) == ["PERSISTED_QUERY_HASH_MISMATCH"]
    assert "data" not in response.json()
    again = await http.post("/graphql", json=persisted(wrong))
    assert error_codes(again.json()) == ["PERSISTED_QUERY_NOT_FOUND"]


async def test_P2_unsupported_version_and_malformed_hash_are_bad_requests(http: httpx.AsyncClient) -> None:
    bad_version = {"extensions": {"persistedQuery": {"version": 2, "sha256Hash": "0" * 64}}}
    response = await http.post("/graphql", json=bad_version)
    assert response.status_code == 400 and error_codes(response.json()) == ["PERSISTED_QUERY_NOT_SUPPORTED"]
    malformed = await http.post("/graphql", json=persisted("not-a-hash"))
    assert malformed.status_code == 400 and error_codes(malformed.json()) == ["BAD_REQUEST"]


async def test_P2_trusted_documents_run_by_id_without_registration(http: httpx.AsyncClient, factory: Factory) -> None:
    member = await factory.member(role=Role.VIEWER)
    response = await http.post("/graphql", json=persisted(document_id("Synagogue")), headers=member.headers())
    assert response.json()["data"]["synagogue"]["name"] == member.tenant.name


async def test_P1_partner_runs_only_allowlisted_documents_by_hash(
    gql: GQL, http: httpx.AsyncClient, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    key = await create_key(gql, admin, [document_id("Synagogue")])
    headers = {"Authorization": f"ApiKey {key['secret']}"}

    allowed = await http.post("/graphql", json=persisted(document_id("Synagogue")), headers=headers)
    assert allowed.json()["data"]["synagogue"]["id"] == admin.tenant_gid

    free_form = await http.post("/graphql", json={"query": "{ synagogue { id name } }"}, headers=headers)
    assert error_codes(free_form.json()) == ["OPERATION_NOT_ALLOWED"] and "data" not in free_form.json()

    exact_text = await http.post("/graphql", json={"query": client_document("Synagogue")}, headers=headers)
    assert exact_text.json()["data"]["synagogue"]["id"] == admin.tenant_gid

    unknown = await http.post("/graphql", json=persisted(sha256_hex(unique("x"))), headers=headers)
    assert error_codes(unknown.json()) == ["PERSISTED_QUERY_NOT_FOUND"]

    unlisted = await http.post("/graphql", json=persisted(document_id("Members")), headers=headers)
    assert error_codes(unlisted.json()) == ["OPERATION_NOT_ALLOWED"]


async def test_P1_partner_cannot_register_documents_nor_run_ones_others_registered(
    http: httpx.AsyncClient, gql: GQL, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    key = await create_key(gql, admin, [document_id("Synagogue")])
    headers = {"Authorization": f"ApiKey {key['secret']}"}
    query = f"{{ synagogue {{ id }} registered_{unique('r').replace('-', '_')}: __typename }}"
    register = await http.post("/graphql", json=persisted(sha256_hex(query), query), headers=headers)
    assert error_codes(register.json()) == ["OPERATION_NOT_ALLOWED"]
    stored_by_user = await http.post("/graphql", json=persisted(sha256_hex(query), query), headers=admin.headers())
    assert "errors" not in stored_by_user.json()
    by_hash = await http.post("/graphql", json=persisted(sha256_hex(query)), headers=headers)
    assert error_codes(by_hash.json()) == ["PERSISTED_QUERY_NOT_FOUND"]


async def test_P1_partner_key_of_tenant_a_never_reads_tenant_b(
    http: httpx.AsyncClient, gql: GQL, factory: Factory
) -> None:
    a = await factory.member(role=Role.ADMIN)
    b = await factory.member(role=Role.ADMIN)
    key = await create_key(gql, a, [document_id("Synagogue")])
    headers = {"Authorization": f"ApiKey {key['secret']}", "X-Tenant-ID": b.tenant_gid}
    response = await http.post("/graphql", json=persisted(document_id("Synagogue")), headers=headers)
    assert error_codes(response.json()) == ["FORBIDDEN"]
    assert str(b.tenant_gid) not in response.text


async def test_trusted_documents_only_refuses_free_form_except_for_explorer_roles(app: Any, factory: Factory) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    admin = await factory.member(tenant=viewer.tenant, role=Role.ADMIN)
    platform = await factory.platform_admin()
    free_form = {"query": "{ synagogue { id } }"}
    async with variant(app, trusted_documents_only=True) as client:
        refused = await client.post("/graphql", json=free_form, headers=viewer.headers())
        assert error_codes(refused.json()) == ["OPERATION_NOT_ALLOWED"]
        anonymous = await client.post("/graphql", json={"query": "{ __typename }"})
        assert error_codes(anonymous.json()) == ["OPERATION_NOT_ALLOWED"]
        query = f"{{ registered_{unique('t').replace('-', '_')}: __typename }}"
        register = await client.post("/graphql", json=persisted(sha256_hex(query), query), headers=viewer.headers())
        assert error_codes(register.json()) == ["OPERATION_NOT_ALLOWED"]
        trusted = await client.post("/graphql", json=persisted(document_id("Synagogue")), headers=viewer.headers())
        assert trusted.json()["data"]["synagogue"]["id"] == viewer.tenant_gid
        explorer = await client.post("/graphql", json=free_form, headers=admin.headers())
        assert explorer.json()["data"]["synagogue"]["id"] == viewer.tenant_gid
        staff = await client.post("/graphql", json={"query": "{ me { id } }"}, headers=platform.headers())
        assert "errors" not in staff.json()
