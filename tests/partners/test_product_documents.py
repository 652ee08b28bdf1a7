"""Product documents: every root field the product serves has a trusted document, so under
`TRUSTED_DOCUMENTS_ONLY` the admin app (for members below `EXPLORER_ROLE`), TVs and partner keys can call it.

The documents under `documents/` beyond `clients/` (the copies of ../shared/clients) validate against the
served schema, and together with the client documents they select every root field of Query, Mutation and
Subscription. `ALLOWED_UNCATALOGUED` names the root fields excused from that; it is empty, and a field on it
that gains a document, or that the schema no longer serves, fails the suite.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import asyncpg
import graphql
import httpx
import pytest
from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)

from models.identity import Role
from schema.assembly import build_schema
from services.partners.documents import DOCUMENTS_DIR, TrustedDocument, build_catalogue, catalogue
from tests.support.actors import Actor, Factory, unique
from tests.support.apps import variant
from tests.support.devices import make_tv
from tests.support.graphql import GQL, error_codes
from tests.support.partners import persisted
from tests.support.snapshot import unchanged

ROOTS = {"query": "Query", "mutation": "Mutation", "subscription": "Subscription"}

# Root fields ("Type.field") with no catalogued document, each with its reason. Keep it empty.
ALLOWED_UNCATALOGUED: dict[str, str] = {}

PRODUCT_FILES = sorted(
    path for path in DOCUMENTS_DIR.rglob("*.graphql") if path.relative_to(DOCUMENTS_DIR).parts[0] != "clients"
)


def served_schema() -> GraphQLSchema:
    return build_schema()._schema


def product_document(client: str, name: str) -> TrustedDocument:
    """A product document of the app's catalogue, by its client (path without extension) and name."""
    found = [d for d in catalogue().all() if d.client == client and d.operation_name == name]
    assert len(found) == 1, f"{client}/{name} is not in the catalogue"
    return found[0]


def _root_fields(selection_set: SelectionSetNode, fragments: dict[str, FragmentDefinitionNode]) -> set[str]:
    fields: set[str] = set()
    for selection in selection_set.selections:
        if isinstance(selection, FragmentSpreadNode):
            fields |= _root_fields(fragments[selection.name.value].selection_set, fragments)
        elif isinstance(selection, InlineFragmentNode):
            fields |= _root_fields(selection.selection_set, fragments)
        else:
            assert isinstance(selection, FieldNode), selection
            fields.add(selection.name.value)
    return fields


def catalogued_root_fields() -> set[str]:
    """`Type.field` of every root field some catalogued document selects (built from the real folder)."""
    found: set[str] = set()
    for document in build_catalogue(DOCUMENTS_DIR).all():
        parsed = graphql.parse(document.text)
        fragments = {d.name.value: d for d in parsed.definitions if isinstance(d, FragmentDefinitionNode)}
        for definition in parsed.definitions:
            if isinstance(definition, OperationDefinitionNode):
                root = ROOTS[definition.operation.value]
                found |= {f"{root}.{field}" for field in _root_fields(definition.selection_set, fragments)}
    return found


def served_root_fields() -> set[str]:
    schema = served_schema()
    roots = [schema.query_type, schema.mutation_type, schema.subscription_type]
    return {f"{root.name}.{field}" for root in roots if root is not None for field in root.fields}


# --- the documents ---------------------------------------------------------------------------------------------


def test_the_product_adds_documents_beside_the_client_copies() -> None:
    assert PRODUCT_FILES, "no product documents under documents/"


@pytest.mark.parametrize("path", PRODUCT_FILES, ids=lambda p: str(p.relative_to(DOCUMENTS_DIR)))
def test_product_document_file_validates_against_the_served_schema(path: Path) -> None:
    errors = graphql.validate(served_schema(), graphql.parse(path.read_text()))
    assert not errors, f"{path.relative_to(DOCUMENTS_DIR)}: {[e.message for e in errors]}"


def test_every_catalogued_document_validates_as_a_client_sends_it() -> None:
    schema = served_schema()
    problems = {
        f"{d.client}/{d.operation_name}": [e.message for e in errors]
        for d in build_catalogue(DOCUMENTS_DIR).all()
        if (errors := graphql.validate(schema, graphql.parse(d.text)))
    }
    assert not problems, problems


