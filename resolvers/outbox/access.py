"""The one road from an id to a background job: only the request's synagogue's jobs, and only the kinds its
staff may follow (`FOLLOWED_KINDS`); any other job (an e-mail, a webhook delivery) looks like a missing id. A
job id is a `Job` global id; the id of a kind's own view (a `MemorialImport`) names the same job and is accepted.
Admins, who run the outbox, reach a job of any kind (`access_any_job`). Also the road to a text-message
recipient.
"""

from __future__ import annotations

from models.outbox import Job, MessagingRecipient
from resolvers.access import fetch
from schema.context import Info
from services.infra.ids import decode_id, from_global_id
from services.outbox.queue import tenant_jobs

FOLLOWED_KINDS: dict[str, str] = {"memorial_import": "MemorialImport"}
"""Job kinds a synagogue's staff may follow, and the type name of their own view."""


async def access_job(info: Info, pk: int | None, kind: str | None = None) -> Job | None:
    """A followed job of the request's synagogue; with `kind` (a key of `FOLLOWED_KINDS`), only a job of that
    kind, its denial logged under the kind's own type name."""
    if kind is None:
        return await fetch(info, "Job", pk, tenant_jobs(info.context.tenant_id, FOLLOWED_KINDS))
    return await fetch(info, FOLLOWED_KINDS[kind], pk, tenant_jobs(info.context.tenant_id, [kind]))


async def job_by_global_id(info: Info, global_id: str) -> Job | None:
    """The job a `Job` id or a followed kind's id names (None when malformed, missing or not followed)."""
    parsed = from_global_id(global_id)
    type_name, pk = parsed if parsed else ("", None)
    if type_name == "Job":
        return await access_job(info, pk)
    kind = next((k for k, name in FOLLOWED_KINDS.items() if name == type_name), None)
    return await access_job(info, pk if kind else None, kind)


async def access_any_job(info: Info, pk: int | None) -> Job | None:
    """A job of any kind of the request's synagogue (for the admins who run the outbox)."""
    return await fetch(info, "Job", pk, tenant_jobs(info.context.tenant_id))


async def access_any_job_by_global_id(info: Info, global_id: str) -> Job | None:
    return await access_any_job(info, decode_id(global_id, "Job"))


async def access_recipient(info: Info, pk: int | None) -> MessagingRecipient | None:
    return await fetch(info, "MessagingRecipient", pk, MessagingRecipient)
