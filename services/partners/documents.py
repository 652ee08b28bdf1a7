"""Persisted documents: the catalogue of trusted documents and the automatic persisted query (APQ) store.

Trusted documents are every operation of the `*.graphql` files under `documents/` (the client documents are
copied to `documents/clients/`), each with the fragments it uses; its id is the SHA-256 of its text. The APQ
store (services.partners.apq_store) keeps documents that clients register with Apollo's protocol, once they
validate, bounded in size, age and number.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    OperationDefinitionNode,
    get_operation_ast,
    parse,
    print_ast,
)
from graphql.language import Visitor, visit

from config import ROOT
from services.partners.apq_store import PersistedQueryStore, Registrations

__all__ = ["PersistedQueryStore", "Registrations"]  # re-exported: the store lives in services.partners.apq_store

log = logging.getLogger("shulgraph.persisted")

DOCUMENTS_DIR = ROOT / "documents"
CLIENTS_SUBDIR = "clients"


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class TrustedDocument:
    id: str
    operation_name: str
    client: str
    operation_type: str
    text: str


def _fragments_used(node: object, fragments: dict[str, FragmentDefinitionNode], seen: set[str]) -> None:
    found: list[str] = []

    class Collect(Visitor):
        def enter_fragment_spread(self, spread: FragmentSpreadNode, *_: object) -> None:
            name = spread.name.value
            if name not in seen and name in fragments:
                seen.add(name)
                found.append(name)

    visit(node, Collect())  # type: ignore[arg-type]
    for name in found:
        _fragments_used(fragments[name], fragments, seen)


def document_text(operation: OperationDefinitionNode, document: DocumentNode) -> str:
    """The text a client sends for one operation: the operation, then its fragments sorted by name."""
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    used: set[str] = set()
    _fragments_used(operation, fragments, used)
    return "\n\n".join([print_ast(operation), *(print_ast(fragments[name]) for name in sorted(used))])


def client_name(path: Path, root: Path) -> str:
    relative = path.relative_to(root).with_suffix("")
    if relative.parts[0] == CLIENTS_SUBDIR and len(relative.parts) == 2:
        return relative.parts[1]
    return relative.as_posix()


class Catalogue:
    """Trusted documents by id."""

    def __init__(self, documents: list[TrustedDocument]) -> None:
        self.by_id = {document.id: document for document in documents}

    def get(self, document_id: str) -> TrustedDocument | None:
        return self.by_id.get(document_id)

    def __contains__(self, document_id: object) -> bool:
        return document_id in self.by_id

    def all(self) -> list[TrustedDocument]:
        return sorted(self.by_id.values(), key=lambda d: (d.client, d.operation_name))


def build_catalogue(root: Path) -> Catalogue:
    documents: list[TrustedDocument] = []
    names: set[tuple[str, str]] = set()
    for path in sorted(root.rglob("*.graphql")):
        parsed = parse(path.read_text())
        client = client_name(path, root)
        for definition in parsed.definitions:
            if not isinstance(definition, OperationDefinitionNode):
                continue
            if definition.name is None:
                raise ValueError(f"{path}: every trusted operation needs a name")
            name = definition.name.value
            if (client, name) in names:
                raise ValueError(f"{path}: operation {name} is defined twice")
            names.add((client, name))
            text = document_text(definition, parsed)
            documents.append(
                TrustedDocument(
                    id=sha256_hex(text),
                    operation_name=name,
                    client=client,
                    operation_type=definition.operation.value,
                    text=text,
                )
            )
    return Catalogue(documents)


@cache
def catalogue() -> Catalogue:
    """The catalogue of the repository's `documents/` folder, built once per process."""
    return build_catalogue(DOCUMENTS_DIR)


class DocumentRefused(Exception):
    """A request's document is refused before parsing: an Apollo-compatible error with a code."""

    def __init__(self, code: str, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH"
NOT_ALLOWED = "OPERATION_NOT_ALLOWED"


def _requested_hash(extensions: object) -> str | None:
    if not isinstance(extensions, dict) or extensions.get("persistedQuery") is None:
        return None
    persisted = extensions["persistedQuery"]
    if not isinstance(persisted, dict) or persisted.get("version") != 1:
        raise DocumentRefused("PERSISTED_QUERY_NOT_SUPPORTED", "Unsupported persisted query version", 400)
    value = persisted.get("sha256Hash")
    if not isinstance(value, str) or len(value) != 64 or any(c not in "0123456789abcdefABCDEF" for c in value):
        raise DocumentRefused("BAD_REQUEST", "persistedQuery.sha256Hash must be a SHA-256 hex digest", 400)
    return value.lower()


def trusted_by_text(
    documents: Catalogue, query: str, operation_name: str | None, max_tokens: int
) -> TrustedDocument | None:
    """The trusted document a client sent as text in its own layout: the operation it runs (chosen by
    `operation_name`) with the fragments that operation uses, printed the catalogue's way, is in the catalogue.
    Only that operation and those fragments execute, so what runs is exactly the trusted document."""
    try:
        parsed = parse(query, max_tokens=max_tokens)
    except GraphQLError:
        return None
    operation = get_operation_ast(parsed, operation_name)
    if operation is None or operation.name is None:
        return None
    return documents.get(sha256_hex(document_text(operation, parsed)))


async def resolve_document(
    store: PersistedQueryStore,
    documents: Catalogue,
    *,
    partner_documents: frozenset[str] | None,
    free_form_allowed: bool,
    query: str | None,
    extensions: object,
    operation_name: str | None = None,
    max_tokens: int = 10_000,
    registrations: Registrations | None = None,
) -> str | None:
    """The document text a request runs, or `DocumentRefused`.

    `partner_documents` is the allowlist of a partner key (None for every other principal): a partner runs
    only catalogue documents on its list and never registers one. `free_form_allowed` is False when only
    trusted documents are accepted from this principal. A document sent as text is trusted when its hash is
    in the catalogue or, failing that, when the operation it runs is (`trusted_by_text`).
    """
    requested = _requested_hash(extensions)
    trusted: TrustedDocument | None = None
    if requested is not None and query is None:
        trusted = documents.get(requested)
        if trusted is not None:
            query = trusted.text
        elif partner_documents is None:
            query = await store.get(requested)
        if query is None:
            raise DocumentRefused(NOT_FOUND, "PersistedQueryNotFound")
    elif query is not None:
        actual = sha256_hex(query)
        if requested is not None and requested != actual:
            raise DocumentRefused(HASH_MISMATCH, "provided sha does not match query", 400)
        trusted = documents.get(actual)
        if trusted is not None:
            query = trusted.text  # the same text: the catalogue's copy, one string however many sockets send it
        if trusted is None and (partner_documents is not None or not free_form_allowed):
            trusted = trusted_by_text(documents, query, operation_name, max_tokens)
    else:
        return None
    if partner_documents is not None:
        if trusted is None:
            raise DocumentRefused(NOT_ALLOWED, "partner keys run persisted documents only")
        if trusted.id not in partner_documents:
            raise DocumentRefused(NOT_ALLOWED, "this document is not on the key's allowlist")
        return query
    if trusted is None and not free_form_allowed:
        raise DocumentRefused(NOT_ALLOWED, "only trusted documents are accepted")
    if trusted is None and requested is not None:
        if registrations is not None:
            registrations.ask(query, requested)  # stored once it validates, as Apollo Server does
        else:
            await store.put(requested, query)
    return query
