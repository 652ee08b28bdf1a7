"""The `node(id:)` road of the outbox domain's Node type (a job)."""

from __future__ import annotations

from resolvers.access import NodeRoad, road
from resolvers.outbox.access import access_job
from resolvers.outbox.queries import OutboxQuery
from schema.context import Info
from schema.outbox.types import Job
from schema.synagogue.loaders import tenant_zone


async def _node_job(info: Info, pk: int) -> Job | None:
    row = await access_job(info, pk)
    return Job.of(row, await tenant_zone(info)) if row else None


NODES: dict[str, NodeRoad] = {
    "Job": road(_node_job, (OutboxQuery, "job")),
}
