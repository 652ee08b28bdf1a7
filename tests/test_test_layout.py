"""The house rules of the suite, enforced by reading its code.

- Every test module of the domain folders that sends GraphQL queries or mutations through the app has a test
  named `..._cross_tenant_...` (a caller of synagogue A reaching for synagogue B's objects, by id or by
  X-Tenant-ID, gets what a missing object gets and nothing of B is read or changed) and one named
  `..._missing_role_...` (a caller without the needed role is refused with the product's code and nothing is
  written). A module where a case cannot apply is listed in EXEMPT with the reason.
- Every such case checks that nothing was written: it takes a snapshot of what the refused operation could
  write (tests/support/snapshot.py: `unchanged` or `snapshot`) before it and compares it after, as the
  mutation-access matrix does; a name alone proves nothing.
- No test module imports another (or conftest.py): what tests share lives in tests/support/.
- No test catches `Exception` (or `BaseException`, or everything) where it means a particular failure.
"""

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
# How a case checks that nothing was written (tests/support/snapshot.py).
SNAPSHOT_CALLS = frozenset({"unchanged", "snapshot"})
BROAD = frozenset({"Exception", "BaseException"})

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
    "platform/test_placement_outage.py": "what a dead placed database does to its own synagogues and to the others; "
    "no object is named by id and no role is involved: placement's cross_tenant and missing_role cases are "
    "test_placement's",
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


def _parsed(paths: list[Path]) -> dict[str, ast.Module]:
    return {p.relative_to(TESTS).as_posix(): ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in paths}


def modules() -> dict[str, ast.Module]:
    """The test modules of the domain folders."""
    return _parsed([path for folder in FOLDERS for path in sorted((TESTS / folder).rglob("test_*.py"))])


def every_module() -> dict[str, ast.Module]:
    """Every Python module of the suite (tests, conftest.py files, tests/support/)."""
    return _parsed(sorted(TESTS.rglob("*.py")))


def marked_cases(module: ast.Module) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """The tests named for the house rule (`*cross_tenant*`, `*missing_role*`)."""
    nodes = [*module.body, *(n for c in module.body if isinstance(c, ast.ClassDef) for n in c.body)]
    return [
        node
        for node in nodes
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.name.startswith("test")
        and any(marker in node.name for marker in MARKERS)
    ]


def checks_nothing_was_written(case: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    for node in ast.walk(case):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name in SNAPSHOT_CALLS:
                return True
    return False


def imported_test_modules(module: ast.Module) -> list[str]:
    """Modules of the suite other than tests/support/ that `module` imports (relative imports included)."""
    found: list[str] = []
    for node in ast.walk(module):
        if isinstance(node, ast.ImportFrom) and node.level:
            found.append("." * node.level + (node.module or ""))
        elif isinstance(node, ast.ImportFrom) and node.module == "tests":
            found += [f"tests.{alias.name}" for alias in node.names if alias.name != "support"]
        else:
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            found += [n for n in names if n.startswith("tests.") and n.split(".")[1] != "support"]
    return found


def broad_catches(module: ast.Module) -> list[int]:
    """Lines of `except:`, `except Exception` (or BaseException, alone or in a tuple) and `raises(Exception)`."""

    def broad(node: ast.expr | None) -> bool:
        if node is None or (isinstance(node, ast.Name) and node.id in BROAD):
            return True
        return isinstance(node, ast.Tuple) and any(broad(element) for element in node.elts)

    found = [node.lineno for node in ast.walk(module) if isinstance(node, ast.ExceptHandler) and broad(node.type)]
    for node in ast.walk(module):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "raises":
            found += [node.lineno] if node.args and broad(node.args[0]) else []
    return sorted(found)


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


def test_every_cross_tenant_and_missing_role_case_checks_that_nothing_was_written() -> None:
    unchecked = [
        f"tests/{path}::{case.name}"
        for path, module in every_module().items()
        if Path(path).name.startswith("test_") and path != Path(__file__).name
        for case in marked_cases(module)
        if not checks_nothing_was_written(case)
    ]
    assert not unchecked, "cases that do not compare a snapshot (tests/support/snapshot.py) around the refusal:\n" + (
        "\n".join(f"  {case}" for case in unchecked)
    )


def test_no_test_module_imports_another() -> None:
    imports = {path: found for path, module in every_module().items() if (found := imported_test_modules(module))}
    assert not imports, "modules of the suite importing test modules (share through tests/support/):\n" + "\n".join(
        f"  tests/{path}: {', '.join(found)}" for path, found in sorted(imports.items())
    )


def test_no_test_catches_every_exception() -> None:
    broad = {path: lines for path, module in every_module().items() if (lines := broad_catches(module))}
    assert not broad, "catch what is really expected, not Exception:\n" + "\n".join(
        f"  tests/{path}: lines {lines}" for path, lines in sorted(broad.items())
    )


def test_the_rules_read_the_code_as_meant() -> None:
    written = "async def test_missing_role_a(owner_db) -> None:\n    async with unchanged(owner_db, tenant): ..."
    compared = "async def test_T1_cross_tenant_a(owner_db) -> None:\n    before = await snapshot(owner_db, t)"
    named_only = "async def test_missing_role_a(gql) -> None:\n    assert await gql(QUERY)"
    assert [checks_nothing_was_written(case) for case in marked_cases(ast.parse(written + "\n" + compared))] == [
        True,
        True,
    ]
    assert [checks_nothing_was_written(case) for case in marked_cases(ast.parse(named_only))] == [False]
    assert marked_cases(ast.parse("def test_plain() -> None: ...")) == []
    importing = (
        "from tests.devices.test_upkeep import tenant_feed\nfrom tests.conftest import GQL\nimport tests.test_http\n"
        "from tests import conftest, support\nfrom .helpers import x\n"
        "def f() -> None:\n    from tests.subscriptions.test_screen import watch"
    )
    assert imported_test_modules(ast.parse(importing)) == [
        "tests.devices.test_upkeep",
        "tests.conftest",
        "tests.test_http",
        "tests.conftest",
        ".helpers",
        "tests.subscriptions.test_screen",
    ]
    sharing = "from tests.support.graphql import GQL\nfrom tests import support\nimport tests.support.live"
    assert imported_test_modules(ast.parse(sharing)) == []
    catching = (
        "try: f()\nexcept Exception: pass\ntry: f()\nexcept: pass\ntry: f()\nexcept (OSError, BaseException): pass\n"
        "with pytest.raises(Exception): f()"
    )
    assert broad_catches(ast.parse(catching)) == [2, 4, 6, 7]
    precise = "try: f()\nexcept (OSError, ValueError): pass\nwith pytest.raises(TimeoutError): f()"
    assert broad_catches(ast.parse(precise)) == []
