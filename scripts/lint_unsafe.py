"""Fail on database roads that bypass tenant scoping, outside the places allowed to use them.

The lint reads each file's syntax tree and resolves names through the module's imports and simple assignments,
so an alias is the thing it names (`from tortoise import connections as pool; pool.get(...)` is
`tortoise.connections.get`). It flags:
- raw SQL: `<expr>.raw(...)`, `RawSQL` from `tortoise.expressions`, and `execute_query`, `execute_query_dict`,
  `execute_script`, `execute_insert`, `execute_many` called on any object (a connection, however reached);
- a raw connection: `tortoise.connections` (`.get`, `.all`, ...), `get_connections()`,
  `Tortoise.get_connection(s)`;
- a queryset built by hand: calling any class of `tortoise.queryset` (`QuerySet(...)`, `UpdateQuery(...)`, ...) or
  subclassing one;
- the database or executor behind a model: `._choose_db(...)`, `.executor_class`, Tortoise's executor classes;
- `unscoped(...)`, the audited escape from the tenant manager.
A bare name that is neither imported nor assigned (`connections.get(...)`, `QuerySet(...)`) is taken for
Tortoise's. Files under models/, migrations/, tests/, .venv/ (and hidden or cache directories) are not read, nor
those listed in scripts/unsafe-allowlist.txt (`path` or `path:reason`, relative to the repository root; a path
ending in `/` allows a whole directory). Comments and strings never count.

Usage: python scripts/lint_unsafe.py [PATH ...]   (default: the repository root)
Prints `file:line:col: message` per hit and exits 1 on any.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLOWLIST = ROOT / "scripts" / "unsafe-allowlist.txt"
EXCLUDED_DIRS = {"models", "migrations", "tests", ".venv"}
SKIPPED_DIRS = {"__pycache__", "node_modules", "data"}

RAW_SQL = "raw SQL bypasses the tenant manager and the RLS context"
RAW_CONNECTION = "a raw connection bypasses the tenant manager and the RLS context"
HAND_BUILT = "a queryset built by hand bypasses the tenant manager"
EXECUTOR = "the database or executor behind a model bypasses the tenant manager"
UNSCOPED = "unscoped() escapes tenant scoping; only allowlisted code may call it"

RAW_METHODS = frozenset(
    {"raw", "execute_query", "execute_query_dict", "execute_script", "execute_insert", "execute_many"}
)
UNRESOLVED = {
    "connections": "tortoise.connections",
    "QuerySet": "tortoise.queryset.QuerySet",
    "RawSQL": "tortoise.expressions.RawSQL",
    "Tortoise": "tortoise.Tortoise",
}
"""What a bare name that the module neither imports nor assigns is taken for."""
LOCAL = "<local>"
CONNECTION_ROADS = (
    "tortoise.connections.",
    "tortoise.connection.connections.",
    "tortoise.connection.get_connections",
    "tortoise.Tortoise.get_connection",
    "tortoise.get_connection",
)


def _aliases(tree: ast.AST) -> dict[str, str]:
    """Local name -> dotted name, from every import and simple assignment of the module (flow-insensitive)."""
    aliases: dict[str, str] = {}
    assignments: list[tuple[str, ast.expr]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    aliases[alias.asname] = alias.name
                else:
                    root = alias.name.split(".")[0]
                    aliases[root] = root
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            assignments.append((node.targets[0].id, node.value))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            assignments.append((node.target.id, node.value))
    for name, value in assignments:
        resolved = _qualify(value, aliases)
        aliases[name] = resolved if resolved and not resolved.startswith(LOCAL) else LOCAL
    return aliases


def _qualify(node: ast.expr, aliases: dict[str, str]) -> str | None:
    if isinstance(node, ast.Name):
        return aliases.get(node.id) or UNRESOLVED.get(node.id) or f"{LOCAL}.{node.id}"
    if isinstance(node, ast.Attribute):
        base = _qualify(node.value, aliases)
        return None if base is None else f"{base}.{node.attr}"
    return None


def _normal(name: str) -> str:
    """One spelling per Tortoise object: `tortoise.connection.connections` is `tortoise.connections`."""
    return name.replace("tortoise.connection.connections", "tortoise.connections")


def _is_queryset_class(name: str) -> bool:
    module, _, leaf = name.rpartition(".")
    return module == "tortoise.queryset" and leaf[:1].isupper()


def _findings(tree: ast.AST) -> Iterator[tuple[ast.AST, str, str]]:
    aliases = _aliases(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for base in node.bases:
                name = _qualify(base, aliases)
                if name and _is_queryset_class(name):
                    yield base, f"class {node.name}({name.rsplit('.', 1)[-1]})", HAND_BUILT
        elif isinstance(node, ast.Call):
            func = node.func
            name = _normal(_qualify(func, aliases) or "")
            if isinstance(func, ast.Attribute) and func.attr in RAW_METHODS:
                yield node, f".{func.attr}(", RAW_SQL
            elif isinstance(func, ast.Attribute) and func.attr == "_choose_db":
                yield node, "._choose_db(", EXECUTOR
            elif name.startswith(CONNECTION_ROADS):
                yield node, name, RAW_CONNECTION
            elif _is_queryset_class(name):
                yield node, f"{name.rsplit('.', 1)[-1]}(", HAND_BUILT
            elif name.endswith(".unscoped") or name == "unscoped":
                yield node, "unscoped(", UNSCOPED
        elif isinstance(node, ast.Attribute | ast.Name):
            name = _normal(_qualify(node, aliases) or "")
            if name == "tortoise.expressions.RawSQL":
                yield node, "RawSQL", RAW_SQL
            elif isinstance(node, ast.Attribute) and node.attr == "executor_class":
                yield node, ".executor_class", EXECUTOR
            elif name.startswith("tortoise.backends.") and name.rsplit(".", 1)[-1].endswith("Executor"):
                yield node, name.rsplit(".", 1)[-1], EXECUTOR


def scan(source: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, message) for each unsafe road in `source`."""
    tree = ast.parse(source)
    seen: set[tuple[int, int]] = set()
    for node, what, message in _findings(tree):
        at = (getattr(node, "lineno", 1), getattr(node, "col_offset", 0) + 1)
        if at not in seen:
            seen.add(at)
            yield at[0], at[1], f"`{what}` {message}"