def test_every_root_field_is_selected_by_a_catalogued_document() -> None:
    served = served_root_fields()
    missing = served - catalogued_root_fields() - ALLOWED_UNCATALOGUED.keys()
    assert not missing, f"root fields with no trusted document under documents/: {sorted(missing)}"


def test_allowed_uncatalogued_names_only_served_fields_that_still_lack_a_document() -> None:
    stale = ALLOWED_UNCATALOGUED.keys() - (served_root_fields() - catalogued_root_fields())
    assert not stale, f"take these off ALLOWED_UNCATALOGUED in {__file__}: {sorted(stale)}"


# --- trusted documents only ------------------------------------------------------------------------------------


async def _post(client: httpx.AsyncClient, body: dict[str, Any], headers: dict[str, str]) -> dict[str, Any]:
    response = await client.post("/graphql", json=body, headers=headers)
    result: dict[str, Any] = response.json()
    return result


async def _torah_class(gql: GQL, editor: Actor, title: str) -> str:
    result = await gql.op(
        "CreateTorahClass", {"input": {"title": title, "days": ["MONDAY"], "time": "20:00"}}, actor=editor
    )
    payload = result["data"]["createTorahClass"]
    assert payload["userErrors"] == [], result
    class_id: str = payload["torahClass"]["id"]
    return class_id


