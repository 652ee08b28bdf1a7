"""TV devices: pairing, credentials and presence, settings, commands, heartbeats, software releases.

`DevicePairing`, `DeviceIdentity` and `SoftwareRelease` are global: pairing happens before a
device has a tenant, a credential is resolved before any tenant is in context, and the release
catalogue is platform-wide. Each `DeviceIdentity` row names its device and tenant explicitly and is
only ever read by token hash or by device id.
"""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from models.base import TenantModel


class CommandKind(StrEnum):
    RELOAD = "RELOAD"
    REBOOT = "REBOOT"
    SCREENSHOT = "SCREENSHOT"
    UPDATE_APP = "UPDATE_APP"
    SET_BRIGHTNESS = "SET_BRIGHTNESS"
    SET_VOLUME = "SET_VOLUME"


class CommandStatus(StrEnum):
    PENDING = "PENDING"
    DELIVERED = "DELIVERED"
    ACKNOWLEDGED = "ACKNOWLEDGED"
    FAILED = "FAILED"
    EXPIRED = "EXPIRED"


OPEN_COMMAND_STATUSES = (CommandStatus.PENDING, CommandStatus.DELIVERED)


class ReleaseChannel(StrEnum):
    STABLE = "STABLE"
    BETA = "BETA"


class DevicePairing(Model):
    """One run of the device grant: a human code to claim, a device code to poll with."""

    id = fields.IntField(primary_key=True)
    user_code = fields.CharField(max_length=16, unique=True)
    device_code_hash = fields.CharField(max_length=64, unique=True)
    model = fields.CharField(max_length=120, default="")
    app_version = fields.CharField(max_length=40, default="")
    resolution = fields.CharField(max_length=40, default="")
    client_ip = fields.CharField(max_length=64, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    last_polled_at = fields.DatetimeField(null=True)
    poll_interval_seconds = fields.IntField(default=5, db_default=5)
    """Grows by 5 s at every SLOW_DOWN, for this and later polls (RFC 8628 section 3.5)."""
    claimed_at = fields.DatetimeField(null=True)
    tenant_id = fields.IntField(null=True)
    device_id = fields.IntField(null=True)
    completed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "device_pairing"


class DeviceIdentity(Model):
    """A device's credential and presence, readable without a tenant in context."""

    id = fields.IntField(primary_key=True)
    device_id = fields.IntField(unique=True)
    tenant_id = fields.IntField(db_index=True)
    token_hash = fields.CharField(max_length=64, unique=True, null=True)
    issued_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)
    last_seen_at = fields.DatetimeField(null=True)
    online = fields.BooleanField(default=False)
    commands_due_at = fields.DatetimeField(null=True, db_index=True)
    """No earlier than the expiry of the device's oldest open command; the presence sweep expires commands from it."""

    class Meta:
        table = "device_identity"


class Device(TenantModel):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=120)
    location = fields.CharField(max_length=200, default="")
    group = fields.CharField(max_length=80, default="", db_index=True)
    model = fields.CharField(max_length=120, default="")
    resolution = fields.CharField(max_length=40, default="")
    app_version = fields.CharField(max_length=40, default="")
    claimed_by_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "device"
        ordering = ["id"]


class DeviceSettings(TenantModel):
    """How one screen presents itself, and its overrides of the synagogue's daily content preferences."""

    id = fields.IntField(primary_key=True)
    device: fields.OneToOneRelation[Device] = fields.OneToOneField(
        "models.Device", related_name="settings", on_delete=fields.CASCADE
    )
    device_id: int
    orientation = fields.CharField(max_length=16, default="LANDSCAPE")
    language = fields.CharField(max_length=16, default="")
    theme = fields.CharField(max_length=40, default="")
    brightness = fields.IntField(default=100)
    night_start = fields.CharField(max_length=5, null=True)  # HH:MM, the screen's own wall clock
    night_end = fields.CharField(max_length=5, null=True)
    night_brightness = fields.IntField(default=0)
    panels: list[dict[str, object]] = fields.JSONField(default=list)
    content_overrides: dict[str, object] = fields.JSONField(default=dict)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "device_settings"


