"""The bench database: 100 synagogues, each with 500 memorials, 50 members, 30 prayer times, 20 messages and 10
devices (`Scale`), so that indexes and row-level security matter. The first synagogue is the one loaded; its
owner's access token, one of its devices' tokens and its first message (the one `UpdateMessage` edits) are what the
scenarios send.

Written through the owner role (row-level security does not apply to it) with bulk inserts, in a minute or so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

from tortoise import Tortoise

from config import get_settings
from models.base import tenant_scope
from models.content import Memorial, Message, PrayerTime, TorahClass
from models.database import tortoise_config
from models.devices import Device, DeviceIdentity
from models.identity import Membership, Role, User
from models.synagogue import Synagogue
from services.identity.passwords import hash_password
from services.identity.tokens import hash_secret, issue_access_token, new_secret
from services.infra.ids import to_global_id

ROLES = (Role.VIEWER, Role.EDITOR, Role.ADMIN)
WEEKDAYS = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"]
MONTHS = ["TISHREI", "CHESHVAN", "KISLEV", "TEVET", "SHVAT", "ADAR", "NISAN", "IYYAR", "SIVAN", "TAMUZ", "AV", "ELUL"]
ZMANIM = ["sunrise", "sunset", "tzeit", "plagHaMincha", "minchaGedola", "chatzot"]


@dataclass(frozen=True)
class Scale:
    synagogues: int = 100
    memorials: int = 500
    members: int = 50
    prayer_times: int = 30
    messages: int = 20
    devices: int = 10


@dataclass(frozen=True)
class Seeded:
    tenant_id: int
    owner_id: int
    owner_headers: dict[str, str]
    device_headers: dict[str, str]
    scale: Scale
    message_id: str = ""
    """The global id of the loaded synagogue's first message."""


async def seed(owner_url: str, scale: Scale | None = None) -> Seeded:
    """Seed a fresh bench database through its owner's URL."""
    await Tortoise.init(config=tortoise_config(owner_url, get_settings()))
    try:
        return await seed_rows(scale or Scale())
    finally:
        await Tortoise.close_connections()


async def seed_rows(scale: Scale, prefix: str = "bench") -> Seeded:
    """The synagogues and their rows, through the database Tortoise is connected to (row-level security holds:
    each synagogue's rows are written in its own `tenant_scope`)."""
    settings = get_settings()
    password_hash = await hash_password("bench password, not for production")
    device_token, message_id = "", 0
    first: tuple[int, int] | None = None
    for n in range(scale.synagogues):
        synagogue = await Synagogue.create(
            name=f"Bench Synagogue {n}",
            slug=f"{prefix}-{n}",
            timezone="America/New_York",
            latitude=40.7128,
            longitude=-74.006,
        )
        owner_id = await _members(synagogue, f"{n}.{prefix}", scale, password_hash)
        token, message = await _content(synagogue.id, scale)
        if first is None:
            first, device_token, message_id = (synagogue.id, owner_id), token, message
    assert first is not None
    tenant_id, owner_id = first
    owner_token = issue_access_token(settings, owner_id)[0]
    gid = to_global_id("Synagogue", tenant_id)
    return Seeded(
        tenant_id=tenant_id,
        owner_id=owner_id,
        owner_headers={"Authorization": f"Bearer {owner_token}", "X-Tenant-ID": gid},
        device_headers={"Authorization": f"Device {device_token}"},
        scale=scale,
        message_id=to_global_id("Message", message_id),
    )


async def _members(synagogue: Synagogue, n: str, scale: Scale, password_hash: str) -> int:
    """The synagogue's members (the first is its OWNER): the owner's user id."""
    users = [
        User(email=f"member{m:03d}.{n}@bench.example.org", display_name=f"Member {m}", password_hash=password_hash)
        for m in range(scale.members)
    ]
    await User.bulk_create(users)
    # Tortoise types a flat values_list as a list of tuples; it is a list of the ids
    created: list[Any] = await User.filter(email__endswith=f".{n}@bench.example.org").order_by("id").values_list(
        "id", flat=True
    )
    await Membership.bulk_create(
        [
            Membership(user_id=user_id, synagogue_id=synagogue.id, role=Role.OWNER if m == 0 else ROLES[m % 3])
            for m, user_id in enumerate(created)
        ]
    )
    return int(created[0])


async def _content(tenant_id: int, scale: Scale) -> tuple[str, int]:
    """The synagogue's content and devices: the token of its first device and the id of its first message."""
    now = datetime.now(UTC)
    async with tenant_scope(tenant_id):
        await Memorial.bulk_create(
            [
                Memorial(
                    name=f"Memorial {m:03d}",
                    hebrew_name=f"פלוני {m}",
                    hebrew_year=5700 + m % 80,
                    hebrew_month=MONTHS[m % len(MONTHS)],
                    hebrew_day=1 + m % 29,
                    plaque=f"P{m}",
                )
                for m in range(scale.memorials)
            ]
        )
        await PrayerTime.bulk_create(
            [
                PrayerTime(
                    name=f"Minyan {p}", days=WEEKDAYS, fixed_time=time(6 + p % 14, 5 * (p % 12)), location="Main"
                )
                if p % 2
                else PrayerTime(
                    name=f"Minyan {p}", days=WEEKDAYS, relative_to=ZMANIM[p % len(ZMANIM)], round_to_minutes=5
                )
                for p in range(scale.prayer_times)
            ]
        )
        await Message.bulk_create(
            [
                Message(
                    title=f"Message {m}",
                    body="Kiddush after davening",
                    priority=m % 3,
                    starts_at=now - timedelta(days=1),
                )
                for m in range(scale.messages)
            ]
        )
        messages: list[Any] = await Message.all().order_by("id").limit(1).values_list("id", flat=True)
        await TorahClass.create(title="Daf Yomi", teacher="Rabbi", days=WEEKDAYS, time=time(7, 30))
        await Device.bulk_create([Device(name=f"TV {d}") for d in range(scale.devices)])
        devices = await Device.all().order_by("id").values_list("id", flat=True)
    tokens = [new_secret("device") for _ in devices]
    await DeviceIdentity.bulk_create(
        [
            DeviceIdentity(device_id=device_id, tenant_id=tenant_id, token_hash=hash_secret(token))
            for device_id, token in zip(devices, tokens, strict=True)
        ]
    )
    return tokens[0], int(messages[0])
