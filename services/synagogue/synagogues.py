"""Synagogues: opening one (its creator becomes its OWNER) and changing its profile and zmanim settings.

Every input is checked before anything is written; a rejected input changes nothing. Creation and profile
updates are written to the audit log of the tenant. Who may act in a synagogue is `services.synagogue.members`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import cache
from typing import Any
from zoneinfo import available_timezones

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models.base import set_database_tenant, tenant_context, tenant_id_or_none
from models.identity import Membership, Role
from models.synagogue import Synagogue
from services.infra.ids import to_global_id
from services.infra.problems import Problem
from services.platform import audit
from subscriptions.content import content_changed
from subscriptions.revocations import announce

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_MAX = 80
NAME_MAX = 200
ELEVATION_RANGE = (-500.0, 9000.0)
CANDLE_LIGHTING_RANGE = (0, 90)
HAVDALAH_OPINIONS = ("DEGREES_8_5", "MINUTES_42", "MINUTES_50", "MINUTES_72")


@cache
def _timezones() -> frozenset[str]:
    return frozenset(available_timezones())


def is_timezone(value: str) -> bool:
    """An IANA zone name known to this system's tz database."""
    return value in _timezones()


def slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug[: SLUG_MAX - 8].strip("-") or "synagogue"


def _number(problems: list[Problem], field: str, value: Any, low: float, high: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        problems.append(Problem(field, "INVALID", f"{field} must be a number"))
    elif not low <= value <= high:
        problems.append(Problem(field, "OUT_OF_RANGE", f"{field} must be between {low:g} and {high:g}"))


def profile_problems(values: dict[str, Any]) -> list[Problem]:
    """Problems of the given profile fields (model field names; absent fields are not checked)."""
    problems: list[Problem] = []
    if "name" in values:
        name = values["name"]
        if not name:
            problems.append(Problem("name", "REQUIRED", "name must not be empty"))
        elif len(name) > NAME_MAX:
            problems.append(Problem("name", "TOO_LONG", f"name must be at most {NAME_MAX} characters"))
    if "timezone" in values and not is_timezone(values["timezone"]):
        problems.append(Problem("timezone", "INVALID_TIMEZONE", f"unknown time zone {values['timezone']!r}"))
    if "latitude" in values:
        _number(problems, "latitude", values["latitude"], -90, 90)
    if "longitude" in values:
        _number(problems, "longitude", values["longitude"], -180, 180)
    if "elevation" in values:
        _number(problems, "elevation", values["elevation"], *ELEVATION_RANGE)
    if "candle_lighting_minutes" in values:
        _number(problems, "candleLightingMinutes", values["candle_lighting_minutes"], *CANDLE_LIGHTING_RANGE)
    if "havdalah_opinion" in values and values["havdalah_opinion"] not in HAVDALAH_OPINIONS:
        problems.append(Problem("havdalahOpinion", "INVALID", "unknown havdalah opinion"))
    return problems


async def _free_slug(base: str) -> str:
    rows = await Synagogue.filter(slug__startswith=base).values_list("slug", flat=True)
    taken = {str(row) for row in rows}
    if base not in taken:
        return base
    suffix = 2
    while f"{base}-{suffix}" in taken:
        suffix += 1
    return f"{base}-{suffix}"


async def _audit_creation(context: Any, connection: Any, synagogue: Synagogue) -> None:
    """Record the creation in the new tenant's audit log, in the creating transaction. The database's
    tenant is switched for the record and switched back when the request acts in another tenant."""
    acting = tenant_id_or_none()
    await set_database_tenant(connection, synagogue.id)
    with tenant_context(synagogue.id):
        await audit.record(context, "synagogue.create", to_global_id("Synagogue", synagogue.id), slug=synagogue.slug)
    if acting is not None:
        await set_database_tenant(connection, acting)


async def create_synagogue(
    context: Any, user_id: int, values: dict[str, Any], slug: str | None
) -> tuple[Synagogue | None, list[Problem]]:
    """A new synagogue whose creator is its OWNER, audited. A missing slug is made from the name."""
    values = {**values, "name": (values.get("name") or "").strip()}
    problems = profile_problems(values)
    if slug is not None:
        slug = slug.strip().lower()
        if not SLUG_PATTERN.match(slug) or len(slug) > SLUG_MAX:
            problems.append(Problem("slug", "INVALID", "use lowercase letters, digits and single dashes"))
    if problems:
        return None, problems
    for _ in range(5):
        chosen = slug or await _free_slug(slugify(values["name"]))
        if slug and await Synagogue.exists(slug=chosen):
            return None, [Problem("slug", "TAKEN", "this slug is already used by another synagogue")]
        try:
            async with in_transaction() as connection:
                synagogue = await Synagogue.create(slug=chosen, **values)
                await Membership.create(user_id=user_id, synagogue_id=synagogue.id, role=Role.OWNER)
                await _audit_creation(context, connection, synagogue)
            await announce(f"user:{user_id}")  # a caller kept without a tenant header may now have two
        except IntegrityError:
            if slug:
                return None, [Problem("slug", "TAKEN", "this slug is already used by another synagogue")]
            continue
        return synagogue, []
    return None, [Problem("slug", "TAKEN", "no free slug for this name; give one")]


async def update_synagogue(context: Any, changes: dict[str, Any]) -> tuple[Synagogue | None, list[Problem]]:
    """Change the current tenant's profile (model field names); audited. Every accepted update tells the
    tenant's screens that content changed (once per operation, after its commit)."""
    if "name" in changes:
        changes = {**changes, "name": (changes["name"] or "").strip()}
    problems = profile_problems(changes)
    if problems:
        return None, problems
    synagogue = await Synagogue.select_for_update().get(id=context.tenant_id)
    if changes:
        synagogue.update_from_dict(changes)
        await synagogue.save(update_fields=[*changes, "updated_at"])
        await audit.record(context, "synagogue.update", to_global_id("Synagogue", synagogue.id), fields=sorted(changes))
    await content_changed(context, synagogue.id)
    return synagogue, []
