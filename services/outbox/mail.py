"""Outgoing e-mail through the job queue: queued in the caller's transaction, sent by the worker.

Each message gets a delivery id (a UUID) when it is queued. Every attempt to send it carries that id
as `Message-ID: <id@domain>` and `X-ShulGraph-Delivery: id`, so a message sent again after a worker
died mid-send is recognisably the same message. Without `SMTP_URL` (the embedded mode) a message is
written to the log instead, and counts as delivered.

A transient failure (no connection, a timeout, a 4xx reply) is retried with backoff by the queue; a
5xx reply fails the job at once with the server's reason in the job's errors.
"""

from __future__ import annotations

import asyncio
import logging
import re
import smtplib
import ssl
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from typing import Any
from urllib.parse import unquote, urlsplit

from config import Settings, get_settings
from models.base import tenant_id_or_none
from models.outbox import Job
from services.outbox.queue import JobRun, enqueue, handler

log = logging.getLogger("shulgraph.mail")

EMAIL_JOB = "email.send"
EMAIL_MAX_ATTEMPTS = 15  # with the queue's doubling backoff from 5 s: about 23 hours of retries
_ADDRESS = re.compile(r"^[^@\s<>\"',;:()\[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$")


class InvalidAddress(ValueError):
    """The recipient is not one plain e-mail address."""


class PermanentMailFailure(RuntimeError):
    """The SMTP server refused the message for good (a 5xx reply)."""


def is_address(value: str) -> bool:
    """A single plain address (no display name, no header-breaking characters)."""
    return len(value) <= 254 and _ADDRESS.match(value) is not None


@dataclass(frozen=True)
class OutgoingMail:
    """One message as queued: what the worker needs to send it, identically on every attempt."""

    delivery_id: str
    to: str
    subject: str
    body: str
    queued_at: str
    reply_to: str = ""

    def payload(self) -> dict[str, Any]:
        return {
            "deliveryId": self.delivery_id,
            "to": self.to,
            "subject": self.subject,
            "body": self.body,
            "queuedAt": self.queued_at,
            "replyTo": self.reply_to,
        }

    @classmethod
    def of(cls, payload: dict[str, Any]) -> OutgoingMail:
        return cls(
            delivery_id=str(payload["deliveryId"]),
            to=str(payload["to"]),
            subject=str(payload["subject"]),
            body=str(payload["body"]),
            queued_at=str(payload["queuedAt"]),
            reply_to=str(payload.get("replyTo") or ""),
        )


async def enqueue_email(
    to: str, subject: str, body: str, *, reply_to: str = "", tenant_id: int | None = None, delay_seconds: float = 0
) -> Job:
    """Queue one message in the caller's transaction; the job's payload carries its delivery id.

    The job belongs to the tenant in context (or `tenant_id`); with neither it is a system message.
    """
    to = to.strip()
    if not is_address(to):
        raise InvalidAddress(f"not an e-mail address: {to!r}")
    if reply_to and not is_address(reply_to):
        raise InvalidAddress(f"not an e-mail address: {reply_to!r}")
    mail = OutgoingMail(
        delivery_id=str(uuid.uuid4()),
        to=to,
        subject=" ".join(subject.split())[:200],
        body=body,
        queued_at=datetime.now(UTC).isoformat(),
        reply_to=reply_to,
    )
    tenant = tenant_id if tenant_id is not None else tenant_id_or_none()
    if tenant is None:
        return await Job.create(
            tenant_id=None,
            kind=EMAIL_JOB,
            payload=mail.payload(),
            max_attempts=EMAIL_MAX_ATTEMPTS,
            run_after=datetime.now(UTC) + timedelta(seconds=delay_seconds),
        )
    return await enqueue(
        EMAIL_JOB, mail.payload(), tenant_id=tenant, delay_seconds=delay_seconds, max_attempts=EMAIL_MAX_ATTEMPTS
    )


def build_message(settings: Settings, mail: OutgoingMail) -> EmailMessage:
    """The message exactly as every attempt sends it."""
    sender = parseaddr(settings.mail_from)[1] or "no-reply@shulgraph.invalid"
    domain = sender.rpartition("@")[2] or "shulgraph.invalid"
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = mail.to
    message["Subject"] = mail.subject
    message["Date"] = format_datetime(datetime.fromisoformat(mail.queued_at))
    message["Message-ID"] = f"<{mail.delivery_id}@{domain}>"
    message["X-ShulGraph-Delivery"] = mail.delivery_id
    if mail.reply_to:
        message["Reply-To"] = mail.reply_to
    message.set_content(mail.body)
    return message


def _refusal(error: Exception) -> tuple[int, str] | None:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [(code, reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply))
                 for code, reply in error.recipients.values()]
        permanent = [c for c in codes if c[0] >= 500]
        return permanent[0] if permanent and len(permanent) == len(codes) else None
    if isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500:
        reply = error.smtp_error
        return error.smtp_code, reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)
    return None


def send_blocking(settings: Settings, message: EmailMessage) -> None:
    """Hand one message to the SMTP server of `SMTP_URL` (blocking: run it in a thread)."""
    parts = urlsplit(settings.smtp_url or "")
    if parts.scheme not in {"smtp", "smtps"} or not parts.hostname:
        raise PermanentMailFailure(f"SMTP_URL must be smtp://host:port or smtps://host:port, not {parts.scheme!r}")
    secure = parts.scheme == "smtps"
    port = parts.port or (465 if secure else 25)
    user = settings.smtp_user or unquote(parts.username or "")
    password = settings.smtp_password or unquote(parts.password or "")
    timeout = settings.smtp_timeout_seconds
    context = ssl.create_default_context()
    try:
        client = (
            smtplib.SMTP_SSL(parts.hostname, port, timeout=timeout, context=context)
            if secure
            else smtplib.SMTP(parts.hostname, port, timeout=timeout)
        )
        try:
            if settings.smtp_starttls and not secure:
                client.starttls(context=context)
            if user:
                client.login(user, password)
            client.send_message(message)
        finally:
            _close(client)
    except smtplib.SMTPException as error:
        refusal = _refusal(error)
        if refusal is not None:
            raise PermanentMailFailure(f"{refusal[0]} {refusal[1]}") from error
        raise


def _close(client: smtplib.SMTP) -> None:
    """Say QUIT if the server still listens; once the message is accepted, its answer does not matter."""
    try:
        client.quit()
    except (smtplib.SMTPException, OSError):
        client.close()


@handler(EMAIL_JOB)
async def send_email(run: JobRun) -> None:
    """Send one queued message; record success (or a permanent refusal) on the job."""
    settings = get_settings()
    mail = OutgoingMail.of(run.payload)
    details = {"delivery": mail.delivery_id, "to": mail.to, "subject": mail.subject, "job": run.job_id}
    if not settings.smtp_url:
        log.info("e-mail delivered to the log (no SMTP_URL is set)", extra={**details, "body": mail.body})
        await run.finish({"deliveryId": mail.delivery_id, "transport": "log"})
        return
    try:
        await asyncio.to_thread(send_blocking, settings, build_message(settings, mail))
    except PermanentMailFailure as error:
        log.error("e-mail refused", extra={**details, "error": str(error)})
        await run.finish({"deliveryId": mail.delivery_id}, errors=[{"message": str(error)}], failed=True)
        return
    log.info("e-mail sent", extra={**details, "attempt": run.attempt})
    await run.finish({"deliveryId": mail.delivery_id, "transport": "smtp", "sentAt": datetime.now(UTC).isoformat()})
