"""Schema assembly: each domain's root classes (from `resolvers/<domain>/`), listed here explicitly, merged into
one Query, Mutation and Subscription type, with the product's extensions and executor. (Not in the package's
`__init__`: see schema/__init__.py.)"""

from __future__ import annotations

from functools import cache
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import ParserCache, ValidationCache
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext, ExecutionResult

from config import get_settings
from resolvers.analytics.mutations import AnalyticsMutation
from resolvers.analytics.queries import AnalyticsQuery
from resolvers.content.mutations import ContentMutation
from resolvers.content.queries import ContentQuery
from resolvers.devices.mutations import DevicesMutation
from resolvers.devices.queries import DevicesQuery
from resolvers.devices.subscriptions import DevicesSubscription
from resolvers.identity.mutations import IdentityMutation
from resolvers.identity.queries import IdentityQuery
from resolvers.node import NodeQuery
from resolvers.outbox.mutations import OutboxMutation
from resolvers.outbox.queries import OutboxQuery
from resolvers.outbox.subscriptions import OutboxSubscription
from resolvers.partners.mutations import PartnersMutation
from resolvers.partners.queries import PartnersQuery
from resolvers.platform.queries import PlatformQuery
from resolvers.synagogue.mutations import SynagogueMutation
from resolvers.synagogue.queries import SynagogueQuery
from resolvers.webhooks.mutations import WebhooksMutation
from resolvers.webhooks.queries import WebhooksQuery
from schema.cost import CostLimit, SocketAdmission
from schema.errors import MaskUnexpectedErrors, code_unreached_errors, log_error
from schema.executor import ProductExecutor
from schema.extensions import TenantScope
from schema.hygiene import InputHygiene
from schema.limits import DocumentLimits, TokenLimit
from schema.metrics import OperationMetrics
from schema.persisted import PersistOnValidation
from schema.scalars import SCALAR_OVERRIDES

QUERIES: tuple[type, ...] = (  # the SDL lists root fields in this order
    NodeQuery,
    AnalyticsQuery,
    ContentQuery,
    OutboxQuery,
    DevicesQuery,
    IdentityQuery,
    PartnersQuery,
    PlatformQuery,
    SynagogueQuery,
    WebhooksQuery,
)
MUTATIONS: tuple[type, ...] = (
    AnalyticsMutation,
    ContentMutation,
    DevicesMutation,
    IdentityMutation,
    OutboxMutation,
    PartnersMutation,
    SynagogueMutation,
    WebhooksMutation,
)
SUBSCRIPTIONS: tuple[type, ...] = (OutboxSubscription, DevicesSubscription)


def extensions(settings: Any) -> list[Any]:
    """The schema's extensions, outermost first; the limits read the request's settings from its context."""
    return [
        OperationMetrics,
        TokenLimit,
        DocumentLimits,
        PersistOnValidation,
        InputHygiene,
        CostLimit,
        SocketAdmission,
        lambda: ParserCache(maxsize=1000),
        lambda: ValidationCache(maxsize=1000),
        TenantScope,
        MaskUnexpectedErrors,
    ]


class Schema(strawberry.Schema):
    """Strawberry's schema, logging expected (coded) errors at INFO instead of every error at ERROR."""

    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        for error in errors:
            log_error(error)

    async def execute(self, *args: Any, **kwargs: Any) -> ExecutionResult:
        result = await super().execute(*args, **kwargs)
        if result.errors:
            context = kwargs.get("context_value")
            result.errors = code_unreached_errors(result.errors, getattr(context, "request_id", ""))
        return result


def _root(name: str, classes: tuple[type, ...], description: str) -> type:
    """One root type from the domains' root classes, their fields in the order listed."""
    root: type = strawberry.type(type(name, classes, {}), description=description)
    return root


@cache
def build_schema() -> strawberry.Schema:
    settings = get_settings()
    return Schema(
        query=_root("Query", QUERIES, "What a synagogue's staff, its screens, its partners and anyone may read."),
        mutation=_root("Mutation", MUTATIONS, "Changes: each takes one `input` and answers with a payload."),
        subscription=_root("Subscription", SUBSCRIPTIONS, "Live streams over the graphql-transport-ws websocket."),
        extensions=extensions(settings),
        scalar_overrides=SCALAR_OVERRIDES,
        config=StrawberryConfig(auto_camel_case=True),
        execution_context_class=ProductExecutor,
    )


def export_sdl() -> str:
    return build_schema().as_str() + "\n"
