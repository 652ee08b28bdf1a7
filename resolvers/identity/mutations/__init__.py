"""Identity's mutations: one module per mutation, merged into the domain's root class in the SDL's order."""

from __future__ import annotations

from strawberry.tools import merge_types

from resolvers.identity.mutations.accept_invitation import AcceptInvitationMutation
from resolvers.identity.mutations.change_password import ChangePasswordMutation
from resolvers.identity.mutations.decline_invitation import DeclineInvitationMutation
from resolvers.identity.mutations.login import LoginMutation
from resolvers.identity.mutations.logout import LogoutMutation
from resolvers.identity.mutations.refresh_session import RefreshSessionMutation
from resolvers.identity.mutations.register import RegisterMutation
from resolvers.identity.mutations.revoke_session import RevokeSessionMutation
from resolvers.identity.mutations.update_preferences import UpdatePreferencesMutation

IdentityMutation = merge_types(
    "IdentityMutation",
    (
        RegisterMutation,
        LoginMutation,
        RefreshSessionMutation,
        LogoutMutation,
        RevokeSessionMutation,
        ChangePasswordMutation,
        UpdatePreferencesMutation,
        AcceptInvitationMutation,
        DeclineInvitationMutation,
    ),
)
