"""Static analysis of a document: depth, aliases and cost, each through fragments.

Every fragment is measured once (memoised) so a chain of fragments that spread the next one twice costs
linear time to measure, not exponential; a fragment cycle counts as nothing here (validation reports it).
Cost: each field costs 1; a connection field multiplies the cost of its selection by its `first` argument
(the literal, the variable, or the argument's default); nesting multiplies.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
)
from graphql.language import OperationType

INTROSPECTION_FIELDS = frozenset({"__schema", "__type"})


def fragments_of(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


def operations_of(document: DocumentNode) -> list[OperationDefinitionNode]:
    return [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]


class _Measure:
    """Sums or maxima over selection sets, with each fragment measured once."""

    def __init__(
        self,
        fragments: Mapping[str, FragmentDefinitionNode],
        field: Callable[[FieldNode], int],
        combine: Callable[[list[int]], int],
    ) -> None:
        self.fragments = fragments
        self.field = field
        self.combine = combine
        self.memo: dict[str, int] = {}
        self.active: set[str] = set()

    def selections(self, selection_set: SelectionSetNode | None) -> int:
        if selection_set is None:
            return 0
        values: list[int] = []
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                values.append(self.field(selection))
            elif isinstance(selection, InlineFragmentNode):
                values.append(self.selections(selection.selection_set))
            elif isinstance(selection, FragmentSpreadNode):
                values.append(self.fragment(selection.name.value))
        return self.combine(values)

    def fragment(self, name: str) -> int:
        if name in self.memo:
            return self.memo[name]
        definition = self.fragments.get(name)
        if definition is None or name in self.active:
            return 0
        self.active.add(name)
        try:
            value = self.selections(definition.selection_set)
        finally:
            self.active.discard(name)
        self.memo[name] = value
        return value


def max_depth(document: DocumentNode) -> int:
    """The deepest nesting of fields with selections (introspection fields are not counted)."""

    def field(node: FieldNode) -> int:
        if node.name.value in INTROSPECTION_FIELDS or node.selection_set is None:
            return 0
        return 1 + measure.selections(node.selection_set)

    measure = _Measure(fragments_of(document), field, lambda values: max(values, default=0))
    return max((measure.selections(op.selection_set) for op in operations_of(document)), default=0)


def alias_count(document: DocumentNode, cap: int) -> int:
    """Aliases of every operation, each fragment spread counted every time it is spread (capped)."""

    def field(node: FieldNode) -> int:
        return (1 if node.alias else 0) + measure.selections(node.selection_set)

    measure = _Measure(fragments_of(document), field, lambda values: min(cap, sum(values)))
    return min(cap, sum(measure.selections(op.selection_set) for op in operations_of(document)))


def _is_connection(named: GraphQLNamedType) -> bool:
    return isinstance(named, GraphQLObjectType) and named.name.endswith("Connection") and "edges" in named.fields


def _page_size(
    field: GraphQLField,
    node: FieldNode,
    variables: Mapping[str, Any],
    defaults: Mapping[str, Any],
    fallback: int,
) -> int:
    for argument in node.arguments or ():
        if argument.name.value != "first":
            continue
        value = argument.value
        if isinstance(value, IntValueNode):
            return max(0, int(value.value))
        if isinstance(value, VariableNode):
            given = variables.get(value.name.value, defaults.get(value.name.value))
            return max(0, given) if isinstance(given, int) and not isinstance(given, bool) else fallback
        return fallback
    default = field.args["first"].default_value if "first" in field.args else None
    return default if isinstance(default, int) and not isinstance(default, bool) else fallback


def _variable_defaults(operation: OperationDefinitionNode) -> dict[str, Any]:
    defaults: dict[str, Any] = {}
    for definition in operation.variable_definitions or ():
        if isinstance(definition.default_value, IntValueNode):
            defaults[definition.variable.name.value] = int(definition.default_value.value)
    return defaults


def requested_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Mapping[str, Any] | None,
    max_page_size: int,
) -> int:
    """The cost of one operation before it runs."""
    fragments = fragments_of(document)
    values = variables or {}
    defaults = _variable_defaults(operation)
    memo: dict[str, int] = {}
    active: set[str] = set()

    def selections(parent: GraphQLNamedType | None, selection_set: SelectionSetNode | None) -> int:
        if selection_set is None or parent is None:
            return 0
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += field_cost(parent, selection)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = schema.get_type(condition.name.value) if condition else parent
                total += selections(target, selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                total += fragment_cost(selection.name.value)
        return total

    def fragment_cost(name: str) -> int:
        if name in memo:
            return memo[name]
        definition = fragments.get(name)
        if definition is None or name in active:
            return 0
        active.add(name)
        try:
            value = selections(schema.get_type(definition.type_condition.name.value), definition.selection_set)
        finally:
            active.discard(name)
        memo[name] = value
        return value

    def field_cost(parent: GraphQLNamedType, node: FieldNode) -> int:
        name = node.name.value
        if name == "__typename":
            return 0
        if name in INTROSPECTION_FIELDS:
            return 1
        definition = getattr(parent, "fields", {}).get(name)
        if definition is None:
            return 0
        named = get_named_type(definition.type)
        children = selections(named, node.selection_set)
        if _is_connection(named):
            return 1 + _page_size(definition, node, values, defaults, max_page_size) * children
        return 1 + children

    root = {
        OperationType.QUERY: schema.query_type,
        OperationType.MUTATION: schema.mutation_type,
        OperationType.SUBSCRIPTION: schema.subscription_type,
    }[operation.operation]
    return selections(root, operation.selection_set)


def actual_cost(data: object) -> int:
    """The cost of what was returned: each field 1, lists counted by their actual elements."""
    if isinstance(data, dict):
        return sum(1 + actual_cost(value) for key, value in data.items() if key != "__typename")
    if isinstance(data, list):
        return sum(actual_cost(item) for item in data)
    return 0
