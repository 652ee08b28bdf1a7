"""What an admin sends to run the outbox: a FAILED job to retry or discard, the text-message provider, and its
recipients."""

from __future__ import annotations

import strawberry

from schema.outbox.enums import MessagingChannel


@strawberry.input(description="A FAILED job of the synagogue.")
class JobInput:
    id: strawberry.ID = strawberry.field(description="The job's global id.")


@strawberry.input(description="The synagogue's text-message provider (a JSON API with a bearer key).")
class ConfigureMessagingInput:
    url: str = strawberry.field(description="The provider's https endpoint messages are POSTed to.")
    api_key: str | None = strawberry.field(
        default=None, description="The provider's API key (required the first time; left out: the stored one)."
    )
    sender: str = strawberry.field(default="", description="The SMS sender (a number or a name; at most 40).")
    whatsapp_sender: str = strawberry.field(default="", description="The WhatsApp sender; empty: the SMS sender.")
    enabled: bool = strawberry.field(default=True, description="False: nothing is sent.")


@strawberry.input(description="A phone number that receives the synagogue's alerts.")
class AddMessagingRecipientInput:
    phone: str = strawberry.field(description="The number, with + and its country code, or local with region.")
    channel: MessagingChannel = strawberry.field(default=MessagingChannel.SMS, description="SMS or WHATSAPP.")
    name: str = strawberry.field(default="", description="Who it is, for the admins (at most 120 characters).")
    region: str | None = strawberry.field(
        default=None, description="Where a number written without + is dialled (ISO 3166 alpha-2, such as US)."
    )


@strawberry.input(description="The recipient to remove.")
class RemoveMessagingRecipientInput:
    id: strawberry.ID = strawberry.field(description="The recipient's global id.")
