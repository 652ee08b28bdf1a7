"""Compiled object roots: a trusted document that reads one root field of `OBJECT_ROOTS` (no arguments) whose
answer is a plain object its resolver computes (the TV's `screen`) is planned once into a writer of that object's
selected fields, so the request skips graphql-core's per-field resolution and only the resolver itself runs.

A document is planned when every field it selects below the root is a plain attribute (a strawberry field
without a resolver and without arguments) of an object type, a list or a scalar or enum, through fragments on the
same type, aliases and `__typename`; anything else takes the executor. The writer serializes each leaf with the
schema's own scalar or enum (the executor's bytes), in the document's key order; a null where the schema says
non-null is not written: the executor answers the request (and reports it its own way).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from operator import attrgetter
from types import SimpleNamespace
from typing import Any, cast

import strawberry
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    parse,
)
from starlette.requests import Request
from starlette.responses import Response

from models.base import tenant_scope
from schema.compiled.planner import Unplannable, _Fields, measured
from schema.compiled.respond import admitted, respond
from schema.complexity import actual_cost, requested_cost
from schema.context import Context
from schema.cost import CostLimit
from services.partners.documents import TrustedDocument
from subscriptions.events import deferred_publications

log = logging.getLogger("shulgraph.compiled")

OBJECT_ROOTS = frozenset({"screen"})
"""Root fields whose resolver the compiled road may run itself: reads whose answer is a plain object."""

Writer = Callable[[Any], Any]


class Unwritable(Exception):
    """A value the schema does not allow there (a null in a non-null field): the executor answers."""


@dataclass
class ObjectPlan:
    """A planned object document: its limits, its root's resolver and permission classes, and its writer."""

    document: DocumentNode
    operation: OperationDefinitionNode
    depth: int
    aliases: int
    tokens: int
    root_key: str
    resolve: Callable[..., Awaitable[Any]]
    permissions: tuple[type, ...]
    write: Writer
    costs: dict[int, int] = field(default_factory=dict)


def plan_object(schema: strawberry.Schema, text: str) -> ObjectPlan | None:
    """The plan of a trusted document's text, or None when the executor must answer it."""
    try:
        return _plan(schema, text)
    except Unplannable:
        return None


def _plan(schema: strawberry.Schema, text: str) -> ObjectPlan:
    document = parse(text)
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if len(operations) != 1 or operations[0].operation != OperationType.QUERY or operations[0].directives:
        raise Unplannable("not one query")
    operation = operations[0]
    if operation.variable_definitions:
        raise Unplannable("variables")
    fields = _Fields({d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)})
    query = schema._schema.query_type
    assert query is not None
    roots = fields.collect(operation.selection_set, query.name)
    if len(roots) != 1 or roots[0][1].name.value not in OBJECT_ROOTS or roots[0][1].arguments:
        raise Unplannable("not one object root")
    root_key, root_node = roots[0]
    root = schema.get_field_for_type(root_node.name.value, query.name)
    if root is None or root.base_resolver is None or query.fields[root_node.name.value].args:
        raise Unplannable("a root without its resolver")
    writers = _Writers(schema, fields)
    return ObjectPlan(
        document=document,
        operation=operation,
        **measured(document, text),
        root_key=root_key,
        resolve=cast(Callable[..., Awaitable[Any]], root.base_resolver.wrapped_func),  # (self, info) -> answer
        permissions=tuple(root.permission_classes),
        write=writers.value(query.fields[root_node.name.value].type, root_node.selection_set),
    )


class _Writers:
    def __init__(self, schema: strawberry.Schema, fields: _Fields) -> None:
        self.schema = schema
        self.fields = fields

    def value(self, graphql_type: GraphQLOutputType, selection_set: SelectionSetNode | None) -> Writer:
        """The writer of a value of `graphql_type` (null where the schema allows it, else `Unwritable`)."""
        if isinstance(graphql_type, GraphQLNonNull):
            inner = self.value(graphql_type.of_type, selection_set)

            def required(value: Any) -> Any:
                if value is None:
                    raise Unwritable("a null in a non-null field")
                return inner(value)

            return required
        if isinstance(graphql_type, GraphQLList):
            item = self.value(graphql_type.of_type, selection_set)
            return lambda value: None if value is None else [item(each) for each in value]
        if isinstance(graphql_type, GraphQLScalarType | GraphQLEnumType):
            if selection_set is not None:
                raise Unplannable("a selection below a leaf")
            serialize = graphql_type.serialize
            return lambda value: None if value is None else serialize(value)
        if isinstance(graphql_type, GraphQLObjectType):
            return self._object(graphql_type, selection_set)
        raise Unplannable("an abstract type")

    def _object(self, graphql_type: GraphQLObjectType, selection_set: SelectionSetNode | None) -> Writer:
        selected = self.fields.collect(selection_set, graphql_type.name)
        items = [(key, self._field(graphql_type, node)) for key, node in selected]

        def write(value: Any) -> Any:
            return None if value is None else {key: read(value) for key, read in items}

        return write

    def _field(self, graphql_type: GraphQLObjectType, node: FieldNode) -> Writer:
        """How an object's field is read and written: a plain attribute, its value written by its type."""
        name = node.name.value
        if name == "__typename":
            if node.selection_set is not None or node.arguments:
                raise Unplannable("a selection below __typename")
            type_name = graphql_type.name
            return lambda value: type_name
        definition = graphql_type.fields.get(name)
        found = self.schema.get_field_for_type(name, graphql_type.name)
        if definition is None or found is None or found.base_resolver is not None or definition.args or node.arguments:
            raise Unplannable(f"{graphql_type.name}.{name} is not a plain attribute")
        attribute, write = attrgetter(found.python_name), self.value(definition.type, node.selection_set)
        return lambda value: write(attribute(value))


async def answer_object(
    schema: strawberry.Schema,
    request: Request,
    context: Context,
    body: dict[str, Any],
    document: TrustedDocument,
    plan: ObjectPlan,
) -> Response | None:
    """An object root's answer: its resolver run in the operation's transaction, its answer written by the plan."""
    settings = context.settings
    if body.get("variables") or not admitted(plan.permissions, context):
        return None
    if plan.depth > settings.max_depth or plan.aliases > settings.max_aliases or plan.tokens > settings.max_tokens:
        return None
    cost = plan.costs.get(settings.max_page_size)
    if cost is None:
        cost = requested_cost(schema._schema, plan.document, plan.operation, {}, settings.max_page_size)
        plan.costs[settings.max_page_size] = cost
    if cost > settings.max_cost:
        return None
    budget = CostLimit()
    refused, bucket = await budget.admit(context, settings, cost)
    if refused is not None:
        return None
    tenant_id = context.tenant_id
    assert tenant_id is not None  # the road answers callers in a synagogue only
    try:
        async with deferred_publications(), tenant_scope(tenant_id):
            answer = await resolve_object(plan, context)
        data = {plan.root_key: plan.write(answer)}
    except Exception:  # the executor answers it (and reports what went wrong its own way)
        log.warning("compiled document fell back to the executor", exc_info=True)
        budget.refund(context, cost, bucket)
        return None
    return respond(request, context, body, document, data, (budget, bucket, cost, actual_cost(data)))


async def resolve_object(plan: ObjectPlan, context: Context) -> Any:
    """The root field's answer, from its own resolver (as the executor calls it: no parent, the request's info)."""
    return await plan.resolve(None, SimpleNamespace(context=context))
