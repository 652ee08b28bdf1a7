"""The daily yahrzeit sweep (chained and started by `services.content.yahrzeit_reminders`): for every yahrzeit
observed `YAHRZEIT_REMINDER_DAYS` ahead it announces YAHRZEIT_UPCOMING to the synagogue's webhooks, for every
memorial whether or not a family address is known, and e-mails the family where one is.

Each is queued once per memorial and yahrzeit, across crashed sweeps, extra sweeps of the same day and several
workers: the sweep holds the synagogue's reminder lock, and claims each by a conditional update of the
memorial's marker (`announced_for` for the event, `reminded_for` for the e-mail: an address written after the
day's announcement still gets its e-mail) in the transaction that queues it and ends the sweep; a crashed sweep
rolls back whole and reruns. Without an endpoint that hears YAHRZEIT_UPCOMING nothing is announced (nor marked),
and only the memorials with a family address are read.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import Any

from tortoise.expressions import Q

from config import get_settings
from luach import observed_hebrew_date
from luach.yahrzeit import yahrzeits_between
from models.content import Memorial
from models.webhooks import WebhookEvent
from services.content.yahrzeit_reminders import SWEEP_JOB, delay_until, local_today, lock_reminders, queue_sweep
from services.content.yahrzeits import death_date_of
from services.infra.ids import to_global_id
from services.outbox.mail import enqueue_email, is_address
from services.outbox.queue import JobRun, handler
from services.webhooks.endpoints import emit, hears

log = logging.getLogger("shulgraph.mail")


async def _claim(memorial: Memorial, marker: str, observed: date) -> bool:
    """Set the memorial's `marker` (announced_for or reminded_for) to `observed`; False when a sweep already did
    (or is doing) it."""
    marked: dict[str, Any] = {marker: observed}
    unmarked: dict[str, Any] = {f"{marker}__isnull": True}
    return bool(await Memorial.filter(Q(**unmarked) | ~Q(**marked), id=memorial.id).update(**marked))


def _body(memorial: Memorial, observed: date, hebrew: str, place: str) -> str:
    name = memorial.name + (f" ({memorial.hebrew_name})" if memorial.hebrew_name else "")
    when = observed.strftime("%A, %B %-d, %Y")
    return (
        f"The yahrzeit of {name} falls on {when}, {hebrew}.\n"
        "It begins the evening before, at sunset.\n\n"
        f"With wishes of comfort from {place}.\n"
    )


def _family_address(memorial: Memorial) -> str:
    """The address to remind, or "" (none, or one that cannot be sent to)."""
    if memorial.family_email and not is_address(memorial.family_email):
        log.warning("yahrzeit reminder skipped: bad family address", extra={"memorial": memorial.id})
        return ""
    return memorial.family_email


@handler(SWEEP_JOB)
async def sweep(run: JobRun) -> None:
    """Announce and remind the yahrzeits of one day (or of the days missed since) and queue the next day's sweep."""
    days = get_settings().yahrzeit_reminder_days
    async with run.scope():
        synagogue = await lock_reminders()
        if synagogue is None or days <= 0:
            await run.finish({"queued": 0, "announced": 0})
            return
        today = local_today(synagogue)
        day = max(date.fromisoformat(run.payload["day"]), today)
        start = max(date.fromisoformat(run.payload["day"]) + timedelta(days=days), today)
        end = day + timedelta(days=days)
        announcing = await hears(WebhookEvent.YAHRZEIT_UPCOMING)
        queued = announced = 0
        for memorial in await (Memorial.all() if announcing else Memorial.exclude(family_email="")):
            address = _family_address(memorial)
            death = death_date_of(memorial)
            for hebrew_year, observed in yahrzeits_between(death, start, end):
                if announcing and await _claim(memorial, "announced_for", observed):
                    upcoming = {"memorialId": to_global_id("Memorial", memorial.id), "name": memorial.name}
                    await emit(WebhookEvent.YAHRZEIT_UPCOMING, {**upcoming, "date": observed.isoformat()})
                    announced += 1
                if address and await _claim(memorial, "reminded_for", observed):
                    hebrew = observed_hebrew_date(death, hebrew_year)
                    await enqueue_email(
                        address,
                        f"Yahrzeit of {memorial.name} on {observed.strftime('%B %-d, %Y')}",
                        _body(memorial, observed, hebrew.display if hebrew else "", synagogue.name),
                    )
                    queued += 1
        if not run.payload.get("once"):
            following = day + timedelta(days=1)
            await queue_sweep(following, delay_until(following, synagogue))
        result = {"queued": queued, "announced": announced, "from": start.isoformat(), "to": end.isoformat()}
        await run.finish(result)
