"""The outbox's mutations: one module per mutation, merged into the domain's `OutboxMutation`."""

from __future__ import annotations

from strawberry.tools import merge_types

from resolvers.outbox.mutations.add_messaging_recipient import AddMessagingRecipientMutation
from resolvers.outbox.mutations.configure_messaging import ConfigureMessagingMutation
from resolvers.outbox.mutations.discard_job import DiscardJobMutation
from resolvers.outbox.mutations.remove_messaging_recipient import RemoveMessagingRecipientMutation
from resolvers.outbox.mutations.retry_job import RetryJobMutation

OutboxMutation = merge_types(
    "OutboxMutation",
    (
        RetryJobMutation,
        DiscardJobMutation,
        ConfigureMessagingMutation,
        AddMessagingRecipientMutation,
        RemoveMessagingRecipientMutation,
    ),
)
