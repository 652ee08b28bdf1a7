"""Content mutations: one module per mutation, merged into one `ContentMutation` type in the order the SDL lists
them. Every one is for EDITOR and above."""

from __future__ import annotations

from strawberry.tools import merge_types

from resolvers.content.mutations.assign_aliyah import AssignAliyahMutation
from resolvers.content.mutations.attach_memorial_photo import AttachMemorialPhotoMutation
from resolvers.content.mutations.attach_message_image import AttachMessageImageMutation
from resolvers.content.mutations.create_memorial import CreateMemorialMutation
from resolvers.content.mutations.create_message import CreateMessageMutation
from resolvers.content.mutations.create_prayer_time import CreatePrayerTimeMutation
from resolvers.content.mutations.create_torah_class import CreateTorahClassMutation
from resolvers.content.mutations.create_upload import CreateUploadMutation
from resolvers.content.mutations.delete_aliyah_assignment import DeleteAliyahAssignmentMutation
from resolvers.content.mutations.delete_holiday_override import DeleteHolidayOverrideMutation
from resolvers.content.mutations.delete_memorial import DeleteMemorialMutation
from resolvers.content.mutations.delete_message import DeleteMessageMutation
from resolvers.content.mutations.delete_prayer_time import DeletePrayerTimeMutation
from resolvers.content.mutations.delete_torah_class import DeleteTorahClassMutation
from resolvers.content.mutations.import_memorials import ImportMemorialsMutation
from resolvers.content.mutations.remove_memorial_photo import RemoveMemorialPhotoMutation
from resolvers.content.mutations.remove_message_image import RemoveMessageImageMutation
from resolvers.content.mutations.reset_daily_content_preferences import ResetDailyContentPreferencesMutation
from resolvers.content.mutations.set_holiday_override import SetHolidayOverrideMutation
from resolvers.content.mutations.update_aliyah_assignment import UpdateAliyahAssignmentMutation
from resolvers.content.mutations.update_daily_content_preferences import UpdateDailyContentPreferencesMutation
from resolvers.content.mutations.update_holiday_override import UpdateHolidayOverrideMutation
from resolvers.content.mutations.update_memorial import UpdateMemorialMutation
from resolvers.content.mutations.update_message import UpdateMessageMutation
from resolvers.content.mutations.update_prayer_time import UpdatePrayerTimeMutation
from resolvers.content.mutations.update_torah_class import UpdateTorahClassMutation

ContentMutation = merge_types(
    "ContentMutation",
    (
        CreateUploadMutation,
        CreateMessageMutation,
        UpdateMessageMutation,
        DeleteMessageMutation,
        AttachMessageImageMutation,
        RemoveMessageImageMutation,
        CreateMemorialMutation,
        UpdateMemorialMutation,
        DeleteMemorialMutation,
        AttachMemorialPhotoMutation,
        RemoveMemorialPhotoMutation,
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
