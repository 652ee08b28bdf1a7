"""Objects of every Node type in a cast's synagogue (tests/support/callers.py), one maker per type, each giving
the global ids of what it made: through the trusted documents its staff send where there is one, else directly.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from models.analytics import Alert
from models.base import tenant_scope
from models.identity import Role, SessionFamily
from models.platform import PlatformAuditEntry
from services.infra.ids import to_global_id
from tests.support.actors import unique
from tests.support.callers import Cast, ids_of
from tests.support.documents import trusted
from tests.support.graphql import pk
from tests.support.media import grant, png, put
from tests.support.outbox import queue_email
from tests.support.tenancy import membership_gid, seed_audit

ENDPOINT = {"url": "https://hooks.example.org/in", "events": ["MESSAGE_CREATED"]}
INVITE = "mutation($input: AddMemberInput!) { addMember(input: $input) { invitation { id } userErrors { code } } }"
DELIVERIES = "{ webhookEndpoints(first: 10) { edges { node { id deliveries(first: 20) { edges { node { id } } } } } } }"


async def create(cast: Cast, operation: str, values: dict[str, Any], role: Role = Role.ADMIN) -> list[str]:
    """The object a create mutation (a trusted document taking `input`) returns, run by the synagogue's `role`."""
    result = await cast.gql(trusted(operation).text, {"input": values}, actor=cast.members[role])
    payload = next(iter(result["data"].values()))
    assert payload["userErrors"] == [], result
    made = next(value for value in payload.values() if isinstance(value, dict) and "id" in value)
    return [str(made["id"])]


async def aliyah_assignment(cast: Cast) -> list[str]:
    return await create(cast, "AssignAliyah", {"date": "2030-03-09", "aliyah": "LEVI", "personName": "Reuven"})


async def holiday_override(cast: Cast) -> list[str]:
    values = {"date": "2030-03-08", "kind": "CANDLE_LIGHTING", "time": "17:30"}
    return await create(cast, "SetHolidayOverride", values)


async def memorial(cast: Cast) -> list[str]:
    return await create(cast, "CreateMemorial", {"name": "Reb Zalman", "dateOfDeath": "2001-05-06"})


async def message(cast: Cast) -> list[str]:
    return await create(cast, "CreateMessage", {"title": "Kiddush"})


async def prayer_time(cast: Cast) -> list[str]:
    return await create(cast, "CreatePrayerTime", {"name": "Shacharit", "days": ["MONDAY"], "fixedTime": "07:00"})


async def torah_class(cast: Cast) -> list[str]:
    return await create(cast, "CreateTorahClass", {"title": "Gemara", "days": ["MONDAY"], "time": "20:00"})


async def alert_rules(cast: Cast) -> list[str]:
    """A rule watching every device and one watching the cast's device (which AlertRule.device shows)."""
    made = await create(cast, "CreateAlertRule", {"name": "Offline", "kind": "DEVICE_OFFLINE", "threshold": 10})
    hot = {"name": "Hot", "kind": "METRIC_ABOVE", "metric": "TEMPERATURE", "threshold": 80, "target": "DEVICE"}
    return made + await create(cast, "CreateAlertRule", {**hot, "deviceId": cast.tv.gid})


async def alerts(cast: Cast) -> list[str]:
    """An open alert of the cast's device-wide rule (alerts are opened by the worker's evaluation, so directly)."""
    rules = cast.objects["AlertRule"] = cast.objects.get("AlertRule") or await alert_rules(cast)
    async with tenant_scope(cast.tenant.id):
        row = await Alert.create(
            rule_id=pk(rules[-1]), device_id=pk(cast.tv.gid), opened_at=datetime.now(UTC), value=91, message="Hot"
        )
    return [to_global_id("Alert", row.id)]


async def messaging_recipient(cast: Cast) -> list[str]:
    return await create(cast, "AddMessagingRecipient", {"phone": "+1 202 555 0143", "name": "Gabbai"})


async def api_key(cast: Cast) -> list[str]:
    return [cast.key["apiKey"]["id"]]


async def audit_entry(cast: Cast) -> list[str]:
    made = await seed_audit(cast.tenant, actor_id=cast.members[Role.OWNER].user.id)
    return [to_global_id("AuditEntry", pk) for pk in made]


async def devices(cast: Cast) -> list[str]:
    return [cast.tv.gid, cast.other_tv.gid]


async def device_commands(cast: Cast) -> list[str]:
    """A command to the cast's device and one to its other device, pending."""
    made = []
    for tv in (cast.tv, cast.other_tv):
        made += await create(cast, "SendDeviceCommand", {"deviceId": tv.gid, "kind": "RELOAD"})
    return made


async def invitation(cast: Cast) -> list[str]:
    """A pending invitation of the synagogue, to an address without an account."""
    values = {"email": f"{unique('invitee')}@example.org", "role": "VIEWER"}
    result = await cast.gql(INVITE, {"input": values}, actor=cast.members[Role.ADMIN])
    assert result["data"]["addMember"]["userErrors"] == [], result
    return [result["data"]["addMember"]["invitation"]["id"]]


