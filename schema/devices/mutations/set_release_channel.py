"""setReleaseChannel: an ADMIN pins the synagogue's devices to a release channel."""

from __future__ import annotations

import strawberry

from models import devices as m
from models.identity import Role
from permissions import HasRole
from schema.context import Info
from schema.devices.inputs import SetReleaseChannelInput
from schema.devices.payloads import ReleaseChannelPayload


@strawberry.type
class SetReleaseChannelMutation:
    @strawberry.mutation(permission_classes=[HasRole(Role.ADMIN)], description="Pin this synagogue's devices.")
    async def set_release_channel(self, info: Info, input: SetReleaseChannelInput) -> ReleaseChannelPayload:
        policy = await m.FleetPolicy.first()
        if policy is None:
            policy = await m.FleetPolicy.create(release_channel=m.ReleaseChannel(input.channel))
        else:
            policy.release_channel = m.ReleaseChannel(input.channel)
            await policy.save(update_fields=["release_channel", "updated_at"])
        return ReleaseChannelPayload(channel=policy.release_channel)
