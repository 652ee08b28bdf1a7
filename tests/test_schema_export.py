"""`schema.graphql` at the repo root is the SDL the code serves."""

from __future__ import annotations

from config import ROOT
from schema.assembly import export_sdl


def test_schema_graphql_matches_the_code() -> None:
    exported = ROOT / "schema.graphql"
    assert exported.exists(), "schema.graphql is missing: run `python main.py export-schema`"
    assert exported.read_text() == export_sdl(), (
        "schema.graphql differs from the schema the code serves: run `python main.py export-schema` and commit it"
    )
