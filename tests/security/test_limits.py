"""GraphQL abuse (G1–G8): limits from settings, checked before any resolver runs."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from typing import Any

import asyncpg
import httpx
import pytest
import strawberry
from starlette.requests import Request
from starlette.responses import Response
from structlog.stdlib import ProcessorFormatter

from config import Settings, get_settings
from models.database import tortoise_config
from models.identity import Role
from schema.assembly import Schema
from schema.assembly import extensions as schema_extensions
from schema.context import Context
from tests.support.actors import Factory, unique
from tests.support.apps import variant
from tests.support.graphql import GQL, error_codes

MEMBERS_THROUGH_FRAGMENTS = """
query Deep { ...Level1 }
fragment Level1 on Query { members(first: 5) { ...Level2 } }
fragment Level2 on MembershipConnection { edges { ...Level3 } }
fragment Level3 on MembershipEdge { node { ...Level4 } }
fragment Level4 on Membership { user { id } }
"""


def doubling_fragments(levels: int) -> str:
    """Each fragment spreads the next one twice (and adds an alias): 2^levels aliases in a tiny document."""
    chain = "\n".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} a{i}: __typename }}" for i in range(levels))
    return f"query Doubling {{ ...F0 }}\n{chain}\nfragment F{levels} on Query {{ __typename }}"


async def test_G1_depth_through_fragments_is_refused_in_validation(app: Any, factory: Factory) -> None:
    member = await factory.member(role=Role.VIEWER)
    async with variant(app, max_depth=3) as client:
        response = await client.post("/graphql", json={"query": MEMBERS_THROUGH_FRAGMENTS}, headers=member.headers())
        body = response.json()
        assert error_codes(body) == ["MAX_DEPTH_EXCEEDED"]
        assert "data" not in body  # refused before execution: no resolver ran
    async with variant(app, max_depth=4) as client:
        response = await client.post("/graphql", json={"query": MEMBERS_THROUGH_FRAGMENTS}, headers=member.headers())
        assert response.json()["data"]["members"]["edges"][0]["node"]["user"]["id"]


async def test_G1_anonymous_deep_query_never_reaches_a_resolver(app: Any) -> None:
    async with variant(app, max_depth=3) as client:
        body = (await client.post("/graphql", json={"query": MEMBERS_THROUGH_FRAGMENTS})).json()
    assert error_codes(body) == ["MAX_DEPTH_EXCEEDED"]  # not UNAUTHENTICATED: `members` never resolved


async def test_G2_aliases_are_counted_directly_and_through_repeated_fragment_spreads(gql: GQL) -> None:
    direct = "{ " + " ".join(f"a{i}: __typename" for i in range(1000)) + " }"
    assert error_codes(await gql(direct)) == ["MAX_ALIASES_EXCEEDED"]
    fragment = "fragment Many on Query { " + " ".join(f"b{i}: __typename" for i in range(30)) + " }"
    spreads = "query Spread { ...Many ...Many ...Many ...Many }\n" + fragment
    assert error_codes(await gql(spreads)) == ["MAX_ALIASES_EXCEEDED"]
    allowed = "query Few { ...Many ...Many ...Many }\n" + fragment
    assert "errors" not in await gql(allowed)


async def test_G2_exponential_fragment_chain_is_measured_in_linear_time(gql: GQL) -> None:
    """strawberry's own limiters walk each spread again (2^60 visits here); ours measures each fragment once."""
    result = await gql(doubling_fragments(60))
    assert error_codes(result) == ["MAX_ALIASES_EXCEEDED"]


async def test_G3_ten_thousand_repeated_fields_are_refused_at_parse(gql: GQL, settings: Settings) -> None:
    query = "{ " + "__typename " * 10_000 + "}"
    result = await gql(query)
    assert len(result["errors"]) == 1 and "tokens" in result["errors"][0]["message"]
    assert "data" not in result and settings.max_tokens <= 10_000


