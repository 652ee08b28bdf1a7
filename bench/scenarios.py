"""The operations the benchmark loads, one table row each.

A row is (name, document, variables, headers). Documents come unchanged from ../shared/clients, so the
benchmark measures what the real clients send; add a row by appending to the list in `scenarios`.
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


def scenarios(seeded: Seeded) -> list[Scenario]:
    """Every row of the table, acting as the seeded tenant's owner."""
    owner = seeded.owner_headers
    return [
        Scenario("Me", client_document("Me"), {}, owner),
        Scenario("Members", client_document("Members"), {"first": 50}, owner),
        Scenario("Memorials", client_document("Memorials"), {"first": 50}, owner),
        Scenario("DaySchedule", client_document("DaySchedule"), {"date": "2025-06-06"}, owner),
    ]
