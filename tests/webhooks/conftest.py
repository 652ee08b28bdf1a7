"""Fixtures of the webhook delivery tests: private receiver addresses allowed, and a real local receiver."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from config import Settings
from tests.support.receivers import WebhookReceiver, webhook_receiver


@pytest.fixture
def private_targets(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "webhook_allow_private_targets", True)


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    with webhook_receiver() as running:
        yield running
