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
    yahrzeit_window = fields.CharField(max_length=20, default="HEBREW_DATE", db_default="HEBREW_DATE")
    """How long a yahrzeit's light burns on the board (`luach.YahrzeitWindow`)."""
    adar_rule = fields.CharField(max_length=8, default="ADAR_I", db_default="ADAR_I")
    """Where a death in a common year's Adar is kept in a leap year (`luach.AdarRule`)."""
    shabbat_mode = fields.BooleanField(default=True, db_default=False)
    """Hold remote commands and content edits from candle lighting to havdalah. On for new synagogues; those
    that existed before it came are left off."""
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "synagogue"
