"""R3 for the rate limits when Redis does not answer (a host that swallows traffic, a hung server): the
first check waits for the socket timeout; later ones within the cool-down fail at once without reaching
Redis — sign-in, registration and pairing fail closed, the websocket door stays open so TVs still connect
— and once Redis answers again one probe closes the breaker.

Redis here is a local TCP server in front of the real one: silent (accepts, never answers) until told to
answer, then it forwards every byte to the real Redis. It counts the connections it accepted, which is how
the tests tell a check that went to Redis from one that failed at once."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any, cast
from urllib.parse import urlsplit

import pytest
from starlette.requests import Request
from strawberry.exceptions import ConnectionRejectionError

from config import Settings
from schema.caller import identify_socket
from schema.context import Context
from services.devices import pairing
from services.identity import login_throttle
from services.infra import kv, rate_limits
from services.infra.breaker import CircuitOpen
from services.infra.errors import Unavailable
from services.infra.kv import RedisKeyValue, make_key_value
from tests.support.actors import Factory, unique
from tests.support.devices import make_tv
from tests.support.graphql import fresh_address
from tests.support.servers import redis_url


class FakeRedis:
    """A TCP server that swallows everything until `answer()`, then forwards to the real Redis."""

    def __init__(self) -> None:
        self.connections = 0
        self.forwarding = False
        self.writers: list[asyncio.StreamWriter] = []
        self.server: asyncio.Server | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"redis://127.0.0.1:{self.server.sockets[0].getsockname()[1]}/0"

    def answer(self) -> None:
        self.forwarding = True

    def drop_connections(self) -> None:
        """Close every client connection, as a restarting Redis does."""
        for writer in self.writers:
            writer.close()

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        self.writers.append(writer)
        if not self.forwarding:
            await pipe(reader, None)
            writer.close()
            return
        real = urlsplit(redis_url())
        upstream_reader, upstream_writer = await asyncio.open_connection(real.hostname, real.port)
        self.writers.append(upstream_writer)
        await asyncio.gather(pipe(reader, upstream_writer), pipe(upstream_reader, writer))


async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter | None) -> None:
    """Copy `reader` to `writer` (None: swallow it) until either side closes."""
    with contextlib.suppress(OSError):
        while data := await reader.read(65536):
            if writer is not None:
                writer.write(data)
                await writer.drain()
    if writer is not None:
        writer.close()


@pytest.fixture
async def fake_redis() -> AsyncIterator[FakeRedis]:
    fake = FakeRedis()
    fake.server = await asyncio.start_server(fake.handle, "127.0.0.1", 0)
    try:
        yield fake
    finally:
        fake.server.close()
        fake.drop_connections()
        await fake.server.wait_closed()


def cool_down(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    """The cool-down of breakers made from now on (each fake Redis has its own URL, so its own breaker)."""
    monkeypatch.setattr(rate_limits, "COOL_DOWN_SECONDS", seconds)


def socket_context(settings: Settings, payload: dict[str, str]) -> Context:
    """The context of a websocket's `connection_init` carrying `payload`."""
    return Context(
        request=Request({"type": "http", "headers": []}),
        response=None,
        settings=settings,
        kv=make_key_value(None),
        broadcast=cast(Any, None),
        request_id=unique("r3"),
        connection_params=payload,
        client_ip=fresh_address(),
    )


async def test_R3_after_one_unanswered_check_sign_in_registration_and_pairing_fail_closed_at_once(
    settings: Settings, fake_redis: FakeRedis, monkeypatch: pytest.MonkeyPatch
) -> None:
    cool_down(monkeypatch, 60)
    down = settings.model_copy(update={"redis_url": fake_redis.url})
    address = fresh_address()
    with pytest.raises(Unavailable, match="sign-in"):
        await login_throttle.address_retry_after(down, address)
    assert fake_redis.connections == 1  # waited once for the socket timeout, not tried again
    checks = [
        login_throttle.address_retry_after(down, address),
        login_throttle.count_address_failure(down, address),
        login_throttle.claim_registration(down, address),
        login_throttle.claim_synagogue_creation(down, 1),
        pairing.check_rate(down, "start", address, down.pairing_rate_limit),
    ]
    for check in checks:
        with pytest.raises(Unavailable) as refused:
            await check
        assert isinstance(refused.value.__cause__, CircuitOpen)
    limiter = rate_limits.limiter(fake_redis.url)  # the public zmanim's road: it logs the failure and serves
    with pytest.raises(CircuitOpen):
        await limiter.hit(rate_limits.rate("5/minute"), "public-zmanim", address)
    assert fake_redis.connections == 1


