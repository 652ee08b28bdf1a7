"""What the command mutations share: payload and time-to-live checks, issuing one command."""

from __future__ import annotations

from typing import Any

from models import devices as m
from schema.context import Info
from schema.errors import UserError, UserErrorCode, user_error
from services.devices.commands import CommandRefused, issue_command

MAX_BATCH = 500


def command_payload(value: Any) -> dict[str, Any] | None:
    if value is None or isinstance(value, dict):
        return value
    raise CommandRefused("payload", "INVALID", "payload must be a JSON object")


MIN_TTL, MAX_TTL = 60, 7 * 24 * 3600


def check_ttl(ttl_seconds: int | None) -> UserError | None:
    if ttl_seconds is not None and not MIN_TTL <= ttl_seconds <= MAX_TTL:
        return user_error("ttlSeconds", UserErrorCode.OUT_OF_RANGE, f"from {MIN_TTL} to {MAX_TTL} seconds")
    return None


async def send_command(
    info: Info, device: m.Device, kind: m.CommandKind, payload: Any, ttl_seconds: int | None, batch_id: str = ""
) -> Any:
    context = info.context
    return await issue_command(
        context.broadcast,
        device,
        m.CommandKind(kind),
        command_payload(payload),
        ttl_seconds or context.settings.device_command_ttl_seconds,
        issued_by=context.principal.user_id,
        batch_id=batch_id,
    )


def refusal(refused: CommandRefused) -> UserError:
    return user_error(refused.field, UserErrorCode(refused.code), refused.message)
