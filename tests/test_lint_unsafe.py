"""scripts/lint_unsafe.py (part of scripts/check) flags every tenant-scoping escape outside the places allowed
to use them, ignores comments and strings, passes on this repository, and its allowlist names only files that
exist and still need it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from config import ROOT


def lint() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lint_unsafe", ROOT / "scripts" / "lint_unsafe.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("lint_unsafe", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "line",
    [
        "rows = await Message.raw('SELECT * FROM message')",
        "query = QuerySet(Message)",
        "rows = await Message.unscoped().all()",
        "rows = await unscoped(Message)",
        "conn = connections.get('default')",
    ],
)
def test_each_escape_outside_the_allowed_places_fails_the_lint(
    tmp_path: Path, line: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "resolver.py"
    source.write_text(f"async def f():\n    {line}\n", encoding="utf-8")
    assert lint().main([str(source)]) == 1
    assert "resolver.py:2:" in capsys.readouterr().out


def test_comments_strings_and_definitions_do_not_count(tmp_path: Path) -> None:
    source = tmp_path / "service.py"
    source.write_text(
        "# never call Message.raw( here\n"
        "NOTE = 'QuerySet( and connections.get( are escapes'\n"
        "def unscoped(model):\n"
        "    return model\n",
        encoding="utf-8",
    )
    assert lint().main([str(source)]) == 0


def test_the_repository_passes() -> None:
    assert lint().main([]) == 0


def test_every_allowlisted_file_exists_and_still_uses_an_escape() -> None:
    module = lint()
    for entry in sorted(module.load_allowlist()):
        path = ROOT / entry
        assert path.exists(), f"{entry} is on scripts/unsafe-allowlist.txt but does not exist"
        if path.is_file():
            hits = list(module.scan(path.read_text(encoding="utf-8")))
            assert hits, f"{entry} uses no escape any more: take it off scripts/unsafe-allowlist.txt"