async def test_trusted_documents_only_editor_runs_a_product_document_by_hash_not_free_form(
    app: Any, gql: GQL, factory: Factory
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    title = unique("Daf Yomi")
    class_id = await _torah_class(gql, editor, title)
    document = product_document("admin/content", "TorahClasses")
    async with variant(app, trusted_documents_only=True) as client:
        by_hash = await _post(client, persisted(document.id, variables={"first": 10}), editor.headers())
        assert "errors" not in by_hash, by_hash
        nodes = [edge["node"] for edge in by_hash["data"]["torahClasses"]["edges"]]
        assert [(n["id"], n["title"]) for n in nodes] == [(class_id, title)]
        assert by_hash["data"]["torahClasses"]["totalCount"] == 1
        as_written = await _post(client, {"query": document.text, "variables": {"first": 10}}, editor.headers())
        assert as_written["data"] == by_hash["data"]  # the catalogued text itself is trusted too
        free_form = {"query": "query TorahClasses { torahClasses(first: 10) { edges { node { id title } } } }"}
        refused = await _post(client, free_form, editor.headers())
        assert error_codes(refused) == ["OPERATION_NOT_ALLOWED"] and "data" not in refused
        bare = await _post(client, {"query": "{ torahClasses { totalCount } }"}, editor.headers())
        assert error_codes(bare) == ["OPERATION_NOT_ALLOWED"] and "data" not in bare


async def test_trusted_documents_only_cross_tenant_editor_is_forbidden_the_other_synagogue(
    app: Any, gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    editor_a = await factory.member(role=Role.EDITOR)
    editor_b = await factory.member(role=Role.EDITOR)
    title_b = unique("Parasha shiur")
    await _torah_class(gql, editor_b, title_b)
    document = product_document("admin/content", "TorahClasses")
    async with unchanged(owner_db, editor_a, editor_b), variant(app, trusted_documents_only=True) as client:
        response = await client.post(
            "/graphql", json=persisted(document.id), headers=editor_a.headers(tenant=editor_b.tenant)
        )
        assert error_codes(response.json()) == ["FORBIDDEN"]
        assert title_b not in response.text and str(editor_b.tenant_gid) not in response.text


async def test_trusted_documents_only_missing_role_viewer_cannot_update_a_memorial_by_hash(
    app: Any, gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    viewer = await factory.member(tenant=editor.tenant, role=Role.VIEWER)
    created = await gql.op("CreateMemorial", {"input": {"name": "Sarah", "dateOfDeath": "2001-03-04"}}, actor=editor)
    memorial_id = created["data"]["createMemorial"]["memorial"]["id"]
    document = product_document("admin/content", "UpdateMemorial")
    variables = {"input": {"id": memorial_id, "name": "Changed", "plaque": "B7"}}
    async with unchanged(owner_db, viewer), variant(app, trusted_documents_only=True) as client:
        refused = await _post(client, persisted(document.id, variables=variables), viewer.headers())
        assert error_codes(refused) == ["FORBIDDEN"] and refused.get("data") is None
        deleted = await _post(
            client,
            persisted(product_document("admin/content", "DeleteMemorial").id, variables={"id": memorial_id}),
            viewer.headers(),
        )
        assert error_codes(deleted) == ["FORBIDDEN"] and deleted.get("data") is None
    read = await gql(
        "query M($id: ID!) { node(id: $id) { ... on Memorial { name plaque } } }", {"id": memorial_id}, actor=editor
    )
    assert read["data"]["node"] == {"name": "Sarah", "plaque": ""}


# Queries the admin app runs for every member: a VIEWER runs each by hash without an error, so none selects a
# field above its role.
VIEWER_QUERIES: list[tuple[str, str, dict[str, Any]]] = [
    ("admin/content", "TorahClasses", {}),
    ("admin/content", "AliyahAssignments", {"from": "2030-01-01", "to": "2030-01-31"}),
    ("admin/content", "HolidayOverrides", {"from": "2030-01-01", "to": "2030-01-31"}),
    ("admin/content", "DailyContentPreferences", {}),
    ("admin/devices", "DeviceGroups", {}),
    ("admin/devices", "GroupDevices", {"group": "Lobby"}),
    ("admin/devices", "ReleaseChannel", {}),
    ("admin/identity", "Sessions", {}),
    ("admin/identity", "MyPreferences", {}),
    ("admin/platform", "SoftwareReleases", {"channel": "STABLE"}),
]


async def test_trusted_documents_only_viewer_runs_the_member_queries_by_hash(app: Any, factory: Factory) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    tv = await make_tv(viewer.tenant, name="Hall TV", group="Lobby")
    window = {"from": "2030-01-01T00:00:00Z", "to": "2030-01-02T00:00:00Z"}
    device_queries = [
        ("admin/devices", "DeviceDetails", {"id": tv.gid}),
        ("admin/devices", "DeviceCommandHistory", {"id": tv.gid}),
        ("admin/devices", "DeviceHeartbeats", {"id": tv.gid, **window}),
    ]
    async with variant(app, trusted_documents_only=True) as client:
        for client_name, name, variables in VIEWER_QUERIES + device_queries:
            document = product_document(client_name, name)
            result = await _post(client, persisted(document.id, variables=variables), viewer.headers())
            assert "errors" not in result and result["data"], (name, result)
            if name.startswith("Device") and name != "DeviceGroups":
                assert result["data"]["node"]["id"] == tv.gid, (name, result)
        grouped = await _post(
            client,
            persisted(product_document("admin/devices", "GroupDevices").id, variables={"group": "Lobby"}),
            viewer.headers(),
        )
        assert [edge["node"]["id"] for edge in grouped["data"]["devices"]["edges"]] == [tv.gid]


async def test_trusted_documents_only_admin_and_platform_queries_run_by_hash(app: Any, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    platform = await factory.platform_admin()
    runs = [
        (admin, "admin/partners", "ApiKeys", {"includeRevoked": True}),
        (admin, "admin/partners", "WebhookEndpoints", {}),
        (platform, "admin/platform", "PlatformAuditLog", {"first": 5}),
    ]
    async with variant(app, trusted_documents_only=True) as client:
        for actor, client_name, name, variables in runs:
            document = product_document(client_name, name)
            result = await _post(client, persisted(document.id, variables=variables), actor.headers())
            assert "errors" not in result and result["data"], (name, result)


async def test_trusted_documents_only_tv_runs_its_device_documents_by_hash(app: Any, factory: Factory) -> None:
    tenant = await factory.tenant()
    tv = await make_tv(tenant, name="Foyer TV", group="Foyer")
    async with variant(app, trusted_documents_only=True) as client:
        current = await _post(client, persisted(product_document("tv/device", "CurrentDevice").id), tv.headers)
        assert "errors" not in current, current
        assert current["data"]["currentDevice"]["id"] == tv.gid
        assert current["data"]["currentDevice"]["group"] == "Foyer"
        channel = await _post(client, persisted(product_document("tv/device", "DeviceReleaseChannel").id), tv.headers)
        assert "errors" not in channel and channel["data"] == {"releaseChannel": "STABLE"}
        release = await _post(client, persisted(product_document("tv/device", "AvailableRelease").id), tv.headers)
        assert "errors" not in release and "availableRelease" in release["data"]
        free_form = await _post(client, {"query": "{ currentDevice { id } }"}, tv.headers)
        assert error_codes(free_form) == ["OPERATION_NOT_ALLOWED"]
