"""Identity mutations: one module per mutation, merged into the domain's `Mutation`."""

from __future__ import annotations

from strawberry.tools import merge_types

from schema.identity.mutations.change_password import ChangePasswordMutation
from schema.identity.mutations.login import LoginMutation
from schema.identity.mutations.logout import LogoutMutation
from schema.identity.mutations.refresh_session import RefreshSessionMutation
from schema.identity.mutations.register import RegisterMutation
from schema.identity.mutations.revoke_session import RevokeSessionMutation
from schema.identity.mutations.update_preferences import UpdatePreferencesMutation

Mutation = merge_types(
    "IdentityMutation",
    (
        RegisterMutation,
        LoginMutation,
        RefreshSessionMutation,
        LogoutMutation,
        RevokeSessionMutation,
        ChangePasswordMutation,
        UpdatePreferencesMutation,
    ),
)
