"""The automatic persisted query (APQ) store: documents that clients register with Apollo's protocol.

As in Apollo Server, a document is stored only once it has parsed and validated (`Registrations`: the
request's resolution asks, the `PersistOnValidation` extension stores), never a document that fails to
parse or validate, and never one whose hash does not match its text (refused before). The store is
bounded three ways: the size of one document (`PERSISTED_QUERY_MAX_BYTES`), how long it is kept
(`PERSISTED_QUERY_TTL_SECONDS`), and how many are kept (`PERSISTED_QUERY_MAX_ENTRIES` in Redis, the least
recently registered dropped first; `PERSISTED_QUERY_MEMORY_ENTRIES` in the embedded mode's LRU). It is a
cache: when Redis is down a lookup misses and the client sends the document again.
"""

from __future__ import annotations

import logging
from collections import OrderedDict

from redis.exceptions import RedisError

from config import Settings
from services.infra.errors import Unavailable
from services.infra.kv import KeyValue, MemoryKeyValue, RedisKeyValue

log = logging.getLogger("shulgraph.persisted")

APQ_PREFIX = "apq:"
APQ_INDEX = "apq-index"  # sorted set: hash -> when it was (last) registered, in microseconds

# KEYS[1] the document, KEYS[2] the index; ARGV text, ttl, max entries, hash, prefix.
STORE_BOUNDED = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local ttl = tonumber(ARGV[2])
redis.call('SET', KEYS[1], ARGV[1], 'EX', ttl)
redis.call('ZADD', KEYS[2], now, ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - ttl * 1000000)
local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[3])
if excess > 0 then
  local dropped = redis.call('ZPOPMIN', KEYS[2], excess)
  for i = 1, #dropped, 2 do redis.call('DEL', ARGV[5] .. dropped[i]) end
end
return 1
"""


class PersistedQueryStore:
    """Documents registered by clients through APQ, verified by their hash before they are stored."""

    def __init__(self, kv: KeyValue, settings: Settings) -> None:
        self.kv = kv
        self.settings = settings
        self.memory: OrderedDict[str, str] | None = OrderedDict() if isinstance(kv, MemoryKeyValue) else None

    async def get(self, document_hash: str) -> str | None:
        if self.memory is not None:
            text = self.memory.get(document_hash)
            if text is not None:
                self.memory.move_to_end(document_hash)
            return text
        try:
            return await self.kv.get(APQ_PREFIX + document_hash)
        except Unavailable:
            log.warning("persisted query store unavailable: lookup treated as a miss")
            return None

    async def put(self, document_hash: str, text: str) -> bool:
        """Store a verified document; False when it is over the size bound or the store is down."""
        if len(text.encode()) > self.settings.persisted_query_max_bytes:
            return False
        if self.memory is not None:
            self.memory[document_hash] = text
            self.memory.move_to_end(document_hash)
            while len(self.memory) > self.settings.persisted_query_memory_entries:
                self.memory.popitem(last=False)
            return True
        settings = self.settings
        try:
            if isinstance(self.kv, RedisKeyValue):
                keys = [APQ_PREFIX + document_hash, APQ_INDEX]
                limit = max(1, settings.persisted_query_max_entries)
                ttl = settings.persisted_query_ttl_seconds
                await self.kv.eval(STORE_BOUNDED, keys, text, ttl, limit, document_hash, APQ_PREFIX)
            else:
                await self.kv.set(APQ_PREFIX + document_hash, text, settings.persisted_query_ttl_seconds)
        except (Unavailable, RedisError, OSError):
            log.warning("persisted query store unavailable: document not stored")
            return False
        return True


class Registrations:
    """Documents a request (or a websocket's operations) asked to register, by document text, until they
    have validated. At most `LIMIT` wait at once: an older one that never validated is forgotten."""

    LIMIT = 16

    def __init__(self, store: PersistedQueryStore) -> None:
        self.store = store
        self.pending: OrderedDict[str, str] = OrderedDict()

    def ask(self, text: str, document_hash: str) -> None:
        self.pending[text] = document_hash
        while len(self.pending) > self.LIMIT:
            self.pending.popitem(last=False)

    async def validated(self, text: str) -> None:
        """The document `text` parsed and validated: store it if its registration was asked for."""
        document_hash = self.pending.pop(text, None)
        if document_hash is not None:
            await self.store.put(document_hash, text)
