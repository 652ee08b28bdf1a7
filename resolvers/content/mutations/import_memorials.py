"""importMemorials (EDITOR and above): a CSV parsed and validated in the background."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import HasRole, Role
from schema.content.inputs import ImportMemorialsInput
from schema.content.payloads import ImportMemorialsPayload
from schema.content.types import MemorialImport
from schema.context import Info
from schema.errors import user_errors
from schema.synagogue.loaders import tenant_today, tenant_zone
from services.content import memorial_import


@strawberry.type
class ImportMemorialsMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Queue a memorial CSV import; every bad row is reported with its line number. "
        "With allOrNothing, one bad row means no memorial is written. EDITOR and above.",
    )
    async def import_memorials(
        self, info: Info, input: Annotated[ImportMemorialsInput, strawberry.argument(description="The CSV to import.")]
    ) -> ImportMemorialsPayload:
        job, problems = await memorial_import.start_import(input.csv, input.all_or_nothing, await tenant_today(info))
        if job is None:
            return ImportMemorialsPayload(job_id=None, memorial_import=None, user_errors=user_errors(problems))
        view = MemorialImport.of(job, await tenant_zone(info))
        return ImportMemorialsPayload(job_id=view.id, memorial_import=view, user_errors=[])
