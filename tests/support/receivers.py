"""Real local servers for what the outbox sends: an SMTP server (aiosmtpd) and an HTTP webhook receiver (the
design's rule: no mocks of what we deliver to, real servers on loopback instead).

Both record what arrives and can be told, per delivery id, to answer with a given reply or to hang
(after the message or request has fully arrived) until released.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from tests.support.live import free_port
from tests.support.waiting import wait_until


@dataclass
class Behaviour:
    """What a server does for a delivery id: reply codes in turn (then success), or hang once."""

    replies: list[Any] = field(default_factory=list)
    hang_once: bool = False


class _Script:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.by_id: dict[str, Behaviour] = {}
        self.release = threading.Event()
        self.hanging: set[str] = set()

    def next(self, delivery_id: str) -> tuple[bool, Any]:
        with self.lock:
            behaviour = self.by_id.get(delivery_id)
            if behaviour is None:
                return False, None
            if behaviour.hang_once:
                behaviour.hang_once = False
                self.hanging.add(delivery_id)
                return True, None
            return False, behaviour.replies.pop(0) if behaviour.replies else None


class MailSink:
    """aiosmtpd handler: every message received, by delivery id."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.arrived_at: dict[int, float] = {}
        self.script = _Script()
        self.login: _Login | None = None

    def script_for(self, delivery_id: str, *replies: str, hang_once: bool = False) -> None:
        self.script.by_id[delivery_id] = Behaviour(list(replies), hang_once)

    def copies(self, delivery_id: str) -> list[Message]:
        return [m for m in list(self.messages) if m["X-ShulGraph-Delivery"] == delivery_id]

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.original_content or envelope.content)
        delivery_id = str(message["X-ShulGraph-Delivery"])
        hang, reply = self.script.next(delivery_id)
        self.arrived_at[id(message)] = time.time()
        self.messages.append(message)
        if hang:
            await wait_until(self.script.release.is_set, "the hanging reply released", timeout=math.inf)
            return "451 released after hanging"
        return str(reply) if reply else "250 Message accepted"


def body_text(message: Message) -> str:
    """The text of a received single-part message, decoded from its transfer encoding."""
    payload = message.get_payload(decode=True)
    assert isinstance(payload, bytes), payload
    return payload.decode()


class _Login:
    """aiosmtpd authenticator accepting one user and password."""

    def __init__(self, user: str, password: str) -> None:
        self.expected = (user.encode(), password.encode())
        self.logins: list[str] = []

    def __call__(self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
        login = (bytes(auth_data.login), bytes(auth_data.password))
        if login == self.expected:
            self.logins.append(auth_data.login.decode())
            return AuthResult(success=True)
        return AuthResult(success=False, handled=False)


@contextmanager
def smtp_server(login: tuple[str, str] | None = None) -> Iterator[tuple[MailSink, str]]:
    """A running SMTP server on 127.0.0.1 (requiring `login` when given); yields the sink and its smtp:// URL."""
    sink = MailSink()
    port = free_port()
    options: dict[str, Any] = {}
    if login is not None:
        sink.login = _Login(*login)
        options = {"authenticator": sink.login, "auth_required": True, "auth_require_tls": False}
    controller = Controller(sink, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield sink, f"smtp://127.0.0.1:{port}"
    finally:
        sink.script.release.set()
        controller.stop()


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    arrived_at: float = field(default_factory=time.time)

    def json(self) -> Any:
        return json.loads(self.body)


class WebhookReceiver:
    """An HTTP server recording each POST; replies per `webhook-id` script (status codes), default 204."""

    def __init__(self) -> None:
        self.requests: list[Received] = []
        self.script = _Script()
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/hooks"
        receiver = self

        class Handle(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                headers = {k.lower(): v for k, v in self.headers.items()}
                delivery_id = headers.get("webhook-id", "")
                hang, reply = receiver.script.next(delivery_id)
                receiver.requests.append(Received(self.path, headers, body))
                if hang:
                    receiver.script.release.wait()
                status = int(reply) if reply else 204
                self.send_response(status)
                if 300 <= status < 400:
                    self.send_header("location", receiver.url + "/moved")
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handle)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def script_for(self, delivery_id: str, *statuses: int, hang_once: bool = False) -> None:
        self.script.by_id[delivery_id] = Behaviour(list(statuses), hang_once)

    def copies(self, delivery_id: str) -> list[Received]:
        return [r for r in list(self.requests) if r.headers.get("webhook-id") == delivery_id]


@contextmanager
def webhook_receiver() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver()
    receiver.thread.start()
    try:
        yield receiver
    finally:
        receiver.script.release.set()
        receiver.server.shutdown()
        receiver.server.server_close()
