"""The house rule, enforced: every test module of the domain folders that sends GraphQL queries or mutations
through the app has a test named `..._cross_tenant_...` (a caller of synagogue A reaching for synagogue B's
objects, by id or by X-Tenant-ID, gets what a missing object gets and nothing of B is read or changed) and
one named `..._missing_role_...` (a caller without the needed role is refused with the product's code and
nothing is written). A module where a case cannot apply is listed in EXEMPT with the reason."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
FOLDERS = (
    "content", "identity", "synagogue", "devices", "analytics", "outbox", "webhooks", "partners", "platform",
    "subscriptions",
)  # fmt: skip
MARKERS = ("cross_tenant", "missing_role")
# How the suite sends an operation to the app: the `gql` fixture or a live server's `.gql(...)`, a GQL built by
# hand (`GQL(...)`, tests/support/graphql.client_gql), an identity Browser, or a plain POST to "/graphql".
SENDER_NAME = "gql"
SENDER_CALLS = frozenset({"GQL", "client_gql", "Browser"})

# {path relative to tests/: why the rule does not apply}. Add a row only with a reason a reviewer can check.
EXEMPT: dict[str, str] = {
    "identity/test_login.py": "Register, Login and Logout are public operations outside any tenant: no role to "
    "miss; their refusal under a foreign X-Tenant-ID is the cross_tenant test of test_input_hygiene (Register) "
    "and of test_lockout (Login)",
    "identity/test_registration_throttle.py": "one anonymous public operation (Register), throttled per address",
    "identity/test_password_forms.py": "how passwords in any Unicode form are hashed and checked through Register "
    "and Login (public); ChangePassword's refusals without a session or under a foreign tenant are test_lockout's "
    "missing_role and test_sessions' tests",
    "partners/test_partner_websocket.py": "a partner key is refused at connection_init whatever synagogue it names, "
    "so no object of another synagogue can be reached over a socket; a partner key naming another synagogue over "
    "HTTP is the cross_tenant test of test_api_keys",
    "webhooks/test_webhook_delivery.py": "how the worker delivers to a receiver (signing, retries, refusals); its "
    "GraphQL only sets up one synagogue's endpoint and change as its admin and editor: which synagogue's "
    "endpoints hear a change, and what a refused mutation emits, are test_webhook_events' cross_tenant and "
    "missing_role tests",
    "platform/test_platform_audit_cli.py": "runs create-admin as an operator's process, with no synagogue or role "
    "involved; who may read the platform log is test_platform_audit_log's missing_role test",
}


def sends_graphql(module: ast.Module) -> bool:
    for node in ast.walk(module):
        if isinstance(node, ast.arg) and node.arg == SENDER_NAME:
            return True
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in SENDER_CALLS:
            return True
        if isinstance(func, ast.Attribute) and func.attr == SENDER_NAME:
            return True
        first = node.args[0] if node.args else None
        if isinstance(first, ast.Constant) and first.value == "/graphql":
            return True
    return False


def case_names(module: ast.Module) -> list[str]:
    nodes = [*module.body, *(n for c in module.body if isinstance(c, ast.ClassDef) for n in c.body)]
    functions = (n for n in nodes if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef))
    return [f.name for f in functions if f.name.startswith("test")]


def modules() -> dict[str, ast.Module]:
    found: dict[str, ast.Module] = {}
    for folder in FOLDERS:
        for path in sorted((TESTS / folder).rglob("test_*.py")):
            found[path.relative_to(TESTS).as_posix()] = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return found


def missing_markers(module: ast.Module) -> list[str]:
    names = case_names(module)
    return [marker for marker in MARKERS if not any(marker in name for name in names)]


def test_every_graphql_test_module_has_a_cross_tenant_and_a_missing_role_case() -> None:
    lacking = {
        path: missing
        for path, module in modules().items()
        if path not in EXEMPT and sends_graphql(module) and (missing := missing_markers(module))
    }
    assert not lacking, "test modules without a case named for the house rule:\n" + "\n".join(
        f"  tests/{path}: no test named *{'* or *'.join(missing)}*" for path, missing in sorted(lacking.items())
    )


def test_every_exemption_names_a_graphql_module_that_still_needs_it() -> None:
    found = modules()
    stale = [p for p in EXEMPT if p not in found or not sends_graphql(found[p]) or not missing_markers(found[p])]
    assert not stale, f"exemptions to remove from EXEMPT: {stale}"
    assert all(reason.strip() for reason in EXEMPT.values())


def test_the_signal_tells_graphql_modules_from_the_others() -> None:
    sending = [
        "async def test_a(gql: GQL) -> None: ...",
        "async def test_a(app) -> None:\n    async with Browser(app, settings) as b: ...",
        "def test_a(app) -> None:\n    gql = client_gql(app)",
        "async def test_a(live_server) -> None:\n    await live_server.gql(QUERY)",
        'async def test_a(http) -> None:\n    await http.post("/graphql", json={})',
    ]
    quiet = ["async def test_a(factory) -> None:\n    await jobs.run_pending()", "def test_b() -> None: ..."]
    assert all(sends_graphql(ast.parse(source)) for source in sending)
    assert not any(sends_graphql(ast.parse(source)) for source in quiet)
    both = "class TestX:\n    async def test_T1_cross_tenant_a(self) -> None: ...\ndef test_missing_role_b(): ..."
    assert missing_markers(ast.parse(both)) == []
    assert missing_markers(ast.parse("async def test_a(gql) -> None: ...")) == list(MARKERS)
