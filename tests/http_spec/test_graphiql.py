"""GraphiQL for power users: the page opens on the persisted-document catalogue with the headers a user
needs, and the requests GraphiQL sends with a bearer token and a tenant header (its introspection included,
open only to explorer roles in production) are answered; subscriptions get the same credentials in the
websocket's `connection_init` payload."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from models.identity import Role
from schema.graphiql import DEFAULT_HEADERS, DEFAULT_QUERY, GRAPHQL_WS, graphiql_html
from services.partners.documents import catalogue
from tests.support.actors import Factory
from tests.support.apps import variant
from tests.support.graphql import error_codes

# What GraphiQL 3's fetcher sends: JSON, accepting incremental delivery, plus the headers editor's headers.
GRAPHIQL_HEADERS = {"Accept": "application/json, multipart/mixed", "Content-Type": "application/json"}
INTROSPECTION = "query IntrospectionQuery { __schema { queryType { name } subscriptionType { name } } }"


async def test_graphiql_opens_on_the_persisted_documents_with_the_headers_a_user_needs(
    http: httpx.AsyncClient,
) -> None:
    page = await http.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert json.dumps(DEFAULT_QUERY) in page.text and json.dumps(DEFAULT_HEADERS) in page.text
    assert "connectionParams: { authorization, tenantId }" in page.text and "wsClient: client" in page.text
    # graphql-ws's client, pinned with its integrity hash, loaded after GraphiQL and before the page's script
    script = page.text.index(f'<script crossorigin src="{GRAPHQL_WS}" integrity="sha384-')
    assert page.text.index("graphiql@3.8.3/graphiql.min.js") < script < page.text.index("graphqlWs.createClient")
    assert json.loads(DEFAULT_HEADERS) == {
        "Authorization": "Bearer <access token from Login>",
        "X-Tenant-ID": "<Synagogue id>",
    }


def test_a_changed_strawberry_page_is_noticed_rather_than_served_without_the_defaults() -> None:
    with pytest.raises(RuntimeError, match="GraphiQL page changed"):
        graphiql_html("<html>another page</html>")


async def test_graphiql_requests_with_a_bearer_token_and_tenant_header_show_the_document_ids(
    app: Any, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    viewer = await factory.member(tenant=admin.tenant, role=Role.VIEWER)
    async with variant(app, environment="production", introspection=None) as client:
        body = {"query": DEFAULT_QUERY, "operationName": "PersistedDocuments", "variables": None}
        listed = await client.post("/graphql", json=body, headers={**GRAPHIQL_HEADERS, **admin.headers()})
        assert listed.status_code == 200, listed.text
        ids = {document["id"] for document in listed.json()["data"]["persistedDocuments"]}
        assert ids == {document.id for document in catalogue().all()}

        schema = await client.post(
            "/graphql", json={"query": INTROSPECTION}, headers={**GRAPHIQL_HEADERS, **admin.headers()}
        )
        assert schema.json()["data"]["__schema"]["subscriptionType"] == {"name": "Subscription"}
        refused = await client.post(
            "/graphql", json={"query": INTROSPECTION}, headers={**GRAPHIQL_HEADERS, **viewer.headers()}
        )
        assert "data" not in refused.json() and refused.json()["errors"]
        forbidden = await client.post("/graphql", json=body, headers={**GRAPHIQL_HEADERS, **viewer.headers()})
        assert error_codes(forbidden.json()) == ["FORBIDDEN"]
