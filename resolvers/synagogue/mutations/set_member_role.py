"""setMemberRole: ADMIN and above change a member's role; OWNER changes are for OWNERs."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.identity import Role
from permissions import HasRole
from resolvers.identity.access import access_membership
from schema.context import Info
from schema.errors import not_found, user_errors
from schema.identity.inputs import SetMemberRoleInput
from schema.identity.payloads import SetMemberRolePayload
from schema.identity.types import Membership
from services.infra.ids import decode_id
from services.synagogue.members import set_member_role


@strawberry.type
class SetMemberRoleMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Change a member's role; ADMIN and above, and only an OWNER gives or takes OWNER. The last "
        "OWNER cannot be demoted.",
    )
    async def set_member_role(
        self,
        info: Info,
        input: Annotated[SetMemberRoleInput, strawberry.argument(description="The membership and its new role.")],
    ) -> SetMemberRolePayload | None:
        membership = await access_membership(info, decode_id(input.membership_id, "Membership"))
        if membership is None:
            raise not_found("membership")
        row, problems = await set_member_role(info.context, membership, input.role.model())
        if row is None and not problems:
            raise not_found("membership")
        return SetMemberRolePayload(membership=await Membership.loaded(info, row), user_errors=user_errors(problems))
