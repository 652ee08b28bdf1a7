"""scripts/lint_descriptions.py finds every kind of part without a description, and passes a documented one."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from graphql import build_schema

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("lint_descriptions", ROOT / "scripts" / "lint_descriptions.py")
assert _spec is not None and _spec.loader is not None
lint = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lint)

UNDOCUMENTED = """
type Query { board(from: String): Board }
type Board implements Node { id: ID! kind: Kind }
interface Node { id: ID! }
input Filter { name: String }
enum Kind { WEEKLY }
scalar Moment
"""

DOCUMENTED = '''
"Reads." type Query { "The board." board("From when." from: String): Board }
"A board." type Board implements Node { "Its id." id: ID! "Its kind." kind: Kind }
"Has an id." interface Node { "The id." id: ID! }
"A filter." input Filter { "A name." name: String }
"Kinds." enum Kind { "Every week." WEEKLY }
"A moment." scalar Moment
'''


def test_every_kind_of_part_without_a_description_is_named() -> None:
    missing = set(lint.missing_descriptions(build_schema(UNDOCUMENTED + "type Unused { a: Filter }")))
    assert missing >= {
        "Query",
        "Query.board",
        "Query.board(from)",
        "Board",
        "Board.id",
        "Board.kind",
        "Node",
        "Node.id",
        "Filter",
        "Filter.name",
        "Kind",
        "Kind.WEEKLY",
        "Moment",
    }
    assert not any(part.startswith(("__", "String", "ID")) for part in missing)


def test_a_documented_schema_passes() -> None:
    assert list(lint.missing_descriptions(build_schema(DOCUMENTED))) == []
