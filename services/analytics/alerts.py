"""Alerts: opened and resolved by the worker as the rules say, acknowledged and snoozed by members.

At every evaluation slot (`ALERT_EVALUATION_SECONDS`, `services.outbox.schedule`) one job per synagogue with
enabled rules (`AlertedTenant`) reads each rule for each device it targets as of the slot
(`services.analytics.conditions`): a breach with no open alert opens one, a clear reading resolves the open one,
anything else changes nothing. The evaluation holds the synagogue's row lock, so two evaluations of one synagogue
never interleave, and an open alert's `open_key` is unique, so there is never a second one; evaluating the same
slot again changes nothing.

Opening and resolving are told, in the same transaction: on `tenantEvents` (ALERT_OPENED, ALERT_RESOLVED, after
the commit), to webhooks (the events of the same names), by e-mail to the synagogue's admins who did not turn
alert e-mails off (`AlertPreference`), and by text message to its SMS and WhatsApp recipients. An alert opened
while its rule and device were snoozed is `silenced`: webhooks and the event still go out, people are not told
(nor of its resolution while the snooze lasts).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from config import Settings, get_settings
from models.analytics import Alert, AlertedTenant, AlertPreference, AlertRule, AlertStatus, AlertTarget
from models.base import current_tenant_id
from models.devices import Device
from models.identity import Membership, Role
from models.synagogue import Synagogue
from models.webhooks import WebhookEvent
from services.analytics.conditions import Reading, read
from services.infra.ids import to_global_id
from services.infra.problems import Problem
from services.outbox.mail import enqueue_email, is_address
from services.outbox.messaging import queue_texts
from services.outbox.queue import JobRun, announce_tenant_event, enqueue, handler
from services.webhooks.endpoints import emit

log = logging.getLogger("shulgraph.alerts")

EVALUATE_JOB = "alerts.evaluate"
MAX_SNOOZE_MINUTES = 7 * 24 * 60


async def queue_evaluations(settings: Settings, slot: datetime) -> None:
    """The slot's work: one evaluation job per synagogue with enabled rules."""
    tenants: list[int] = await (  # type: ignore[assignment]  # flat values_list is typed as tuples
        AlertedTenant.all().order_by("tenant_id").values_list("tenant_id", flat=True)
    )
    for tenant_id in tenants:
        await enqueue(EVALUATE_JOB, {"slot": slot.isoformat()}, tenant_id=tenant_id)


def _targets(rule: AlertRule, devices: list[Device]) -> list[Device]:
    if rule.target == AlertTarget.DEVICE:
        return [d for d in devices if d.id == rule.device_id]
    if rule.target == AlertTarget.GROUP:
        return [d for d in devices if d.group == rule.group]
    return devices


async def evaluate(as_of: datetime, settings: Settings | None = None) -> dict[str, int]:
    """Evaluate the current synagogue's enabled rules as of `as_of` (in its transaction, which it locks)."""
    settings = settings or get_settings()
    query = Synagogue.filter(id=current_tenant_id())
    synagogue = await (query if settings.is_sqlite else query.select_for_update()).first()
    if synagogue is None:
        return {"opened": 0, "resolved": 0}
    rules = await AlertRule.filter(enabled=True).order_by("id")
    devices = await Device.filter(revoked_at=None).order_by("id")
    open_alerts = {(a.rule_id, a.device_id): a for a in await Alert.filter(status=AlertStatus.OPEN)}
    opened = resolved = 0
    for rule in rules:
        for device in _targets(rule, devices):
            reading = await read(rule, device, as_of, settings.device_online_window_seconds)
            current = open_alerts.get((rule.id, device.id))
            if current is None and reading.breach:
                await open_alert(rule, device, reading, as_of)
                opened += 1
            elif current is not None and reading.clear:
                await resolve_alert(current, rule, device, reading, as_of)
                resolved += 1
            elif current is not None and reading.value is not None:
                await Alert.filter(id=current.id).update(value=reading.value)
    return {"opened": opened, "resolved": resolved}


@handler(EVALUATE_JOB)
async def run_evaluation(run: JobRun) -> None:
    """One synagogue's evaluation slot (the worker sends its events once it has committed, W4)."""
    async with run.scope():
        counts = await evaluate(datetime.fromisoformat(run.payload["slot"]))
        await run.finish(counts)


async def _snoozed_until(rule_id: int, device_id: int, as_of: datetime) -> datetime | None:
    """The snooze still running on this rule and device (set on an earlier alert of theirs), if any."""
    latest = await Alert.filter(rule_id=rule_id, device_id=device_id, snoozed_until__gt=as_of).order_by("-id").first()
    return latest.snoozed_until if latest else None


