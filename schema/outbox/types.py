"""Background jobs as a synagogue's staff follow them: `job(id:)` to poll, `jobProgress(id:)` to watch live,
`jobs` (admins) to list every kind; and the synagogue's text-message provider and recipients.

Only some kinds of job are shown to a synagogue (`resolvers.outbox.access.FOLLOWED_KINDS`); a kind may also have
a view of its own (a memorial import is a `MemorialImport` too), built from the same row with `job_problems`.
Times are in the synagogue's time zone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, TypeVar, cast
from zoneinfo import ZoneInfo

import strawberry
from strawberry.scalars import JSON

from models.outbox import Job as JobRow
from models.outbox import MessagingProvider as MessagingProviderRow
from models.outbox import MessagingRecipient as MessagingRecipientRow
from schema.context import Info
from schema.outbox.enums import JobStatus, MessagingChannel
from schema.relay import Connection, Node, connection_from_list
from services.infra.ids import to_global_id

P = TypeVar("P")
ProblemsFirst = Annotated[int, strawberry.argument(description="How many problems per page, 1 to 100.")]
ProblemsAfter = Annotated[
    str | None, strawberry.argument(description="The endCursor of the page before; null for the first page.")
]
"""The page arguments of a job's problems (and of a kind's own view of them)."""


def job_problems(kind: Callable[..., P], errors: list[Any]) -> list[P]:
    """The problems a job row recorded (`{"line", "field", "code", "message"}` each) as `kind` objects."""
    return [
        kind(line=e.get("line"), field=e.get("field"), code=e.get("code", "ERROR"), message=e["message"])
        for e in errors
    ]


@strawberry.type(description="A problem a job met; `line` is the CSV line for an import (the header is line 1).")
class JobError:
    line: int | None = strawberry.field(description="The line of the input it concerns (the header is line 1), if any.")
    field: str | None = strawberry.field(description="The input column or field it concerns, if any.")
    code: str = strawberry.field(description='A stable code, e.g. "INVALID_DATE" (a UserErrorCode name or "ERROR").')
    message: str = strawberry.field(description="What went wrong, in English.")


@strawberry.type(description="A page of a job's problems, in the order found.")
class JobErrorConnection(Connection[JobError]):
    pass


@strawberry.type(description="A background job of the synagogue; poll job(id:) or subscribe to jobProgress(id:).")
class Job(Node):
    id: strawberry.ID = strawberry.field(description="The job's global id (a MemorialImport's id names it too).")
    kind: str = strawberry.field(description='What the job does, e.g. "memorial_import".')
    status: JobStatus = strawberry.field(description="Where the job stands; DONE and FAILED are final.")
    progress: int = strawberry.field(description="Units done so far (rows, for an import).")
    total: int = strawberry.field(description="Units in all (0 while unknown).")
    result: JSON = strawberry.field(description='What the job produced, e.g. {"imported": 10, "failed": 2}.')
    created_at: dt.datetime = strawberry.field(description="When it was queued (the synagogue's time zone).")
    finished_at: dt.datetime | None = strawberry.field(
        description="When it became DONE or FAILED (the synagogue's time zone); null before."
    )
    attempts: int = strawberry.field(description="How many times a worker took it up so far.")
    max_attempts: int = strawberry.field(description="How many attempts it gets before it is FAILED.")
    run_after: dt.datetime = strawberry.field(
        description="When it is (or was) due: a retry waits its backoff (the synagogue's time zone)."
    )
    _errors: strawberry.Private[list[JobError]]

    @strawberry.field(
        description="Problems met, in the order found (an import reports every bad row).",
        graphql_type=JobErrorConnection,
    )
    def errors(self, info: Info, first: ProblemsFirst = 100, after: ProblemsAfter = None) -> Connection[JobError]:
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
            _errors=job_problems(JobError, row.errors),
            result=cast(JSON, row.result),
            created_at=row.created_at.astimezone(zone),
            finished_at=row.finished_at.astimezone(zone) if row.finished_at else None,
            attempts=row.attempts,
            max_attempts=row.max_attempts,
            run_after=row.run_after.astimezone(zone),
        )


@strawberry.type(description="A page of the synagogue's background jobs, newest first.")
class JobConnection(Connection[Job]):
    pass


@strawberry.type(description="A phone number that receives the synagogue's alerts by SMS or WhatsApp.")
class MessagingRecipient(Node):
    id: strawberry.ID = strawberry.field(description="The recipient's global id.")
    name: str = strawberry.field(description="Who it is, for the admins; may be empty.")
    phone: str = strawberry.field(description="The number in E.164, such as +12125550123.")
    channel: MessagingChannel = strawberry.field(description="SMS or WHATSAPP.")
    opted_out_at: dt.datetime | None = strawberry.field(
        description="When the number replied STOP (it gets nothing since); null: it receives messages."
    )
    created_at: dt.datetime = strawberry.field(description="When an admin added it.")

    @classmethod
    def of(cls, row: MessagingRecipientRow) -> MessagingRecipient:
        return cls(
            id=strawberry.ID(to_global_id("MessagingRecipient", row.id)),
            name=row.name,
            phone=row.phone,
            channel=MessagingChannel(row.channel.value),
            opted_out_at=row.opted_out_at,
            created_at=row.created_at,
        )


@strawberry.type(description="Where the synagogue's text messages go out; the API key is never shown.")
class MessagingProvider:
    url: str = strawberry.field(description="The provider's JSON endpoint messages are POSTed to.")
    sender: str = strawberry.field(description="The SMS sender (a number or a name), as the provider expects it.")
    whatsapp_sender: str = strawberry.field(description="The WhatsApp sender; empty: the SMS sender.")
    enabled: bool = strawberry.field(description="False: nothing is sent.")

    @classmethod
    def of(cls, row: MessagingProviderRow) -> MessagingProvider:
        return cls(url=row.url, sender=row.sender, whatsapp_sender=row.whatsapp_sender, enabled=row.enabled)
