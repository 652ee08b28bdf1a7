"""createMemorial, updateMemorial, deleteMemorial, importMemorials (EDITOR and above)."""

from __future__ import annotations

import strawberry

from permissions import HasRole, Role
from resolvers.content import access
from schema.content.imports import MemorialImport
from schema.content.inputs import CreateMemorialInput, ImportMemorialsInput, UpdateMemorialInput, values_of
from schema.content.mutations.common import DeletePayload, changed, errors_of, not_found
from schema.content.types import Memorial
from schema.context import Info
from schema.errors import UserError
from services import memorial_import
from services.content import memorials


@strawberry.type
class MemorialPayload:
    memorial: Memorial | None
    user_errors: list[UserError]


@strawberry.type
class ImportMemorialsPayload:
    job_id: strawberry.ID | None = strawberry.field(
        description="Poll memorialImport(id:) or job(id:) with it, or follow jobProgress(id:)."
    )
    memorial_import: MemorialImport | None
    user_errors: list[UserError]


@strawberry.type
class Mutation:
    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def create_memorial(self, info: Info, input: CreateMemorialInput) -> MemorialPayload:
        today = await access.today(info)
        row, problems = await memorials.create_memorial(values_of(input), today)
        if row is None:
            return MemorialPayload(memorial=None, user_errors=errors_of(problems))
        await changed(info)
        return MemorialPayload(memorial=Memorial.of(row, today), user_errors=[])

    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def update_memorial(self, info: Info, input: UpdateMemorialInput) -> MemorialPayload:
        row = await access.by_global_id(info, input.id, "Memorial")
        if row is None:
            return MemorialPayload(memorial=None, user_errors=not_found())
        today = await access.today(info)
        problems = await memorials.update_memorial(row, values_of(input), today)
        if problems:
            return MemorialPayload(memorial=None, user_errors=errors_of(problems))
        await changed(info)
        return MemorialPayload(memorial=Memorial.of(row, today), user_errors=[])

    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def delete_memorial(self, info: Info, id: strawberry.ID) -> DeletePayload:
        row = await access.by_global_id(info, id, "Memorial")
        if row is None:
            return DeletePayload(deleted_id=None, user_errors=not_found())
        await row.delete()
        await changed(info)
        return DeletePayload(deleted_id=id, user_errors=[])

    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Queue a memorial CSV import; every bad row is reported with its line number. "
        "With allOrNothing, one bad row means no memorial is written.",
    )
    async def import_memorials(self, info: Info, input: ImportMemorialsInput) -> ImportMemorialsPayload:
        job, problems = await memorial_import.start_import(input.csv, input.all_or_nothing, await access.today(info))
        if job is None:
            return ImportMemorialsPayload(job_id=None, memorial_import=None, user_errors=errors_of(problems))
        view = MemorialImport.of(job, await access.zone(info))
        return ImportMemorialsPayload(job_id=view.id, memorial_import=view, user_errors=[])
