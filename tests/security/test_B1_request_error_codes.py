"""B1 (security matrix): every error carries `extensions.code`, request errors included, with the codes Apollo's
clients already handle: a document that does not parse (GRAPHQL_PARSE_FAILED), one that does not validate
against the schema (GRAPHQL_VALIDATION_FAILED), and variables that do not fit their types (BAD_USER_INPUT)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

ZMANIM = 'query Z($d: Date!) { zmanim(date: $d, location: {latitude: 1, longitude: 2, timezone: "UTC"}) { sunrise } }'


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"query": "{ zmanim(date: "}, "GRAPHQL_PARSE_FAILED"),
        ({"query": "query { ...Missing }"}, "GRAPHQL_VALIDATION_FAILED"),
        ({"query": "{ noSuchField }"}, "GRAPHQL_VALIDATION_FAILED"),
        ({"query": ZMANIM.replace("$d", "5").replace("query Z(5: Date!)", "query")}, "GRAPHQL_VALIDATION_FAILED"),
        ({"query": ZMANIM, "variables": {"d": 12}}, "BAD_USER_INPUT"),
        ({"query": ZMANIM, "variables": {}}, "BAD_USER_INPUT"),
        ({"query": ZMANIM, "variables": {"d": "2020-13-45"}}, "BAD_USER_INPUT"),
    ],
)
async def test_B1_a_request_error_carries_its_code(http: httpx.AsyncClient, body: dict[str, Any], code: str) -> None:
    response = await http.post("/graphql", json=body)
    assert response.status_code == 200
    errors = response.json()["errors"]
    assert [error["extensions"]["code"] for error in errors] == [code] * len(errors), errors
