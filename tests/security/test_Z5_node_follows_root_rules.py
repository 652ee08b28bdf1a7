"""Z5 (security matrix): a caller reads a type through `node(id:)` (or any field returning a Node) that its own
root field would refuse (a device reading memberships, a viewer reading jobs) | the same answer as the root
field's rule gives: null / FORBIDDEN, nothing of the object.

Every Node type of the served schema has a case (a new one without a case fails): objects of one synagogue, and
the root fields that list the type, each sent as a trusted document. Every kind of caller (anonymous; the
synagogue's device and partner key; a VIEWER, EDITOR, ADMIN and OWNER; a member of another synagogue naming it,
and in their own; a platform admin naming it, and naming none) asks those root fields and `node(id:)` for each
object. When every root field refuses the caller, node refuses with the first one's codes and shows nothing of
the object; otherwise node answers the object exactly when an admitting root field's answer lists it. Me and User
have no node road: node answers null for them to everyone.

Every other field that returns a Node (or a list or connection of one) is listed too (a new one fails). The
callers that reach it, through any root field and the permission of every field on the way, must all be admitted
by the rule of its type's root fields; those rules are the fields' permission classes, read against the context
the server builds for each caller, and checked against what the root fields really answer. The few fields that
hand a caller its own object say so in OWN. Fields of Node types are also read through `node(id:)` by every
caller, who must get no object of a type whose root fields refuse them.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import asyncpg
import pytest
import redis.asyncio as aioredis

from config import Settings
from services.infra.budget import bucket_key
from tests.support import node_objects as make
from tests.support.callers import (
    Caller,
    Cast,
    admits,
    admits_all,
    cast_of,
    context_of,
    ids_of,
    root_field,
    send,
    subscribe,
)
from tests.support.documents import trusted
from tests.support.graphql import client_gql, error_codes
from tests.support.served import (
    ROOT_TYPES,
    Rule,
    element,
    fields_giving,
    node_fields,
    node_types,
    object_type,
    rule,
    through_node,
)
from tests.support.servers import redis_url
from tests.support.snapshot import unchanged

Variables = Callable[[str], dict[str, Any]]
NODE = trusted("Node")
COMMANDS = "{ devices(first: 10) { edges { node { id commands(first: 20) { edges { node { id } } } } } } }"


def _none(gid: str) -> dict[str, Any]:
    return {}


def _page(gid: str) -> dict[str, Any]:
    return {"first": 100}


def _few(gid: str) -> dict[str, Any]:
    return {"first": 10}


def _year(gid: str) -> dict[str, Any]:
    return {"from": "2030-01-01", "to": "2030-12-31", "first": 100}


def _id(gid: str) -> dict[str, Any]:
    return {"id": gid}


@dataclass(frozen=True)
class Root:
    """A root field that lists the type: the trusted document a partner key sends for it, its variables for an
    object's id, and (when that document does not select the type) the text the other callers send instead."""

    operation: str
    variables: Variables = _none
    text: str | None = None

    @property
    def field(self) -> tuple[str, str]:
        return root_field(trusted(self.operation).text)


@dataclass(frozen=True)
class Case:
    """How to make objects of the type in the cast's synagogue (their global ids), and its root fields."""

    make: Callable[[Cast], Awaitable[list[str]]]
    roots: tuple[Root, ...]
    road: bool = True


