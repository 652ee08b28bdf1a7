"""The compiled road: a POSTed trusted document that has a plan (a page, `planner`; an object root, `objects`) is
answered here, inside the view's admission slot, with what the executor's extensions would do around it: the limits
of the request's settings, the root field's permission classes, the cost ceiling, the caller's budget and
`extensions.cost`, one `tenant_scope` transaction (the tenant in context and `app.tenant_id` for row-level
security).

Fall back, never diverge: whenever the answer could be anything but a clean page (a refusal of any kind, a
variable the executor would refuse or coerce, an impersonation to audit, an empty page past the end, a database
error) `answer` returns None before writing anything, after giving back the cost it charged, and the executor
answers the request from the start (a refused charge leaves the bucket as it was, so the executor's own charge
is refused the same way). A test runs every trusted document through both roads and compares the bytes.
"""

from __future__ import annotations

import logging
from typing import Any

import orjson
import strawberry
from graphql import GraphQLError, OperationDefinitionNode, parse, value_from_ast_untyped
from starlette.requests import Request
from starlette.responses import Response
from tortoise.connection import get_connection

from models.base import tenant_scope
from models.compiled import fetch_page, read_page, runs_plans
from schema.compiled.objects import ObjectPlan, answer_object, plan_object
from schema.compiled.planner import Plan, plan_document
from schema.compiled.respond import admitted, respond
from schema.complexity import actual_cost, requested_cost
from schema.context import Context
from schema.cost import CostLimit
from schema.hygiene import first_control_character
from schema.relay import _offset as offset_of
from services.partners.documents import Catalogue, DocumentRefused, TrustedDocument, document_text, sha256_hex
from services.partners.documents import _requested_hash as requested_hash

log = logging.getLogger("shulgraph.compiled")

MAX_CACHED_COSTS = 128
MAX_LAYOUTS = 1000
DATABASE = "default"


class CompiledRoad:
    """Plans made once per trusted document; `answer` serves a request from its plan, or returns None."""

    def __init__(self, schema: strawberry.Schema, documents: Catalogue) -> None:
        self.schema = schema
        self.documents = documents
        self.plans: dict[str, Plan | ObjectPlan | None] = {}
        self.layouts: dict[str, TrustedDocument | None] = {}

    def plan(self, document: TrustedDocument) -> Plan | ObjectPlan | None:
        if document.id not in self.plans:
            plan: Plan | ObjectPlan | None = plan_document(self.schema._schema, document.text, self._permissions)
            self.plans[document.id] = plan or plan_object(self.schema, document.text)
        return self.plans[document.id]

    def _permissions(self, root_field: str) -> tuple[type, ...]:
        query = self.schema._schema.query_type
        assert query is not None
        found = self.schema.get_field_for_type(root_field, query.name)
        return tuple(found.permission_classes) if found is not None else ()

    async def answer(self, request: Request, context: Context) -> Response | None:
        """The response to a planned trusted document, or None: the executor answers."""
        settings = context.settings
        if not settings.compiled_documents or request.method != "POST" or not _plain_caller(context):
            return None
        try:
            body = orjson.loads(await request.body())
        except orjson.JSONDecodeError:
            return None
        document = self._trusted(body, context) if isinstance(body, dict) else None
        plan = self.plan(document) if document is not None else None
        if document is None or plan is None:
            return None
        if isinstance(plan, ObjectPlan):
            return await answer_object(self.schema, request, context, body, document, plan)
        variables = body.get("variables") or {}
        arguments = _arguments(plan, variables) if isinstance(variables, dict) else None
        if arguments is None or not _within_limits(plan, context, arguments[0]):
            return None
        connection = get_connection(DATABASE)
        if not runs_plans(connection):
            return None
        first, start = arguments
        tenant_id = context.tenant_id
        assert tenant_id is not None  # _plain_caller
        cost = _cost(self.schema, plan, first, settings.max_page_size)
        if cost > settings.max_cost:
            return None
        budget = CostLimit()
        refused, bucket = await budget.admit(context, settings, cost)
        if refused is not None:
            return None  # the executor is refused the same way, and answers it
        try:
            rows = await read_page(tenant_id, plan.sql, first + 1, start)
            if rows is None:
                async with tenant_scope(tenant_id) as transaction:
                    rows = await fetch_page(transaction, plan.sql, first + 1, start)
            data = plan.write(rows, first, start)
        except Exception:  # the executor answers it (and reports what went wrong its own way)
            log.warning("compiled document fell back to the executor", exc_info=True)
            data = None
        if data is None:
            budget.refund(context, cost, bucket)
            return None
        return respond(request, context, body, document, data, (budget, bucket, cost, _actual_cost(data)))

    def _trusted(self, body: dict[str, Any], context: Context) -> TrustedDocument | None:
        """The trusted document a request names (by text or by hash), when it may run it as sent."""
        query, extensions, name = body.get("query"), body.get("extensions"), body.get("operationName")
        try:
            requested = requested_hash(extensions)
        except DocumentRefused:
            return None
        if isinstance(query, str):
            document = self.documents.get(sha256_hex(query))
            if document is None and requested is None:  # (an APQ hash with a text of its own registers it)
                document = self._by_layout(query, context.settings.max_tokens)
            if document is not None and requested is not None and requested != sha256_hex(query):
                return None
        elif query is None and requested is not None:
            document = self.documents.get(requested)
        else:
            return None
        if document is None or (name is not None and name != document.operation_name):
            return None
        principal = context.principal
        if principal.kind == "partner" and document.id not in (principal.allowed_documents or ()):
            return None
        return document

    def _by_layout(self, query: str, max_tokens: int) -> TrustedDocument | None:
        """The trusted document a client sent in a layout of its own (spacing, commas, comments, the order of its
        fragments): one operation and exactly the fragments it uses, printed the catalogue's way. Remembered per
        text (a bounded map), so each layout is parsed once per process."""
        if query in self.layouts:
            return self.layouts[query]
        found: TrustedDocument | None = None
        try:
            parsed = parse(query, max_tokens=max_tokens)
        except GraphQLError:
            parsed = None
        operations = [d for d in parsed.definitions if isinstance(d, OperationDefinitionNode)] if parsed else []
        if parsed is not None and len(operations) == 1:
            text = document_text(operations[0], parsed)
            if len(parse(text).definitions) == len(parsed.definitions):  # no fragment it does not use
                found = self.documents.get(sha256_hex(text))
        if len(self.layouts) >= MAX_LAYOUTS:
            self.layouts.clear()
        self.layouts[query] = found
        return found


