"""Synagogue mutations: one module per mutation, merged into the domain's `Mutation`."""

from __future__ import annotations

from strawberry.tools import merge_types

from schema.synagogue.mutations.add_member import AddMemberMutation
from schema.synagogue.mutations.create_synagogue import CreateSynagogueMutation
from schema.synagogue.mutations.remove_member import RemoveMemberMutation
from schema.synagogue.mutations.set_member_role import SetMemberRoleMutation
from schema.synagogue.mutations.update_synagogue import UpdateSynagogueMutation

Mutation = merge_types(
    "SynagogueMutation",
    (
        CreateSynagogueMutation,
        UpdateSynagogueMutation,
        AddMemberMutation,
        SetMemberRoleMutation,
        RemoveMemberMutation,
    ),
)
