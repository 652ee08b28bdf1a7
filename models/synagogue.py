"""The tenant: a synagogue, its location and its calendar preferences."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class Synagogue(Model):
    """A tenant. Not tenant-scoped itself: it is the registry every tenant row points to."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=200)
    slug = fields.CharField(max_length=80, unique=True)
    timezone = fields.CharField(max_length=64)
    latitude = fields.FloatField()
    longitude = fields.FloatField()
    elevation = fields.FloatField(default=0)
    in_israel = fields.BooleanField(default=False)
    candle_lighting_minutes = fields.IntField(default=18)
    havdalah_opinion = fields.CharField(max_length=16, default="DEGREES_8_5")
    use_elevation = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "synagogue"
