"""Outbox queries: a background job by its id, to poll (EDITOR and above); every job of the synagogue with filters,
and the text-message provider and recipients (ADMIN and above)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.outbox import JobStatus as JobStatusRow
from models.outbox import MessagingProvider as ProviderRow
from models.outbox import MessagingRecipient as RecipientRow
from permissions import HasRole, Role
from resolvers.outbox.access import job_by_global_id
from schema.context import Info
from schema.outbox.enums import JobStatus
from schema.outbox.types import Job, JobConnection, MessagingProvider, MessagingRecipient
from schema.relay import Connection, paginate
from schema.synagogue.loaders import tenant_zone
from services.outbox.admin import jobs

First = Annotated[int, strawberry.argument(description="How many, 1 to 100.")]
After = Annotated[str | None, strawberry.argument(description="The endCursor of the page before; null for the first.")]


@strawberry.type
class OutboxQuery:
    @strawberry.field(
        permission_classes=[HasRole(Role.EDITOR)],
        description="A background job (a memorial import, ...) by its id, to poll; null when missing or not yours. "
        "EDITOR and above.",
    )
    async def job(
        self,
        info: Info,
        id: Annotated[
            strawberry.ID,
            strawberry.argument(description="A Job id, or the id of the job's own view (MemorialImport)."),
        ],
    ) -> Job | None:
        row = await job_by_global_id(info, id)
        return Job.of(row, await tenant_zone(info)) if row else None

    @strawberry.field(
        permission_classes=[HasRole(Role.ADMIN)],
        description="The synagogue's background jobs of every kind (e-mails, webhook deliveries, texts, imports), "
        "newest first, filtered by what is given. ADMIN and above.",
        graphql_type=JobConnection,
    )
    async def jobs(
        self,
        info: Info,
        first: First = 50,
        after: After = None,
        status: Annotated[JobStatus | None, strawberry.argument(description="Only jobs in this state.")] = None,
        kind: Annotated[
            str | None, strawberry.argument(description='Only jobs of this kind, e.g. "webhook.deliver".')
        ] = None,
    ) -> Connection[Job]:
        zone = await tenant_zone(info)
        rows = jobs(info.context.tenant_id, JobStatusRow[status.name] if status else None, kind)
        return await paginate(info, rows, first, after, lambda row: Job.of(row, zone))

    @strawberry.field(
        permission_classes=[HasRole(Role.ADMIN)],
        description="The synagogue's text-message provider; null until configured. ADMIN and above.",
    )
    async def messaging_provider(self, info: Info) -> MessagingProvider | None:
        row = await ProviderRow.first()
        return MessagingProvider.of(row) if row else None

    @strawberry.field(
        permission_classes=[HasRole(Role.ADMIN)],
        description="The phone numbers that receive the synagogue's alerts, oldest first. ADMIN and above.",
    )
    async def messaging_recipients(
        self, info: Info, first: First = 50, after: After = None
    ) -> Connection[MessagingRecipient]:
        return await paginate(info, RecipientRow.all().order_by("id"), first, after, MessagingRecipient.of)
