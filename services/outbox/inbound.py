"""The HTTP door for a text-message provider's inbound webhook: a recipient's reply (STOP, START) forwarded as
`POST /messaging/inbound/{synagogue id}/{token}` with JSON `{"from", "text"}` (or a URL-encoded form with
`From` and `Body`, as some providers send). 204 when taken, 404 for an unknown synagogue or token (alike), 400
for a body without a sender and a text."""

from __future__ import annotations

import json
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import Response

from models.base import tenant_scope
from services.infra.ids import decode_id
from services.outbox.messaging import record_reply


async def _reply_of(request: Request) -> tuple[str, str] | None:
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            body = json.loads(await request.body())
        except ValueError:
            return None
        sender, text = (body.get("from"), body.get("text")) if isinstance(body, dict) else (None, None)
    elif request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        form = parse_qs((await request.body()).decode(errors="replace"))
        sender, text = next(iter(form.get("From", [])), None), next(iter(form.get("Body", [])), None)
    else:
        return None
    if not isinstance(sender, str) or not isinstance(text, str):
        return None
    return sender[:40], text[:200]


async def messaging_inbound(request: Request) -> Response:
    reply = await _reply_of(request)
    if reply is None:
        return Response(status_code=400)
    tenant_id = decode_id(request.path_params["synagogue"], "Synagogue")
    if tenant_id is None:
        return Response(status_code=404)
    async with tenant_scope(tenant_id):
        taken = await record_reply(request.path_params["token"], *reply)
    return Response(status_code=204 if taken else 404)
