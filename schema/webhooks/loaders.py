"""Per-request DataLoaders of the webhooks domain: an endpoint list reads every endpoint's deliveries at once."""

from __future__ import annotations

from collections import defaultdict

from strawberry.dataloader import DataLoader

from models.webhooks import WebhookDelivery
from schema.context import Info
from services.webhooks.deliveries import delivery_counts, newest_deliveries

PageKey = tuple[int, int, int]
"""(endpoint id, how many of its newest deliveries to skip, how many to take)"""


async def _load_pages(keys: list[PageKey]) -> list[list[WebhookDelivery]]:
    by_page: dict[tuple[int, int], list[int]] = defaultdict(list)
    for pk, offset, limit in keys:
        by_page[(offset, limit)].append(pk)
    found = {page: await newest_deliveries(sorted(set(pks)), *page) for page, pks in by_page.items()}
    return [found[(offset, limit)].get(pk, []) for pk, offset, limit in keys]


async def _load_counts(endpoint_ids: list[int]) -> list[int]:
    counts = await delivery_counts(endpoint_ids)
    return [counts.get(pk, 0) for pk in endpoint_ids]


def delivery_page_loader(info: Info) -> DataLoader[PageKey, list[WebhookDelivery]]:
    """The newest deliveries of endpoints of the current tenant, newest first."""
    return info.context.loaders.get("webhook_deliveries_by_endpoint", _load_pages)


def delivery_count_loader(info: Info) -> DataLoader[int, int]:
    """How many deliveries each endpoint of the current tenant has."""
    return info.context.loaders.get("webhook_delivery_count_by_endpoint", _load_counts)