async def jobs(cast: Cast, type_name: str = "Job") -> list[str]:
    """A memorial import (a job its staff follow) and an e-mail (one they do not), as ids of `type_name`."""
    imported = await create(cast, "ImportMemorials", {"csv": "name,date_of_death\nReb Zalman,2001-05-06\n"})
    email = await queue_email(cast.tenant.id, "family@example.org")
    return [to_global_id(type_name, pk(imported[0])), to_global_id(type_name, email.id)]


async def memorial_imports(cast: Cast) -> list[str]:
    return await jobs(cast, "MemorialImport")


async def membership(cast: Cast) -> list[str]:
    return [await membership_gid(cast.members[Role.VIEWER])]


async def owner(cast: Cast) -> list[str]:
    """The OWNER's account (the id of a User, and of its Me)."""
    return [to_global_id("User", cast.members[Role.OWNER].user.id)]


async def platform_audit_entry(cast: Cast) -> list[str]:
    entry = await PlatformAuditEntry.create(action="test.seed", actor_id=cast.platform.user.id)
    return [to_global_id("PlatformAuditEntry", entry.id)]


async def session(cast: Cast) -> list[str]:
    """An open session of the OWNER."""
    family = await SessionFamily.create(user=cast.members[Role.OWNER].user)
    return [to_global_id("Session", family.id)]


async def software_releases(cast: Cast) -> list[str]:
    """An older and the newest release of the synagogue's channel (newer than any other test's)."""
    major = int(time.time() * 1000)
    made = []
    for version in (f"{major}.0.0", f"{major}.1.0"):
        values = {"version": version, "channel": "STABLE", "url": "https://dl.example.org/tv.apk", "checksum": "e" * 64}
        result = await cast.gql(trusted("PublishSoftwareRelease").text, {"input": values}, actor=cast.platform)
        made.append(result["data"]["publishSoftwareRelease"]["release"]["id"])
    return made


async def synagogue(cast: Cast) -> list[str]:
    return [cast.tenant_gid]


async def webhook_endpoint(cast: Cast) -> list[str]:
    return await create(cast, "CreateWebhookEndpoint", ENDPOINT)


async def webhook_deliveries(cast: Cast) -> list[str]:
    """The delivery of a new message to a new endpoint, which joins the cast's endpoints."""
    cast.objects.setdefault("WebhookEndpoint", []).extend(await webhook_endpoint(cast))
    await message(cast)
    result = await cast.gql(DELIVERIES, actor=cast.members[Role.ADMIN])
    return sorted(ids_of(result["data"], "WebhookDelivery"))


SCREENSHOTS = (
    "{ devices(first: 5) { edges { node { id latestScreenshot { id } "
    "commands(first: 10) { edges { node { id screenshot { id } } } } } } } }"
)


async def _uploaded(cast: Cast, upload: dict[str, Any], data: bytes) -> str:
    response = await put(cast.gql.http, upload, data)
    assert response.status_code == 200, response.text
    return str(upload["media"]["id"])


async def media(cast: Cast) -> list[str]:
    """A memorial's photo, a message's image and a device's screenshot, each uploaded, verified and attached; and
    an upload granted but never attached (no field lists it, so node shows it to no one)."""
    editor, data = cast.members[Role.EDITOR], png()
    photo = await _uploaded(cast, await grant(cast.gql, editor, data), data)
    pictured = (await memorial(cast))[0]
    values = {"memorialId": pictured, "mediaId": photo}
    assert await create(cast, "AttachMemorialPhoto", values, Role.EDITOR)
    image = await _uploaded(cast, await grant(cast.gql, editor, data, kind="MESSAGE_IMAGE"), data)
    slide = (await message(cast))[0]
    values = {"messageId": slide, "mediaId": image, "caption": "Kiddush"}
    assert await create(cast, "AttachMessageImage", values, Role.EDITOR)
    loose = (await grant(cast.gql, editor, data))["media"]["id"]
    command = (await create(cast, "SendDeviceCommand", {"deviceId": cast.tv.gid, "kind": "SCREENSHOT"}))[0]
    declared = {"input": {"commandId": command, "contentType": "image/png", "byteSize": len(data)}}
    created = await cast.gql(trusted("CreateScreenshotUpload").text, declared, headers=cast.tv.headers)
    screenshot = await _uploaded(cast, created["data"]["createScreenshotUpload"]["upload"], data)
    attached = await cast.gql(
        trusted("AttachScreenshot").text,
        {"input": {"commandId": command, "mediaId": screenshot}},
        headers=cast.tv.headers,
    )
    assert attached["data"]["attachScreenshot"]["userErrors"] == [], attached
    for type_name, made, holder in (("Memorial", memorial, pictured), ("Message", message, slide)):
        cast.objects[type_name] = [*(cast.objects.get(type_name) or await made(cast)), holder]
    commands = cast.objects.get("DeviceCommand") or await device_commands(cast)
    cast.objects["DeviceCommand"] = [*commands, command]  # Memorial.photo, ... are read on these
    return [photo, image, screenshot, str(loose)]
