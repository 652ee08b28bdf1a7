"""The memorial CSV import as clients poll it: a view of its job (`schema.outbox.types.Job`) in an import's words."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import strawberry

from models.outbox import Job
from schema.content.types.common import local
from schema.context import Info
from schema.outbox.enums import JobStatus
from schema.outbox.types import ProblemsAfter, ProblemsFirst, job_problems
from schema.relay import Connection, Node, connection_from_list
from services.infra.ids import to_global_id


@strawberry.type(description="A bad CSV row: its line number (the header is line 1) and the reason.")
class ImportRowError:
    line: int | None = strawberry.field(description="The CSV line (the header is line 1); null for the whole file.")
    field: str | None = strawberry.field(
        description="The input field at fault, as the memorial form names it; null for the whole row."
    )
    code: str = strawberry.field(description='A stable code, e.g. "INVALID_DATE" (a UserErrorCode name).')
    message: str = strawberry.field(description="What is wrong, in English.")


@strawberry.type(description="A page of an import's bad rows, in file order.")
class ImportRowErrorConnection(Connection[ImportRowError]):
    pass


@strawberry.type(description="A memorial CSV import running in the background; poll until DONE or FAILED.")
class MemorialImport(Node):
    id: strawberry.ID = strawberry.field(description="The import's global id (job(id:) takes it too).")
    status: JobStatus = strawberry.field(description="Where the import stands; DONE and FAILED are final.")
    all_or_nothing: bool = strawberry.field(description="One bad row means no memorial is written.")
    progress: int = strawberry.field(description="Rows checked so far.")
    total: int = strawberry.field(description="Rows in the CSV.")
    imported: int = strawberry.field(description="Memorials written (0 until DONE).")
    failed: int = strawberry.field(description="Rows with at least one error.")
    created_at: dt.datetime = strawberry.field(description="When it was queued (the synagogue's time zone).")
    finished_at: dt.datetime | None = strawberry.field(
        description="When it became DONE or FAILED (the synagogue's time zone); null before."
    )
    _errors: strawberry.Private[list[ImportRowError]]

    @strawberry.field(
        description="Every bad row, in file order; each row's problems in turn.", graphql_type=ImportRowErrorConnection
    )
    def errors(self, info: Info, first: ProblemsFirst = 100, after: ProblemsAfter = None) -> Connection[ImportRowError]:
        return connection_from_list(info, self._errors, first, after)

    @classmethod
    def of(cls, job: Job, zone: ZoneInfo) -> MemorialImport:
        return cls(
            id=strawberry.ID(to_global_id("MemorialImport", job.id)),
            status=JobStatus(job.status.value),
            all_or_nothing=bool(job.payload.get("all_or_nothing")),
            progress=job.progress,
            total=job.total,
            imported=int(job.result.get("imported", 0)),
            failed=int(job.result.get("failed", 0)),
            _errors=job_problems(ImportRowError, job.errors),
            created_at=local(job.created_at, zone) or job.created_at,
            finished_at=local(job.finished_at, zone),
        )
