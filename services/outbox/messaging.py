"""Text messages (SMS and WhatsApp) of a synagogue: its provider, its recipients, and each message as a job.

A provider is reached through `TextProvider`; `HttpTextProvider` is the one kind there is, shaped like the common
SMS APIs: a JSON POST (`to`, `from`, `channel`, `body`, `reference`) with `Authorization: Bearer <key>`, answered
2xx with the provider's message id (`id`, `sid` or `messageId`). The URL is checked like a webhook's (no
private addresses unless `WEBHOOK_ALLOW_PRIVATE_TARGETS`, the address pinned) and the key is sealed at rest.

Every message is a job queued in the transaction of what it announces (`queue_texts`), carrying a delivery id
that the provider receives as `reference` on every attempt. 5xx, 408, 429 and timeouts are retried with the
queue's backoff; other answers fail the job. A recipient who opted out (replied STOP: `record_reply`, reached by
the provider's inbound webhook `POST /messaging/inbound/{synagogue id}/{token}`) gets nothing more, queued
messages included; START opts in again.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

import httpx

from config import get_settings
from models.base import current_tenant_id
from models.outbox import MessagingChannel, MessagingProvider, MessagingRecipient
from services.infra.problems import Problem, Problems
from services.outbox.phones import is_region, to_e164
from services.outbox.queue import JobRun, enqueue, handler
from services.webhooks.targets import RefusedTarget, check_target, open_secret, pinned_request, seal_secret

log = logging.getLogger("shulgraph.messaging")

TEXT_JOB = "messaging.send"
TEXT_MAX_ATTEMPTS = 10
MAX_BODY = 1000
STOP_WORDS = frozenset({"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"})
START_WORDS = frozenset({"START", "UNSTOP", "YES"})


@dataclass(frozen=True)
class TextMessage:
    delivery_id: str
    to: str
    channel: MessagingChannel
    sender: str
    body: str


@dataclass(frozen=True)
class SendResult:
    sent: bool
    retry: bool
    provider_id: str = ""
    error: str = ""


class TextProvider(Protocol):
    """Something that sends one text message and says how it went."""

    async def send(self, message: TextMessage) -> SendResult: ...


class HttpTextProvider:
    """A provider behind a JSON HTTP API with a bearer key (see the module)."""

    def __init__(self, url: str, api_key: str, *, allow_private: bool, timeout: float) -> None:
        self.url, self.api_key, self.allow_private, self.timeout = url, api_key, allow_private, timeout

    async def send(self, message: TextMessage) -> SendResult:
        body = {
            "to": message.to,
            "from": message.sender,
            "channel": message.channel.value.lower(),
            "body": message.body,
            "reference": message.delivery_id,
        }
        try:
            url, host, extensions = await pinned_request(self.url, self.allow_private)
        except RefusedTarget as error:
            return SendResult(False, False, error=str(error))
        headers = {**host, "authorization": f"Bearer {self.api_key}", "content-type": "application/json"}
        try:
            async with (
                asyncio.timeout(self.timeout),
                httpx.AsyncClient(timeout=self.timeout, follow_redirects=False, trust_env=False) as client,
            ):
                response = await client.post(url, content=json.dumps(body), headers=headers, extensions=extensions)
        except (TimeoutError, httpx.HTTPError) as error:
            return SendResult(False, True, error=f"{type(error).__name__}: {error}"[:300])
        code = response.status_code
        if 200 <= code < 300:
            return SendResult(True, False, provider_id=_provider_id(response))
        return SendResult(False, code >= 500 or code in {408, 429}, error=f"HTTP {code}: {response.text[:200]}")


def _provider_id(response: httpx.Response) -> str:
    try:
        answer = response.json()
    except ValueError:
        return ""
    if not isinstance(answer, dict):
        return ""
    return str(answer.get("id") or answer.get("sid") or answer.get("messageId") or "")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class ProviderSettings:
    url: str
    api_key: str | None
    sender: str
    whatsapp_sender: str
    enabled: bool


async def configure_provider(given: ProviderSettings, *, allow_private: bool) -> tuple[str | None, list[Problem]]:
    """Set the synagogue's provider (a key is needed the first time; None keeps the stored one). Returns a new
    inbound token for the provider's reply webhook (shown once), or the problems of the input."""
    problems = Problems()
    url = problems.text("url", given.url, max_length=2000, required=True)
    sender = problems.text("sender", given.sender, max_length=40) or ""
    whatsapp = problems.text("whatsappSender", given.whatsapp_sender, max_length=40) or ""
    existing = await MessagingProvider.first()
    key = problems.text("apiKey", given.api_key, max_length=500, required=existing is None)
    if url:
        try:
            await check_target(url, allow_private)
        except RefusedTarget as error:
            problems.add("url", "INVALID", str(error))
    if problems:
        return None, problems
    token = secrets.token_urlsafe(24)
    values: dict[str, Any] = {
        "url": url,
        "sender": sender,
        "whatsapp_sender": whatsapp,
        "enabled": given.enabled,
        "inbound_token_hash": _token_hash(token),
    }
    if key:
        values["api_key_sealed"] = seal_secret(key, current_tenant_id())
    if existing is None:
        await MessagingProvider.create(**values)
    else:
        await MessagingProvider.filter(id=existing.id).update(**values)
    return token, []


