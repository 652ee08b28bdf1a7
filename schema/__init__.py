"""Schema assembly: every domain package under `schema/` contributes its Query, Mutation and
Subscription types, merged into one schema with the product's extensions."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from pathlib import Path
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import ParserCache, ValidationCache
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from schema.context import Info
from schema.errors import MaskUnexpectedErrors, log_error
from schema.executor import ProductExecutor
from schema.extensions import TenantScope
from schema.relay import Node, resolve_node
from schema.scalars import SCALAR_OVERRIDES

DOMAINS_DIR = Path(__file__).parent


def domains() -> list[str]:
    return sorted(info.name for info in pkgutil.iter_modules([str(DOMAINS_DIR)]) if info.ispkg)


def _collect(kind: str) -> list[type]:
    found: list[type] = []
    module_name = {"Query": "queries", "Mutation": "mutations", "Subscription": "subscriptions"}[kind]
    for domain in domains():
        try:
            module = importlib.import_module(f"schema.{domain}.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"schema.{domain}.{module_name}":
                raise
            continue
        cls = getattr(module, kind, None)
        if cls is not None:
            found.append(cls)
    return found


@strawberry.type
class NodeQuery:
    @strawberry.field(description="Any object by its global id; null when missing or not yours.")
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        node: Node | None = await resolve_node(info, id)
        return node


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
    query = merge_types("Query", (NodeQuery, *_collect("Query")))
    mutations = _collect("Mutation")
    subscriptions = _collect("Subscription")
    return Schema(
        query=query,
        mutation=merge_types("Mutation", tuple(mutations)) if mutations else None,
        subscription=merge_types("Subscription", tuple(subscriptions)) if subscriptions else None,
        extensions=extensions(settings),
        scalar_overrides=SCALAR_OVERRIDES,
        config=StrawberryConfig(auto_camel_case=True),
        execution_context_class=ProductExecutor,
    )


def export_sdl() -> str:
    return build_schema().as_str() + "\n"
