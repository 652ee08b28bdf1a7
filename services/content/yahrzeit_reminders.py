"""When a synagogue's yahrzeit sweeps run: one chain of daily sweep jobs per synagogue that needs them, one that
gives a memorial's family an address or one with an active webhook endpoint that hears YAHRZEIT_UPCOMING. What a
sweep does (the family e-mails and the YAHRZEIT_UPCOMING events, `YAHRZEIT_REMINDER_DAYS` ahead, each once) is
`services.content.yahrzeit_sweep`; this module only starts sweeps, so that the webhooks domain can start them
without importing the sweep, which emits through it.

The sweep for day D runs at 09:00 synagogue time (or later when workers were down) and queues the next day's
sweep in the transaction that ends it. `ensure_reminders()` (called when a family address is written, and when
an endpoint starts hearing YAHRZEIT_UPCOMING) starts the chain when none is pending; when today's sweep has
already run, it also queues a one-off sweep of today (`once`: no next day), so an address or an endpoint added
after the morning sweep is served for today + N the same day. The day is read from `services.infra.clock`, which
tests pin to a fixed date.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from config import get_settings
from models.base import current_tenant_id
from models.outbox import Job, JobStatus
from models.synagogue import Synagogue
from services.infra import clock
from services.outbox.queue import enqueue

SWEEP_JOB = "yahrzeit.reminders"
SWEEP_HOUR = time(9)
SWEEP_MAX_ATTEMPTS = 20


def local_today(synagogue: Synagogue) -> date:
    """The synagogue's date now (by `clock`)."""
    return clock.now().astimezone(ZoneInfo(synagogue.timezone)).date()


def delay_until(day: date, synagogue: Synagogue) -> float:
    """Seconds from now (by `clock`) until `day`'s sweep hour in the synagogue's zone; 0 once it has passed."""
    at = datetime.combine(day, SWEEP_HOUR, tzinfo=ZoneInfo(synagogue.timezone))
    return max(0.0, (at - clock.now()).total_seconds())


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
    today = local_today(synagogue)
    if not any(not s["payload"].get("once") for s in open_sweeps):
        await queue_sweep(today, delay_until(today, synagogue))  # no chain: start one with today's
    elif not any(
        s["status"] == JobStatus.PENDING and date.fromisoformat(s["payload"]["day"]) <= today for s in open_sweeps
    ):
        await queue_sweep(today, 0, once=True)  # today's sweep has run (or is running): sweep today again, now


async def queue_sweep(day: date, delay_seconds: float, once: bool = False) -> None:
    """Queue the sweep of `day`, due in `delay_seconds`; a `once` sweep queues no next day's."""
    payload: dict[str, object] = {"day": day.isoformat()}
    if once:
        payload["once"] = True
    await enqueue(SWEEP_JOB, payload, delay_seconds=delay_seconds, max_attempts=SWEEP_MAX_ATTEMPTS)
