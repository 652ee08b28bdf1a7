"""Payloads of the outbox's mutations: the object plus `userErrors` (expected failures, which change nothing)."""

from __future__ import annotations

import strawberry

from schema.errors import UserError
from schema.outbox.types import Job, MessagingProvider, MessagingRecipient

USER_ERRORS = "Why nothing was changed; empty on success."


@strawberry.type(description="The answer of retryJob.")
class RetryJobPayload:
    job: Job | None = strawberry.field(description="The job, PENDING and due again; null when userErrors is not empty.")
    user_errors: list[UserError] = strawberry.field(description=USER_ERRORS)


@strawberry.type(description="The answer of discardJob.")
class DiscardJobPayload:
    discarded_id: strawberry.ID | None = strawberry.field(description="The discarded job's global id; null if none.")
    user_errors: list[UserError] = strawberry.field(description=USER_ERRORS)


@strawberry.type(description="The answer of configureMessaging.")
class ConfigureMessagingPayload:
    provider: MessagingProvider | None = strawberry.field(description="The provider as stored.")
    inbound_path: str | None = strawberry.field(
        description="The path (on this API's host) the provider must POST replies to, for STOP to work; it holds "
        "a new secret token, shown once."
    )
    user_errors: list[UserError] = strawberry.field(description=USER_ERRORS)


@strawberry.type(description="The answer of addMessagingRecipient.")
class MessagingRecipientPayload:
    recipient: MessagingRecipient | None = strawberry.field(description="The recipient, its number in E.164.")
    user_errors: list[UserError] = strawberry.field(description=USER_ERRORS)


@strawberry.type(description="The answer of removeMessagingRecipient.")
class RemoveMessagingRecipientPayload:
    removed_id: strawberry.ID | None = strawberry.field(description="The removed recipient's global id; null if none.")
    user_errors: list[UserError] = strawberry.field(description=USER_ERRORS)
