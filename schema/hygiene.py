"""Text hygiene at the edge: no input of any operation may carry a control character but newline, carriage return
and tab, in its variables or in the string literals of its document. Such a character is never what a synagogue
means to store (and PostgreSQL refuses NUL outright), so the operation is refused as BAD_USER_INPUT before any
resolver runs, instead of each field failing in its own way, or deep in the database."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from graphql import DocumentNode, ExecutionResult, StringValueNode, visit
from graphql.language import Visitor
from strawberry.extensions import SchemaExtension

from schema.errors import graphql_error
from services.infra.errors import ErrorCode

ALLOWED = frozenset("\t\n\r")


def control_character(text: str) -> str | None:
    """The first control character of `text` that text may not hold, or None."""
    for char in text:
        if char not in ALLOWED and unicodedata.category(char) == "Cc":
            return char
    return None


def _in_value(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        char = control_character(value)
        if char is not None:
            yield path, char
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _in_value(key, path)
            yield from _in_value(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _in_value(item, f"{path}.{index}")


class _Literals(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.found: tuple[str, str] | None = None

    def enter_string_value(self, node: StringValueNode, *args: Any) -> Any:
        char = control_character(node.value)
        if char is not None and self.found is None:
            self.found = ("a string in the document", char)
            return self.BREAK
        return None


MAX_DOCUMENTS = 1000
_literals: dict[int, tuple[DocumentNode, tuple[str, str] | None]] = {}
"""What the literals of a parsed document hold, by the document (strawberry's ParserCache hands the same document to
every request of the same text); each entry keeps its document alive, so its id is never reused meanwhile."""


def first_control_character(variables: dict[str, Any] | None, document: DocumentNode | None) -> tuple[str, str] | None:
    """(where, character) of the first control character in the variables or the document's literals."""
    for found in _in_value(variables or {}, "$"):
        where, char = found
        return f"variable {where.replace('$.', '$', 1)}", char
    if document is None:
        return None
    known = _literals.get(id(document))
    if known is not None and known[0] is document:
        return known[1]
    literals = _Literals()
    visit(document, literals)
    if len(_literals) >= MAX_DOCUMENTS:
        _literals.clear()
    _literals[id(document)] = (document, literals.found)
    return literals.found


class InputHygiene(SchemaExtension):
    """Refuses an operation whose text input holds a control character (BAD_USER_INPUT), before it executes."""

    def on_execute(self) -> Iterator[None]:
        execution = self.execution_context
        if execution.result is None:
            found = first_control_character(execution.variables, execution.graphql_document)
            if found is not None:
                where, char = found
                error = graphql_error(
                    ErrorCode.BAD_USER_INPUT,
                    f"{where} holds a control character (U+{ord(char):04X}); text may hold newlines and tabs only",
                )
                execution.result = ExecutionResult(data=None, errors=[error])
        yield
