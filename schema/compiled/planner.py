"""The planner: a trusted document's operation -> a `Plan`, made once per document and kept for the process.

A document is planned when it is a query of one root field that `roots.ROOTS` knows, a Relay connection read
with `first`/`after` (variables or literals), whose selection holds only fields the compiler can write
(`edges { cursor node { ... } }`, `pageInfo { ... }`, `totalCount`, `__typename`, aliases, fragments on the same
type). Anything else (a directive, an argument below the root, a field with a resolver of its own, several
root fields) is None: the document takes the executor. The plan carries what each request checks again
against its settings (depth, aliases, tokens), the field's permission classes, its SQL and its writer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypedDict

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    NullValueNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    Source,
    StringValueNode,
    TokenKind,
    VariableNode,
    get_named_type,
    parse,
)
from graphql.language import Lexer

from models.compiled import PageStatement
from schema.compiled.roots import ROOTS, Branch, Leaf, Root
from schema.compiled.sql import page_statement
from schema.compiled.writer import PageWriter, Write, leaf_writer, object_writer
from schema.complexity import alias_count, max_depth

Argument = tuple[str, Any]  # ("var", name) or ("value", literal)


class Unplannable(Exception):
    """The document holds something the compiler does not write."""


@dataclass
class Plan:
    """A planned document: its limits, its root field's arguments and permission classes, its SQL and writer."""

    document: DocumentNode
    operation: OperationDefinitionNode
    depth: int
    aliases: int
    tokens: int
    first: Argument
    after: Argument
    permissions: tuple[type, ...]
    sql: PageStatement
    write: PageWriter
    costs: dict[int, int] = field(default_factory=dict)


class Measures(TypedDict):
    depth: int
    aliases: int
    tokens: int


def measured(document: DocumentNode, text: str) -> Measures:
    """What each request checks again against its settings: the document's depth, aliases and tokens."""
    return {"depth": max_depth(document), "aliases": alias_count(document, 10**6), "tokens": token_count(text)}


def token_count(text: str) -> int:
    lexer = Lexer(Source(text))
    count = 0
    while lexer.advance().kind != TokenKind.EOF:
        count += 1
    return count


