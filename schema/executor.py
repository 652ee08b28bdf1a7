"""The product's executor: graphql-core's, with plain leaf fields read straight from their object.

Most fields the product returns in bulk are plain: a Strawberry field with no resolver, no permission classes
and no arguments, holding a scalar or an enum (a member's `role`, a user's `email`). graphql-core resolves each
one like any field: a path, a resolve-info object, Strawberry's default resolver, an awaitable check, then
completion. `PlainFieldExecutor` reads such a field with `getattr` and serialises it with the field type's own
`serialize`, the same two steps without the rest. Whenever the short road would differ from the long one (a
null for a non-null field, a value the scalar refuses, field middleware in play) the field goes down the long
road, which reports the error exactly as graphql-core does.

The decision is made once per schema field (`_plan`) and kept for the life of the process.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, cast

from graphql import (
    GraphQLField,
    GraphQLNonNull,
    GraphQLObjectType,
    Undefined,
    get_nullable_type,
    is_leaf_type,
)
from graphql.execution.collect_fields import GroupedFieldSet
from graphql.pyutils import AwaitableOrValue, Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from subscriptions.fanout import SharedEventExecutor

Plan = tuple[str, Callable[[Any], Any], bool]
"""(attribute name, the leaf type's serialize, whether null is refused)."""

_PLANS: dict[int, tuple[GraphQLField, Plan | None]] = {}


def _plan(field: GraphQLField) -> Plan | None:
    """How to read `field` on the short road, or None when it must take graphql-core's."""
    known = _PLANS.get(id(field))
    if known is not None and known[0] is field:
        return known[1]
    plan: Plan | None = None
    definition = field.extensions.get("strawberry-definition")
    resolve = field.resolve
    non_null = isinstance(field.type, GraphQLNonNull)
    leaf = get_nullable_type(field.type)
    if (
        definition is not None
        and definition.is_basic_field  # no resolver, no permission classes or other field extensions
        and getattr(resolve, "__name__", "") == "_get_basic_result"  # Strawberry's own bare read, nothing around it
        and getattr(definition, "default_resolver", None) is getattr
        and not field.args
        and is_leaf_type(leaf)
    ):
        plan = (definition.python_name, leaf.serialize, non_null)
    _PLANS[id(field)] = (field, plan)
    return plan


class PlainFieldExecutor(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's executor; plain leaf fields skip graphql-core's per-field machinery."""

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> AwaitableOrValue[dict[str, Any]]:
        manager = self.middleware_manager
        if manager is not None and manager.middlewares:  # a field middleware must see every field
            return super().execute_fields(parent_type, source_value, path, grouped_field_set, position_context)
        fields = parent_type.fields
        plain: dict[str, Any] = {}
        rest: GroupedFieldSet = {}
        for response_name, field_details_list in grouped_field_set.items():
            field = fields.get(field_details_list[0].node.name.value)
            plan = _plan(field) if field is not None else None
            if plan is not None:
                name, serialize, non_null = plan
                try:
                    value = getattr(source_value, name)
                    if value is None and not non_null:
                        plain[response_name] = None
                        continue
                    if value is not None:
                        serialized = serialize(value)
                        if serialized is not None and serialized is not Undefined:
                            plain[response_name] = serialized
                            continue
                except Exception:  # noqa: S110 - the long road below reports it
                    pass
            rest[response_name] = field_details_list
        if not rest:
            return plain
        if not plain:
            return super().execute_fields(parent_type, source_value, path, grouped_field_set, position_context)
        return self._merge(
            grouped_field_set,
            plain,
            super().execute_fields(parent_type, source_value, path, rest, position_context),
        )

    def _merge(
        self,
        grouped_field_set: GroupedFieldSet,
        plain: dict[str, Any],
        rest: AwaitableOrValue[dict[str, Any]],
    ) -> AwaitableOrValue[dict[str, Any]]:
        """Both roads' results, in the selection's order (the response keeps the document's field order)."""

        def ordered(done: dict[str, Any]) -> dict[str, Any]:
            return {
                key: plain[key] if key in plain else done[key]
                for key in grouped_field_set
                if key in plain or key in done
            }

        if self.is_awaitable(rest):

            async def later() -> dict[str, Any]:
                return ordered(await cast(Awaitable[dict[str, Any]], rest))

            return later()
        return ordered(cast(dict[str, Any], rest))


class ProductExecutor(SharedEventExecutor, PlainFieldExecutor):
    """Shared subscription events (subscriptions.fanout) and plain leaf fields, together."""
