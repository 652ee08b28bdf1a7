"""The operations the benchmark loads, one table row each: ShulGraph's request and, where the row compares,
PostGraphile's equivalent query on the same rows and the hand-written floor's request.

ShulGraph's documents come unchanged from ../shared/clients, so the benchmark measures what the real clients
send. PostGraphile's read the same rows in the same order with the same page size (it has no Hebrew dates or
yahrzeits: it returns the columns they are computed from). One row writes: `UpdateMessage`, the owner editing the
seeded synagogue's first message with the same input every time (so the load stays steady; no PostGraphile
equivalent). Add a row by appending to the list in `scenarios`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bench.seed import Seeded
from tests.support.documents import client_document


@dataclass(frozen=True)
class Scenario:
    name: str
    document: str
    variables: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    rotate: list[dict[str, str]] = field(default_factory=list)
    """Header sets taken in turn, one per request (many devices reporting), on top of `headers` (bench.fleet)."""
    operation: str = ""
    """The operation's name in the document, when the row's name differs."""


@dataclass(frozen=True)
class Row:
    name: str
    shulgraph: Scenario
    postgraphile: Scenario | None = None
    floor: Scenario | None = None
    workers2: bool = False  # also measured on two uvicorn workers


POSTGRAPHILE_MEMORIALS = """query Memorials($first: Int = 50, $after: Cursor) {
  allContentMemorials(first: $first, after: $after, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) {
    edges { cursor node { id name hebrewName dateOfDeath hebrewYear hebrewMonth hebrewDay plaque } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}"""

POSTGRAPHILE_MEMBERS = """query Members($first: Int = 50, $after: Cursor, $synagogue: Int!) {
  allMemberships(first: $first, after: $after, condition: {synagogueId: $synagogue}, orderBy: PRIMARY_KEY_ASC) {
    edges { cursor node { id role appUserByUserId { id email displayName } } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}"""

POSTGRAPHILE_MESSAGES = """query Messages($first: Int = 20, $after: Cursor) {
  allContentMessages(first: $first, after: $after, orderBy: [PRIORITY_DESC, PRIMARY_KEY_DESC]) {
    edges { cursor node { id title body priority startsAt endsAt } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}"""


def _client(name: str, variables: dict[str, Any], headers: dict[str, str]) -> Scenario:
    return Scenario(name, client_document(name), variables, headers)


UPDATE_MESSAGE = {"title": "Message 0", "body": "Kiddush after davening", "priority": 0}
"""What `UpdateMessage` writes each time: the seeded message's own values, so every request is the same edit."""


def scenarios(seeded: Seeded) -> list[Row]:
    """Every row of the table: the seeded synagogue's owner (its TV for Screen)."""
    owner, tv = seeded.owner_headers, seeded.device_headers
    pg = {"X-Tenant": str(seeded.tenant_id)}
    return [
        Row("Me", _client("Me", {}, owner)),
        Row(
            "Memorials",
            _client("Memorials", {"first": 50}, owner),
            Scenario("Memorials", POSTGRAPHILE_MEMORIALS, {"first": 50}, pg),
            workers2=True,
        ),
        Row(
            "Members",
            _client("Members", {"first": 50}, owner),
            Scenario("Members", POSTGRAPHILE_MEMBERS, {"first": 50, "synagogue": seeded.tenant_id}, pg),
            workers2=True,
        ),
        Row(
            "Messages",
            _client("Messages", {"first": 20}, owner),
            Scenario("Messages", POSTGRAPHILE_MESSAGES, {"first": 20}, pg),
            workers2=True,
        ),
        Row("UpdateMessage", _client("UpdateMessage", {"input": {"id": seeded.message_id, **UPDATE_MESSAGE}}, owner)),
        Row("Screen", _client("Screen", {}, tv), floor=_client("Screen", {}, tv)),
        Row(
            "DaySchedule",
            _client("DaySchedule", {"date": "2025-06-06"}, owner),
            floor=_client("DaySchedule", {"date": "2025-06-06"}, owner),
        ),
    ]
