"""Devices for tests: paired through the real flow, or created directly with a working token."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import httpx

from models.base import tenant_scope
from models.devices import Device, DeviceIdentity
from models.synagogue import Synagogue
from services.identity.tokens import hash_secret, new_secret
from services.infra.ids import to_global_id
from tests.conftest import GQL, Actor

_addresses = itertools.count(1)


def fresh_address() -> str:
    """A client address of its own, so per-address pairing limits do not couple tests."""
    n = next(_addresses)
    return f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"


def client_gql(app: Any, address: str | None = None) -> GQL:
    transport = httpx.ASGITransport(app=app, client=(address or fresh_address(), 40000))
    return GQL(httpx.AsyncClient(transport=transport, base_url="http://testserver"))


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
    async with tenant_scope(admin.tenant.id):  # type: ignore[union-attr]
        device = await Device.get(name=name, id=int(_pk(result["device"]["id"])))
    return TV(device=device, token=result["deviceToken"]), pairing


def _pk(gid: str) -> int:
    from services.infra.ids import from_global_id

    parsed = from_global_id(gid)
    assert parsed is not None
    return parsed[1]
