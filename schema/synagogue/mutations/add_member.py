"""addMember: ADMIN and above give an existing user a role in their synagogue."""

from __future__ import annotations

import strawberry

from models.identity import Role as RoleModel
from permissions import HasRole
from schema.context import Info
from schema.errors import UserError, user_errors
from schema.identity.types import Membership
from schema.synagogue.inputs import AddMemberInput
from services.synagogue.synagogues import add_member


@strawberry.type
class AddMemberPayload:
    membership: Membership | None
    user_errors: list[UserError]


@strawberry.type
class AddMemberMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(RoleModel.ADMIN)],
        description="Add an existing user by e-mail; only an OWNER may add an OWNER.",
    )
    async def add_member(self, info: Info, input: AddMemberInput) -> AddMemberPayload | None:
        row, problems = await add_member(info.context, input.email, input.role.model())
        return AddMemberPayload(membership=await Membership.fetched(row), user_errors=user_errors(problems))
