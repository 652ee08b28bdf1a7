"""Mutations of the devices domain: one module per mutation, merged into the domain's `Mutation`."""

from __future__ import annotations

from strawberry.tools import merge_types

from schema.devices.mutations.acknowledge_device_command import AcknowledgeDeviceCommandMutation
from schema.devices.mutations.claim_device import ClaimDeviceMutation
from schema.devices.mutations.complete_device_pairing import CompleteDevicePairingMutation
from schema.devices.mutations.move_devices_to_group import MoveDevicesToGroupMutation
from schema.devices.mutations.publish_software_release import PublishSoftwareReleaseMutation
from schema.devices.mutations.rename_device_group import RenameDeviceGroupMutation
from schema.devices.mutations.report_device_heartbeat import ReportDeviceHeartbeatMutation
from schema.devices.mutations.revoke_device import RevokeDeviceMutation
from schema.devices.mutations.send_device_command import SendDeviceCommandMutation
from schema.devices.mutations.send_device_commands import SendDeviceCommandsMutation
from schema.devices.mutations.set_release_channel import SetReleaseChannelMutation
from schema.devices.mutations.start_device_pairing import StartDevicePairingMutation
from schema.devices.mutations.update_device import UpdateDeviceMutation
from schema.devices.mutations.update_device_settings import UpdateDeviceSettingsMutation

Mutation = merge_types(
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
        PublishSoftwareReleaseMutation,
        SetReleaseChannelMutation,
    ),
)
