"""B1 (security matrix), let a machine look for the rest: documents generated over the whole schema
(hypothesis-graphql), sent to the real app as a synagogue's owner, as one of its TV devices and as an anonymous
caller, must never get a 5xx, an INTERNAL_SERVER_ERROR or an ERROR log line, whatever they ask and however odd
their arguments (NUL bytes, huge numbers, dates far out, naive date-times, any string for a time zone).

The suite runs a bounded number of examples per caller, to fit CI's time; `SHULGRAPH_FUZZ_EXAMPLES=2000
scripts/test tests/security/test_B1_generated_documents.py` runs a longer search. Each example acts as a fresh owner
of a fresh synagogue, so what one generated mutation does (a logout, a removed member) does not blunt the next.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable, Coroutine
from typing import Any

import graphql
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import strategies as gql_st

from models.identity import Role
from schema.assembly import build_schema
from tests.support.actors import Factory
from tests.support.devices import make_tv

EXAMPLES = int(os.environ.get("SHULGRAPH_FUZZ_EXAMPLES", "30"))


def _string(values: st.SearchStrategy[str]) -> st.SearchStrategy[graphql.StringValueNode]:
    return values.map(lambda value: graphql.StringValueNode(value=value))


SCALARS = {
    "Date": _string(
        st.one_of(st.dates().map(lambda d: d.isoformat()), st.sampled_from(["0001-01-01", "2026-02-30", "", "x"]))
    ),
    "DateTime": _string(
        st.one_of(
            st.datetimes(timezones=st.one_of(st.none(), st.timezones())).map(lambda d: d.isoformat()),
            st.sampled_from(["2030-01-01T10:00:00", "9999-12-31T23:59:59+14:00", "T"]),
        )
    ),
    "Time": _string(st.one_of(st.times().map(lambda t: t.strftime("%H:%M")), st.sampled_from(["25:00", "7", ""]))),
    "JSON": st.just(graphql.StringValueNode(value="{}")),
}

Send = Callable[[str], Coroutine[Any, Any, httpx.Response]]


def check(response: httpx.Response, document: str) -> None:
    assert response.status_code < 500, (response.status_code, document, response.text[:500])
    body = response.json()
    codes = [(error.get("extensions") or {}).get("code") for error in body.get("errors") or []]
    assert "INTERNAL_SERVER_ERROR" not in codes, (document, body)
    assert None not in codes, (document, body)


async def fuzz(strategy: st.SearchStrategy[Any], send: Send, caplog: pytest.LogCaptureFixture) -> None:
    """Run hypothesis in a worker thread; each example is sent on this test's event loop."""
    loop = asyncio.get_running_loop()

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def example(document: str) -> None:
        caplog.clear()
        response = asyncio.run_coroutine_threadsafe(send(document), loop).result(timeout=60)
        check(response, document)
        errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
        assert not errors, (document, [r.getMessage() for r in errors])

    with caplog.at_level(logging.INFO):
        await asyncio.to_thread(example)


def documents(kind: str) -> st.SearchStrategy[Any]:
    schema = build_schema()._schema
    make = gql_st.queries if kind == "query" else gql_st.mutations
    return make(schema, custom_scalars=SCALARS, allow_x00=True)


@pytest.mark.parametrize("kind", ["query", "mutation"])
async def test_B1_generated_documents_as_an_owner(
    http: httpx.AsyncClient, factory: Factory, caplog: pytest.LogCaptureFixture, kind: str
) -> None:
    async def send(document: str) -> httpx.Response:
        owner = await factory.member(role=Role.OWNER)
        return await http.post("/graphql", json={"query": document}, headers=owner.headers())

    await fuzz(documents(kind), send, caplog)


@pytest.mark.parametrize("kind", ["query", "mutation"])
async def test_B1_generated_documents_as_a_device(
    http: httpx.AsyncClient, factory: Factory, caplog: pytest.LogCaptureFixture, kind: str
) -> None:
    async def send(document: str) -> httpx.Response:
        tv = await make_tv(await factory.tenant())
        return await http.post("/graphql", json={"query": document}, headers=tv.headers)

    await fuzz(documents(kind), send, caplog)


@pytest.mark.parametrize("kind", ["query", "mutation"])
async def test_B1_generated_documents_as_an_anonymous_caller(
    http: httpx.AsyncClient, caplog: pytest.LogCaptureFixture, kind: str
) -> None:
    async def send(document: str) -> httpx.Response:
        return await http.post("/graphql", json={"query": document})

    await fuzz(documents(kind), send, caplog)
