"""Content mutations, merged into one `Mutation` type."""

from __future__ import annotations

from strawberry.tools import merge_types

from schema.content.mutations import memorials, messages, prayer_times, programme

Mutation = merge_types(
    "ContentMutation",
    (messages.Mutation, memorials.Mutation, prayer_times.Mutation, programme.Mutation),
)
