"""Per-request DataLoaders of the content domain: the images of the memorials, messages and commands a query lists,
and until when each row is held for the screens (Shabbat mode), read once for all of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from functools import partial

from strawberry.dataloader import DataLoader

from models.media import Media, MediaKind, MediaStatus
from schema.context import Info
from services.content.holds import held_until_of


def _by(field: str, kind: MediaKind) -> Callable[[list[int]], Awaitable[list[Media | None]]]:
    async def load(ids: list[int]) -> list[Media | None]:
        rows = await Media.filter(**{f"{field}__in": ids}, kind=kind, status=MediaStatus.READY).order_by("id")
        found = {getattr(row, field): row for row in rows}  # the newest wins
        return [found.get(i) for i in ids]

    return load


def memorial_photo_loader(info: Info) -> DataLoader[int, Media | None]:
    """A memorial's photo by memorial id (READY only)."""
    return info.context.loaders.get("content_memorial_photo", _by("memorial_id", MediaKind.MEMORIAL_PHOTO))


def message_image_loader(info: Info) -> DataLoader[int, Media | None]:
    """A message's image by message id (READY only)."""
    return info.context.loaders.get("content_message_image", _by("message_id", MediaKind.MESSAGE_IMAGE))


def screenshot_loader(info: Info) -> DataLoader[int, Media | None]:
    """A SCREENSHOT command's capture by command id (READY only)."""
    return info.context.loaders.get("content_command_screenshot", _by("command_id", MediaKind.SCREENSHOT))


def device_screenshot_loader(info: Info) -> DataLoader[int, Media | None]:
    """A device's newest capture by device id (READY only)."""
    return info.context.loaders.get("content_device_screenshot", _by("device_id", MediaKind.SCREENSHOT))


def held_until_loader(info: Info, row_type: str) -> DataLoader[int | None, dt.datetime | None]:
    """Until when rows of `row_type` (a model's name) are held for the screens, by id (None: any row of the type)."""
    return info.context.loaders.get(f"content_held_{row_type}", partial(held_until_of, row_type))
