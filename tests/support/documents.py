"""The client documents of ../shared/clients, loaded unchanged, by operation name: the contract tests validate
them and the other tests send them as the admin app, a TV or a partner would; and any trusted document of the
product's catalogue by its operation name."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from graphql import DocumentNode, FragmentDefinitionNode, OperationDefinitionNode, parse, print_ast
from graphql.language import FragmentSpreadNode, Node, Visitor, visit

from services.partners.documents import TrustedDocument, catalogue

CLIENTS_DIR = Path(__file__).resolve().parents[3] / "shared" / "clients"


@cache
def client_files() -> dict[str, DocumentNode]:
    return {path.name: parse(path.read_text()) for path in sorted(CLIENTS_DIR.glob("*.graphql"))}


@cache
def operations() -> dict[str, tuple[str, OperationDefinitionNode, DocumentNode]]:
    found: dict[str, tuple[str, OperationDefinitionNode, DocumentNode]] = {}
    for file_name, document in client_files().items():
        for definition in document.definitions:
            if isinstance(definition, OperationDefinitionNode) and definition.name:
                found[definition.name.value] = (file_name, definition, document)
    return found


def _fragments_used(node: Node, fragments: dict[str, FragmentDefinitionNode], seen: set[str]) -> None:
    class Collect(Visitor):
        def enter_fragment_spread(self, spread: FragmentSpreadNode, *_: object) -> None:
            name = spread.name.value
            if name not in seen:
                seen.add(name)
                _fragments_used(fragments[name], fragments, seen)

    visit(node, Collect())


@cache
def client_document(name: str) -> str:
    """The operation and the fragments it needs, as a document a client would send."""
    _, operation, document = operations()[name]
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    used: set[str] = set()
    _fragments_used(operation, fragments, used)
    parts = [print_ast(operation), *(print_ast(fragments[n]) for n in sorted(used))]
    return "\n\n".join(parts)


def trusted(name: str) -> TrustedDocument:
    """A trusted document of the product's catalogue (the client documents and the product's own under
    `documents/`) by its operation name, unique across its files."""
    found = [document for document in catalogue().all() if document.operation_name == name]
    assert len(found) == 1, f"{name}: {len(found)} trusted documents"
    return found[0]
