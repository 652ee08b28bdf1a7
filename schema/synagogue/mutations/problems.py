"""Service problems as the `userErrors` of a payload."""

from __future__ import annotations

from schema.errors import UserError, UserErrorCode, user_error
from services.synagogue.synagogues import Problem


def user_errors(problems: list[Problem]) -> list[UserError]:
    return [user_error(p.field, UserErrorCode(p.code), p.message) for p in problems]
