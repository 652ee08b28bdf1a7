"""Yahrzeit reminders: the family of a memorial gets an e-mail `YAHRZEIT_REMINDER_DAYS` before the yahrzeit.

Each synagogue with a family address has one chain of daily sweep jobs. The sweep for day D (run at
09:00 synagogue time, or later when workers were down) e-mails the families of the yahrzeits observed
from D + N days on, and queues the next day's sweep, in the transaction that ends the sweep; a crashed
sweep reruns whole. Webhooks subscribed to YAHRZEIT_UPCOMING hear of each reminder as it is queued. Each reminder
is queued once: the sweep marks the memorial's `reminded_for` with the
yahrzeit's date in the same transaction as the e-mail, by a conditional update that only one sweep wins.
`ensure_reminders()` (called when a family address is written) starts the chain when none is pending;
when today's sweep has already run, it also queues a one-off sweep of today (`once`: no next day), so a
family address written after the morning sweep still gets the reminder for today + N the same day.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tortoise.expressions import Q

from config import get_settings
from luach import observed_hebrew_date
from luach.yahrzeit import yahrzeits_between
from models.base import current_tenant_id
from models.content import Memorial
from models.outbox import Job, JobStatus
from models.synagogue import Synagogue
from models.webhooks import WebhookEvent
from services.content.yahrzeits import death_date_of
from services.infra.ids import to_global_id
from services.outbox.mail import enqueue_email, is_address
from services.outbox.queue import JobRun, enqueue, handler
from services.webhooks.endpoints import emit

log = logging.getLogger("shulgraph.mail")

SWEEP_JOB = "yahrzeit.reminders"
SWEEP_HOUR = time(9)
SWEEP_MAX_ATTEMPTS = 20


def _zone(synagogue: Synagogue) -> ZoneInfo:
    return ZoneInfo(synagogue.timezone)


def _delay_until(day: date, zone: ZoneInfo) -> float:
    at = datetime.combine(day, SWEEP_HOUR, tzinfo=zone)
    return max(0.0, (at - datetime.now(UTC)).total_seconds())


async def lock_reminders() -> Synagogue | None:
    """Take the tenant's reminder lock (its synagogue row) for the rest of the transaction. A sweep takes it
    before reading memorials, and an edit of a family address or date of death before writing it, so the edit
    either lands before the sweep reads or sees that sweep as run and queues a one-off (no reminder is lost);
    both take it first, so neither waits on the other's memorial rows while holding it."""
    query = Synagogue.filter(id=current_tenant_id())
    return await (query if get_settings().is_sqlite else query.select_for_update()).first()


async def ensure_reminders() -> None:
    """Start the tenant's chain of daily sweeps (today's, at 09:00 local or at once) unless one is open;
    when today's sweep has already run, queue a one-off sweep of today, due at once."""
    if get_settings().yahrzeit_reminder_days <= 0:
        return
    tenant_id = current_tenant_id()
    synagogue = await lock_reminders()
    if synagogue is None:
        return
    open_sweeps = await Job.filter(
        tenant_id=tenant_id, kind=SWEEP_JOB, status__in=[JobStatus.PENDING, JobStatus.RUNNING]
    ).values("status", "payload")
    today = datetime.now(_zone(synagogue)).date()
    if not any(not s["payload"].get("once") for s in open_sweeps):
        await _queue_sweep(today, _delay_until(today, _zone(synagogue)))  # no chain: start one with today's
    elif not any(
        s["status"] == JobStatus.PENDING and date.fromisoformat(s["payload"]["day"]) <= today for s in open_sweeps
    ):
        await _queue_sweep(today, 0, once=True)  # today's sweep has run (or is running): sweep today again, now


async def _queue_sweep(day: date, delay_seconds: float, once: bool = False) -> None:
    payload: dict[str, object] = {"day": day.isoformat()}
    if once:
        payload["once"] = True
    await enqueue(SWEEP_JOB, payload, delay_seconds=delay_seconds, max_attempts=SWEEP_MAX_ATTEMPTS)


async def _claim_reminder(memorial: Memorial, observed: date) -> bool:
    """Mark the memorial reminded for `observed`; False when a sweep already did (or is doing) it."""
    unsent = Q(reminded_for__isnull=True) | ~Q(reminded_for=observed)
    return bool(await Memorial.filter(unsent, id=memorial.id).update(reminded_for=observed))


def _body(memorial: Memorial, observed: date, hebrew: str, place: str) -> str:
    name = memorial.name + (f" ({memorial.hebrew_name})" if memorial.hebrew_name else "")
    when = observed.strftime("%A, %B %-d, %Y")
    return (
        f"The yahrzeit of {name} falls on {when}, {hebrew}.\n"
        "It begins the evening before, at sunset.\n\n"
        f"With wishes of comfort from {place}.\n"
    )


@handler(SWEEP_JOB)
async def sweep(run: JobRun) -> None:
    """Queue the reminders of one day (or of the days missed since) and the next day's sweep."""
    days = get_settings().yahrzeit_reminder_days
    async with run.scope():
        synagogue = await lock_reminders()
        if synagogue is None or days <= 0:
            await run.finish({"queued": 0})
            return
        zone = _zone(synagogue)
        today = datetime.now(zone).date()
        day = max(date.fromisoformat(run.payload["day"]), today)
        start = max(date.fromisoformat(run.payload["day"]) + timedelta(days=days), today)
        end = day + timedelta(days=days)
        queued = 0
        for memorial in await Memorial.exclude(family_email=""):
            if not is_address(memorial.family_email):
                log.warning("yahrzeit reminder skipped: bad family address", extra={"memorial": memorial.id})
                continue
            death = death_date_of(memorial)
            for hebrew_year, observed in yahrzeits_between(death, start, end):
                if not await _claim_reminder(memorial, observed):
                    continue
                hebrew = observed_hebrew_date(death, hebrew_year)
                await enqueue_email(
                    memorial.family_email,
                    f"Yahrzeit of {memorial.name} on {observed.strftime('%B %-d, %Y')}",
                    _body(memorial, observed, hebrew.display if hebrew else "", synagogue.name),
                )
                upcoming = {"memorialId": to_global_id("Memorial", memorial.id), "name": memorial.name}
                await emit(WebhookEvent.YAHRZEIT_UPCOMING, {**upcoming, "date": observed.isoformat()})
                queued += 1
        if not run.payload.get("once"):
            following = day + timedelta(days=1)
            await _queue_sweep(following, _delay_until(following, zone))
        await run.finish({"queued": queued, "from": start.isoformat(), "to": end.isoformat()})
