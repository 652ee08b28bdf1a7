"""setMemberRole: ADMIN and above change a member's role; OWNER changes are for OWNERs."""

from __future__ import annotations

import strawberry

from models.identity import Role as RoleModel
from permissions import HasRole
from resolvers.synagogue.access import access_member
from schema.context import Info
from schema.errors import UserError, not_found, user_errors
from schema.identity.types import Membership
from schema.synagogue.inputs import SetMemberRoleInput
from services.synagogue.synagogues import set_member_role


@strawberry.type
class SetMemberRolePayload:
    membership: Membership | None
    user_errors: list[UserError]


@strawberry.type
class SetMemberRoleMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(RoleModel.ADMIN)],
        description="Change a member's role. The last OWNER cannot be demoted.",
    )
    async def set_member_role(self, info: Info, input: SetMemberRoleInput) -> SetMemberRolePayload | None:
        membership = await access_member(info, input.membership_id)
        if membership is None:
            raise not_found("membership")
        row, problems = await set_member_role(info.context, membership, input.role.model())
        if row is None and not problems:
            raise not_found("membership")
        return SetMemberRolePayload(membership=await Membership.fetched(row), user_errors=user_errors(problems))
