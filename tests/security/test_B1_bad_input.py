"""B1 (security matrix): bad input — control characters, absurd time zones, dates out of the calendar's range,
naive date-times — gets userErrors or BAD_USER_INPUT; never a 5xx, an INTERNAL_SERVER_ERROR, a false
UNAVAILABLE or an ERROR log line, and nothing is written.

Every input is checked at the edge: text may hold no control characters but newline, carriage return and tab
(in variables and in literals of the document alike); a `Date` lies in 1900–2200, the years the calendar is
checked for; a `DateTime` carries its offset; a time zone is an IANA name of sane length."""

from __future__ import annotations

import errno
import logging
import socket
from typing import Any

import asyncpg
import httpx
import pytest

from models.identity import Role
from services.infra.errors import database_unavailable
from tests.support.actors import Factory
from tests.support.graphql import GQL, error_codes

ZMANIM = """query Z($d: Date!, $tz: String!) {
  zmanim(date: $d, location: {latitude: 40.7, longitude: -74, timezone: $tz}) { sunrise }
}"""
CREATE = """mutation C($input: CreateMessageInput!) {
  createMessage(input: $input) { message { id } userErrors { field code } }
}"""


def no_error_logs(caplog: pytest.LogCaptureFixture) -> None:
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], [r.getMessage() for r in caplog.records]


async def messages_of(owner_db: asyncpg.Connection, tenant_id: int) -> int:
    count: int = await owner_db.fetchval("SELECT count(*) FROM content_message WHERE tenant_id = $1", tenant_id)
    return count


@pytest.mark.parametrize(
    "title",
    ["Kiddush\x00", "Kid\x07dush", "\x1b[31mred", "line\u2028sep"[:4] + "\x7f"],
)
async def test_B1_control_characters_in_a_variable_are_bad_user_input_and_nothing_is_written(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, caplog: pytest.LogCaptureFixture, title: str
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    with caplog.at_level(logging.INFO):
        result = await gql(CREATE, {"input": {"title": title}}, actor=editor)
    assert error_codes(result) == ["BAD_USER_INPUT"], result
    assert await messages_of(owner_db, editor.tenant.id) == 0
    no_error_logs(caplog)


async def test_B1_a_control_character_in_a_literal_is_refused_too(gql: GQL, factory: Factory) -> None:
    editor = await factory.member(role=Role.EDITOR)
    result = await gql('mutation { createMessage(input: {title: "a\\u0000b"}) { message { id } } }', actor=editor)
    assert error_codes(result) == ["BAD_USER_INPUT"], result


async def test_B1_newlines_tabs_and_carriage_returns_are_text(gql: GQL, factory: Factory) -> None:
    editor = await factory.member(role=Role.EDITOR)
    result = await gql(CREATE, {"input": {"title": "Kiddush", "body": "line one\r\nline\ttwo\n"}}, actor=editor)
    assert result["data"]["createMessage"]["userErrors"] == [], result


@pytest.mark.parametrize("timezone", ["x" * 300, "../../etc/passwd", "America/Nowhere", "", "\u00e9"])
async def test_B1_an_absurd_time_zone_is_bad_input_not_an_outage(
    http: httpx.AsyncClient, caplog: pytest.LogCaptureFixture, timezone: str
) -> None:
    with caplog.at_level(logging.INFO):
        response = await http.post("/graphql", json={"query": ZMANIM, "variables": {"d": "2026-12-06", "tz": timezone}})
    assert response.status_code == 200, response.text
    assert error_codes(response.json()) == ["BAD_USER_INPUT"], response.text
    no_error_logs(caplog)


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31"])
async def test_B1_a_date_out_of_the_calendars_range_is_bad_user_input(
    http: httpx.AsyncClient, caplog: pytest.LogCaptureFixture, day: str
) -> None:
    with caplog.at_level(logging.INFO):
        response = await http.post(
            "/graphql", json={"query": ZMANIM, "variables": {"d": day, "tz": "Pacific/Kiritimati"}}
        )
    assert response.status_code == 200
    assert error_codes(response.json()) == ["BAD_USER_INPUT"], response.text
    no_error_logs(caplog)


async def test_B1_the_calendars_range_itself_is_served(http: httpx.AsyncClient) -> None:
    for day in ("1900-01-01", "2200-12-31"):
        response = await http.post(
            "/graphql", json={"query": ZMANIM, "variables": {"d": day, "tz": "Pacific/Kiritimati"}}
        )
        assert "errors" not in response.json(), response.text


async def test_B1_a_date_time_without_an_offset_is_bad_user_input(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, caplog: pytest.LogCaptureFixture
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    variables: dict[str, Any] = {
        "input": {"title": "Kiddush", "startsAt": "2030-01-01T10:00:00", "endsAt": "2030-01-02T10:00:00+02:00"}
    }
    with caplog.at_level(logging.INFO):
        result = await gql(CREATE, variables, actor=editor)
    assert error_codes(result) == ["BAD_USER_INPUT"], result
    assert await messages_of(owner_db, editor.tenant.id) == 0
    no_error_logs(caplog)


@pytest.mark.parametrize(
    ("error", "unavailable"),
    [
        (OSError(errno.ENAMETOOLONG, "File name too long"), False),
        (OSError(errno.ENOENT, "No such file or directory"), False),
        (PermissionError(errno.EACCES, "Permission denied"), False),
        (ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"), True),
        (ConnectionResetError(errno.ECONNRESET, "Connection reset by peer"), True),
        (OSError(errno.EHOSTUNREACH, "No route to host"), True),
        (socket.gaierror(socket.EAI_NONAME, "Name or service not known"), True),
        (asyncpg.ConnectionDoesNotExistError("connection was closed in the middle of operation"), True),
    ],
)
def test_B1_only_a_real_connection_failure_reads_as_the_database_unavailable(error: OSError, unavailable: bool) -> None:
    wrapped = RuntimeError("while running a statement")
    wrapped.__cause__ = error
    assert database_unavailable(error) is unavailable
    assert database_unavailable(wrapped) is unavailable
