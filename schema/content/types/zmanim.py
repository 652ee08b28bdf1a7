"""The Zmanim type, one field per @hebcal/core Zmanim method."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

import luach
from luach import ZMAN_KEYS


def _zmanim_type() -> Any:
    annotations: dict[str, Any] = {"date": dt.date}
    namespace: dict[str, Any] = {
        "__annotations__": annotations,
        "date": strawberry.field(description="The civil date the zmanim are for."),
    }
    for key in ZMAN_KEYS:
        annotations[key] = dt.datetime | None
        namespace[key] = strawberry.field(name=key, description=luach.ZMAN_LABELS[key], default=None)
    return strawberry.type(
        type("Zmanim", (), namespace),
        description="Halachic times of a day at a place, in the place's time zone, named as @hebcal/core's Zmanim "
        "methods; null when the zman does not occur that day (polar day or night).",
    )


Zmanim: Any = _zmanim_type()
