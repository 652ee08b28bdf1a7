"""The rules the device services check inputs against, and the problems they answer with, in one place so that
pairing, editing, groups and commands word a refusal alike (a leaf module: it imports nothing of the domain)."""

from __future__ import annotations

from services.infra.problems import Problem

LIMITS = {"name": 120, "location": 200, "group": 80}
"""Characters allowed in a device's name, location and group name."""
MAX_BATCH = 500
"""Devices one request may name or reach (sendDeviceCommands, moveDevicesToGroup)."""


def missing(field: str, what: str = "device") -> Problem:
    """An input names a device (or command) that is missing or not the caller's: the two look alike."""
    return Problem(field, "NOT_FOUND", f"no such {what}")


def too_long(field: str, value: str, limit: int) -> list[Problem]:
    return [Problem(field, "TOO_LONG", f"at most {limit} characters")] if len(value) > limit else []


def device_text_problems(values: dict[str, str]) -> list[Problem]:
    """The problems of a device's stripped texts (`name`, `location`, `group`): each one too long, then an empty
    name."""
    problems = [problem for key, value in values.items() for problem in too_long(key, value, LIMITS[key])]
    if values.get("name") == "":
        problems.append(Problem("name", "REQUIRED", "name the device"))
    return problems


def group_name_problems(field: str, name: str, *, required: bool) -> list[Problem]:
    """The problems of a group name (already stripped): empty where one is required, or too long."""
    if required and not name:
        return [Problem(field, "REQUIRED", "name the group")]
    return too_long(field, name, LIMITS["group"])


def empty_group(field: str) -> Problem:
    return Problem(field, "NOT_FOUND", "no device (not revoked) is in this group")


def batch_too_large() -> Problem:
    return Problem("deviceIds", "OUT_OF_RANGE", f"at most {MAX_BATCH} devices")
