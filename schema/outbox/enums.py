"""Enums of the outbox domain (values UPPER_SNAKE_CASE, as the client documents use them)."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="Where a background job stands; DONE and FAILED are final.")
class JobStatus(Enum):
    PENDING = strawberry.enum_value("PENDING", description="Queued, waiting for a worker (or for a retry).")
    RUNNING = strawberry.enum_value("RUNNING", description="A worker is on it; progress moves as it reports.")
    DONE = strawberry.enum_value("DONE", description="Finished; `result` says what it produced.")
    FAILED = strawberry.enum_value("FAILED", description="Given up; `errors` says why.")


@strawberry.enum(description="How a text message reaches a phone.")
class MessagingChannel(Enum):
    SMS = strawberry.enum_value("SMS", description="A plain text message.")
    WHATSAPP = strawberry.enum_value("WHATSAPP", description="A WhatsApp message, through the same provider.")
