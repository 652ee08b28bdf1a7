"""What the synagogue's changes tell the outside world: e-mails to people, events to webhooks."""

from __future__ import annotations

from models.base import current_tenant_id
from models.content import AliyahAssignment
from models.synagogue import Synagogue
from models.webhooks import WebhookEvent
from services.outbox.mail import enqueue_email
from services.webhooks.endpoints import emit

ALIYAH_NAMES = {
    "KOHEN": "Kohen",
    "LEVI": "Levi",
    "SHLISHI": "Shlishi",
    "REVII": "Revi'i",
    "CHAMISHI": "Chamishi",
    "SHISHI": "Shishi",
    "SHEVII": "Shevi'i",
    "ACHARON": "Acharon",
    "MAFTIR": "Maftir",
}


async def aliyah_assigned(row: AliyahAssignment, *, notify: bool) -> None:
    """Announce an assignment to webhooks and, when asked to notify, e-mail the person (same transaction)."""
    label = ALIYAH_NAMES.get(row.aliyah, row.aliyah.title())
    await emit(
        WebhookEvent.ALIYAH_ASSIGNED,
        {"id": row.id, "date": row.date.isoformat(), "aliyah": row.aliyah, "personName": row.person_name},
    )
    if not notify or not row.notify_email:
        return
    synagogue = await Synagogue.filter(id=current_tenant_id()).first()
    place = synagogue.name if synagogue else "the synagogue"
    when = row.date.strftime("%A, %B %-d, %Y")
    await enqueue_email(
        row.notify_email,
        f"Your aliyah on {when}: {label}",
        f"Shalom {row.person_name},\n\nYou are called to the Torah for {label} on {when} at {place}.\n",
    )
