"""TVs for tests: a device paired through the real flow (startDevicePairing → claimDevice →
completeDevicePairing), or created directly in its synagogue with a working device token."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.base import tenant_scope
from models.devices import Device, DeviceIdentity
from models.synagogue import Synagogue
from services.identity.tokens import hash_secret, new_secret
from services.infra.ids import to_global_id
from tests.support.actors import Actor
from tests.support.graphql import GQL, pk


@dataclass
class TV:
    device: Device
    token: str

    @property
    def gid(self) -> str:
        return to_global_id("Device", self.device.id)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Device {self.token}"}

    @property
    def init_payload(self) -> dict[str, str]:
        return {"authorization": f"Device {self.token}"}


async def make_tv(tenant: Synagogue, name: str = "Lobby TV", **fields: Any) -> TV:
    """A claimed, paired device of `tenant` with a live token (no pairing round trip)."""
    token = new_secret("device")
    async with tenant_scope(tenant.id):
        device = await Device.create(name=name, **fields)
        await DeviceIdentity.create(device_id=device.id, tenant_id=tenant.id, token_hash=hash_secret(token))
    return TV(device=device, token=token)


async def pair_tv(gql: GQL, admin: Actor, name: str = "Hall TV") -> tuple[TV, dict[str, Any]]:
    """Pair through startDevicePairing → claimDevice → completeDevicePairing."""
    started = await gql.op("StartDevicePairing", {"input": {"model": "TestTV", "appVersion": "1.0.0"}})
    pairing = started["data"]["startDevicePairing"]
    claimed = await gql.op("ClaimDevice", {"input": {"pairingCode": pairing["pairingCode"], "name": name}}, actor=admin)
    assert claimed["data"]["claimDevice"]["userErrors"] == [], claimed
    done = await gql.op("CompleteDevicePairing", {"deviceCode": pairing["deviceCode"]})
    result = done["data"]["completeDevicePairing"]
    assert result["userErrors"] == [], done
    async with tenant_scope(admin.tenant.id):
        device = await Device.get(name=name, id=pk(result["device"]["id"]))
    return TV(device=device, token=result["deviceToken"]), pairing
