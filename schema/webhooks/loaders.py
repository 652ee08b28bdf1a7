"""Per-request DataLoaders of the webhooks domain: an endpoint list reads every endpoint's deliveries at once."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from strawberry.dataloader import DataLoader
from tortoise.expressions import Q, Subquery
from tortoise.functions import Count

from models.webhooks import WebhookDelivery
from schema.context import Info

PageKey = tuple[int, int, int]
"""(endpoint id, how many of its newest deliveries to skip, how many to take)"""


async def _newest(endpoint_ids: list[int], offset: int, limit: int) -> dict[int, list[WebhookDelivery]]:
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


async def _load_pages(keys: list[PageKey]) -> list[list[WebhookDelivery]]:
    by_page: dict[tuple[int, int], list[int]] = defaultdict(list)
    for pk, offset, limit in keys:
        by_page[(offset, limit)].append(pk)
    found = {page: await _newest(sorted(set(pks)), *page) for page, pks in by_page.items()}
    return [found[(offset, limit)].get(pk, []) for pk, offset, limit in keys]


async def _load_counts(endpoint_ids: list[int]) -> list[int]:
    rows: list[dict[str, Any]] = (
        await WebhookDelivery.filter(endpoint_id__in=endpoint_ids)
        .annotate(n=Count("id"))
        .group_by("endpoint_id")
        .values("endpoint_id", "n")
    )
    counts = {row["endpoint_id"]: row["n"] for row in rows}
    return [counts.get(pk, 0) for pk in endpoint_ids]


def delivery_page_loader(info: Info) -> DataLoader[PageKey, list[WebhookDelivery]]:
    """The newest deliveries of endpoints of the current tenant, newest first."""
    return info.context.loaders.get("webhook_deliveries_by_endpoint", _load_pages)


def delivery_count_loader(info: Info) -> DataLoader[int, int]:
    """How many deliveries each endpoint of the current tenant has."""
    return info.context.loaders.get("webhook_delivery_count_by_endpoint", _load_counts)
