"""Fail when a part of the served schema has no description: the schema is the API's documentation, read in
GraphiQL by power users and by partners before they write a document.

Checks what graphql-schema-linter's description rules check: every type (object, interface, union, enum, input
object, custom scalar), every field of an object or interface, every argument, every input field and every enum
value, leaving out GraphQL's own introspection types and built-in scalars.

Usage: python scripts/lint_descriptions.py    (prints one line per missing description; exit 1 on any)
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    is_specified_scalar_type,
)

ROOT = Path(__file__).resolve().parent.parent


def _blank(description: str | None) -> bool:
    return not (description and description.strip())


def missing_descriptions(schema: GraphQLSchema) -> Iterator[str]:
    """`Type`, `Type.field`, `Type.field(argument)`, `Input.field` or `Enum.VALUE` for each part without one."""
    for name, named in sorted(schema.type_map.items()):
        if name.startswith("__") or is_specified_scalar_type(named):  # type: ignore[arg-type]
            continue
        if _blank(named.description):
            yield name
        if isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
            for field_name, field in named.fields.items():
                if _blank(field.description):
                    yield f"{name}.{field_name}"
                for arg_name, arg in field.args.items():
                    if _blank(arg.description):
                        yield f"{name}.{field_name}({arg_name})"
        elif isinstance(named, GraphQLInputObjectType):
            for field_name, input_field in named.fields.items():
                if _blank(input_field.description):
                    yield f"{name}.{field_name}"
        elif isinstance(named, GraphQLEnumType):
            for value_name, value in named.values.items():
                if _blank(value.description):
                    yield f"{name}.{value_name}"
        elif isinstance(named, GraphQLUnionType):
            pass  # a union's members are types, checked on their own


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from schema.assembly import build_schema

    missing = list(missing_descriptions(build_schema()._schema))
    for part in missing:
        print(f"schema.graphql: {part}: no description")
    if missing:
        print(f"{len(missing)} parts of the schema have no description", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
