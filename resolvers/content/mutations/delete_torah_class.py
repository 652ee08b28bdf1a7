"""deleteTorahClass (EDITOR and above): a missing id and another synagogue's are NOT_FOUND alike."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import HasRole, Role
from resolvers.content.access import access_torah_class
from resolvers.content.changes import HELD_DELETION, URGENT_ARGUMENT, delete
from schema.content.payloads import DeletePayload
from schema.context import Info
from services.infra.ids import decode_id


@strawberry.type
class DeleteTorahClassMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Delete a Torah class (EDITOR and above). " + HELD_DELETION,
    )
    async def delete_torah_class(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The class's global id.")],
        urgent: Annotated[bool, URGENT_ARGUMENT] = False,
    ) -> DeletePayload:
        return await delete(info, id, await access_torah_class(info, decode_id(id, "TorahClass")), urgent)