class _Fields:
    """Collects a selection set's fields in order, through fragments on the same type."""

    def __init__(self, fragments: dict[str, FragmentDefinitionNode]) -> None:
        self.fragments = fragments

    def collect(self, selection_set: SelectionSetNode | None, type_name: str) -> list[tuple[str, FieldNode]]:
        if selection_set is None:
            raise Unplannable("a field without its selection")
        found: list[tuple[str, FieldNode]] = []
        self._into(selection_set, type_name, found, set())
        keys = [key for key, _ in found]
        if len(set(keys)) != len(keys):
            raise Unplannable("a response key selected twice")
        return found

    def _into(self, selections: SelectionSetNode, type_name: str, found: list[Any], seen: set[str]) -> None:
        for selection in selections.selections:
            if selection.directives:
                raise Unplannable("a directive")
            if isinstance(selection, FieldNode):
                found.append(((selection.alias or selection.name).value, selection))
            elif isinstance(selection, InlineFragmentNode):
                if selection.type_condition is not None and selection.type_condition.name.value != type_name:
                    raise Unplannable("a fragment on another type")
                self._into(selection.selection_set, type_name, found, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                definition = self.fragments.get(name)
                if definition is None or name in seen or definition.type_condition.name.value != type_name:
                    raise Unplannable("a fragment on another type")
                self._into(definition.selection_set, type_name, found, {*seen, name})


def _argument(node: FieldNode, name: str) -> Argument | None:
    for argument in node.arguments or ():
        if argument.name.value != name:
            continue
        value = argument.value
        if isinstance(value, VariableNode):
            return ("var", value.name.value)
        if isinstance(value, IntValueNode):
            return ("value", int(value.value))
        if isinstance(value, StringValueNode):
            return ("value", value.value)
        if isinstance(value, NullValueNode):
            return ("value", None)
        raise Unplannable("an argument of another kind")
    return None


class _Compiler:
    def __init__(self, fields: _Fields, root: Root) -> None:
        self.fields = fields
        self.root = root
        self.columns: set[str] = set()
        self.env = False

    def scalar_only(self, node: FieldNode) -> None:
        if node.arguments or node.selection_set is not None:
            raise Unplannable("arguments or a selection below the root")

    def node(self, selection_set: SelectionSetNode | None) -> Write:
        items: list[tuple[str, Write]] = []
        for key, node in self.fields.collect(selection_set, self.root.type_name):
            items.append((key, self._field(node, self.root.fields, self.root.type_name)))
        return object_writer(items)

    def _field(self, node: FieldNode, known: dict[str, Any], type_name: str) -> Write:
        name = node.name.value
        if name == "__typename":
            self.scalar_only(node)
            return leaf_writer(lambda value, env: type_name)
        spec = known.get(name)
        if isinstance(spec, Leaf):
            self.scalar_only(node)
            self.columns.update(spec.columns)
            self.env = self.env or spec.env
            return leaf_writer(spec.read)
        if isinstance(spec, Branch):
            if node.arguments:
                raise Unplannable("an argument below the root")
            self.columns.update(spec.columns)
            self.env = self.env or spec.env
            items = [
                (key, self._field(child, spec.fields, spec.type_name))
                for key, child in self.fields.collect(node.selection_set, spec.type_name)
            ]
            return object_writer(items, spec.source, pure=spec.pure)
        raise Unplannable(f"{type_name}.{name} is not compiled")


def plan_document(schema: GraphQLSchema, text: str, permissions_of: Callable[[str], tuple[type, ...]]) -> Plan | None:
    """The plan of a trusted document's text, or None when the executor must answer it."""
    try:
        return _plan(schema, text, permissions_of)
    except Unplannable:
        return None


def _plan(schema: GraphQLSchema, text: str, permissions_of: Callable[[str], tuple[type, ...]]) -> Plan:
    document = parse(text)
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if len(operations) != 1 or operations[0].operation != OperationType.QUERY or operations[0].directives:
        raise Unplannable("not one query")
    operation = operations[0]
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    fields = _Fields(fragments)
    query_type = schema.query_type
    assert query_type is not None
    roots = fields.collect(operation.selection_set, query_type.name)
    if len(roots) != 1:
        raise Unplannable("several root fields")
    root_key, root_node = roots[0]
    root = ROOTS.get(root_node.name.value)
    if root is None:
        raise Unplannable("a root field that is not compiled")
    if any(argument.name.value not in ("first", "after") for argument in root_node.arguments or ()):
        raise Unplannable("another argument")
    connection = get_named_type(query_type.fields[root_node.name.value].type)
    assert isinstance(connection, GraphQLObjectType)
    default_first = query_type.fields[root_node.name.value].args["first"].default_value
    compiler = _Compiler(fields, root)
    parts: list[tuple[str, str, Any]] = []
    for key, node in fields.collect(root_node.selection_set, connection.name):
        name = node.name.value
        if name == "edges":
            edge_type = get_named_type(connection.fields["edges"].type)
            edge: list[tuple[str, str, Any]] = []
            for edge_key, edge_node in fields.collect(node.selection_set, edge_type.name):
                kind = edge_node.name.value
                if kind == "node":
                    edge.append((edge_key, "node", compiler.node(edge_node.selection_set)))
                elif kind in ("cursor", "__typename"):
                    compiler.scalar_only(edge_node)
                    edge.append((edge_key, kind, edge_type.name))
                else:
                    raise Unplannable(f"edge field {kind}")
            parts.append((key, "edges", edge))
        elif name == "pageInfo":
            page_fields = fields.collect(node.selection_set, "PageInfo")
            for _, page_node in page_fields:
                compiler.scalar_only(page_node)
            parts.append((key, "pageInfo", [(k, n.name.value) for k, n in page_fields]))
        elif name in ("totalCount", "__typename"):
            compiler.scalar_only(node)
            parts.append((key, name, connection.name))
        else:
            raise Unplannable(f"connection field {name}")
    return Plan(
        document=document,
        operation=operation,
        **measured(document, text),
        first=_argument(root_node, "first") or ("value", default_first),
        after=_argument(root_node, "after") or ("value", None),
        permissions=permissions_of(root_node.name.value),
        sql=page_statement(root, compiler.columns, zone=compiler.env),
        write=PageWriter(root_key, parts),
    )