class DeviceCommand(TenantModel):
    """A command is a row first; delivery and acknowledgement move its status forward."""

    id = fields.IntField(primary_key=True)
    device: fields.ForeignKeyRelation[Device] = fields.ForeignKeyField(
        "models.Device", related_name="commands", on_delete=fields.CASCADE
    )
    device_id: int
    kind = fields.CharEnumField(CommandKind, max_length=20)
    payload: dict[str, object] = fields.JSONField(default=dict)
    status = fields.CharEnumField(CommandStatus, max_length=16, default=CommandStatus.PENDING)
    batch_id = fields.CharField(max_length=40, default="", db_index=True)
    issued_by_id = fields.IntField(null=True)
    issued_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    delivered_at = fields.DatetimeField(null=True)
    completed_at = fields.DatetimeField(null=True)
    detail = fields.CharField(max_length=500, default="")
    held_until = fields.DatetimeField(null=True)
    """Held for Shabbat or yom tov (the synagogue's Shabbat mode): not delivered before this havdalah."""

    class Meta:
        table = "device_command"
        ordering = ["-id"]


class DeviceHeartbeat(TenantModel):
    """One health sample: the device's metrics time series."""

    id = fields.BigIntField(primary_key=True)
    device: fields.ForeignKeyRelation[Device] = fields.ForeignKeyField(
        "models.Device", related_name="heartbeats", on_delete=fields.CASCADE
    )
    device_id: int
    at = fields.DatetimeField(db_index=True)
    cpu = fields.FloatField(null=True)
    memory = fields.FloatField(null=True)
    temperature = fields.FloatField(null=True)
    disk = fields.FloatField(null=True)
    free_storage_mb = fields.FloatField(null=True)
    uptime_seconds = fields.BigIntField(null=True)
    app_version = fields.CharField(max_length=40, default="")

    class Meta:
        table = "device_heartbeat"
        indexes = (("device", "at"),)  # one device's samples in a range (rules, anomalies, series)


class DeviceMetricHour(TenantModel):
    """One hour of a device's heartbeats, aggregated as they arrive: the long-lived, bounded series."""

    id = fields.BigIntField(primary_key=True)
    device: fields.ForeignKeyRelation[Device] = fields.ForeignKeyField(
        "models.Device", related_name="metric_hours", on_delete=fields.CASCADE
    )
    device_id: int
    hour = fields.DatetimeField(db_index=True)
    samples = fields.IntField(default=0)
    cpu_sum = fields.FloatField(default=0)
    cpu_count = fields.IntField(default=0)
    cpu_max = fields.FloatField(null=True)
    memory_sum = fields.FloatField(default=0)
    memory_count = fields.IntField(default=0)
    temperature_max = fields.FloatField(null=True)
    minutes_seen = fields.IntField(default=0, db_default=0)
    """Minutes of the hour with at least one heartbeat (uptime)."""
    last_minute = fields.IntField(default=-1, db_default=-1)
    """The minute of the hour (0-59) of the latest sample counted in `minutes_seen`."""

    class Meta:
        table = "device_metric_hour"
        unique_together = (("device", "hour"),)


class FleetPolicy(TenantModel):
    """A synagogue's choices for all its devices: which release channel they follow."""

    id = fields.IntField(primary_key=True)
    release_channel = fields.CharEnumField(ReleaseChannel, max_length=10, default=ReleaseChannel.STABLE)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "fleet_policy"


class SoftwareRelease(Model):
    """A TV app build in the platform-wide catalogue."""

    id = fields.IntField(primary_key=True)
    version = fields.CharField(max_length=40)
    channel = fields.CharEnumField(ReleaseChannel, max_length=10)
    url = fields.CharField(max_length=500)
    checksum = fields.CharField(max_length=128)
    notes = fields.TextField(default="")
    published_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "software_release"
        unique_together = (("channel", "version"),)
