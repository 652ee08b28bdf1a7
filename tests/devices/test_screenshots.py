"""SCREENSHOT commands complete when the screen uploads its capture: createScreenshotUpload for its own open command,
the presigned PUT, attachScreenshot (verified like every image); the admin then sees the capture on the command and
on the device. An acknowledgement alone does not complete one; another device's command is NOT_FOUND."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import asyncpg
import httpx
from PIL import Image

from models.identity import Role
from tests.support.actors import Factory
from tests.support.devices import TV, make_tv
from tests.support.graphql import GQL, error_codes, user_errors
from tests.support.media import png, put
from tests.support.snapshot import unchanged

CREATE = """mutation($input: CreateScreenshotUploadInput!) {
  createScreenshotUpload(input: $input) {
    upload { media { id status } url method headers { name value } }
    userErrors { field code }
  }
}"""
ATTACH = """mutation($input: AttachScreenshotInput!) {
  attachScreenshot(input: $input) { command { id status screenshot { id kind width height } } userErrors { code } }
}"""
SEEN = """query($id: ID!) {
  node(id: $id) { ... on Device { latestScreenshot { kind width height url } } }
}"""


async def _screenshot_command(gql: GQL, admin: Any, tv: TV) -> str:
    sent = await gql.op("SendDeviceCommand", {"input": {"deviceId": tv.gid, "kind": "SCREENSHOT"}}, actor=admin)
    command_id: str = sent["data"]["sendDeviceCommand"]["command"]["id"]
    return command_id


def _declared(command_id: str, data: bytes) -> dict[str, Any]:
    return {"input": {"commandId": command_id, "contentType": "image/png", "byteSize": len(data)}}


async def test_a_screenshot_completes_when_its_capture_is_uploaded(
    gql: GQL, http: httpx.AsyncClient, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    command_id = await _screenshot_command(gql, admin, tv)
    answer = {"input": {"commandId": command_id, "success": True}}
    acknowledged = await gql.op("AcknowledgeDeviceCommand", answer, headers=tv.headers)
    assert [e["code"] for e in user_errors(acknowledged, "acknowledgeDeviceCommand")] == ["NOT_UPLOADED"]

    capture = png(1920, 1080)
    created = await gql(CREATE, _declared(command_id, capture), headers=tv.headers)
    upload = created["data"]["createScreenshotUpload"]["upload"]
    assert (await put(http, upload, capture)).status_code == 200
    attached = await gql(
        ATTACH, {"input": {"commandId": command_id, "mediaId": upload["media"]["id"]}}, headers=tv.headers
    )
    command = attached["data"]["attachScreenshot"]["command"]
    assert command["status"] == "ACKNOWLEDGED"
    assert command["screenshot"] == {"id": upload["media"]["id"], "kind": "SCREENSHOT", "width": 1920, "height": 1080}

    seen = (await gql(SEEN, {"id": tv.gid}, actor=admin))["data"]["node"]["latestScreenshot"]
    assert (seen["kind"], seen["width"]) == ("SCREENSHOT", 1920)
    served = await http.get(seen["url"])
    assert served.status_code == 200 and Image.open(BytesIO(served.content)).size == (1920, 1080)

    again = await gql(CREATE, _declared(command_id, capture), headers=tv.headers)
    assert [e["code"] for e in user_errors(again, "createScreenshotUpload")] == ["INVALID"]  # no longer open


async def test_screenshot_cross_tenant_another_devices_command_is_not_found(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    stranger = await factory.member(role=Role.ADMIN)
    tv, neighbour, foreign = await make_tv(admin.tenant), await make_tv(admin.tenant), await make_tv(stranger.tenant)
    command_id = await _screenshot_command(gql, admin, tv)
    async with unchanged(owner_db, admin.tenant, stranger.tenant):
        for other in (neighbour, foreign):
            result = await gql(CREATE, _declared(command_id, png()), headers=other.headers)
            assert user_errors(result, "createScreenshotUpload") == [{"field": ["commandId"], "code": "NOT_FOUND"}]
            attach = {"input": {"commandId": command_id, "mediaId": "TWVkaWE6MQ"}}
            result = await gql(ATTACH, attach, headers=other.headers)
            assert [e["code"] for e in user_errors(result, "attachScreenshot")] == ["NOT_FOUND"]


async def test_screenshot_missing_role_members_cannot_upload_for_a_screen(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    command_id = await _screenshot_command(gql, admin, tv)
    async with unchanged(owner_db, admin):
        assert error_codes(await gql(CREATE, _declared(command_id, png()), actor=admin)) == ["FORBIDDEN"]
        attach = {"input": {"commandId": command_id, "mediaId": "TWVkaWE6MQ"}}
        assert error_codes(await gql(ATTACH, attach, actor=admin)) == ["FORBIDDEN"]
        assert error_codes(await gql(CREATE, _declared(command_id, png()))) == ["UNAUTHENTICATED"]
