"""Everything a TV screen shows for a synagogue at a moment, and until when it stays true.

`screen_content(tenant_id, now)` must run inside `tenant_scope(tenant_id)` (the caller's job). It makes
two statements, whatever the number of messages, memorials or prayer times, and
is computed once per change for all of a tenant's screens by the caller. `valid_until` is the next
moment the content changes by itself: a message starting or ending, a prayer time or a chosen zman
passing, candle lighting, havdalah, the havdalah that ends a hold of Shabbat mode (every row is shown as
`services.content.holds` keeps it until then), or midnight in the synagogue's zone.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from tortoise.expressions import Q

from config import get_settings
from models.base import current_tenant_id
from models.content import DailyContentPreference, Memorial, Message
from models.media import Media, MediaStatus
from models.synagogue import Synagogue
from models.together import PreparedTogether, Read
from services.content.holds import held_at, holds_of
from services.content.preferences import default_preferences
from services.content.schedule import (
    ContentRows,
    content_queries,
    shown_rows,
)
from services.content.screen_compose import ScreenContent, ScreenRows, compose, media_shown, shown_at
from services.content.yahrzeits import (
    DEATH_COLUMNS,
    board_candidates,
    board_entries,
    deaths,
    policy_of,
)


async def screen_content(tenant_id: int, now: datetime) -> ScreenContent:
    """The screen state of `tenant_id` at `now` (tz-aware). Run inside `tenant_scope(tenant_id)`.

    Two statements (`models.together`): every table the screen reads (the days around `now` in any time zone:
    the plan keeps the synagogue's today), then the rows of the memorials that may be lit and the images of the
    messages and memorials it may show."""
    if current_tenant_id() != tenant_id:
        raise RuntimeError("screen_content must run inside tenant_scope(tenant_id)")
    start, end = now.date() - timedelta(days=1), now.date() + timedelta(days=1)
    found = await _SCREEN_READS.fetch(Synagogue, tenant_id, start, end, now)
    (synagogue,), preferences, (stored, dates, held) = found[0], found[1], found[6:]
    shown = holds_of(held)
    prefs = sorted(shown.shown(DailyContentPreference, preferences), key=lambda row: row.id)
    messages = shown.shown(Message, stored, lambda m: m.ends_at is None or m.ends_at > now)
    messages.sort(key=lambda m: (-m.priority, -m.id))
    today = now.astimezone(ZoneInfo(synagogue.timezone)).date()
    window, adar = policy_of(synagogue)
    candidates = board_candidates(dates, today, today + timedelta(days=1), window, adar)
    restored = list(shown.kept.get(Memorial.__name__, {}))  # held memorials: shown as kept, maybe lit
    memorials, media = await _SHOWN_READS.fetch(Memorial, candidates, candidates + restored, [m.id for m in messages])
    board = board_entries(shown.shown(Memorial, memorials), today, today + timedelta(days=1), window, adar)
    data = ScreenRows(
        synagogue,
        prefs[0] if prefs else default_preferences(),
        shown_rows(ContentRows(*found[2:6]), start, end, shown),
        messages,
        board,
        shown.ends,
    )
    pictured = media_shown(media, messages, candidates + restored, shown)
    return compose(data, shown_at(data, now), pictured, get_settings())


def _screen_reads(tenant_id: int, start: date, end: date, now: datetime) -> list[Read]:
    return [
        Synagogue.filter(id=tenant_id).limit(1),
        DailyContentPreference.all(),
        *content_queries(start, end),
        Message.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now)),
        deaths().values_list(*DEATH_COLUMNS),
        held_at(now),
    ]


_SCREEN_READS = PreparedTogether(_screen_reads, (1, date.min, date.min, datetime.min))
"""Every table a screen reads, in one statement built once."""


def _shown_reads(memorials: list[int], pictured: list[int], messages: list[int]) -> list[Read]:
    return [
        Memorial.filter(id__in=memorials),
        Media.filter(Q(message_id__in=messages) | Q(memorial_id__in=pictured), status=MediaStatus.READY),
    ]


_SHOWN_READS = PreparedTogether(_shown_reads, ([1], [1], [1]))
"""The rows of the memorials that may be lit and the images the screen may show, in one statement built once."""


__all__ = ["ScreenContent", "screen_content"]
