"""The `node(id:)` roads of the outbox domain's Node types: a job (its followed kinds for its staff, every kind for
the admins who list them with `jobs`) and a text-message recipient (admins, as `messagingSettings`)."""

from __future__ import annotations

from models.identity import Role
from resolvers.access import gated, road
from resolvers.outbox.access import access_any_job, access_job, access_recipient
from resolvers.outbox.queries import OutboxQuery
from schema.context import Info
from schema.outbox.types import Job, MessagingRecipient
from schema.relay import NodeResolver
from schema.synagogue.loaders import tenant_zone


async def _node_job(info: Info, pk: int) -> Job | None:
    admin = info.context.role is not None and info.context.role >= Role.ADMIN
    row = await (access_any_job(info, pk) if admin else access_job(info, pk))
    return Job.of(row, await tenant_zone(info)) if row else None


async def _node_recipient(info: Info, pk: int) -> MessagingRecipient | None:
    row = await access_recipient(info, pk)
    return MessagingRecipient.of(row) if row else None


NODES: dict[str, NodeResolver] = {
    "Job": _node_job,
    "MessagingRecipient": gated(road(_node_recipient, (OutboxQuery, "messaging_recipients"))),
}
