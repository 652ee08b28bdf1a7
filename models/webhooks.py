"""Webhooks: a synagogue's endpoints, and each delivery of an event to one of them."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields

from models.base import TenantModel


class WebhookEvent(StrEnum):
    MESSAGE_CREATED = "MESSAGE_CREATED"
    ALIYAH_ASSIGNED = "ALIYAH_ASSIGNED"
    MEMORIAL_IMPORT_FINISHED = "MEMORIAL_IMPORT_FINISHED"
    DEVICE_OFFLINE = "DEVICE_OFFLINE"
    DEVICE_PAIRED = "DEVICE_PAIRED"
    DEVICE_REVOKED = "DEVICE_REVOKED"
    CONTENT_CREATED = "CONTENT_CREATED"
    CONTENT_UPDATED = "CONTENT_UPDATED"
    CONTENT_DELETED = "CONTENT_DELETED"
    ALERT_OPENED = "ALERT_OPENED"
    ALERT_RESOLVED = "ALERT_RESOLVED"
    YAHRZEIT_UPCOMING = "YAHRZEIT_UPCOMING"


class DeliveryStatus(StrEnum):
    PENDING = "PENDING"
    DELIVERED = "DELIVERED"
    FAILED = "FAILED"
    DISCARDED = "DISCARDED"
    """A FAILED delivery an admin gave up on (discardWebhookDelivery): never sent again, kept for the record."""


class WebhookEndpoint(TenantModel):
    """A URL that receives the synagogue's events of the listed types, signed with the endpoint's secret.

    The secret is kept sealed (`services.webhooks.targets.seal_secret`): the signer needs it, nobody reads it back.
    After a rotation the previous secret signs too (a second `v1,` signature) until `previous_secret_expires_at`.
    """

    id = fields.IntField(primary_key=True)
    url = fields.CharField(max_length=2000)
    description = fields.CharField(max_length=200, default="")
    events: list[str] = fields.JSONField(default=list)
    secret_sealed = fields.TextField()
    previous_secret_sealed = fields.TextField(null=True)
    previous_secret_expires_at = fields.DatetimeField(null=True)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "webhook_endpoint"


class WebhookDelivery(TenantModel):
    """One event sent (or being sent) to one endpoint; `delivery_id` is the `webhook-id` of every attempt.

    Only a PENDING delivery is ever sent; FAILED may be reopened (redelivered, or its job retried); DELIVERED and
    DISCARDED are final."""

    id = fields.IntField(primary_key=True)
    endpoint: fields.ForeignKeyRelation[WebhookEndpoint] = fields.ForeignKeyField(
        "models.WebhookEndpoint", related_name="deliveries", on_delete=fields.CASCADE
    )
    endpoint_id: int
    delivery_id = fields.UUIDField(unique=True)
    event = fields.CharField(max_length=64)
    payload: dict[str, Any] = fields.JSONField(default=dict)
    status = fields.CharEnumField(DeliveryStatus, max_length=9, default=DeliveryStatus.PENDING)
    attempts = fields.IntField(default=0)
    last_status_code = fields.IntField(null=True)
    last_error = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    delivered_at = fields.DatetimeField(null=True)

    class Meta:
        table = "webhook_delivery"
        ordering = ["-id"]
        indexes = (("endpoint", "id"),)  # an endpoint's newest deliveries (webhookEndpoints { deliveries })
