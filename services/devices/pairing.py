"""Device pairing in the shape of RFC 8628's device authorization grant.

The TV asks for a pairing (a short human code to show, a long device code to keep); an ADMIN of a
synagogue claims the human code; the TV polls with the device code and gets its device token exactly
once. Only hashes of the device code and the device token are stored.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from redis.exceptions import ConnectionError as RedisConnectionError
from tortoise.transactions import in_transaction

from config import Settings
from models.base import tenant_scope
from models.devices import Device, DeviceIdentity, DevicePairing
from models.webhooks import WebhookEvent
from services.devices.rules import device_text_problems
from services.identity.tokens import hash_secret, new_secret
from services.infra.errors import ErrorCode, ServiceError, Unavailable
from services.infra.ids import to_global_id
from services.infra.problems import Problem
from services.infra.rate_limits import limiter as rate_limiter
from services.infra.rate_limits import rate
from services.webhooks.endpoints import emit
from subscriptions.events import tenant_event

CODE_ALPHABET = "BCDFGHJKMNPQRTVWXZ"
"""RFC 8628 §6.1 consonants without L and S: nothing to mistake for 0/O, 1/I/L, 5/S, and no words."""
CODE_LENGTH = 8


class PairingError(StrEnum):
    AUTHORIZATION_PENDING = "AUTHORIZATION_PENDING"
    SLOW_DOWN = "SLOW_DOWN"
    EXPIRED_TOKEN = "EXPIRED_TOKEN"
    ALREADY_USED = "ALREADY_USED"
    NOT_FOUND = "NOT_FOUND"


class PairingRefused(Exception):
    def __init__(self, code: PairingError, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class StartedPairing:
    pairing_code: str
    device_code: str
    expires_at: datetime
    poll_interval_seconds: int


@dataclass(frozen=True)
class CompletedPairing:
    device_token: str
    device: Device


def format_code(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def normalize_code(value: str) -> str:
    return "".join(ch for ch in value.upper() if ch.isalnum())


def _new_user_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


SLOW_DOWN_STEP_SECONDS = 5
MAX_POLL_INTERVAL_SECONDS = 60

# --- rate limits -----------------------------------------------------------------------------------------


async def check_rate(settings: Settings, action: str, client_ip: str, expression: str) -> None:
    """Refuse a pairing call over its per-address budget `expression` (`THROTTLED`); fails closed without
    Redis. Polls have their own, larger budget (each pairing is also held to its interval), so many TVs
    behind one address can pair at once."""
    limiter = rate_limiter(settings.redis_url)
    limit, key = rate(expression), ("pairing", action, client_ip or "unknown")
    try:
        try:
            allowed = await limiter.hit(limit, *key)
        except (RedisConnectionError, ConnectionError):  # a pooled connection Redis dropped (a restart): once more
            allowed = await limiter.hit(limit, *key)
    except Exception as exc:
        raise Unavailable("pairing is temporarily unavailable") from exc
    if not allowed:
        raise ServiceError("too many pairing requests from this address; try again later", ErrorCode.THROTTLED)


# --- the three steps, as clients call them ------------------------------------------------------------------


async def start(settings: Settings, client_ip: str, model: str, app_version: str, resolution: str) -> StartedPairing:
    """The TV (no credential) asks to pair, within its address's budget."""
    await check_rate(settings, "start", client_ip, settings.pairing_rate_limit)
    return await start_pairing(settings, client_ip, model, app_version, resolution)


async def claim(
    settings: Settings,
    broadcast: Any,
    client_ip: str,
    tenant_id: int,
    user_id: int | None,
    pairing_code: str,
    name: str,
    location: str | None,
) -> tuple[Device | None, list[Problem]]:
    """An ADMIN claims the shown code into the current tenant, naming the device; the first problem of the name,
    then of the location, refuses it before the address's budget is spent."""
    name, place = name.strip(), (location or "").strip()
    problems = device_text_problems({"name": name}) or device_text_problems({"location": place})
    if problems:
        return None, problems
    await check_rate(settings, "claim", client_ip, settings.pairing_rate_limit)
    try:
        device = await claim_pairing(tenant_id, user_id, pairing_code, name, place)
    except PairingRefused as refused:
        return None, [Problem("pairingCode", refused.code.value, refused.message)]
    await tenant_event(broadcast, tenant_id, "DEVICE_CLAIMED", device.id)
    paired = {"deviceId": to_global_id("Device", device.id), "name": device.name}
    await emit(WebhookEvent.DEVICE_PAIRED, paired, tenant_id=tenant_id)
    return device, []


