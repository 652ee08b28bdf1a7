"""Torah classes, aliyah assignments and daily-content preferences (EDITOR and above)."""

from __future__ import annotations

import strawberry

from permissions import HasRole, Role
from resolvers.content import access
from schema.content.inputs import (
    AssignAliyahInput,
    CreateTorahClassInput,
    UpdateAliyahAssignmentInput,
    UpdateDailyContentPreferencesInput,
    UpdateTorahClassInput,
    values_of,
)
from schema.content.mutations.common import DeletePayload, changed, errors_of, not_found
from schema.content.types import AliyahAssignment, DailyContentPreferences, TorahClass
from schema.context import Info
from schema.errors import UserError
from services.content import preferences
from services.content.assignments import update_assignment
from services.content.prayer_times import assign_aliyah, save_torah_class


@strawberry.type
class TorahClassPayload:
    torah_class: TorahClass | None
    user_errors: list[UserError]


@strawberry.type
class AssignAliyahPayload:
    assignment: AliyahAssignment | None
    user_errors: list[UserError]


@strawberry.type
class DailyContentPreferencesPayload:
    preferences: DailyContentPreferences | None
    user_errors: list[UserError]


@strawberry.type
class Mutation:
    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def create_torah_class(self, info: Info, input: CreateTorahClassInput) -> TorahClassPayload:
        row, problems = await save_torah_class(None, values_of(input))
        if row is None:
            return TorahClassPayload(torah_class=None, user_errors=errors_of(problems))
        await changed(info)
        return TorahClassPayload(torah_class=TorahClass.of(row), user_errors=[])

    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def update_torah_class(self, info: Info, input: UpdateTorahClassInput) -> TorahClassPayload:
        current = await access.by_global_id(info, input.id, "TorahClass")
        if current is None:
            return TorahClassPayload(torah_class=None, user_errors=not_found())
        row, problems = await save_torah_class(current, values_of(input))
        if row is None:
            return TorahClassPayload(torah_class=None, user_errors=errors_of(problems))
        await changed(info)
        return TorahClassPayload(torah_class=TorahClass.of(row), user_errors=[])

    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def delete_torah_class(self, info: Info, id: strawberry.ID) -> DeletePayload:
        row = await access.by_global_id(info, id, "TorahClass")
        if row is None:
            return DeletePayload(deleted_id=None, user_errors=not_found())
        await row.delete()
        await changed(info)
        return DeletePayload(deleted_id=id, user_errors=[])

    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def assign_aliyah(self, info: Info, input: AssignAliyahInput) -> AssignAliyahPayload:
        row, problems = await assign_aliyah(values_of(input))
        if row is None:
            return AssignAliyahPayload(assignment=None, user_errors=errors_of(problems))
        await changed(info)
        return AssignAliyahPayload(assignment=AliyahAssignment.of(row), user_errors=[])

    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def update_aliyah_assignment(self, info: Info, input: UpdateAliyahAssignmentInput) -> AssignAliyahPayload:
        current = await access.by_global_id(info, input.id, "AliyahAssignment")
        if current is None:
            return AssignAliyahPayload(assignment=None, user_errors=not_found())
        row, problems = await update_assignment(current, values_of(input))
        if row is None:
            return AssignAliyahPayload(assignment=None, user_errors=errors_of(problems))
        await changed(info)
        return AssignAliyahPayload(assignment=AliyahAssignment.of(row), user_errors=[])

    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def delete_aliyah_assignment(self, info: Info, id: strawberry.ID) -> DeletePayload:
        row = await access.by_global_id(info, id, "AliyahAssignment")
        if row is None:
            return DeletePayload(deleted_id=None, user_errors=not_found())
        await row.delete()
        await changed(info)
        return DeletePayload(deleted_id=id, user_errors=[])

    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def update_daily_content_preferences(
        self, info: Info, input: UpdateDailyContentPreferencesInput
    ) -> DailyContentPreferencesPayload:
        row, problems = await preferences.update_preferences(values_of(input))
        if row is None:
            return DailyContentPreferencesPayload(preferences=None, user_errors=errors_of(problems))
        await changed(info)
        return DailyContentPreferencesPayload(preferences=DailyContentPreferences.of(row), user_errors=[])

    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)], description="Back to the default daily items and zmanim."
    )
    async def reset_daily_content_preferences(self, info: Info) -> DailyContentPreferencesPayload:
        row = await preferences.reset_preferences()
        await changed(info)
        return DailyContentPreferencesPayload(preferences=DailyContentPreferences.of(row), user_errors=[])
