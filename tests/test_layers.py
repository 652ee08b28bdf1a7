"""The layers of DESIGN.md beyond what the import-linter contract (pyproject.toml, run by scripts/check) can see:
`main.py` and `config.py` are single modules, outside the contract's graph, so nothing may import `main` and
`config` may import nothing of the project; and no module of the project takes part in an import cycle (a cycle
makes import order matter and hides a layer that points the wrong way)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("schema", "resolvers", "permissions", "services", "subscriptions", "models", "luach")
PROJECT = {*PACKAGES, "main", "config"}


def imported_roots(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def project_sources() -> list[Path]:
    sources = [ROOT / "main.py", ROOT / "config.py"]
    for package in PACKAGES:
        sources.extend(sorted((ROOT / package).rglob("*.py")))
    return sources


def test_nothing_imports_main() -> None:
    importers = [p.relative_to(ROOT).as_posix() for p in project_sources() if "main" in imported_roots(p)]
    assert importers == []


def test_config_imports_nothing_of_the_project() -> None:
    assert imported_roots(ROOT / "config.py") & PROJECT == set()


def cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycles() -> None:
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    assert cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for module in ("a", "a.b", "a.c", "a.d"):
        graph.add_module(module)
    graph.add_import(importer="a.b", imported="a.c")
    graph.add_import(importer="a.c", imported="a.b")
    graph.add_import(importer="a.d", imported="a.b")
    assert cycles(graph) == [["a.b", "a.c"]]


FIRST_IMPORTS = (
    "resolvers.content.mutations",
    "resolvers.identity.queries",
    "resolvers.node",
    "schema.content.types",
    "schema.devices.types",
    "services.content.memorials",
)


@pytest.mark.parametrize("module", FIRST_IMPORTS)
def test_a_module_can_be_imported_first(module: str) -> None:
    """Import order never matters: a resolver, a shape or a service module loads in a fresh interpreter on its own
    (a package whose `__init__` imported upward would fail here, the module meeting itself half-initialised)."""
    result = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
