"""Every kind of caller of one synagogue, for the tests that compare what each is answered (Z5): a synagogue with
its members, devices, a partner key, a member of another synagogue and a platform admin; how each caller sends
an operation (a partner key only the persisted documents of its allowlist, by id; a subscription over
graphql-transport-ws); and the request context the server builds for each, to read permission classes against.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from graphql import FieldNode, GraphQLError, OperationDefinitionNode, parse
from starlette.requests import Request
from strawberry.permission import BasePermission
from websockets.exceptions import ConnectionClosed

from config import Settings
from models.identity import Role
from models.synagogue import Synagogue
from schema.caller import identify_request
from schema.context import Context
from services.infra.ids import from_global_id, to_global_id
from services.partners.documents import TrustedDocument
from tests.support.actors import Actor, Factory, PlatformAdmin
from tests.support.devices import TV, make_tv
from tests.support.documents import trusted
from tests.support.graphql import GQL, message_codes
from tests.support.partners import create_key, persisted
from tests.support.websocket import WSClient

Answer = dict[str, Any]


@dataclass(frozen=True)
class Caller:
    """One kind of caller: the headers it sends (its credential, and the synagogue it names)."""

    name: str
    headers: dict[str, str] = field(default_factory=dict)
    partner: bool = False
    """A partner key: it sends persisted documents of its allowlist only, by id."""
    audited: bool = False
    """A platform admin acting by impersonation: each of its operations is written to the audit logs."""

    @property
    def init_payload(self) -> dict[str, str]:
        """The `connection_init` payload carrying the same credential and synagogue."""
        names = {"Authorization": "authorization", "X-Tenant-ID": "tenantId"}
        return {names[key]: value for key, value in self.headers.items()}


@dataclass
class Cast:
    """A synagogue with every kind of caller, and another synagogue with its owner."""

    gql: GQL
    tenant: Synagogue
    other: Synagogue
    members: dict[Role, Actor]
    outsider: Actor
    platform: PlatformAdmin
    tv: TV
    other_tv: TV
    key: dict[str, Any]
    callers: list[Caller]
    objects: dict[str, list[str]] = field(default_factory=dict)

    @property
    def tenant_gid(self) -> str:
        return to_global_id("Synagogue", self.tenant.id)


async def cast_of(gql: GQL, settings: Settings, allowlist: Iterable[str]) -> Cast:
    """A fresh synagogue with a member of each role, two devices and a partner key allowed the queries among the
    trusted documents named in `allowlist` (partner keys run nothing else); the owner of another synagogue; a
    platform admin; and the callers made of them."""
    factory = Factory(settings)
    tenant = await factory.tenant()
    members = {role: await factory.member(tenant=tenant, role=role) for role in Role}
    outsider = await factory.member(role=Role.OWNER)
    platform = await factory.platform_admin()
    tv, other_tv = await make_tv(tenant), await make_tv(tenant, name="Hall TV")
    queries = {document.id for document in map(trusted, allowlist) if document.operation_type == "query"}
    key = await create_key(gql, members[Role.ADMIN], sorted(queries))
    callers = [
        Caller("anonymous"),
        Caller("its device", tv.headers),
        Caller("its partner key", {"Authorization": f"ApiKey {key['secret']}"}, partner=True),
        *(Caller(f"its {role.name}", actor.headers()) for role, actor in members.items()),
        Caller("a member of another synagogue naming it", outsider.headers(tenant)),
        Caller("a member of another synagogue in their own", outsider.headers()),
        Caller("a platform admin naming it", platform.headers(tenant), audited=True),
        Caller("a platform admin naming none", platform.headers()),
    ]
    return Cast(gql, tenant, outsider.tenant, members, outsider, platform, tv, other_tv, key, callers)


def root_field(text: str) -> tuple[str, str]:
    """The root type and the root field the document's operation selects (it selects one)."""
    operation = next(d for d in parse(text).definitions if isinstance(d, OperationDefinitionNode))
    selections = operation.selection_set.selections
    assert len(selections) == 1 and isinstance(selections[0], FieldNode), text
    return operation.operation.value.title(), selections[0].name.value


async def send(
    gql: GQL, caller: Caller, document: TrustedDocument, variables: dict[str, Any], text: str | None = None
) -> Answer:
    """`document` as the caller sends it: by id from a partner key, else its text (or `text`, which selects the
    same root field deeper)."""
    if caller.partner:
        body = persisted(document.id, variables=variables)
        response = await gql.http.post("/graphql", json=body, headers=caller.headers)
        answer: Answer = response.json()
        return answer
    return await gql(text or document.text, variables, headers=caller.headers)


async def subscribe(app: Any, caller: Caller, text: str, quiet: float = 1.0) -> Answer:
    """What a subscription yields the caller until `quiet` seconds pass without an event: `{"data": {"events":
    [...]}}`, or its refusal as errors (a socket closed at `connection_init` as the code `CLOSED_<close code>`)."""
    socket = await WSClient.in_process(app)
    try:
        ack = await socket.init(caller.init_payload)
        assert ack["type"] == "connection_ack", ack
        await socket.subscribe("1", text)
        events = []
        while True:
            try:
                message = await socket.next("1", timeout=quiet)
            except TimeoutError:
                break
            codes = message_codes(message) if message["type"] in ("next", "error") else []
            if codes:
                return {"errors": [{"extensions": {"code": code}} for code in codes]}
            if message["type"] != "next":
                break
            events.append(message["payload"]["data"])
        return {"data": {"events": events}}
    except ConnectionClosed as closed:
        return {"errors": [{"extensions": {"code": f"CLOSED_{closed.rcvd.code if closed.rcvd else ''}"}}]}
    finally:
        await socket.close()


def ids_of(value: object, type_name: str) -> set[str]:
    """Every global id of `type_name` anywhere in an answer's data (under an `id` key)."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            parsed = from_global_id(item) if key == "id" and isinstance(item, str) else None
            if parsed is not None and parsed[0] == type_name:
                found.add(item)
            found |= ids_of(item, type_name)
    elif isinstance(value, list):
        for item in value:
            found |= ids_of(item, type_name)
    return found


async def context_of(app: Any, settings: Settings, caller: Caller) -> Context:
    """The request context the server builds for the caller's headers (principal, synagogue, role)."""
    headers = [(name.lower().encode(), value.encode()) for name, value in caller.headers.items()]
    scope = {"type": "http", "method": "POST", "path": "/graphql", "query_string": b"", "headers": headers}
    request = Request({**scope, "client": ("127.0.0.1", 50000), "app": app})
    state = app.state
    context = Context(request, None, settings, state.kv, state.broadcast, request_id="z5")
    await identify_request(context, request)
    return context


async def admits(context: Context, permission_classes: Iterable[type[BasePermission]]) -> bool:
    """Whether a field with these permission classes lets the context's caller in (no field is reached when the
    synagogue it names is refused)."""
    if context.tenant_error is not None:
        return False
    info: Any = SimpleNamespace(context=context)  # Strawberry's Info, of which a permission reads only the context
    for permission_class in permission_classes:
        try:
            granted = permission_class().has_permission(None, info)
            if inspect.isawaitable(granted):
                granted = await granted
        except GraphQLError:
            return False
        if not granted:
            return False
    return True


async def admits_all(context: Context, rules: Iterable[Iterable[type[BasePermission]]]) -> bool:
    """Whether the caller passes every one of `rules` (the fields on its way to an object)."""
    for permission_classes in rules:
        if not await admits(context, permission_classes):
            return False
    return True
