"""Content mutations: one module per mutation, merged into one `Mutation` type."""

from __future__ import annotations

from strawberry.tools import merge_types

from schema.content.mutations.assign_aliyah import AssignAliyahMutation
from schema.content.mutations.create_memorial import CreateMemorialMutation
from schema.content.mutations.create_message import CreateMessageMutation
from schema.content.mutations.create_prayer_time import CreatePrayerTimeMutation
from schema.content.mutations.create_torah_class import CreateTorahClassMutation
from schema.content.mutations.delete_aliyah_assignment import DeleteAliyahAssignmentMutation
from schema.content.mutations.delete_holiday_override import DeleteHolidayOverrideMutation
from schema.content.mutations.delete_memorial import DeleteMemorialMutation
from schema.content.mutations.delete_message import DeleteMessageMutation
from schema.content.mutations.delete_prayer_time import DeletePrayerTimeMutation
from schema.content.mutations.delete_torah_class import DeleteTorahClassMutation
from schema.content.mutations.import_memorials import ImportMemorialsMutation
from schema.content.mutations.reset_daily_content_preferences import ResetDailyContentPreferencesMutation
from schema.content.mutations.set_holiday_override import SetHolidayOverrideMutation
from schema.content.mutations.update_aliyah_assignment import UpdateAliyahAssignmentMutation
from schema.content.mutations.update_daily_content_preferences import UpdateDailyContentPreferencesMutation
from schema.content.mutations.update_holiday_override import UpdateHolidayOverrideMutation
from schema.content.mutations.update_memorial import UpdateMemorialMutation
from schema.content.mutations.update_message import UpdateMessageMutation
from schema.content.mutations.update_prayer_time import UpdatePrayerTimeMutation
from schema.content.mutations.update_torah_class import UpdateTorahClassMutation

Mutation = merge_types(
    "ContentMutation",
    (
        CreateMessageMutation,
        UpdateMessageMutation,
        DeleteMessageMutation,
        CreateMemorialMutation,
        UpdateMemorialMutation,
        DeleteMemorialMutation,
        ImportMemorialsMutation,
        CreatePrayerTimeMutation,
        UpdatePrayerTimeMutation,
        DeletePrayerTimeMutation,
        SetHolidayOverrideMutation,
        UpdateHolidayOverrideMutation,
        DeleteHolidayOverrideMutation,
        CreateTorahClassMutation,
        UpdateTorahClassMutation,
        DeleteTorahClassMutation,
        AssignAliyahMutation,
        UpdateAliyahAssignmentMutation,
        DeleteAliyahAssignmentMutation,
        UpdateDailyContentPreferencesMutation,
        ResetDailyContentPreferencesMutation,
    ),
)