CASES: dict[str, Case] = {
    "Alert": Case(make.alerts, (Root("Alerts", _page),)),
    "AlertRule": Case(make.alert_rules, (Root("AlertRules", _page),)),
    "AliyahAssignment": Case(make.aliyah_assignment, (Root("AliyahAssignments", _year),)),
    "ApiKey": Case(make.api_key, (Root("ApiKeys", _page),)),
    "AuditEntry": Case(make.audit_entry, (Root("AuditLog", _page),)),
    "Device": Case(make.devices, (Root("Devices", _page), Root("CurrentDevice"))),
    "DeviceCommand": Case(make.device_commands, (Root("Devices", _page, COMMANDS), Root("DeviceCommands"))),
    "HolidayOverride": Case(make.holiday_override, (Root("HolidayOverrides", _year),)),
    "Invitation": Case(make.invitation, (Root("Invitations", _page),)),
    "Job": Case(make.jobs, (Root("Job", _id), Root("Jobs", _page))),
    "Media": Case(
        make.media,
        (Root("MemorialPhotos", _few), Root("MessageSlides", _few), Root("Devices", _few, make.SCREENSHOTS)),
    ),
    "Me": Case(make.owner, (Root("Me"),), road=False),
    "Membership": Case(make.membership, (Root("Members", _page),)),
    "Memorial": Case(make.memorial, (Root("Memorials", _page),)),
    "MemorialImport": Case(make.memorial_imports, (Root("MemorialImport", _id),)),
    "Message": Case(make.message, (Root("Messages", _page),)),
    "MessagingRecipient": Case(make.messaging_recipient, (Root("MessagingRecipients", _page),)),
    "PlatformAuditEntry": Case(make.platform_audit_entry, (Root("PlatformAuditLog", _page),)),
    "PrayerTime": Case(make.prayer_time, (Root("PrayerTimes", _page),)),
    "Session": Case(make.session, (Root("Sessions"),)),
    "SoftwareRelease": Case(make.software_releases, (Root("SoftwareReleases", _page), Root("AvailableRelease"))),
    "Synagogue": Case(make.synagogue, (Root("Synagogue"),)),
    "TorahClass": Case(make.torah_class, (Root("TorahClasses", _page),)),
    "User": Case(make.owner, (Root("Me"), Root("Members", _page)), road=False),
    "WebhookDelivery": Case(
        make.webhook_deliveries, (Root("WebhookEndpoints", _page, make.DELIVERIES), Root("AllWebhookDeliveries", _page))
    ),
    "WebhookEndpoint": Case(make.webhook_endpoint, (Root("WebhookEndpoints", _page),)),
}
"""Every Node type: how its objects are made, and the root fields that list it (a partner key sends each
document by id; the others send it, or the deeper text beside it). Me and User have no node road."""

FIELDS = [
    "AcceptInvitationPayload.membership", "AddMemberPayload.invitation", "AddMemberPayload.membership",
    "Alert.device", "Alert.rule", "AlertPayload.alert", "AlertRule.device", "AlertRulePayload.alertRule",
    "Anomaly.device", "AssignAliyahPayload.assignment", "AuditEntry.actor", "ChangePasswordPayload.user",
    "CompleteDevicePairingPayload.device", "CreateApiKeyPayload.apiKey", "CreateSynagoguePayload.synagogue",
    "CreateWebhookEndpointPayload.webhookEndpoint", "DeclineInvitationPayload.invitation", "Device.commands",
    "Device.latestScreenshot", "Device.targetRelease", "DeviceCommand.screenshot", "DeviceCommandPayload.command",
    "DiscardWebhookDeliveryPayload.webhookDelivery",
    "DeviceCommandResult.command", "DeviceGroup.devices", "DeviceGroupPayload.devices", "DevicePayload.device",
    "DeviceSettingsPayload.device", "DeviceUptime.device", "HolidayOverridePayload.holidayOverride",
    "ImportMemorialsPayload.memorialImport", "Invitation.invitedBy", "LoginPayload.user", "Me.invitations",
    "Me.memberships", "MediaUpload.media", "Membership.synagogue", "Membership.user", "Memorial.photo",
    "MemorialPayload.memorial", "Message.image", "MessagePayload.message", "MessagingRecipientPayload.recipient",
    "PlatformAuditEntry.actor", "PrayerTimePayload.prayerTime", "RedeliverWebhookDeliveryPayload.webhookDelivery",
    "RegisterPayload.user", "RetryJobPayload.job", "RevokeApiKeyPayload.apiKey",
    "RevokeInvitationPayload.invitation", "RotateWebhookSecretPayload.webhookEndpoint",
    "SetMemberRolePayload.membership", "SoftwareReleasePayload.release", "TorahClassPayload.torahClass",
    "UpdateSynagoguePayload.synagogue", "UpdateWebhookEndpointPayload.webhookEndpoint",
    "WebhookEndpoint.deliveries", "Yahrzeit.memorial",
]  # fmt: skip
"""Every field that returns a Node type (or a list or connection of one) outside the root types."""
OWN = {
    "LoginPayload.user": "the account just signed in to, as `me` shows it from then on",
    "RegisterPayload.user": "the account just created, as `me` shows it once signed in",
    "CompleteDevicePairingPayload.device": "the TV being paired: its device code is its credential, and the "
    "payload hands it its device token (it is that device from then on, as currentDevice shows it)",
    "CreateSynagoguePayload.synagogue": "the synagogue just created, of which the caller is now the OWNER",
    "Me.memberships": "the caller's own memberships (the synagogues it may name), whichever synagogue it acts in",
    "Me.invitations": "the invitations sent to the caller's own address, which it may answer from any synagogue",
    "AcceptInvitationPayload.membership": "the membership the caller has just accepted, in whichever synagogue",
    "DeclineInvitationPayload.invitation": "an invitation sent to the caller's own address, as `me` lists it",
}
"""Fields that hand a caller its own object, which its type's root fields would refuse in that request."""