async def open_alert(rule: AlertRule, device: Device, reading: Reading, as_of: datetime) -> Alert:
    snoozed = await _snoozed_until(rule.id, device.id, as_of)
    alert = await Alert.create(
        rule_id=rule.id,
        device_id=device.id,
        open_key=f"{rule.id}:{device.id}",
        opened_at=as_of,
        value=reading.value,
        message=reading.message[:300],
        snoozed_until=snoozed,
        silenced=snoozed is not None,
    )
    await _tell(alert, rule, device, WebhookEvent.ALERT_OPENED, quiet=alert.silenced)
    return alert


async def resolve_alert(alert: Alert, rule: AlertRule, device: Device, reading: Reading, as_of: datetime) -> None:
    done = await Alert.filter(id=alert.id, status=AlertStatus.OPEN).update(
        status=AlertStatus.RESOLVED, open_key=None, resolved_at=as_of, value=reading.value
    )
    if done:
        alert.status, alert.resolved_at = AlertStatus.RESOLVED, as_of
        quiet = alert.silenced or (alert.snoozed_until is not None and alert.snoozed_until > as_of)
        await _tell(alert, rule, device, WebhookEvent.ALERT_RESOLVED, quiet=quiet)


def _data(alert: Alert, rule: AlertRule, device: Device) -> dict[str, Any]:
    return {
        "alertId": to_global_id("Alert", alert.id),
        "ruleId": to_global_id("AlertRule", rule.id),
        "rule": rule.name,
        "kind": rule.kind.value,
        "deviceId": to_global_id("Device", device.id),
        "device": device.name,
        "status": alert.status.value,
        "value": alert.value,
        "message": alert.message,
        "openedAt": alert.opened_at.isoformat(),
        "resolvedAt": alert.resolved_at.isoformat() if alert.resolved_at else None,
    }


async def _tell(alert: Alert, rule: AlertRule, device: Device, event: WebhookEvent, *, quiet: bool) -> None:
    """Everyone who hears of an alert opening or resolving (see the module)."""
    tenant_id = current_tenant_id()
    await emit(event, _data(alert, rule, device))
    await announce_tenant_event(tenant_id, event.value, device.id, alertId=alert.id, rule=rule.name)
    if quiet:
        return
    verb = "opened" if event == WebhookEvent.ALERT_OPENED else "resolved"
    subject = f"Alert {verb}: {rule.name} on {device.name}"
    body = f"{subject}\n\n{alert.message}\n"
    for address in await alert_recipients(tenant_id):
        await enqueue_email(address, subject, body)
    await queue_texts(f"{subject}. {alert.message}")


async def alert_recipients(tenant_id: int) -> list[str]:
    """E-mail addresses of the synagogue's admins (ADMIN and above) who did not turn alert e-mails off."""
    off: set[int] = set(await AlertPreference.filter(email=False).values_list("user_id", flat=True))  # type: ignore[arg-type]
    members = await Membership.filter(synagogue_id=tenant_id, role__gte=Role.ADMIN).select_related("user")
    return sorted({m.user.email for m in members if m.user_id not in off and is_address(m.user.email)})


async def set_email_preference(user_id: int, email: bool) -> AlertPreference:
    preference, _ = await AlertPreference.update_or_create(defaults={"email": email}, user_id=user_id)
    return preference


async def email_preference(user_id: int) -> bool:
    preference = await AlertPreference.filter(user_id=user_id).first()
    return preference.email if preference else True


NOT_OPEN = Problem("id", "CONFLICT", "only an open alert can be snoozed")


async def acknowledge(alert: Alert, user_id: int, now: datetime | None = None) -> None:
    """Record who acknowledged the alert first (acknowledging again changes nothing)."""
    if alert.acknowledged_at is None:
        alert.acknowledged_at, alert.acknowledged_by_id = now or datetime.now(UTC), user_id
        await alert.save(update_fields=["acknowledged_at", "acknowledged_by_id"])


async def snooze(alert: Alert, minutes: int, now: datetime | None = None) -> list[Problem]:
    """Keep people from being told of this alert's rule and device for `minutes` (0 ends a snooze)."""
    if not isinstance(minutes, int) or not 0 <= minutes <= MAX_SNOOZE_MINUTES:
        return [Problem("minutes", "OUT_OF_RANGE", f"minutes must be from 0 to {MAX_SNOOZE_MINUTES}")]
    if alert.status != AlertStatus.OPEN and minutes:
        return [NOT_OPEN]
    now = now or datetime.now(UTC)
    alert.snoozed_until = now + timedelta(minutes=minutes) if minutes else None
    await alert.save(update_fields=["snoozed_until"])
    return []


def alerts(
    status: AlertStatus | None = None,
    rule_id: int | None = None,
    device_id: int | None = None,
    acknowledged: bool | None = None,
) -> QuerySet[Alert]:
    """The synagogue's alerts, newest first, narrowed by what is given."""
    query = Alert.all()
    if status is not None:
        query = query.filter(status=status)
    if rule_id is not None:
        query = query.filter(rule_id=rule_id)
    if device_id is not None:
        query = query.filter(device_id=device_id)
    if acknowledged is not None:
        query = query.filter(Q(acknowledged_at__isnull=not acknowledged))
    return query.order_by("-id")
