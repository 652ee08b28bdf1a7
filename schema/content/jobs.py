"""Background jobs as clients follow them: `job(id:)` to poll, `jobProgress(id:)` to watch live.

Only the kinds in `FOLLOWED_KINDS` are shown; any other job (e-mail, webhooks) looks like a missing
id. A job id is a `Job` global id; the id of a `MemorialImport` names the same job and is accepted.
"""

from __future__ import annotations

import datetime as dt
from typing import cast
from zoneinfo import ZoneInfo

import strawberry
from strawberry.scalars import JSON

from models.outbox import Job as JobRow
from schema.content.enums import JobStatus
from schema.content.types import local
from schema.context import Info
from schema.relay import Connection, Node, connection_from_list
from services.infra.ids import from_global_id, to_global_id

FOLLOWED_KINDS: dict[str, str] = {"memorial_import": "MemorialImport"}
"""Job kinds a synagogue's staff may follow, and the type name of their own view (if any)."""


def job_pk(global_id: str) -> tuple[int, str | None] | None:
    """(primary key, the kind the id requires, if any) of a `Job` or kind-specific job id."""
    parsed = from_global_id(global_id)
    if parsed is None:
        return None
    type_name, pk = parsed
    if type_name == "Job":
        return pk, None
    kind = next((k for k, name in FOLLOWED_KINDS.items() if name == type_name), None)
    return (pk, kind) if kind else None


@strawberry.type(description="A problem a job met; `line` is the CSV line for an import (the header is line 1).")
class JobError:
    line: int | None
    field: str | None
    code: str
    message: str


@strawberry.type(description="A background job of the synagogue; poll job(id:) or subscribe to jobProgress(id:).")
class Job(Node):
    id: strawberry.ID
    kind: str = strawberry.field(description='What the job does, e.g. "memorial_import".')
    status: JobStatus
    progress: int = strawberry.field(description="Units done so far (rows, for an import).")
    total: int = strawberry.field(description="Units in all (0 while unknown).")
    result: JSON = strawberry.field(description='What the job produced, e.g. {"imported": 10, "failed": 2}.')
    created_at: dt.datetime
    finished_at: dt.datetime | None
    _errors: strawberry.Private[list[JobError]]

    @strawberry.field(description="Problems met, in the order found (an import reports every bad row).")
    def errors(self, info: Info, first: int = 100, after: str | None = None) -> Connection[JobError]:
        return connection_from_list(info, self._errors, first, after)

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @classmethod
    def of(cls, row: JobRow, zone: ZoneInfo) -> Job:
        return cls(
            id=strawberry.ID(to_global_id("Job", row.id)),
            kind=row.kind,
            status=JobStatus(row.status.value),
            progress=row.progress,
            total=row.total,
            _errors=[
                JobError(line=e.get("line"), field=e.get("field"), code=e.get("code", "ERROR"), message=e["message"])
                for e in row.errors
            ],
            result=cast(JSON, row.result),
            created_at=local(row.created_at, zone) or row.created_at,
            finished_at=local(row.finished_at, zone),
        )
