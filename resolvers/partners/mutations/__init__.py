"""Partner mutations: one module per mutation, merged into the domain's `PartnersMutation`."""

from __future__ import annotations

from strawberry.tools import merge_types

from resolvers.partners.mutations.create_api_key import CreateApiKeyMutation
from resolvers.partners.mutations.revoke_api_key import RevokeApiKeyMutation

PartnersMutation = merge_types("PartnersMutation", (CreateApiKeyMutation, RevokeApiKeyMutation))
