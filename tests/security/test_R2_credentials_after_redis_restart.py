"""R2: right after the real Redis restarts, credential checks answer at once (no UNAVAILABLE, no retry by the client).

Every connection the API pooled before the restart is dead afterwards; the token store drops them on the first
connection error and runs the idempotent read again on a fresh one.
"""

from __future__ import annotations

import asyncio
from typing import Any

from models.base import tenant_scope
from models.devices import CommandKind
from models.identity import Role
from services.devices.commands import issue_command
from services.infra.ids import to_global_id
from services.infra.kv import RedisKeyValue, make_key_value
from subscriptions.events import deferred_publications
from tests.support.actors import Factory
from tests.support.devices import make_tv
from tests.support.documents import client_document
from tests.support.graphql import GQL, client_gql, error_codes
from tests.support.live import run_server
from tests.support.servers import restart_redis
from tests.support.websocket import WSClient


async def test_R2_token_checks_answer_at_once_after_redis_restarts(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    for _ in range(3):
        assert "errors" not in await gql.op("Devices", actor=admin)
        assert "errors" not in await gql.op("Screen", headers=tv.headers)
        await restart_redis(down_seconds=1)
        devices = await gql.op("Devices", actor=admin)
        assert error_codes(devices) == [] and devices["data"]["devices"]["totalCount"] == 1, devices
        screen = await gql.op("Screen", headers=tv.headers)
        assert error_codes(screen) == [] and screen["data"]["screen"]["synagogueName"], screen
        created = await gql.op("CreateMessage", {"input": {"title": "After the restart"}}, actor=admin)
        assert created["data"]["createMessage"]["userErrors"] == [], created


async def test_R2_a_tv_connecting_right_after_the_restart_is_accepted(factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    async with run_server() as server:
        before = await server.gql(client_document("Devices"), headers=admin.headers())
        assert before["data"]["devices"]["totalCount"] == 1, before
        await restart_redis(down_seconds=1)
        after = await server.gql(client_document("Devices"), headers=admin.headers())
        assert error_codes(after) == [] and after["data"]["devices"]["totalCount"] == 1, after
        client = await WSClient.open(server.ws_url)
        try:
            assert (await client.init(tv.init_payload))["type"] == "connection_ack"
            await client.subscribe("screen", client_document("ScreenUpdated"))
            assert (await client.next_data("screen"))["screenUpdated"]["synagogueName"]
        finally:
            await client.close()


async def test_R2_the_token_store_reads_again_on_a_fresh_connection(settings: Any) -> None:
    kv = make_key_value(settings.redis_url)
    assert isinstance(kv, RedisKeyValue)
    try:
        await kv.set("r2:probe", "1", 60)
        await restart_redis(down_seconds=1)
        assert await kv.exists("r2:probe") is False  # the restarted Redis starts empty; the read is answered
        await kv.set("r2:probe", "2", 60)
        await restart_redis(down_seconds=1)
        assert await kv.get("r2:probe") is None
        await kv.set("r2:probe", "3", 60)
        await restart_redis(down_seconds=1)
        await kv.delete("r2:probe")
        await kv.set("r2:probe", "4", 60)
        assert await kv.get("r2:probe") == "4"
        await restart_redis(down_seconds=1)
        assert await kv.set_if_absent("r2:claim", "mine", 60) is True
        await restart_redis(down_seconds=1)
        assert await kv.incr("r2:count", 60) == 1
        assert await kv.eval("return redis.call('INCR', KEYS[1])", ["r2:count"]) == 2
    finally:
        await kv.close()


async def test_R2_a_script_the_restarted_redis_forgot_is_loaded_again(settings: Any) -> None:
    kv = make_key_value(settings.redis_url)
    assert isinstance(kv, RedisKeyValue)
    script = "return redis.call('INCRBY', KEYS[1], ARGV[1])"
    try:
        await kv.client.config_resetstat()
        assert await kv.eval(script, ["r2:script"], 2) == 2
        assert await kv.eval(script, ["r2:script"], 3) == 5
        stats = await kv.client.info("commandstats")
        assert stats["cmdstat_evalsha"]["calls"] >= 2 and "cmdstat_eval" not in stats  # sent by its SHA
        await kv.client.script_flush()
        assert await kv.eval(script, ["r2:script"], 1) == 6
        await restart_redis(down_seconds=1)
        assert await kv.eval(script, ["r2:script"], 1) == 1  # the restarted Redis starts empty, scripts too
    finally:
        await kv.close()


async def test_R2_a_command_written_while_redis_is_down_reaches_the_tv(app: Any, gql: GQL, factory: Factory) -> None:
    """Commands are rows first: the lost event costs nothing, the resubscribed stream reads the row."""
    admin = await factory.member(role=Role.ADMIN)
    tenant_id = admin.tenant.id
    tv = await make_tv(admin.tenant)
    async with run_server() as server:
        client = await WSClient.open(server.ws_url)
        try:
            assert (await client.init(tv.init_payload))["type"] == "connection_ack"
            sent = await gql.op("SendDeviceCommand", {"input": {"deviceId": tv.gid, "kind": "RELOAD"}}, actor=admin)
            await client.subscribe("commands", client_document("DeviceCommands"))
            first = (await client.next_data("commands"))["deviceCommands"]
            assert first["id"] == sent["data"]["sendDeviceCommand"]["command"]["id"]

            async def write_while_down() -> int:
                await asyncio.sleep(0.5)
                async with deferred_publications(), tenant_scope(tenant_id):  # as a mutation: publish after commit
                    command = await issue_command(app.state.broadcast, tv.device, CommandKind.SCREENSHOT, None, 3600)
                return command.id

            _, written = await asyncio.gather(restart_redis(down_seconds=2), write_while_down())
            arrived = (await client.next_data("commands", timeout=30))["deviceCommands"]
            assert (arrived["id"], arrived["kind"]) == (to_global_id("DeviceCommand", written), "SCREENSHOT")
        finally:
            await client.close()


async def test_R2_pairing_right_after_the_restart_is_answered(app: Any) -> None:
    tv_app = client_gql(app)
    first = await tv_app.op("StartDevicePairing", {"input": {}})
    assert error_codes(first) == [], first
    await restart_redis(down_seconds=1)
    started = await tv_app.op("StartDevicePairing", {"input": {}})
    assert error_codes(started) == [] and started["data"]["startDevicePairing"]["pairingCode"], started
    polled = await tv_app.op(
        "CompleteDevicePairing", {"deviceCode": started["data"]["startDevicePairing"]["deviceCode"]}
    )
    assert [e["code"] for e in polled["data"]["completeDevicePairing"]["userErrors"]] == ["AUTHORIZATION_PENDING"]