def ways(type_name: str, seen: frozenset[str] = frozenset()) -> list[list[Rule]]:
    """How a caller comes to an object of `type_name`, one list of rules to pass per road: a Node type's roads
    are its root fields (node and its other fields follow them, as this module checks); any other type is reached
    from a root field through the fields that give it."""
    if type_name in CASES:
        return [[rule(*root.field)] for root in CASES[type_name].roots]
    found: list[list[Rule]] = []
    for owner, name in fields_giving(type_name):
        if owner in ROOT_TYPES:
            found.append([rule(owner, name)])
        elif owner not in seen:
            found += [[*way, rule(owner, name)] for way in ways(owner, seen | {type_name})]
    return found


@pytest.fixture(scope="module")
async def cast(app: Any, settings: Settings) -> AsyncIterator[Cast]:
    gql = client_gql(app)
    allowlist = {NODE.operation_name, *(root.operation for case in CASES.values() for root in case.roots)}
    yield await cast_of(gql, settings, allowlist)
    await gql.http.aclose()


@pytest.fixture(autouse=True)
async def fresh_budgets(cast: Cast) -> AsyncIterator[None]:
    """Each case starts with full cost budgets for the cast's callers: the module sends each of them hundreds
    of requests, more than a budget restores in the seconds they take (budgets are tested in their own module)."""
    client = aioredis.Redis.from_url(redis_url())  # the app's Redis (REDIS_URL)
    users = [actor.user.id for actor in (*cast.members.values(), cast.outsider, cast.platform)]
    keys = [bucket_key(None, f"user:{user}") for user in users]  # a synagogue refused is no synagogue named
    for tenant in (cast.tenant, cast.other):
        keys += [key async for key in client.scan_iter(f"{bucket_key(tenant.id, '')}*")]
    await client.delete(*keys)
    await client.aclose()
    yield


async def objects(cast: Cast, type_name: str) -> list[str]:
    """The objects of a type made for the cast's synagogue (made once, on first use)."""
    if type_name not in cast.objects:
        cast.objects[type_name] = await CASES[type_name].make(cast)
    return cast.objects[type_name]


@dataclass
class Outcome:
    """What a root field answered a caller: its error codes (a refusal), or the objects of the type it listed."""

    codes: list[str]
    listed: set[str] = field(default_factory=set)

    @property
    def admitted(self) -> bool:
        return not self.codes


async def outcome(cast: Cast, app: Any, caller: Caller, root: Root, type_name: str, gid: str) -> Outcome:
    document = trusted(root.operation)
    if document.operation_type == "subscription":
        answer = await subscribe(app, caller, document.text)
    else:
        answer = await send(cast.gql, caller, document, root.variables(gid), root.text)
    return Outcome(error_codes(answer), ids_of(answer.get("data"), type_name))


