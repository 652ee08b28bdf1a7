"""addMember: ADMIN and above give an existing user a role in their synagogue."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.identity import Role
from permissions import HasRole
from schema.context import Info
from schema.errors import user_errors
from schema.identity.inputs import AddMemberInput
from schema.identity.payloads import AddMemberPayload
from schema.identity.types import Membership
from services.synagogue.members import add_member


@strawberry.type
class AddMemberMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Add an existing user by e-mail; ADMIN and above, and only an OWNER may add an OWNER.",
    )
    async def add_member(
        self, info: Info, input: Annotated[AddMemberInput, strawberry.argument(description="Who, and with which role.")]
    ) -> AddMemberPayload | None:
        row, problems = await add_member(info.context, input.email, input.role.model())
        return AddMemberPayload(membership=await Membership.loaded(info, row), user_errors=user_errors(problems))