def _plain_caller(context: Context) -> bool:
    """A caller in a synagogue, refused nothing yet, not impersonating (that is audited by the executor)."""
    principal = context.principal
    return (
        context.tenant_error is None
        and principal.auth_error is None
        and context.tenant_id is not None
        and not context.impersonating
    )


def _value(plan: Plan, argument: tuple[str, Any], variables: dict[str, Any]) -> tuple[bool, Any]:
    """(given, value) of a root argument: a literal, a variable's value or its default, else not given."""
    kind, detail = argument
    if kind == "value":
        return True, detail
    if detail in variables:
        return True, variables[detail]
    for definition in plan.operation.variable_definitions or ():
        if definition.variable.name.value == detail and definition.default_value is not None:
            return True, value_from_ast_untyped(definition.default_value)
    return False, None


def _arguments(plan: Plan, variables: dict[str, Any]) -> tuple[int, int] | None:
    """(first, offset) as the resolver would read them, or None wherever the executor must answer."""
    if first_control_character(variables, None) is not None:
        return None
    given, first = _value(plan, plan.first, variables)
    if not given or isinstance(first, bool) or not isinstance(first, int):
        return None
    _, after = _value(plan, plan.after, variables)
    if after is None:
        return first, 0
    if not isinstance(after, str):
        return None
    offset = _offset(after)
    return None if offset is None else (first, offset)


def _offset(after: str) -> int | None:
    try:
        return offset_of(after)
    except GraphQLError:  # the executor refuses the cursor itself
        return None


def _within_limits(plan: Plan, context: Context, first: int) -> bool:
    settings = context.settings
    if not 1 <= first <= settings.max_page_size:
        return False
    if plan.depth > settings.max_depth or plan.aliases > settings.max_aliases or plan.tokens > settings.max_tokens:
        return False
    return admitted(plan.permissions, context)


def _actual_cost(data: dict[str, Any]) -> int:
    """`actual_cost(data)`, counting one edge of each list: every edge of a planned page has the same shape (a
    node's fields are scalars and objects that are never null), so the list costs its length times one edge."""
    total = 0
    for connection in data.values():
        total += 1
        for value in connection.values():
            total += 1
            if isinstance(value, list):
                total += len(value) * actual_cost(value[0]) if value else 0
            else:
                total += actual_cost(value)
    return total


def _cost(schema: strawberry.Schema, plan: Plan, first: int, max_page_size: int) -> int:
    key = first * 1000 + max_page_size
    cost = plan.costs.get(key)
    if cost is None:
        name = plan.first[1] if plan.first[0] == "var" else None
        variables = {name: first} if name else {}
        cost = requested_cost(schema._schema, plan.document, plan.operation, variables, max_page_size)
        if len(plan.costs) < MAX_CACHED_COSTS:
            plan.costs[key] = cost
    return cost
