"""Partner mutations: one module per mutation, merged into the domain's `Mutation`."""

from __future__ import annotations

from strawberry.tools import merge_types

from schema.partners.mutations.create_api_key import CreateApiKeyMutation
from schema.partners.mutations.revoke_api_key import RevokeApiKeyMutation

Mutation = merge_types("PartnersMutation", (CreateApiKeyMutation, RevokeApiKeyMutation))