def expected(case: Case, type_name: str, gid: str, outcomes: list[Outcome], context: Any) -> tuple[list[str], Any]:
    """The error codes and the object node(id:) must answer: the first root field's refusal when every one
    refuses the caller (for a type without a road, null, or the refusal of the synagogue named), else the object
    exactly when an admitting root field lists it."""
    if not case.road:
        return [context.tenant_error.value] if context.tenant_error else [], None
    if not any(o.admitted for o in outcomes):
        return outcomes[0].codes, None
    listed = any(gid in o.listed for o in outcomes if o.admitted)
    return [], {"id": gid, "__typename": type_name} if listed else None


def test_Z5_every_node_type_has_a_case() -> None:
    assert node_types() == CASES.keys()


@pytest.mark.parametrize("type_name", sorted(CASES))
async def test_Z5_node_answers_as_the_root_fields_missing_role_and_cross_tenant(
    type_name: str, cast: Cast, app: Any, settings: Settings, owner_db: asyncpg.Connection
) -> None:
    case, wrong = CASES[type_name], []
    ids = await objects(cast, type_name)
    for caller in cast.callers:
        context = await context_of(app, settings, caller)
        streams = {  # before the snapshot: a device's own stream marks its commands delivered
            root: await outcome(cast, app, caller, root, type_name, "")
            for root in case.roots
            if trusted(root.operation).operation_type == "subscription"
        }
        guard = contextlib.nullcontext() if caller.audited else unchanged(owner_db, cast.tenant, cast.other)
        async with guard:
            for gid in ids:
                outcomes = [streams.get(r) or await outcome(cast, app, caller, r, type_name, gid) for r in case.roots]
                for root, said in zip(case.roots, outcomes, strict=True):
                    if await admits(context, rule(*root.field)) != said.admitted:
                        wrong.append(f"{caller.name}: the permission classes of {root.operation} say not {said}")
                node = await send(cast.gql, caller, NODE, {"id": gid})
                got = (error_codes(node), (node.get("data") or {}).get("node"))
                if got != (should := expected(case, type_name, gid, outcomes, context)):
                    wrong.append(f"{caller.name}, {gid}: node answered {got}, not {should} ({outcomes})")
    assert not wrong, "\n".join(wrong)


def test_Z5_every_field_returning_a_node_has_a_case() -> None:
    assert node_fields() == set(FIELDS)
    assert OWN.keys() <= set(FIELDS)


@pytest.mark.parametrize("name", FIELDS)
async def test_Z5_a_field_returning_a_node_gives_only_whom_its_type_admits(
    name: str, cast: Cast, app: Any, settings: Settings
) -> None:
    owner, field_name = name.split(".")
    target = element(object_type(owner).fields[field_name].type)
    read = owner in CASES and CASES[owner].road  # read through node(id:) too, by every caller
    assert ways(owner), f"no root field leads to {owner}"
    if read:
        await objects(cast, target)
    outside, seen = [], set()
    for caller in cast.callers:
        context = await context_of(app, settings, caller)
        reaches = [await admits_all(context, [*way, rule(owner, field_name)]) for way in ways(owner)]
        allowed = [await admits(context, rule(*root.field)) for root in CASES[target].roots]
        if any(reaches) and not any(allowed):
            outside.append(caller.name)
        for gid in await objects(cast, owner) if read and not caller.partner else []:
            answer = await cast.gql(through_node(owner, field_name), {"id": gid}, headers=caller.headers)
            assert "GRAPHQL_VALIDATION_FAILED" not in error_codes(answer), answer
            got = ids_of(answer.get("data"), target)
            assert any(allowed) or not got, f"{caller.name} read {got} through {name}"
            seen |= got
    assert not read or seen, f"nobody read a {target} through {name}: the case proves nothing"
    if name in OWN:
        assert outside, f"{name} hands no caller more than {target}'s root fields allow: take it off OWN"
    else:
        assert not outside, f"{outside} reach {name}, but {target}'s root fields refuse them"
