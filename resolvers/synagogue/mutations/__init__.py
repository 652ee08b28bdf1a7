"""The synagogue's mutations: one module per mutation, merged into the domain's root class in the SDL's order."""

from __future__ import annotations

from strawberry.tools import merge_types

from resolvers.synagogue.mutations.add_member import AddMemberMutation
from resolvers.synagogue.mutations.create_synagogue import CreateSynagogueMutation
from resolvers.synagogue.mutations.remove_member import RemoveMemberMutation
from resolvers.synagogue.mutations.revoke_invitation import RevokeInvitationMutation
from resolvers.synagogue.mutations.set_member_role import SetMemberRoleMutation
from resolvers.synagogue.mutations.update_synagogue import UpdateSynagogueMutation

SynagogueMutation = merge_types(
    "SynagogueMutation",
    (
        CreateSynagogueMutation,
        UpdateSynagogueMutation,
        AddMemberMutation,
        SetMemberRoleMutation,
        RemoveMemberMutation,
        RevokeInvitationMutation,
    ),
)
