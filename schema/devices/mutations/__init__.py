"""Mutations of the devices domain, merged into one type."""

from __future__ import annotations

from strawberry.tools import merge_types

from schema.devices.mutations.commands import CommandMutation
from schema.devices.mutations.devices import DeviceMutation
from schema.devices.mutations.pairing import PairingMutation
from schema.devices.mutations.releases import ReleaseMutation

Mutation = merge_types("DevicesMutation", (PairingMutation, DeviceMutation, CommandMutation, ReleaseMutation))
