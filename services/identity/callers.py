"""Callers kept for a few seconds per process: who a credential is and the tenant and role it acts with, so that
a request does not read them again (the denylist in Redis, the user, session and role in PostgreSQL) every time.

An entry is keyed by an HMAC of the credential with the tenant and impersonation it names (never the credential
itself), lives `CALLER_CACHE_SECONDS` at most (and never past its access token's expiry), and is tagged with what
can revoke it: its user, session and token (`jti`), its device or API key. `subscriptions.revocations` drops the
tagged entries in every process when a road announces a revocation or a role change, and drops everything when the
feed's connection changes; while the feed is not usable, nothing is used or kept. Only callers that were admitted
are kept: a refusal is read again on every request.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from dataclasses import dataclass, replace

from config import Settings
from services.identity.principals import Principal
from services.identity.tenancy import TenantAccess
from services.infra.metrics import counter
from subscriptions.revocations import EVERYTHING, RevocationFeed

MAX_ENTRIES = 20_000
CALLERS = counter("shulgraph_callers_total", "Credentials identified, by where the caller came from", ["source"])
KEPT, READ = CALLERS.labels("kept"), CALLERS.labels("read")


@dataclass(frozen=True)
class Kept:
    principal: Principal
    access: TenantAccess
    until: float  # wall clock
    tags: frozenset[str]


def tags_of(principal: Principal) -> frozenset[str]:
    """What can revoke a caller: its principal (`user:7`, `device:3`, `apikey:5`), a user's session and token."""
    tags = {principal.describe()}
    if principal.session_id is not None:
        tags.add(f"session:{principal.session_id}")
    if principal.token_jti is not None:
        tags.add(jti_tag(principal.token_jti))
    return frozenset(tags)


def jti_tag(jti: str) -> str:
    return f"jti:{jti}"


class CallerCache:
    """This process's admitted callers, by credential; emptied by the revocation feed it listens to."""

    def __init__(self, seconds: float, secret: str, feed: RevocationFeed, limit: int = MAX_ENTRIES) -> None:
        self.seconds = seconds
        self.feed = feed
        self.limit = limit
        self._secret = secret.encode()
        self._kept: dict[str, Kept] = {}
        self._by_tag: dict[str, set[str]] = {}
        feed.listen(self.drop)

    def key(self, authorization: str, tenant: str | None, impersonate: str | None) -> str:
        named = f"{authorization}\n{tenant or ''}\n{impersonate or ''}".encode()
        return hmac.new(self._secret, named, hashlib.sha256).hexdigest()

    def get(self, key: str) -> tuple[Principal, TenantAccess] | None:
        """The caller kept for `key` (its own copy of the principal), or None."""
        kept = self._kept.get(key)
        if kept is None or not self.feed.usable():
            READ.inc()
            return None
        if kept.until <= time.time():
            self._forget(key)
            READ.inc()
            return None
        KEPT.inc()
        return replace(kept.principal), kept.access

    def ticket(self) -> int | None:
        """Taken before a caller is read: it may be kept only with a ticket (the feed usable) still valid."""
        return self.feed.epoch if self.feed.usable() else None

    def put(self, key: str, ticket: int | None, principal: Principal, access: TenantAccess) -> None:
        """Keep an admitted caller read from the database, unless anything was announced since `ticket`."""
        if ticket is None or ticket != self.feed.epoch or not self.feed.usable():
            return
        until = time.time() + self.seconds
        if principal.token_expires_at is not None:
            until = min(until, principal.token_expires_at.timestamp())
        if len(self._kept) >= self.limit and key not in self._kept:
            self._forget(next(iter(self._kept)))  # the oldest
        self._forget(key)
        kept = Kept(replace(principal), access, until, tags_of(principal))
        self._kept[key] = kept
        for tag in kept.tags:
            self._by_tag.setdefault(tag, set()).add(key)

    def drop(self, tags: frozenset[str]) -> None:
        if EVERYTHING in tags:
            self._kept.clear()
            self._by_tag.clear()
            return
        for tag in tags:
            for key in self._by_tag.pop(tag, ()):
                self._forget(key)

    async def close(self) -> None:
        await self.feed.stop()

    def __len__(self) -> int:
        return len(self._kept)

    def _forget(self, key: str) -> None:
        kept = self._kept.pop(key, None)
        if kept is None:
            return
        for tag in kept.tags:
            keys = self._by_tag.get(tag)
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del self._by_tag[tag]


async def keep_callers(settings: Settings) -> CallerCache | None:
    """This process's caller cache, its revocation feed subscribed (None when `CALLER_CACHE_SECONDS` is 0)."""
    if settings.caller_cache_seconds <= 0:
        return None
    feed = RevocationFeed(settings.redis_url)
    await feed.start()
    return CallerCache(settings.caller_cache_seconds, settings.jwt_key(), feed)
