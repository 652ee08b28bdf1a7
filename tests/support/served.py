"""The served schema as the Z5 tests walk it: its Node types, the fields that give each one (through lists and
Relay connections), and the permission classes declared on a field."""

from __future__ import annotations

from functools import cache

from graphql import (
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLType,
)
from strawberry.permission import BasePermission

from schema.assembly import build_schema

ROOT_TYPES = ("Query", "Mutation", "Subscription")
Rule = list[type[BasePermission]]


@cache
def served() -> GraphQLSchema:
    return build_schema()._schema


def object_type(name: str) -> GraphQLObjectType:
    found = served().type_map[name]
    assert isinstance(found, GraphQLObjectType), name
    return found


def node_types() -> set[str]:
    """The types implementing `Node`."""
    node = served().type_map["Node"]
    assert isinstance(node, GraphQLInterfaceType), node
    return {t.name for t in served().get_possible_types(node)}


def unwrapped(given: GraphQLType) -> GraphQLType:
    while isinstance(given, GraphQLNonNull | GraphQLList):
        given = given.of_type
    return given


def is_connection(given: GraphQLType) -> bool:
    found = unwrapped(given)
    return isinstance(found, GraphQLObjectType) and found.name.endswith("Connection") and "edges" in found.fields


def element(given: GraphQLType) -> str:
    """The name of the type a field gives, through non-null, list and Relay connection wrappers."""
    found = unwrapped(given)
    if isinstance(found, GraphQLObjectType) and is_connection(found):
        return element(object_type(element(found.fields["edges"].type)).fields["node"].type)
    return str(getattr(found, "name", ""))


def fields_giving(type_name: str) -> list[tuple[str, str]]:
    """(type, field) of every field of an object type (connections and edges aside) that gives `type_name`."""
    return [
        (owner.name, name)
        for owner in served().type_map.values()
        if isinstance(owner, GraphQLObjectType) and not owner.name.startswith("__")
        if not owner.name.endswith(("Connection", "Edge"))
        for name, given in owner.fields.items()
        if element(given.type) == type_name
    ]


def node_fields() -> set[str]:
    """`Type.field` of every field outside the root types that gives a Node type (or a list or connection)."""
    givers = (giver for node in node_types() for giver in fields_giving(node))
    return {f"{owner}.{name}" for owner, name in givers if owner not in ROOT_TYPES}


def rule(owner: str, name: str) -> Rule:
    """The permission classes declared on a field of the served schema."""
    given = object_type(owner).fields[name]
    return list(given.extensions["strawberry-definition"].permission_classes)


def through_node(owner: str, name: str) -> str:
    """A document reading the ids of what field `name` of Node type `owner` gives, through `node(id: $id)`."""
    ids = "(first: 20) { edges { node { id } } }" if is_connection(object_type(owner).fields[name].type) else " { id }"
    return f"query($id: ID!) {{ node(id: $id) {{ ... on {owner} {{ {name}{ids} }} }} }}"