async def add_recipient(name: str, phone: str, channel: MessagingChannel, region: str | None) -> tuple[
    MessagingRecipient | None, list[Problem]
]:
    """A recipient of the synagogue's alerts, the number normalised to E.164."""
    problems = Problems()
    name = problems.text("name", name, max_length=120) or ""
    if region and not is_region(region):
        problems.add("region", "INVALID", "not a region code (ISO 3166 alpha-2, such as US or IL)")
    number = to_e164(phone, region)
    if number is None:
        problems.add("phone", "INVALID", "not a phone number (write it with + and the country code, or give region)")
    elif await MessagingRecipient.filter(phone=number, channel=channel).exists():
        problems.add("phone", "TAKEN", "this number already receives messages on this channel")
    if problems:
        return None, problems
    return await MessagingRecipient.create(name=name, phone=number, channel=channel), []


async def queue_texts(body: str) -> int:
    """Queue `body` to every recipient who has not opted out, when the synagogue's provider is enabled; returns
    how many messages were queued (in the caller's transaction)."""
    provider = await MessagingProvider.first()
    if provider is None or not provider.enabled:
        return 0
    recipients = await MessagingRecipient.filter(opted_out_at=None).order_by("id")
    for recipient in recipients:
        payload = {"deliveryId": str(uuid.uuid4()), "recipient": recipient.id, "body": body[:MAX_BODY]}
        await enqueue(TEXT_JOB, payload, max_attempts=TEXT_MAX_ATTEMPTS)
    return len(recipients)


class TextRetry(RuntimeError):
    """A transient failure of the provider: the queue retries with backoff."""


def provider_for(row: MessagingProvider) -> TextProvider:
    settings = get_settings()
    key = open_secret(row.api_key_sealed, row.tenant_id)
    return HttpTextProvider(
        row.url, key, allow_private=settings.webhook_allow_private_targets, timeout=settings.messaging_timeout_seconds
    )


@handler(TEXT_JOB)
async def send_text(run: JobRun) -> None:
    """Send one queued message, unless its recipient opted out or the provider was switched off meanwhile."""
    async with run.scope():
        recipient = await MessagingRecipient.filter(id=run.payload["recipient"]).first()
        provider = await MessagingProvider.first()
    if recipient is None or recipient.opted_out_at is not None or provider is None or not provider.enabled:
        await run.finish({"deliveryId": run.payload["deliveryId"], "skipped": True})
        return
    sender = provider.whatsapp_sender if recipient.channel == MessagingChannel.WHATSAPP else provider.sender
    message = TextMessage(
        run.payload["deliveryId"], recipient.phone, recipient.channel, sender or provider.sender, run.payload["body"]
    )
    result = await provider_for(provider).send(message)
    if result.sent:
        log.info("text sent", extra={"delivery": message.delivery_id, "job": run.job_id, "channel": message.channel})
        await run.finish({"deliveryId": message.delivery_id, "providerId": result.provider_id})
        return
    if not result.retry:
        await run.finish({"deliveryId": message.delivery_id}, [{"message": result.error}], failed=True)
        return
    raise TextRetry(result.error)


async def record_reply(token: str, sender: str, text: str) -> bool:
    """A recipient's reply, as the synagogue's provider forwards it: STOP (and its synonyms) opts the number out
    of every channel, START opts it in again. False when the token is not the synagogue's."""
    provider = await MessagingProvider.first()
    if provider is None or not hmac.compare_digest(provider.inbound_token_hash, _token_hash(token)):
        return False
    number = to_e164(sender)
    word = text.strip().upper()
    if number is None or word not in STOP_WORDS | START_WORDS:
        return True
    opted_out = datetime.now(UTC) if word in STOP_WORDS else None
    await MessagingRecipient.filter(phone=number).update(opted_out_at=opted_out)
    log.info("text reply", extra={"tenant": current_tenant_id(), "opted_out": opted_out is not None})
    return True
