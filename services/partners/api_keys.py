"""Partner API keys: created by synagogue admins, stored hashed, scoped to one synagogue and to an allowlist
of trusted documents, revocable. `Authorization: ApiKey <secret>` resolves to a partner principal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from models.base import current_tenant_id
from models.partners import ApiKey, ApiKeyCredential
from services.identity.principals import Principal, register_scheme
from services.identity.tokens import hash_secret, new_secret, secret_kind
from services.infra.errors import Unauthenticated
from services.infra.problems import Problem
from services.partners.documents import Catalogue, catalogue
from subscriptions.revocations import announce

LAST_USE_RESOLUTION = timedelta(seconds=60)
MAX_NAME_LENGTH = 120
MAX_DOCUMENTS = 200
DOCUMENTS_FIELD = "allowedDocuments"


async def partner_principal(credential: str) -> Principal:
    """`Authorization: ApiKey <secret>`: the key's synagogue and allowlist, or `Unauthenticated`."""
    if secret_kind(credential) != "partner":
        raise Unauthenticated("invalid API key")
    row = await ApiKeyCredential.get_or_none(key_hash=hash_secret(credential))
    if row is None or row.revoked_at is not None:
        raise Unauthenticated("invalid API key")
    now = datetime.now(UTC)
    if row.last_used_at is None or now - row.last_used_at > LAST_USE_RESOLUTION:
        await ApiKeyCredential.filter(id=row.id).update(last_used_at=now)
    return Principal(
        kind="partner",
        api_key_id=row.api_key_id,
        tenant_id=row.tenant_id,
        allowed_documents=frozenset(row.allowed_documents),
    )


register_scheme("apikey", partner_principal)


@dataclass(frozen=True)
class NewKey:
    """A key just made and its secret: the secret is shown this once, only its hash is kept."""

    key: ApiKey
    secret: str


def name_problems(name: str) -> list[Problem]:
    """Problems of a key's name (already stripped): required, at most `MAX_NAME_LENGTH` characters."""
    if not name:
        return [Problem("name", "REQUIRED", "name the key")]
    if len(name) > MAX_NAME_LENGTH:
        return [Problem("name", "TOO_LONG", f"at most {MAX_NAME_LENGTH} characters")]
    return []


def document_problems(documents: Catalogue, ids: list[str]) -> list[Problem]:
    """Problems of an allowlist (`allowedDocuments`): empty, too long, unknown ids, or documents that are not
    queries (each of these at `allowedDocuments.<index>`)."""
    if not ids:
        return [Problem(DOCUMENTS_FIELD, "REQUIRED", "name at least one persisted document")]
    if len(ids) > MAX_DOCUMENTS:
        return [Problem(DOCUMENTS_FIELD, "INVALID", f"at most {MAX_DOCUMENTS} documents")]
    problems: list[Problem] = []
    for index, document_id in enumerate(ids):
        document = documents.get(document_id)
        if document is None:
            problems.append(Problem(f"{DOCUMENTS_FIELD}.{index}", "INVALID", "not a persisted document id"))
        elif document.operation_type != "query":
            problems.append(Problem(f"{DOCUMENTS_FIELD}.{index}", "INVALID", "partner keys run queries only"))
    return problems


async def create_key(name: str, allowed: list[str], created_by_id: int | None) -> tuple[NewKey | None, list[Problem]]:
    """A new key in the current tenant, named `name` (stripped) and allowed to run the trusted queries `allowed`;
    or, writing nothing, every problem of the input."""
    name = name.strip()
    problems = [*name_problems(name), *document_problems(catalogue(), allowed)]
    if problems:
        return None, problems
    secret = new_secret("partner")
    key = await ApiKey.create(name=name, created_by_id=created_by_id)
    await ApiKeyCredential.create(
        api_key_id=key.id,
        tenant_id=current_tenant_id(),
        key_hash=hash_secret(secret),
        allowed_documents=list(dict.fromkeys(allowed)),
    )
    return NewKey(key, secret), []


async def revoke_key(key: ApiKey) -> ApiKey:
    """Revoke `key` and its credential at once (a revoked key stays revoked; revoking it again changes nothing)."""
    if key.revoked_at is None:
        key.revoked_at = datetime.now(UTC)
        await key.save(update_fields=["revoked_at"])
        await ApiKeyCredential.filter(api_key_id=key.id, tenant_id=key.tenant_id).update(revoked_at=key.revoked_at)
        await announce(f"apikey:{key.id}")  # the key every process keeps with its secret (and after the commit)
    return key


async def credentials_of(key_ids: list[int]) -> dict[int, ApiKeyCredential]:
    """The credential rows of keys of the current tenant, by key id."""
    rows = await ApiKeyCredential.filter(api_key_id__in=key_ids, tenant_id=current_tenant_id())
    return {row.api_key_id: row for row in rows}
