"""scripts/lint_unsafe.py (part of scripts/check) flags every tenant-scoping escape outside the places allowed
to use them, ignores comments and strings, passes on this repository, and its allowlist names only files that
exist and still need it.

L1 (security matrix): an unsafe database road spelled another way (`execute_query` on a connection,
`get_connection`, `RawSQL`, an aliased import) | the lint finds it outside the allowlist. The lint resolves names
through the module's imports and simple assignments, so an alias is the thing it names."""

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


@pytest.mark.parametrize(
    "source",
    [
        # a raw query on whatever connection object, however it was reached
        "async def f(conn):\n    await conn.execute_query('SELECT 1')\n",
        "async def f(conn):\n    await conn.execute_query_dict('SELECT 1')\n",
        "async def f(conn):\n    await conn.execute_script('SELECT 1')\n",
        # Tortoise's own roads to a connection
        "from tortoise import Tortoise\nasync def f():\n    Tortoise.get_connection('default')\n",
        "from tortoise import Tortoise as T\nasync def f():\n    T.get_connections()\n",
        "from tortoise.connection import get_connections\nasync def f():\n    get_connections()\n",
        "import tortoise\nasync def f():\n    tortoise.connections.get('default')\n",
        # the connections registry under another name
        "from tortoise import connections as pool\nasync def f():\n    pool.get('default')\n",
        "from tortoise import connections\nregistry = connections\nasync def f():\n    registry.get('default')\n",
        "from tortoise.connection import connections as c\nasync def f():\n    c.all()\n",
        # raw SQL inside a queryset
        "from tortoise.expressions import RawSQL\nasync def f(m):\n    await m.annotate(x=RawSQL('1'))\n",
        "import tortoise.expressions as e\nasync def f(m):\n    await m.annotate(x=e.RawSQL('1'))\n",
        # a queryset built by hand, or a subclass of one
        "from tortoise.queryset import QuerySet as Q\ndef f(m):\n    return Q(m)\n",
        "from tortoise import queryset\ndef f(m):\n    return queryset.UpdateQuery(m, {}, None, None)\n",
        "from tortoise.queryset import BulkCreateQuery\ndef f(m):\n    return BulkCreateQuery(m, [], None, False)\n",
        "from tortoise.queryset import QuerySet\nclass Mine(QuerySet):\n    pass\n",
        # the database and executor behind a model
        "def f(m):\n    return m._choose_db()\n",
        "def f(m):\n    return m._meta.db.executor_class(m, None)\n",
        "from tortoise.backends.base.executor import BaseExecutor\ndef f(m, db):\n    return BaseExecutor(m, db)\n",
    ],
)
def test_L1_an_unsafe_road_spelled_another_way_fails_the_lint(
    tmp_path: Path, source: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "resolver.py"
    path.write_text(source, encoding="utf-8")
    assert lint().main([str(path)]) == 1, source
    assert "resolver.py:" in capsys.readouterr().out


def test_L1_safe_names_that_look_alike_do_not_count(tmp_path: Path) -> None:
    source = tmp_path / "service.py"
    source.write_text(
        "from collections import defaultdict\n"
        "connections = defaultdict(list)\n"
        "def f(conns, query):\n"
        "    connections.get('a')\n"  # a dict of the module's own named `connections`
        "    return query.filter(id=1).execute()\n",
        encoding="utf-8",
    )
    assert lint().main([str(source)]) == 0


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
