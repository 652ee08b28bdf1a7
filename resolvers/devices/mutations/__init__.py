"""The mutations of the devices domain, one module per mutation, merged into `DevicesMutation` in the order the
SDL lists them."""

from __future__ import annotations

from strawberry.tools import merge_types

from resolvers.devices.mutations.acknowledge_device_command import AcknowledgeDeviceCommandMutation
from resolvers.devices.mutations.attach_screenshot import AttachScreenshotMutation
from resolvers.devices.mutations.claim_device import ClaimDeviceMutation
from resolvers.devices.mutations.complete_device_pairing import CompleteDevicePairingMutation
from resolvers.devices.mutations.create_screenshot_upload import CreateScreenshotUploadMutation
from resolvers.devices.mutations.move_devices_to_group import MoveDevicesToGroupMutation
from resolvers.devices.mutations.publish_software_release import PublishSoftwareReleaseMutation
from resolvers.devices.mutations.rename_device_group import RenameDeviceGroupMutation
from resolvers.devices.mutations.report_device_heartbeat import ReportDeviceHeartbeatMutation
from resolvers.devices.mutations.revoke_device import RevokeDeviceMutation
from resolvers.devices.mutations.send_device_command import SendDeviceCommandMutation
from resolvers.devices.mutations.send_device_commands import SendDeviceCommandsMutation
from resolvers.devices.mutations.set_release_channel import SetReleaseChannelMutation
from resolvers.devices.mutations.start_device_pairing import StartDevicePairingMutation
from resolvers.devices.mutations.update_device import UpdateDeviceMutation
from resolvers.devices.mutations.update_device_settings import UpdateDeviceSettingsMutation

DevicesMutation = merge_types(
    "DevicesMutation",
    (
        StartDevicePairingMutation,
        CompleteDevicePairingMutation,
        ClaimDeviceMutation,
        UpdateDeviceMutation,
        MoveDevicesToGroupMutation,
        RenameDeviceGroupMutation,
        UpdateDeviceSettingsMutation,
        RevokeDeviceMutation,
        ReportDeviceHeartbeatMutation,
        SendDeviceCommandMutation,
        SendDeviceCommandsMutation,
        AcknowledgeDeviceCommandMutation,
        CreateScreenshotUploadMutation,
        AttachScreenshotMutation,
        PublishSoftwareReleaseMutation,
        SetReleaseChannelMutation,
    ),
)