async def test_R3_tvs_connect_at_once_while_the_rate_limit_store_does_not_answer(
    settings: Settings, factory: Factory, fake_redis: FakeRedis, monkeypatch: pytest.MonkeyPatch
) -> None:
    cool_down(monkeypatch, 60)
    down = settings.model_copy(update={"redis_url": fake_redis.url})
    tenant = await factory.tenant()
    first, second = await make_tv(tenant), await make_tv(tenant, name="Hall TV")
    context = socket_context(down, first.init_payload)
    await identify_socket(context)
    assert context.principal.describe() == f"device:{first.device.id}"
    assert fake_redis.connections == 1
    context = socket_context(down, second.init_payload)
    await identify_socket(context)
    assert context.principal.describe() == f"device:{second.device.id}"
    with pytest.raises(ConnectionRejectionError):  # a refused one is not counted, and does not wait either
        await identify_socket(socket_context(down, {"authorization": "Device not-a-token"}))
    assert fake_redis.connections == 1


async def test_R3_one_probe_at_a_time_then_the_breaker_closes_once_redis_answers(
    settings: Settings, fake_redis: FakeRedis, monkeypatch: pytest.MonkeyPatch
) -> None:
    seconds = 0.3
    cool_down(monkeypatch, seconds)
    down = settings.model_copy(update={"redis_url": fake_redis.url})
    address = fresh_address()
    with pytest.raises(Unavailable):
        await login_throttle.socket_sign_in_allowed(down, address)
    assert fake_redis.connections == 1
    await asyncio.sleep(seconds + 0.1)  # the cool-down passes: the next check is the probe
    answers = await asyncio.gather(
        *(login_throttle.address_retry_after(down, address) for _ in range(4)), return_exceptions=True
    )
    failures = [answer for answer in answers if isinstance(answer, Unavailable)]
    assert failures == answers
    assert [isinstance(failure.__cause__, CircuitOpen) for failure in failures] == [False, True, True, True]
    assert fake_redis.connections == 2  # only the probe went to Redis
    fake_redis.answer()
    await asyncio.sleep(seconds + 0.1)
    assert await login_throttle.address_retry_after(down, address) is None  # the probe: answered, closed
    await login_throttle.count_address_failure(down, address)
    assert await login_throttle.socket_sign_in_allowed(down, address) is True
    fake_redis.drop_connections()  # a restart: the pooled connection is dead, the next check is answered anyway
    assert await login_throttle.claim_registration(down, address) is None
    assert await login_throttle.address_retry_after(down, address) is None


async def test_R3_the_token_store_fails_closed_at_once_after_one_unanswered_command(
    fake_redis: FakeRedis, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The token denylist, lockouts and cost budgets: one command waits for the timeout, the next ones within
    the cool-down are refused (UNAVAILABLE) without reaching Redis."""
    monkeypatch.setattr(kv, "COOL_DOWN_SECONDS", 60)
    store = RedisKeyValue(fake_redis.url)
    try:
        with pytest.raises(Unavailable):
            await store.exists("deny:jti:first")
        reached = fake_redis.connections  # the command and its one retry on a fresh connection
        for command in (store.exists("deny:jti:next"), store.get("k"), store.incr("k", 60), store.eval("return 1", [])):
            with pytest.raises(Unavailable) as refused:
                await command
            assert isinstance(refused.value.__cause__, CircuitOpen)
        assert fake_redis.connections == reached
    finally:
        await store.close()


async def test_R3_the_token_store_answers_again_once_redis_does(
    fake_redis: FakeRedis, monkeypatch: pytest.MonkeyPatch
) -> None:
    seconds = 0.3
    monkeypatch.setattr(kv, "COOL_DOWN_SECONDS", seconds)
    store = RedisKeyValue(fake_redis.url)
    try:
        with pytest.raises(Unavailable):
            await store.set("k", "v", 60)
        assert store.breaker.is_open
        fake_redis.answer()
        await asyncio.sleep(seconds + 0.1)  # the cool-down passes: the next command is the probe
        await store.set("k", "v", 60)
        assert not store.breaker.is_open
        assert await store.get("k") == "v"
    finally:
        await store.close()
