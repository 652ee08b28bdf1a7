"""Text messages: a synagogue's HTTP provider gets each message as a JSON POST with its bearer key (a real local
receiver stands in for it); numbers are validated and stored in E.164; a recipient's STOP, forwarded by the
provider to the inbound path, opts the number out (queued messages included) and START opts it back in; another
synagogue's recipients read like missing ones, and callers below ADMIN are refused."""

from __future__ import annotations

from typing import Any

import asyncpg
import httpx
import pytest

from models.base import tenant_scope
from models.identity import Role
from services.infra.ids import to_global_id
from services.outbox.messaging import queue_texts
from tests.support.actors import Actor, Factory
from tests.support.devices import make_tv
from tests.support.graphql import GQL, answer, assert_refused, error_codes, refused_callers, user_errors
from tests.support.outbox import run_due
from tests.support.receivers import WebhookReceiver
from tests.support.snapshot import unchanged


async def _configure(gql: GQL, admin: Actor, url: str) -> str:
    given = {"url": url, "apiKey": "sk_test_123", "sender": "+15005550006", "whatsappSender": "+15005550007"}
    result = await gql.trusted("ConfigureMessaging", {"input": given}, actor=admin)
    payload = result["data"]["configureMessaging"]
    assert payload["userErrors"] == [], result
    path: str = payload["inboundPath"]
    return path


async def _add(gql: GQL, admin: Actor, **given: Any) -> dict[str, Any]:
    return await gql.trusted("AddMessagingRecipient", {"input": given}, actor=admin)


@pytest.mark.usefixtures("private_targets")
async def test_an_sms_reaches_the_local_receiver_and_stop_is_honoured(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, receiver: WebhookReceiver, http: httpx.AsyncClient
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    assert admin.tenant is not None
    inbound = await _configure(gql, admin, receiver.url)
    sms = await _add(gql, admin, phone="(212) 555-0123", region="US", name="Gabbai")
    assert sms["data"]["addMessagingRecipient"]["recipient"]["phone"] == "+12125550123"
    whatsapp = await _add(gql, admin, phone="+972 2 623 4567", channel="WHATSAPP")
    assert whatsapp["data"]["addMessagingRecipient"]["recipient"]["channel"] == "WHATSAPP"
    for bad, field, code in (
        ({"phone": "12345"}, "phone", "INVALID"),
        ({"phone": "212 555 0123"}, "phone", "INVALID"),  # no + and no region: nowhere to place it
        ({"phone": "+1 212 555 0123"}, "phone", "TAKEN"),
        ({"phone": "+12125550124", "region": "XX"}, "region", "INVALID"),
    ):
        refused = await _add(gql, admin, **bad)
        assert [(e["field"], e["code"]) for e in user_errors(refused, "addMessagingRecipient")] == [([field], code)]

    async with tenant_scope(admin.tenant.id):
        assert await queue_texts("Alert opened: Hot screen on Hall TV") == 2
    await run_due(owner_db)
    by_to = {r.json()["to"]: r for r in receiver.requests}
    assert set(by_to) == {"+12125550123", "+97226234567"}
    text = by_to["+12125550123"]
    assert text.headers["authorization"] == "Bearer sk_test_123"
    assert text.headers["content-type"] == "application/json"
    sent = {"from": "+15005550006", "channel": "sms", "body": "Alert opened: Hot screen on Hall TV"}
    assert text.json() == {**text.json(), **sent}
    assert by_to["+97226234567"].json()["from"] == "+15005550007"
    assert text.json()["reference"] != by_to["+97226234567"].json()["reference"]

    stop = await http.post(inbound, json={"from": "+1 212-555-0123", "text": " stop "})
    assert stop.status_code == 204
    wrong_token = inbound.rsplit("/", 1)[0] + "/not-the-token"
    wrong = await http.post(wrong_token, json={"from": "+12125550123", "text": "START"})
    assert wrong.status_code == 404
    listed = await gql.trusted("MessagingRecipients", actor=admin)
    opted = {e["node"]["phone"]: e["node"]["optedOutAt"] for e in listed["data"]["messagingRecipients"]["edges"]}
    assert opted["+12125550123"] is not None and opted["+97226234567"] is None

    async with tenant_scope(admin.tenant.id):
        assert await queue_texts("Alert resolved") == 1
        await queue_texts("Queued before START")  # the opted-out number is skipped when sent, too
    before = len(receiver.requests)
    await run_due(owner_db)
    assert [r.json()["to"] for r in receiver.requests[before:]] == ["+97226234567", "+97226234567"]
    start = await http.post(inbound, data={"From": "+12125550123", "Body": "START"})
    assert start.status_code == 204
    async with tenant_scope(admin.tenant.id):
        assert await queue_texts("Back") == 2


async def test_cross_tenant_another_synagogues_recipients_and_jobs_read_like_missing_ones(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    theirs = await factory.member(role=Role.ADMIN)
    await _configure(gql, theirs, "https://sms.example.org/send")
    added = await _add(gql, theirs, phone="+12125550199")
    their_recipient = added["data"]["addMessagingRecipient"]["recipient"]["id"]
    missing = to_global_id("MessagingRecipient", 10**9)
    async with unchanged(owner_db, admin, theirs):
        foreign = await gql.trusted("RemoveMessagingRecipient", {"input": {"id": their_recipient}}, actor=admin)
        ghost = await gql.trusted("RemoveMessagingRecipient", {"input": {"id": missing}}, actor=admin)
        assert [e["code"] for e in user_errors(foreign, "removeMessagingRecipient")] == ["NOT_FOUND"]
        assert answer(foreign) == answer(ghost)
        assert (await gql.trusted("MessagingProvider", actor=admin))["data"]["messagingProvider"] is None
        listed = await gql.trusted("MessagingRecipients", actor=admin)
        assert listed["data"]["messagingRecipients"]["edges"] == []
        node = await gql("query($id: ID!) { node(id: $id) { id } }", {"id": their_recipient}, actor=admin)
        assert node["data"]["node"] is None
        named = await gql.trusted("MessagingRecipients", actor=admin, tenant=theirs.tenant)
        assert error_codes(named) == ["FORBIDDEN"]


async def test_missing_role_below_admin_devices_and_anonymous_callers_cannot_configure_messages(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    assert admin.tenant is not None
    editor = await factory.member(tenant=admin.tenant, role=Role.EDITOR)
    tv = await make_tv(admin.tenant)
    await _configure(gql, admin, "https://sms.example.org/send")
    recipient = (await _add(gql, admin, phone="+12125550188"))["data"]["addMessagingRecipient"]["recipient"]["id"]
    callers = refused_callers(editor, tv.headers)
    async with unchanged(owner_db, admin):
        for name, variables in (
            ("ConfigureMessaging", {"input": {"url": "https://sms.example.org/send", "apiKey": "k"}}),
            ("AddMessagingRecipient", {"input": {"phone": "+12125550123"}}),
            ("RemoveMessagingRecipient", {"input": {"id": recipient}}),
            ("MessagingRecipients", None),
            ("MessagingProvider", None),
        ):
            await assert_refused(gql, name, variables, callers)
