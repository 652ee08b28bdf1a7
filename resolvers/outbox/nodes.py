"""The `node(id:)` roads of the outbox domain's Node types, each following the rule of the root fields that list
the type (Z5): a job for its staff (`job`: EDITOR and above, the kinds they follow) and for the admins who run the
outbox (`jobs`: ADMIN and above, every kind); a text-message recipient for admins (`messagingRecipients`)."""

from __future__ import annotations

from models.identity import Role
from resolvers.access import NodeRoad, road
from resolvers.outbox.access import access_any_job, access_job, access_recipient
from resolvers.outbox.queries import OutboxQuery
from schema.context import Info
from schema.outbox.types import Job, MessagingRecipient
from schema.synagogue.loaders import tenant_zone


async def _node_job(info: Info, pk: int) -> Job | None:
    admin = info.context.role is not None and info.context.role >= Role.ADMIN
    row = await (access_any_job(info, pk) if admin else access_job(info, pk))
    return Job.of(row, await tenant_zone(info)) if row else None


async def _node_recipient(info: Info, pk: int) -> MessagingRecipient | None:
    row = await access_recipient(info, pk)
    return MessagingRecipient.of(row) if row else None


NODES: dict[str, NodeRoad] = {
    "Job": road(_node_job, (OutboxQuery, "job"), (OutboxQuery, "jobs")),
    "MessagingRecipient": road(_node_recipient, (OutboxQuery, "messaging_recipients")),
}
