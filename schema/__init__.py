"""Schema assembly: each domain's root classes (from `resolvers/<domain>/`), listed here explicitly, merged into
one Query, Mutation and Subscription type, with the product's extensions and executor."""

from __future__ import annotations

from functools import cache
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import ParserCache, ValidationCache
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from resolvers.identity.mutations import IdentityMutation
from resolvers.identity.queries import IdentityQuery
from resolvers.node import NodeQuery
from resolvers.synagogue.mutations import SynagogueMutation
from resolvers.synagogue.queries import SynagogueQuery
from schema.analytics.queries import Query as AnalyticsQuery
from schema.content.mutations import Mutation as ContentMutation
from schema.content.queries import Query as ContentQuery
from schema.content.subscriptions import Subscription as ContentSubscription
from schema.devices.mutations import Mutation as DevicesMutation
from schema.devices.queries import Query as DevicesQuery
from schema.devices.subscriptions import Subscription as DevicesSubscription
from schema.errors import MaskUnexpectedErrors, log_error
from schema.executor import ProductExecutor
from schema.extensions import TenantScope
from schema.partners.mutations import Mutation as PartnersMutation
from schema.partners.queries import Query as PartnersQuery
from schema.platform.queries import Query as PlatformQuery
from schema.scalars import SCALAR_OVERRIDES
from schema.webhooks.mutations import Mutation as WebhooksMutation
from schema.webhooks.queries import Query as WebhooksQuery

QUERIES: tuple[type, ...] = (  # the SDL lists root fields in this order
    NodeQuery,
    AnalyticsQuery,
    ContentQuery,
    DevicesQuery,
    IdentityQuery,
    PartnersQuery,
    PlatformQuery,
    SynagogueQuery,
    WebhooksQuery,
)
MUTATIONS: tuple[type, ...] = (
    ContentMutation,
    DevicesMutation,
    IdentityMutation,
    PartnersMutation,
    SynagogueMutation,
    WebhooksMutation,
)
SUBSCRIPTIONS: tuple[type, ...] = (ContentSubscription, DevicesSubscription)


def extensions(settings: Any) -> list[Any]:
    from schema.limits import limit_extensions

    return [
        *limit_extensions(settings),
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


@cache
def build_schema() -> strawberry.Schema:
    from config import get_settings

    settings = get_settings()
    return Schema(
        query=merge_types("Query", QUERIES),
        mutation=merge_types("Mutation", MUTATIONS),
        subscription=merge_types("Subscription", SUBSCRIPTIONS),
        extensions=extensions(settings),
        scalar_overrides=SCALAR_OVERRIDES,
        config=StrawberryConfig(auto_camel_case=True),
        execution_context_class=ProductExecutor,
    )


def export_sdl() -> str:
    return build_schema().as_str() + "\n"
