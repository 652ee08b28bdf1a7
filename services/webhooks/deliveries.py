"""Reading the deliveries of a synagogue's endpoints, for many endpoints at once (what an endpoint list with its
deliveries needs; the per-request batching is `schema.webhooks.loaders`)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from tortoise.expressions import Q, Subquery
from tortoise.functions import Count

from models.webhooks import WebhookDelivery


async def newest_deliveries(endpoint_ids: list[int], offset: int, limit: int) -> dict[int, list[WebhookDelivery]]:
    """One page (`offset`, `limit`, newest first) of each endpoint's deliveries, in one statement: `id IN (that
    endpoint's page)` per endpoint, OR-ed (a union cannot order and limit its parts on SQLite, nor through
    Tortoise). The database skips the earlier rows, however deep the page."""
    pages = [
        Q(
            id__in=Subquery(
                WebhookDelivery.filter(endpoint_id=pk).order_by("-id").offset(offset).limit(limit).values("id")
            )
        )
        for pk in endpoint_ids
    ]
    found: dict[int, list[WebhookDelivery]] = defaultdict(list)
    for row in await WebhookDelivery.filter(Q(*pages, join_type=Q.OR)).order_by("-id"):
        found[row.endpoint_id].append(row)
    return found


async def delivery_counts(endpoint_ids: list[int]) -> dict[int, int]:
    """How many deliveries each endpoint has (endpoints without any are absent)."""
    rows: list[dict[str, Any]] = (
        await WebhookDelivery.filter(endpoint_id__in=endpoint_ids)
        .annotate(n=Count("id"))
        .group_by("endpoint_id")
        .values("endpoint_id", "n")
    )
    return {row["endpoint_id"]: row["n"] for row in rows}
