"""What the device-group mutations share: checking a group name."""

from __future__ import annotations

from schema.devices.mutations.device_rules import LIMITS
from schema.errors import UserError, UserErrorCode, user_error


def group_name_errors(field: str, name: str, required: bool) -> list[UserError]:
    """The errors of a group name (already stripped): too long, or empty where one is required."""
    if required and not name:
        return [user_error(field, UserErrorCode.REQUIRED, "name the group")]
    if len(name) > LIMITS["group"]:
        return [user_error(field, UserErrorCode.TOO_LONG, f"at most {LIMITS['group']} characters")]
    return []
