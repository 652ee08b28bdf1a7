"""Content changes told to webhooks: CONTENT_CREATED, CONTENT_UPDATED and CONTENT_DELETED with the content's kind
and global id, for every content row an editor saves or deletes (Tortoise's post-save and post-delete signals of
the models in `KINDS`, fired inside the writer's transaction, so the event exists exactly when the change does).
Bulk writes (a memorial CSV import) send no signals; the import's own MEMORIAL_IMPORT_FINISHED tells of them.

`register()` connects the signals once; the app and the worker call it at start."""

from __future__ import annotations

from typing import Any

from tortoise.signals import post_delete, post_save

from models.content import AliyahAssignment, HolidayOverride, Memorial, Message, PrayerTime, TorahClass
from models.webhooks import WebhookEvent
from services.infra.ids import to_global_id
from services.webhooks.endpoints import emit

KINDS: dict[type[Any], str] = {
    Message: "MESSAGE",
    Memorial: "MEMORIAL",
    PrayerTime: "PRAYER_TIME",
    TorahClass: "TORAH_CLASS",
    AliyahAssignment: "ALIYAH_ASSIGNMENT",
    HolidayOverride: "HOLIDAY_OVERRIDE",
}
_registered: list[bool] = []


def _data(instance: Any) -> dict[str, Any]:
    kind = KINDS[type(instance)]
    return {"kind": kind, "id": to_global_id(type(instance).__name__, instance.id)}


async def _saved(sender: Any, instance: Any, created: bool, using_db: Any, update_fields: Any) -> None:
    event = WebhookEvent.CONTENT_CREATED if created else WebhookEvent.CONTENT_UPDATED
    await emit(event, _data(instance), tenant_id=instance.tenant_id)


async def _deleted(sender: Any, instance: Any, using_db: Any) -> None:
    await emit(WebhookEvent.CONTENT_DELETED, _data(instance), tenant_id=instance.tenant_id)


def register() -> None:
    """Connect the signals (once per process)."""
    if _registered:
        return
    _registered.append(True)
    for model in KINDS:
        post_save(model)(_saved)
        post_delete(model)(_deleted)
