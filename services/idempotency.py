"""Idempotency keys for mutations, as Stripe does them.

A mutation sent with an `Idempotency-Key` header runs once per (principal, tenant, key): its response is
stored (Redis or process memory, with a TTL) and a retry with the same key and the same request gets the
stored response without running again. The same key with another request is refused, and so is a retry
while the first is still running. The store is part of the guarantee, so it fails closed (`Unavailable`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from services.kv import KeyValue

MAX_KEY_LENGTH = 255


@dataclass(frozen=True)
class StoredResponse:
    status: int
    media_type: str
    body: str


@dataclass(frozen=True)
class Claim:
    """The outcome of claiming a key: run it (`fresh`), replay `stored`, or refuse (`conflict`)."""

    fresh: bool = False
    stored: StoredResponse | None = None
    conflict: str | None = None  # "mismatch" or "in_progress"


def fingerprint(body: Any) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def record_key(scope: str, key: str) -> str:
    return f"idem:{scope}:{hashlib.sha256(key.encode()).hexdigest()}"


async def claim(kv: KeyValue, scope: str, key: str, request_fingerprint: str, ttl_seconds: int) -> Claim:
    name = record_key(scope, key)
    pending = json.dumps({"fp": request_fingerprint, "state": "pending"})
    if await kv.set_if_absent(name, pending, ttl_seconds):
        return Claim(fresh=True)
    raw = await kv.get(name)
    if raw is None:
        return await claim(kv, scope, key, request_fingerprint, ttl_seconds)
    record = json.loads(raw)
    if record.get("fp") != request_fingerprint:
        return Claim(conflict="mismatch")
    if record.get("state") != "done":
        return Claim(conflict="in_progress")
    return Claim(stored=StoredResponse(record["status"], record["media_type"], record["body"]))


async def complete(
    kv: KeyValue, scope: str, key: str, request_fingerprint: str, response: StoredResponse, ttl_seconds: int
) -> None:
    record = {
        "fp": request_fingerprint,
        "state": "done",
        "status": response.status,
        "media_type": response.media_type,
        "body": response.body,
    }
    await kv.set(record_key(scope, key), json.dumps(record), ttl_seconds)


async def release(kv: KeyValue, scope: str, key: str) -> None:
    """Forget a claim whose request failed before it produced a response worth keeping."""
    await kv.delete(record_key(scope, key))