async def test_G3_a_refused_document_is_logged_as_an_excerpt_hash_and_size_never_whole(
    http: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    query = "{ " + "__typename " * 90_000 + "}"  # one line, just under the body limit
    caplog.set_level(logging.INFO)
    response = await http.post("/graphql", json={"query": query})
    assert "tokens" in response.json()["errors"][0]["message"]
    formatter = next(h.formatter for h in logging.getLogger().handlers if isinstance(h.formatter, ProcessorFormatter))
    lines = [formatter.format(record) for record in caplog.records]
    assert lines and all(len(line) < 3_000 for line in lines)
    (refused,) = [record for record in caplog.records if getattr(record, "document_sha256", None)]
    fields = vars(refused)  # what the log line carries beside its message (logged with extra=)
    assert fields["document_sha256"] == hashlib.sha256(query.encode()).hexdigest()
    assert fields["document_bytes"] == len(query.encode())
    assert fields["document_excerpt"] == query[:200]
    assert "tokens" in refused.getMessage() and "__typename" * 2 not in refused.getMessage().replace(" ", "")


async def test_G3_a_one_megabyte_document_is_refused_by_the_body_limit(http: httpx.AsyncClient) -> None:
    query = "{ __typename }" + "#" * 1_000_000
    response = await http.post("/graphql", json={"query": query})
    assert response.status_code == 413


@pytest.mark.parametrize(
    "query",
    [
        "query Loop { ...A } fragment A on Query { ...B } fragment B on Query { ...A }",
        "query Self { ...S } fragment S on Query { __typename ...S }",
        "query Nested { me { ...M } } fragment M on Me { memberships { user { id } } ...M }",
        "query Unknown { ...Nowhere }",
    ],
)
async def test_G4_circular_and_unknown_fragments_are_validation_errors(gql: GQL, query: str) -> None:
    result = await gql(query)
    assert gql.last_response is not None and gql.last_response.status_code == 200
    assert result["errors"] and "data" not in result
    assert all(e.get("extensions", {}).get("code") != "INTERNAL_SERVER_ERROR" for e in result["errors"])


async def test_G5_a_batch_of_operations_is_refused_when_batching_is_off(http: httpx.AsyncClient) -> None:
    batch = [{"query": "{ __typename }"} for _ in range(100)]
    response = await http.post("/graphql", json=batch)
    assert response.status_code == 400 and "Batching" in response.text


async def test_G5_batching_capped_by_settings(app: Any) -> None:
    async with variant(app, max_batch=2) as client:
        ok = await client.post("/graphql", json=[{"query": "{ __typename }"}] * 2)
        assert ok.status_code == 200 and [item["data"] for item in ok.json()] == [{"__typename": "Query"}] * 2
        over = await client.post("/graphql", json=[{"query": "{ __typename }"}] * 3)
        assert over.status_code == 400


async def test_G6_page_size_is_one_to_one_hundred(gql: GQL, factory: Factory) -> None:
    member = await factory.member(role=Role.VIEWER)
    for first in (0, 101, -1):
        result = await gql("query M($n: Int!) { members(first: $n) { totalCount } }", {"n": first}, actor=member)
        assert error_codes(result) == ["BAD_USER_INPUT"], first


async def test_G6_cost_is_reported_and_multiplied_by_first_through_nested_connections(
    gql: GQL, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    nested = (
        "query Fleet($a: Int!, $b: Int!) { devices(first: $a) { edges { node { id"
        " commands(first: $b) { edges { node { id kind } } } } } } }"
    )
    result = await gql(nested, {"a": 3, "b": 4}, actor=admin)
    assert "errors" not in result, result
    # devices: 1 + 3 * edges(1 + node(1 + id 1 + commands(1 + 4 * edges(1 + node(1 + 2)))))
    assert result["extensions"]["cost"]["requestedQueryCost"] == 1 + 3 * (1 + 1 + 1 + (1 + 4 * (1 + 1 + 2)))
    assert result["extensions"]["cost"]["actualQueryCost"] <= result["extensions"]["cost"]["requestedQueryCost"]
    status = result["extensions"]["cost"]["throttleStatus"]
    assert set(status) == {"maximumAvailable", "currentlyAvailable", "restoreRate"}


async def test_G6_cost_ceiling_refuses_before_execution(gql: GQL, factory: Factory, settings: Settings) -> None:
    member = await factory.member(role=Role.VIEWER)
    huge = await gql("{ members(first: 1000000) { edges { node { id role } } } }", actor=member)
    assert error_codes(huge) == ["MAX_COST_EXCEEDED"] and "data" not in huge
    assert huge["extensions"]["cost"]["requestedQueryCost"] > settings.max_cost
    nested = (
        "{ devices(first: 100) { edges { node { id name"
        " commands(first: 100) { edges { node { id kind status detail } } } } } } }"
    )
    product = await gql(nested)  # anonymous: refused on cost before the permission check could run
    assert error_codes(product) == ["MAX_COST_EXCEEDED"]


async def test_G7_budget_per_tenant_and_principal_throttles_with_retry_after(app: Any, factory: Factory) -> None:
    flooder = await factory.member(role=Role.VIEWER)
    neighbour = await factory.member(role=Role.VIEWER)
    query = {"query": "{ members(first: 10) { edges { node { id role } } } }"}
    async with variant(app, cost_budget_capacity=60, cost_budget_restore_rate=1) as client:
        statuses = []
        for _ in range(30):
            response = await client.post("/graphql", json=query, headers=flooder.headers())
            statuses.append(response.status_code)
            if response.status_code == 429:
                break
        assert statuses[-1] == 429 and statuses[0] == 200
        assert int(response.headers["Retry-After"]) >= 1
        body = response.json()
        assert error_codes(body) == ["THROTTLED"] and "data" not in body
        assert body["extensions"]["cost"]["throttleStatus"]["maximumAvailable"] == 60
        again = await client.post("/graphql", json=query, headers=flooder.headers())
        assert again.status_code == 429 and error_codes(again.json()) == ["THROTTLED"]  # refused at the door
        other = await client.post("/graphql", json=query, headers=neighbour.headers())
        assert other.status_code == 200 and other.json()["data"]["members"]["edges"]


async def test_G7_statement_timeout_from_settings_frees_the_connection(database: str) -> None:
    settings = Settings(**{**get_settings().model_dump(), "db_statement_timeout_ms": 200})
    credentials = tortoise_config(settings=settings)["connections"]["default"]["credentials"]
    pool = await asyncpg.create_pool(
        host=credentials["host"],
        port=credentials["port"],
        user=credentials["user"],
        password=credentials["password"],
        database=credentials["database"],
        min_size=1,
        max_size=1,
        server_settings=credentials["server_settings"],
    )
    try:
        with pytest.raises(asyncpg.QueryCanceledError):
            await pool.fetchval("SELECT pg_sleep(30)")
        assert await asyncio.wait_for(pool.fetchval("SELECT 1"), 5) == 1
        assert await pool.fetchval("SHOW statement_timeout") == "200ms"
    finally:
        await pool.close()


async def test_G8_introspection_only_for_explorer_roles_in_production(app: Any, factory: Factory) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    admin = await factory.member(tenant=viewer.tenant, role=Role.ADMIN)
    introspection = {"query": "{ __schema { queryType { name } } }"}
    async with variant(app, environment="production", graphiql=False) as client:
        anonymous = (await client.post("/graphql", json=introspection)).json()
        assert anonymous["errors"] and "data" not in anonymous
        refused = (await client.post("/graphql", json=introspection, headers=viewer.headers())).json()
        assert refused["errors"] and "data" not in refused
        allowed = (await client.post("/graphql", json=introspection, headers=admin.headers())).json()
        assert allowed["data"]["__schema"]["queryType"]["name"] == "Query"
        typename = (await client.post("/graphql", json={"query": "{ __typename }"})).json()
        assert typename["data"] == {"__typename": "Query"}


async def test_G8_no_did_you_mean_for_others_in_production(app: Any, factory: Factory) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    admin = await factory.member(tenant=viewer.tenant, role=Role.ADMIN)
    typo = {"query": "{ synagogu { id } }"}
    async with variant(app, environment="production") as client:
        hidden = (await client.post("/graphql", json=typo, headers=viewer.headers())).json()
        assert hidden["errors"] and all("Did you mean" not in e["message"] for e in hidden["errors"])
        assert "synagogu" in hidden["errors"][0]["message"]
        shown = (await client.post("/graphql", json=typo, headers=admin.headers())).json()
        assert any("Did you mean" in e["message"] for e in shown["errors"])


async def test_G8_unexpected_errors_are_masked_with_the_request_id_in_production(
    app: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """The client sees a masked error with the request id; the log keeps the exception at ERROR."""
    production = Settings(**{**get_settings().model_dump(), "environment": "production"})

    @strawberry.type
    class Query:
        @strawberry.field
        def fragile(self) -> str:
            raise RuntimeError("password=hunter2 at /srv/shulgraph/secret.py line 42")

    schema = Schema(Query, extensions=schema_extensions(production))
    request_id = unique("req")
    request = Request({"type": "http", "method": "POST", "path": "/graphql", "headers": [], "query_string": b""})
    context = Context(
        request=request,
        response=Response(),
        settings=production,
        kv=app.state.kv,
        broadcast=app.state.broadcast,
        request_id=request_id,
    )
    result = await schema.execute("{ fragile }", context_value=context)
    [error] = result.errors or []
    assert error.message == "Internal server error"
    assert error.extensions == {"code": "INTERNAL_SERVER_ERROR", "requestId": request_id}
    assert "hunter2" not in str(error.formatted) and "Traceback" not in str(error.formatted)
    logged = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert logged and all(r.exc_info for r in logged)
    assert any("hunter2" in str(r.exc_info[1]) for r in logged if r.exc_info)
