"""The memorial CSV import as clients poll it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import strawberry

from models.outbox import Job
from schema.content.enums import JobStatus
from schema.content.types import local
from schema.context import Info
from schema.relay import Connection, Node, connection_from_list
from services.infra.ids import to_global_id


@strawberry.type(description="A bad CSV row: its line number (the header is line 1) and the reason.")
class ImportRowError:
    line: int | None
    field: str | None
    code: str
    message: str


@strawberry.type(description="A memorial CSV import running in the background; poll until DONE or FAILED.")
class MemorialImport(Node):
    id: strawberry.ID
    status: JobStatus
    all_or_nothing: bool
    progress: int = strawberry.field(description="Rows checked so far.")
    total: int = strawberry.field(description="Rows in the CSV.")
    imported: int = strawberry.field(description="Memorials written (0 until DONE).")
    failed: int = strawberry.field(description="Rows with at least one error.")
    created_at: dt.datetime
    finished_at: dt.datetime | None
    _errors: strawberry.Private[list[ImportRowError]]

    @strawberry.field(description="Every bad row, in file order; each row's problems in turn.")
    def errors(self, info: Info, first: int = 100, after: str | None = None) -> Connection[ImportRowError]:
        return connection_from_list(info, self._errors, first, after)

    @classmethod
    def of(cls, job: Job, zone: ZoneInfo) -> MemorialImport:
        errors = [
            ImportRowError(line=e.get("line"), field=e.get("field"), code=e.get("code", "ERROR"), message=e["message"])
            for e in job.errors
        ]
        return cls(
            id=strawberry.ID(to_global_id("MemorialImport", job.id)),
            status=JobStatus(job.status.value),
            all_or_nothing=bool(job.payload.get("all_or_nothing")),
            progress=job.progress,
            total=job.total,
            imported=int(job.result.get("imported", 0)),
            failed=int(job.result.get("failed", 0)),
            _errors=errors,
            created_at=local(job.created_at, zone) or job.created_at,
            finished_at=local(job.finished_at, zone),
        )