def load_allowlist(path: Path = ALLOWLIST) -> set[str]:
    entries: set[str] = set()
    if not path.exists():
        return entries
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        entries.add(line.split(":", 1)[0].strip())
    return entries


def is_allowed(rel: str, allowlist: set[str]) -> bool:
    return rel in allowlist or any(entry.endswith("/") and rel.startswith(entry) for entry in allowlist)


def relative(path: Path) -> str:
    resolved = path.resolve()
    return resolved.relative_to(ROOT).as_posix() if resolved.is_relative_to(ROOT) else str(path)


def excluded(rel: str) -> bool:
    parts = rel.split("/")[:-1]
    if parts and parts[0] in EXCLUDED_DIRS:
        return True
    return any(p in SKIPPED_DIRS or p.startswith(".") for p in parts)


def python_files(paths: list[Path]) -> Iterator[Path]:
    for base in paths:
        candidates = [base] if base.is_file() else sorted(base.rglob("*.py"))
        for path in candidates:
            if path.suffix == ".py" and not excluded(relative(path)):
                yield path


def main(argv: list[str]) -> int:
    paths = [Path(a).resolve() for a in argv] or [ROOT]
    allowlist = load_allowlist()
    hits = 0
    for path in python_files(paths):
        rel = relative(path)
        if is_allowed(rel, allowlist):
            continue
        try:
            source = path.read_text(encoding="utf-8")
            found = list(scan(source))
        except (SyntaxError, UnicodeDecodeError) as exc:
            print(f"{rel}:1:1: cannot parse ({exc}); fix the file so this lint can read it")
            hits += 1
            continue
        for line, col, message in found:
            print(f"{rel}:{line}:{col}: {message}")
            hits += 1
    if hits:
        allowlist_path = ALLOWLIST.relative_to(ROOT)
        print(f"lint_unsafe: {hits} unsafe call(s); scope the query, or add the file to {allowlist_path}")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
