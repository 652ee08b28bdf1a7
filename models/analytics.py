"""Fleet operations: alert rules a synagogue sets, the alerts they open and resolve, each member's choice of
alert e-mails, and the anomalies the worker finds in the heartbeat series.

Every model here but `AlertedTenant` is a tenant model. `AlertedTenant` is the worker's list of the synagogues
that have enabled rules (it must find them across tenants, which row-level security would hide).
`Alert.open_key` is the one guarantee that a rule has at most one open alert per device, whatever evaluates it at
once: it holds "rule:device" while the alert is open and is cleared when it resolves (a unique column, and NULLs
never collide). `DeviceAnomaly` is unique per device, metric and sample time,
so finding the same anomaly again writes nothing.

`zone_buckets` groups the hourly rollups of `models.devices.DeviceMetricHour` into days or weeks of a time zone
in PostgreSQL itself (the embedded SQLite has no time zones: `services.analytics.fleet` does the same in Python).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model

from models.base import TenantModel, current_tenant_id
from models.placement.routing import connection_for


class AlertKind(StrEnum):
    DEVICE_OFFLINE = "DEVICE_OFFLINE"
    METRIC_ABOVE = "METRIC_ABOVE"
    METRIC_BELOW = "METRIC_BELOW"
    VERSION_BEHIND = "VERSION_BEHIND"
    HEARTBEAT_GAP = "HEARTBEAT_GAP"
    ANOMALY_SCORE = "ANOMALY_SCORE"


class AlertMetric(StrEnum):
    CPU = "CPU"
    MEMORY = "MEMORY"
    TEMPERATURE = "TEMPERATURE"
    DISK = "DISK"
    FREE_STORAGE = "FREE_STORAGE"


class AlertTarget(StrEnum):
    ALL = "ALL"
    GROUP = "GROUP"
    DEVICE = "DEVICE"


class AlertStatus(StrEnum):
    OPEN = "OPEN"
    RESOLVED = "RESOLVED"


class AlertedTenant(Model):
    """A synagogue with enabled alert rules: the worker queues its evaluation at every slot. Kept by
    `services.analytics.rules` whenever a rule is created, changed or deleted."""

    tenant_id = fields.IntField(primary_key=True, generated=False)
    rules = fields.IntField(default=0)

    class Meta:
        table = "alerted_tenant"


class AlertRule(TenantModel):
    """When an alert opens, for which devices: see `services.analytics.conditions` for each kind's reading of
    `threshold`, `duration_minutes` and `hysteresis`."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=120)
    kind = fields.CharEnumField(AlertKind, max_length=16)
    metric = fields.CharEnumField(AlertMetric, max_length=16, null=True)
    threshold = fields.FloatField()
    duration_minutes = fields.IntField(default=5)
    hysteresis = fields.FloatField(default=0)
    target = fields.CharEnumField(AlertTarget, max_length=8, default=AlertTarget.ALL)
    group = fields.CharField(max_length=80, default="")
    device: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "models.Device", related_name=False, on_delete=fields.CASCADE, null=True
    )
    device_id: int | None
    enabled = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "alert_rule"
        ordering = ["id"]


class Alert(TenantModel):
    """One episode of a rule's condition on one device, from opening to resolution."""

    id = fields.IntField(primary_key=True)
    rule: fields.ForeignKeyRelation[AlertRule] = fields.ForeignKeyField(
        "models.AlertRule", related_name="alerts", on_delete=fields.CASCADE
    )
    rule_id: int
    device: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Device", related_name=False, on_delete=fields.CASCADE
    )
    device_id: int
    status = fields.CharEnumField(AlertStatus, max_length=8, default=AlertStatus.OPEN)
    open_key = fields.CharField(max_length=40, null=True, unique=True)
    """"rule:device" while open, NULL once resolved: one open alert per rule and device."""
    opened_at = fields.DatetimeField()
    resolved_at = fields.DatetimeField(null=True)
    value = fields.FloatField(null=True)
    message = fields.CharField(max_length=300, default="")
    acknowledged_at = fields.DatetimeField(null=True)
    acknowledged_by_id = fields.IntField(null=True)
    snoozed_until = fields.DatetimeField(null=True)
    silenced = fields.BooleanField(default=False)
    """Opened while its rule and device were snoozed: people were not told."""

    class Meta:
        table = "alert"
        ordering = ["-id"]
        indexes = (("status", "id"),)


class AlertPreference(TenantModel):
    """A member's choice about alert e-mails in this synagogue (no row: e-mails on, for ADMIN and above)."""

    id = fields.IntField(primary_key=True)
    user_id = fields.IntField()
    email = fields.BooleanField(default=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "alert_preference"
        unique_together = (("tenant", "user_id"),)


class DeviceAnomaly(TenantModel):
    """A sample far from its device's recent values for that metric, by a robust score (median and MAD)."""

    id = fields.BigIntField(primary_key=True)
    device: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "models.Device", related_name=False, on_delete=fields.CASCADE
    )
    device_id: int
    metric = fields.CharEnumField(AlertMetric, max_length=16)
    at = fields.DatetimeField(db_index=True)
    value = fields.FloatField()
    score = fields.FloatField()
    median = fields.FloatField()
    spread = fields.FloatField()
    found_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "device_anomaly"
        unique_together = (("device", "metric", "at"),)


BUCKET_SQL = {
    "DAY": "date_trunc('day', timezone($2, hour))",
    "WEEK": "date_trunc('week', timezone($2, hour) + interval '1 day') - interval '1 day'",  # weeks from Sunday
}


async def zone_buckets(device_id: int, start: datetime, end: datetime, zone: str, unit: str) -> list[dict[str, Any]]:
    """PostgreSQL only: the device's hourly rollups in [start, end) summed per local day or week (`unit`) of
    `zone`, each bucket's start as an instant (`bucket_start`), oldest first. Scoped to the tenant in context
    (explicitly, and by row-level security)."""
    local = BUCKET_SQL[unit]
    sql = (
        f"SELECT timezone($2, {local}) AS bucket_start, sum(samples) AS samples, sum(cpu_sum) AS cpu_sum,"  # noqa: S608
        " sum(cpu_count) AS cpu_count, max(cpu_max) AS cpu_max, sum(memory_sum) AS memory_sum,"
        " sum(memory_count) AS memory_count, max(temperature_max) AS temperature_max"
        " FROM device_metric_hour WHERE tenant_id = $1 AND device_id = $3 AND hour >= $4 AND hour < $5"
        " GROUP BY 1 ORDER BY 1"
    )
    tenant_id = current_tenant_id()
    rows: list[dict[str, Any]] = await connection_for(tenant_id).execute_query_dict(  # where its rows live
        sql, [tenant_id, zone, device_id, start, end]
    )
    return rows
