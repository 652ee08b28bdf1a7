"""Z7 (security matrix): an ADMIN-level act (claim, revoke or command a device, change a release channel, move
groups, retry or discard a job, redeliver or discard a webhook delivery, alert rules, webhook endpoint changes,
text-message settings, ...) | an audit entry in the synagogue's log, which the application role can only append to.

The mutations that need ADMIN or above are read from the schema itself, so a new one without a case here (and
without its audit entry) fails this test. Each case runs as a fresh admin of a fresh synagogue and must leave at
least one new entry in that synagogue's log, naming the admin as its actor."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import asyncpg
import pytest
from strawberry.types.base import StrawberryObjectDefinition

from models.base import tenant_scope
from models.identity import Membership, Role
from models.outbox import Job, JobStatus
from models.webhooks import WebhookDelivery
from schema.assembly import build_schema
from services.infra.ids import to_global_id
from tests.support.actors import Actor, Factory, unique
from tests.support.database import APP_URL
from tests.support.devices import make_tv
from tests.support.graphql import GQL, pk
from tests.support.partners import document_id


@dataclass
class Case:
    """A mutation, and how to build its input once the admin and the synagogue exist."""

    field: str
    argument: str  # the input type, or "ID" for an `id` argument
    build: Callable[[GQL, Factory, Actor], Awaitable[Any]]


async def _device(gql: GQL, factory: Factory, admin: Actor, group: str | None = None) -> str:
    tv = await make_tv(admin.tenant, **({"group": group} if group else {}))
    return tv.gid


async def _pairing_code(gql: GQL, factory: Factory, admin: Actor) -> dict[str, Any]:
    started = await gql("mutation { startDevicePairing(input: {}) { pairingCode } }")
    return {"pairingCode": started["data"]["startDevicePairing"]["pairingCode"], "name": "Lobby TV"}


async def _other_member(factory: Factory, admin: Actor) -> str:
    other = await factory.member(tenant=admin.tenant, role=Role.VIEWER)
    membership = await Membership.get(user_id=other.user.id, synagogue_id=other.tenant.id)
    return to_global_id("Membership", membership.id)


async def _api_key(gql: GQL, factory: Factory, admin: Actor) -> str:
    created = await gql(
        "mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { apiKey { id } } }",
        {"i": {"name": "Website", "allowedDocuments": [document_id("Synagogue")]}},
        actor=admin,
    )
    key_id: str = created["data"]["createApiKey"]["apiKey"]["id"]
    return key_id


async def _invitation(gql: GQL, factory: Factory, admin: Actor) -> dict[str, Any]:
    address = f"{unique('guest')}@example.org"
    invited = await gql(
        "mutation($i: AddMemberInput!) { addMember(input: $i) { invitation { id } } }",
        {"i": {"email": address, "role": "VIEWER"}},
        actor=admin,
    )
    return {"id": invited["data"]["addMember"]["invitation"]["id"]}


async def _endpoint(gql: GQL, factory: Factory, admin: Actor) -> dict[str, Any]:
    created = await gql(
        "mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { webhookEndpoint { id } } }",
        {"i": {"url": "https://hooks.example.org/in", "events": ["MESSAGE_CREATED"]}},
        actor=admin,
    )
    return {"id": created["data"]["createWebhookEndpoint"]["webhookEndpoint"]["id"]}


async def _rule(gql: GQL, factory: Factory, admin: Actor) -> str:
    created = await gql(
        "mutation($i: CreateAlertRuleInput!) { createAlertRule(input: $i) { alertRule { id } } }",
        {"i": {"name": "Hot", "kind": "METRIC_ABOVE", "metric": "TEMPERATURE", "threshold": 70}},
        actor=admin,
    )
    rule_id: str = created["data"]["createAlertRule"]["alertRule"]["id"]
    return rule_id


async def _failed_job(gql: GQL, factory: Factory, admin: Actor) -> dict[str, Any]:
    assert admin.tenant is not None
    async with tenant_scope(admin.tenant.id):  # a synagogue's jobs live where its rows do
        job = await Job.create(
            tenant_id=admin.tenant.id,
            kind="email.send",
            status=JobStatus.FAILED,
            payload={},
            run_after=datetime.now(UTC),
        )
    return {"id": to_global_id("Job", job.id)}


async def _failed_delivery(gql: GQL, factory: Factory, admin: Actor) -> dict[str, Any]:
    assert admin.tenant is not None
    endpoint = await _endpoint(gql, factory, admin)
    async with tenant_scope(admin.tenant.id):
        delivery = await WebhookDelivery.create(
            endpoint_id=pk(endpoint["id"]), delivery_id=uuid.uuid4(), event="MESSAGE_CREATED", status="FAILED"
        )
    return {"id": to_global_id("WebhookDelivery", delivery.id)}


async def _recipient(gql: GQL, factory: Factory, admin: Actor) -> dict[str, Any]:
    added = await gql(
        "mutation($i: AddMessagingRecipientInput!) { addMessagingRecipient(input: $i) { recipient { id } } }",
        {"i": {"phone": "+12125550123"}},
        actor=admin,
    )
    return {"id": added["data"]["addMessagingRecipient"]["recipient"]["id"]}


CASES = [
    Case("claimDevice", "ClaimDeviceInput", _pairing_code),
    Case(
        "updateDevice",
        "UpdateDeviceInput",
        lambda g, f, a: _with(_device(g, f, a), lambda d: {"id": d, "name": "Hall"}),
    ),
    Case(
        "moveDevicesToGroup",
        "MoveDevicesToGroupInput",
        lambda g, f, a: _with(_device(g, f, a), lambda d: {"deviceIds": [d], "group": "Hall"}),
    ),
    Case(
        "renameDeviceGroup",
        "RenameDeviceGroupInput",
        lambda g, f, a: _with(_device(g, f, a, "Hall"), lambda d: {"name": "Hall", "newName": "Lobby"}),
    ),
    Case("revokeDevice", "ID", lambda g, f, a: _device(g, f, a)),
    Case(
        "sendDeviceCommand",
        "SendDeviceCommandInput",
        lambda g, f, a: _with(_device(g, f, a), lambda d: {"deviceId": d, "kind": "RELOAD"}),
    ),
    Case(
        "sendDeviceCommands",
        "SendDeviceCommandsInput",
        lambda g, f, a: _with(_device(g, f, a), lambda d: {"deviceIds": [d], "kind": "RELOAD"}),
    ),
    Case("setReleaseChannel", "SetReleaseChannelInput", lambda g, f, a: _value({"channel": "BETA"})),
    Case(
        "createApiKey",
        "CreateApiKeyInput",
        lambda g, f, a: _value({"name": "Newsletter", "allowedDocuments": [document_id("Synagogue")]}),
    ),
    Case("revokeApiKey", "ID", _api_key),
    Case("updateSynagogue", "UpdateSynagogueInput", lambda g, f, a: _value({"name": "Beth El"})),
    Case(
        "addMember",
        "AddMemberInput",
        lambda g, f, a: _with(f.user(), lambda user: {"email": user.email, "role": "VIEWER"}),
    ),
    Case(
        "setMemberRole",
        "SetMemberRoleInput",
        lambda g, f, a: _with(_other_member(f, a), lambda m: {"membershipId": m, "role": "EDITOR"}),
    ),
    Case("removeMember", "ID", lambda g, f, a: _other_member(f, a)),
    Case("revokeInvitation", "RevokeInvitationInput", _invitation),
    Case(
        "createWebhookEndpoint",
        "CreateWebhookEndpointInput",
        lambda g, f, a: _value({"url": "https://hooks.example.org/in", "events": ["MESSAGE_CREATED"]}),
    ),
    Case("deleteWebhookEndpoint", "DeleteWebhookEndpointInput", _endpoint),
    Case(
        "updateWebhookEndpoint",
        "UpdateWebhookEndpointInput",
        lambda g, f, a: _with(_endpoint(g, f, a), lambda e: {**e, "isActive": False}),
    ),
    Case("rotateWebhookSecret", "RotateWebhookSecretInput", _endpoint),
    Case("redeliverWebhookDelivery", "RedeliverWebhookDeliveryInput", _failed_delivery),
    Case("discardWebhookDelivery", "DiscardWebhookDeliveryInput", _failed_delivery),
    Case(
        "createAlertRule",
        "CreateAlertRuleInput",
        lambda g, f, a: _value({"name": "Offline", "kind": "DEVICE_OFFLINE", "threshold": 10}),
    ),
    Case(
        "updateAlertRule",
        "UpdateAlertRuleInput",
        lambda g, f, a: _with(_rule(g, f, a), lambda r: {"id": r, "threshold": 75}),
    ),
    Case("deleteAlertRule", "DeleteAlertRuleInput", lambda g, f, a: _with(_rule(g, f, a), lambda r: {"id": r})),
    Case("retryJob", "JobInput", _failed_job),
    Case("discardJob", "JobInput", _failed_job),
    Case(
        "configureMessaging",
        "ConfigureMessagingInput",
        lambda g, f, a: _value({"url": "https://sms.example.org/send", "apiKey": "key-1", "sender": "Shul"}),
    ),
    Case("addMessagingRecipient", "AddMessagingRecipientInput", lambda g, f, a: _value({"phone": "+972 2 123 4567"})),
    Case("removeMessagingRecipient", "RemoveMessagingRecipientInput", _recipient),
]


async def _value(value: Any) -> Any:
    return value


async def _with(pending: Awaitable[Any], make: Callable[[Any], Any]) -> Any:
    return make(await pending)


def admin_mutations() -> set[str]:
    """The mutations whose permission asks for ADMIN or above, read from the served schema."""
    mutation = build_schema().get_type_by_name("Mutation")
    assert isinstance(mutation, StrawberryObjectDefinition)
    found = set()
    for field in mutation.fields:
        roles = [getattr(permission, "role", None) for permission in field.permission_classes]
        if any(role is not None and role >= Role.ADMIN for role in roles):
            found.add(field.graphql_name or _camel(field.name))
    return found


def _camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(part.title() for part in rest)


def test_Z7_every_admin_mutation_has_a_case() -> None:
    assert {case.field for case in CASES} == admin_mutations()


async def _entries(tenant_db: asyncpg.Connection, tenant_id: int, actor_id: int) -> list[str]:
    rows = await tenant_db.fetch(
        "SELECT action FROM audit_entry WHERE tenant_id = $1 AND actor_id = $2 ORDER BY id", tenant_id, actor_id
    )
    return [row["action"] for row in rows]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.field)
async def test_Z7_an_admin_act_leaves_an_audit_entry(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection, case: Case
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    value = await case.build(gql, factory, admin)
    before = await _entries(tenant_db, admin.tenant.id, admin.user.id)
    if case.argument == "ID":
        document = f"mutation($v: ID!) {{ {case.field}(id: $v) {{ __typename }} }}"
    else:
        document = f"mutation($v: {case.argument}!) {{ {case.field}(input: $v) {{ __typename }} }}"
    result = await gql(document, {"v": value}, actor=admin)
    assert "errors" not in result, result
    after = await _entries(tenant_db, admin.tenant.id, admin.user.id)
    assert len(after) > len(before), (case.field, before, after)


async def test_Z7_the_application_role_can_only_append_to_a_synagogues_audit_log(
    factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    owner = await factory.member(role=Role.OWNER)
    entry_id = await tenant_db.fetchval(
        "INSERT INTO audit_entry (tenant_id, actor_id, action, target_id, impersonated, detail, request_id, at)"
        " VALUES ($1, $2, 'test.entry', '', false, '{}', '', now()) RETURNING id",
        owner.tenant.id,
        owner.user.id,
    )
    app = await asyncpg.connect(APP_URL)
    try:
        for statement in (
            "UPDATE audit_entry SET action = 'rewritten' WHERE id = $1",
            "DELETE FROM audit_entry WHERE id = $1",
        ):
            async with app.transaction():
                await app.execute("SELECT set_config('app.tenant_id', $1, true)", str(owner.tenant.id))
                with pytest.raises(asyncpg.InsufficientPrivilegeError):
                    await app.execute(statement, entry_id)
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await app.execute("TRUNCATE audit_entry")
        async with app.transaction():
            await app.execute("SELECT set_config('app.tenant_id', $1, true)", str(owner.tenant.id))
            await app.execute(
                "INSERT INTO audit_entry (tenant_id, actor_id, action, target_id, impersonated, detail, request_id,"
                " at) VALUES ($1, NULL, 'appended', '', false, '{}', '', now())",
                owner.tenant.id,
            )
    finally:
        await app.close()
    assert await tenant_db.fetchval("SELECT action FROM audit_entry WHERE id = $1", entry_id) == "test.entry"
