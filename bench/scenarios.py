"""The operations the benchmark loads, one table row each.

A row is (name, document, variables, headers). Documents come unchanged from ../shared/clients, so the
benchmark measures what the real clients send; add a row by appending to the list in `scenarios`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bench.seed import Seeded
from bench.seed_devices import SERIES_END, SERIES_START
from tests.support.documents import client_document


@dataclass(frozen=True)
class Scenario:
    name: str
    document: str
    variables: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    rotate: list[dict[str, str]] = field(default_factory=list)
    """Header sets taken in turn, one per request (many devices reporting), on top of `headers`."""
    operation: str = ""
    """The operation's name in the document, when the row's name differs."""


def scenarios(seeded: Seeded) -> list[Scenario]:
    """Every row of the table, acting as the seeded tenant's owner."""
    owner = seeded.owner_headers
    return [
        Scenario("Me", client_document("Me"), {}, owner),
        Scenario("Members", client_document("Members"), {"first": 50}, owner),
        Scenario("Memorials", client_document("Memorials"), {"first": 50}, owner),
        Scenario("DaySchedule", client_document("DaySchedule"), {"date": "2025-06-06"}, owner),
        Scenario(
            "ReportDeviceHeartbeat",
            client_document("ReportDeviceHeartbeat"),
            {"input": {"cpu": 23.5, "memory": 41.0, "temperature": 48.0, "appVersion": "1.0.0"}},
            rotate=seeded.devices.device_headers,
        ),
        Scenario(
            "DeviceMetricSeries 30d HOUR",
            client_document("DeviceMetricSeries"),
            {
                "deviceId": seeded.devices.series_device,
                "from": SERIES_START.isoformat(),
                "to": SERIES_END.isoformat(),
                "bucket": "HOUR",
            },
            owner,
            operation="DeviceMetricSeries",
        ),
    ]
