"""Retention: the worker deletes, in batches, exactly what is past its setting's age (finished jobs, DELIVERED,
FAILED and DISCARDED webhook deliveries, answered or expired device commands, old anomalies and audit entries)
and nothing that is pending or younger. Audit entries go through the owner's SECURITY DEFINER function, so
retention works while the application role cannot delete a single entry itself. A synagogue's rows (its jobs too)
are deleted where they live: `tenant_db`, its own database in the placed pass, where the function exists as well."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import pytest

from config import Settings
from models.analytics import AlertMetric, DeviceAnomaly
from models.base import tenant_scope
from models.devices import CommandKind, CommandStatus, DeviceCommand
from models.outbox import Job, JobStatus
from models.platform import AuditEntry
from models.webhooks import DeliveryStatus, WebhookDelivery
from services.outbox.retention import purge
from services.webhooks.endpoints import create_endpoint
from tests.support.actors import Factory
from tests.support.devices import make_tv

NOW = datetime.now(UTC)
OLD_JOB, OLD_DELIVERY, OLD_COMMAND, OLD_AUDIT = (NOW - timedelta(days=d) for d in (40, 40, 100, 800))


async def _age(rows: asyncpg.Connection, ages: list[tuple[str, str, int, datetime]]) -> None:
    """Back-date rows (once they are committed): (table, column, id, the time to set)."""
    for table, column, pk, at in ages:
        await rows.execute(f"UPDATE {table} SET {column} = $1 WHERE id = $2", at, pk)


async def test_retention_deletes_only_what_is_past_its_age(
    factory: Factory, tenant_db: asyncpg.Connection, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "retention_batch_size", 2)  # several batches per kind
    tenant = await factory.tenant()
    tv = await make_tv(tenant)
    kept: dict[str, list[int]] = {}
    gone: dict[str, list[int]] = {}
    ages: list[tuple[str, str, int, datetime]] = []

    def track(kind: str, row: Any, old: bool) -> None:
        (gone if old else kept).setdefault(kind, []).append(row.id)

    run_after = NOW
    for status, finished in ((JobStatus.DONE, OLD_JOB),) * 3 + (
        (JobStatus.FAILED, OLD_JOB),
        (JobStatus.DONE, NOW - timedelta(days=10)),
        (JobStatus.PENDING, None),
    ):
        async with tenant_scope(tenant.id):  # a synagogue's jobs live where its rows do
            job = await Job.create(tenant_id=tenant.id, kind="email.send", status=status, run_after=run_after)
        if finished is not None:
            ages.append(("job", "finished_at", job.id, finished))
        track("job", job, finished == OLD_JOB)
    async with tenant_scope(tenant.id):
        endpoint, _ = await create_endpoint("https://hooks.example.org/in", [])
        for delivery_status, created in (
            (DeliveryStatus.DELIVERED, OLD_DELIVERY),
            (DeliveryStatus.FAILED, OLD_DELIVERY),
            (DeliveryStatus.DISCARDED, OLD_DELIVERY),
            (DeliveryStatus.DELIVERED, OLD_DELIVERY),
            (DeliveryStatus.PENDING, OLD_DELIVERY),
            (DeliveryStatus.DELIVERED, NOW - timedelta(days=5)),
        ):
            delivery = await WebhookDelivery.create(
                endpoint=endpoint, delivery_id=uuid.uuid4(), event="MESSAGE_CREATED", status=delivery_status
            )
            ages.append(("webhook_delivery", "created_at", delivery.id, created))
            track("delivery", delivery, delivery_status != DeliveryStatus.PENDING and created == OLD_DELIVERY)
        for command_status, issued in (
            (CommandStatus.ACKNOWLEDGED, OLD_COMMAND),
            (CommandStatus.EXPIRED, OLD_COMMAND),
            (CommandStatus.FAILED, OLD_COMMAND),
            (CommandStatus.PENDING, OLD_COMMAND),
            (CommandStatus.EXPIRED, NOW - timedelta(days=10)),
        ):
            command = await DeviceCommand.create(
                device_id=tv.device.id, kind=CommandKind.RELOAD, status=command_status, expires_at=NOW
            )
            ages.append(("device_command", "issued_at", command.id, issued))
            track("command", command, command_status != CommandStatus.PENDING and issued == OLD_COMMAND)
        for at in (OLD_AUDIT, OLD_AUDIT, OLD_AUDIT, NOW - timedelta(days=10)):
            entry = await AuditEntry.create(action="test.retention")
            ages.append(("audit_entry", "at", entry.id, at))
            track("audit", entry, at == OLD_AUDIT)
        for days in (40, 41, 1):
            anomaly = await DeviceAnomaly.create(
                device_id=tv.device.id, metric=AlertMetric.CPU, at=NOW - timedelta(days=days), value=1, score=9,
                median=0, spread=1,
            )  # fmt: skip
            track("anomaly", anomaly, days > 30)

    await _age(tenant_db, ages)
    counts = await purge(settings, datetime.now(UTC))  # the app role cannot delete an audit entry (Z7)
    assert counts["auditEntries"] >= 3 and counts["jobs"] >= 4 and counts["webhookDeliveries"] >= 3

    tables = {"job": "job", "delivery": "webhook_delivery", "command": "device_command", "audit": "audit_entry",
              "anomaly": "device_anomaly"}  # fmt: skip
    for kind, table in tables.items():
        ids = kept.get(kind, []) + gone.get(kind, [])
        left = {r["id"] for r in await tenant_db.fetch(f"SELECT id FROM {table} WHERE id = ANY($1::bigint[])", ids)}
        assert left == set(kept.get(kind, [])), kind


async def test_the_audit_purge_is_the_owners_security_definer_function(
    owner_db: asyncpg.Connection, tenant_db: asyncpg.Connection
) -> None:
    for database in (owner_db, tenant_db):  # the central database, and the one holding the synagogues' rows
        row = await database.fetchrow(
            "SELECT prosecdef, pg_get_userbyid(proowner) AS owner FROM pg_proc WHERE proname = 'shulgraph_purge_audit'"
        )
        assert row is not None and row["prosecdef"] is True
        assert row["owner"] != "shulgraph_app"
        signature = "shulgraph_purge_audit(timestamptz, integer)"
        assert await database.fetchval("SELECT has_function_privilege('shulgraph_app', $1, 'EXECUTE')", signature)
