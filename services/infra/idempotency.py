"""Idempotency keys for mutations, as Stripe does them.

A mutation sent with an `Idempotency-Key` header runs once per (principal, tenant, key): its response is
stored (Redis or process memory, with a TTL) and a retry with the same key and the same request gets the
stored response without running again. The same key with another request is refused, and so is a retry
while the first is still running. The store is part of the guarantee, so it fails closed (`Unavailable`).

Nothing secret is stored. A record is named by a hash of the principal's identity (kind, id, tenant) and of the
key, never by the request's credential; the request is remembered by a salted hash; and a stored response has
every credential field it selected (an API key's secret, an access or device token, ...) replaced by null, so
a replay says which fields it withheld (`extensions.idempotency.withheldFields`) instead of showing them again.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    SelectionSetNode,
)

from services.infra.kv import KeyValue

MAX_KEY_LENGTH = 255
CREDENTIAL_FIELDS = frozenset(
    {"secret", "accessToken", "refreshToken", "deviceToken", "deviceCode", "pairingCode", "password", "token"}
)


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


def principal_scope(kind: str, principal_id: object, tenant_id: int | None) -> str:
    """The hash naming a principal's records: its kind, id and tenant, never its credential."""
    identity = f"{kind}\n{principal_id}\n{tenant_id if tenant_id is not None else '-'}"
    return hashlib.sha256(identity.encode()).hexdigest()


def _canonical(body: Any) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode()


def _salted(salt: str, body: Any) -> str:
    return hashlib.sha256(salt.encode() + b"\n" + _canonical(body)).hexdigest()


def record_key(scope: str, key: str) -> str:
    return "idem:" + hashlib.sha256(f"{scope}\n{key}".encode()).hexdigest()


async def claim(kv: KeyValue, scope: str, key: str, request: Any, ttl_seconds: int) -> Claim:
    """Claim `key` for `request` (the JSON body's query, variables and operation name)."""
    name = record_key(scope, key)
    salt = secrets.token_hex(16)
    pending = json.dumps({"salt": salt, "fp": _salted(salt, request), "state": "pending"})
    if await kv.set_if_absent(name, pending, ttl_seconds):
        return Claim(fresh=True)
    raw = await kv.get(name)
    if raw is None:
        return await claim(kv, scope, key, request, ttl_seconds)
    record = json.loads(raw)
    if record.get("fp") != _salted(str(record.get("salt", "")), request):
        return Claim(conflict="mismatch")
    if record.get("state") != "done":
        return Claim(conflict="in_progress")
    return Claim(stored=StoredResponse(record["status"], record["media_type"], record["body"]))


async def complete(kv: KeyValue, scope: str, key: str, response: StoredResponse, ttl_seconds: int) -> None:
    """Store the response of a claimed key (already stripped of credentials by `withhold_credentials`)."""
    name = record_key(scope, key)
    raw = await kv.get(name)
    record = json.loads(raw) if raw else {}
    record.update(
        {"state": "done", "status": response.status, "media_type": response.media_type, "body": response.body}
    )
    await kv.set(name, json.dumps(record), ttl_seconds)


async def release(kv: KeyValue, scope: str, key: str) -> None:
    """Forget a claim whose request failed before it produced a response worth keeping."""
    await kv.delete(record_key(scope, key))


def credential_response_keys(document: DocumentNode) -> frozenset[str]:
    """The response keys (alias or name) under which `document` selects a credential field."""
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    keys: set[str] = set()
    seen: set[str] = set()

    def walk(selection_set: SelectionSetNode | None) -> None:
        if selection_set is None:
            return
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                if selection.name.value in CREDENTIAL_FIELDS:
                    keys.add((selection.alias or selection.name).value)
                walk(selection.selection_set)
            elif isinstance(selection, InlineFragmentNode):
                walk(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode) and selection.name.value not in seen:
                seen.add(selection.name.value)
                fragment = fragments.get(selection.name.value)
                walk(getattr(fragment, "selection_set", None))

    for definition in document.definitions:
        walk(getattr(definition, "selection_set", None))
    return frozenset(keys)


def _withhold(value: Any, keys: Iterable[str], path: str, withheld: list[str]) -> Any:
    if isinstance(value, dict):
        result: dict[str, Any] = {}
        for name, item in value.items():
            where = f"{path}.{name}" if path else name
            if name in keys and item is not None:
                result[name] = None
                withheld.append(where)
            else:
                result[name] = _withhold(item, keys, where, withheld)
        return result
    if isinstance(value, list):
        return [_withhold(item, keys, path, withheld) for item in value]
    return value


def withhold_credentials(body: str, keys: frozenset[str]) -> str:
    """The response body to store: credential fields set to null and listed in `extensions.idempotency`."""
    if not keys:
        return body
    try:
        payload = json.loads(body)
    except ValueError:
        return json.dumps({"errors": [{"message": "the response was not stored"}]})
    if not isinstance(payload, dict):
        return body
    withheld: list[str] = []
    if "data" in payload:
        payload["data"] = _withhold(payload["data"], keys, "", withheld)
    if withheld:
        extensions = payload.setdefault("extensions", {})
        if isinstance(extensions, dict):
            extensions["idempotency"] = {"withheldFields": withheld}
    return json.dumps(payload, separators=(",", ":"))