async def complete(
    settings: Settings, client_ip: str, device_code: str
) -> tuple[CompletedPairing | None, list[Problem]]:
    """The TV's poll, within its address's (larger) budget: the device token once claimed, else why not."""
    await check_rate(settings, "complete", client_ip, settings.pairing_poll_rate_limit)
    try:
        return await complete_pairing(settings, device_code), []
    except PairingRefused as refused:
        return None, [Problem("deviceCode", refused.code.value, refused.message)]


# --- the grant ---------------------------------------------------------------------------------------------


async def start_pairing(
    settings: Settings, client_ip: str, model: str = "", app_version: str = "", resolution: str = ""
) -> StartedPairing:
    now = datetime.now(UTC)
    expires_at = now + timedelta(seconds=settings.pairing_code_ttl_seconds)
    device_code = new_secret("device_code")
    for _ in range(5):
        code = _new_user_code()
        if not await DevicePairing.filter(user_code=code).exists():
            break
    await DevicePairing.filter(expires_at__lt=now - timedelta(days=1), completed_at=None).delete()
    await DevicePairing.create(
        user_code=code,
        device_code_hash=hash_secret(device_code),
        model=model[:120],
        app_version=app_version[:40],
        resolution=resolution[:40],
        client_ip=client_ip[:64],
        expires_at=expires_at,
        poll_interval_seconds=settings.pairing_poll_interval_seconds,
    )
    return StartedPairing(format_code(code), device_code, expires_at, settings.pairing_poll_interval_seconds)


async def claim_pairing(tenant_id: int, user_id: int | None, pairing_code: str, name: str, location: str) -> Device:
    """Claim a shown code into the current tenant (runs inside the tenant's transaction)."""
    now = datetime.now(UTC)
    pairing = await DevicePairing.get_or_none(user_code=normalize_code(pairing_code))
    if pairing is None or pairing.claimed_at is not None:
        raise PairingRefused(PairingError.NOT_FOUND, "no device is waiting with this pairing code")
    if pairing.expires_at <= now:
        raise PairingRefused(PairingError.EXPIRED_TOKEN, "this pairing code has expired; restart pairing on the TV")
    async with in_transaction():
        device = await Device.create(
            name=name,
            location=location,
            model=pairing.model,
            resolution=pairing.resolution,
            app_version=pairing.app_version,
            claimed_by_id=user_id,
        )
        claimed = await DevicePairing.filter(id=pairing.id, claimed_at=None).update(
            claimed_at=now, tenant_id=tenant_id, device_id=device.id
        )
        if claimed != 1:
            raise PairingRefused(PairingError.NOT_FOUND, "no device is waiting with this pairing code")
        await DeviceIdentity.create(device_id=device.id, tenant_id=tenant_id)
    return device


async def complete_pairing(settings: Settings, device_code: str) -> CompletedPairing:
    """The TV's poll: pending, slow down, expired, or the device token (exactly once)."""
    now = datetime.now(UTC)
    pairing = await DevicePairing.get_or_none(device_code_hash=hash_secret(device_code))
    if pairing is None:
        raise PairingRefused(PairingError.NOT_FOUND, "unknown device code")
    if pairing.completed_at is not None:
        raise PairingRefused(PairingError.ALREADY_USED, "this pairing was completed; its token was already issued")
    if pairing.expires_at <= now:
        raise PairingRefused(PairingError.EXPIRED_TOKEN, "the pairing expired; start again")
    if pairing.claimed_at is None or pairing.device_id is None or pairing.tenant_id is None:
        seconds = pairing.poll_interval_seconds
        too_soon = pairing.last_polled_at is not None and now - pairing.last_polled_at < timedelta(seconds=seconds)
        if too_soon:
            seconds = min(seconds + SLOW_DOWN_STEP_SECONDS, max(seconds, MAX_POLL_INTERVAL_SECONDS))  # never shorter
        await DevicePairing.filter(id=pairing.id).update(last_polled_at=now, poll_interval_seconds=seconds)
        if too_soon:
            raise PairingRefused(PairingError.SLOW_DOWN, f"slow down: poll at most every {seconds} seconds from now on")
        raise PairingRefused(PairingError.AUTHORIZATION_PENDING, "waiting for an administrator to claim the code")
    token = new_secret("device")
    async with in_transaction():
        if await DevicePairing.filter(id=pairing.id, completed_at=None).update(completed_at=now) != 1:
            raise PairingRefused(PairingError.ALREADY_USED, "this pairing was completed; its token was already issued")
        issued = await DeviceIdentity.filter(device_id=pairing.device_id, revoked_at=None, token_hash=None).update(
            token_hash=hash_secret(token), issued_at=now
        )
        if issued != 1:
            raise PairingRefused(PairingError.EXPIRED_TOKEN, "this device was revoked before pairing completed")
    async with tenant_scope(pairing.tenant_id):
        device = await Device.get(id=pairing.device_id)
    return CompletedPairing(device_token=token, device=device)
