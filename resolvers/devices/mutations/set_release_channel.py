"""setReleaseChannel: an ADMIN pins the synagogue's devices to a release channel."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models import devices as m
from models.identity import Role
from permissions import HasRole
from schema.context import Info
from schema.devices.enums import ReleaseChannel
from schema.devices.inputs import SetReleaseChannelInput
from schema.devices.payloads import ReleaseChannelPayload
from services.devices.releases import set_release_channel
from services.platform import audit


@strawberry.type
class SetReleaseChannelMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)], description="Pin this synagogue's devices (ADMIN and above)."
    )
    async def set_release_channel(
        self, info: Info, input: Annotated[SetReleaseChannelInput, strawberry.argument(description="The channel.")]
    ) -> ReleaseChannelPayload:
        channel = await set_release_channel(m.ReleaseChannel[input.channel.name])
        await audit.record(info.context, "release_channel.set", "", channel=channel.name)
        return ReleaseChannelPayload(channel=ReleaseChannel[channel.name])
