"""The trusted-document catalogue is built from every `*.graphql` file under `documents/`: the client copies
and any document the product adds elsewhere in the folder, each operation with the fragments it uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.partners.documents import build_catalogue, sha256_hex

FRAGMENT = "fragment Who on User { id email }"


def _write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_product_documents_beside_the_client_copies_are_catalogued_with_their_path_as_client(tmp_path: Path) -> None:
    _write(
        tmp_path, "clients/admin.graphql", f"query Me {{ me {{ ...Who }} }}\n{FRAGMENT}\nquery Ping {{ __typename }}"
    )
    _write(tmp_path, "newsletter/weekly.graphql", "query Weekly { __typename }")
    catalogue = build_catalogue(tmp_path)
    listed = {(d.client, d.operation_name): d for d in catalogue.all()}
    assert set(listed) == {("admin", "Me"), ("admin", "Ping"), ("newsletter/weekly", "Weekly")}
    me = listed[("admin", "Me")]
    assert "fragment Who on User" in me.text and me.id == sha256_hex(me.text) and catalogue.get(me.id) == me
    assert "fragment" not in listed[("admin", "Ping")].text  # only the fragments an operation uses


@pytest.mark.parametrize(
    ("text", "problem"),
    [("{ __typename }", "needs a name"), ("query A { __typename }\nquery A { __typename }", "defined twice")],
)
def test_an_unnamed_or_repeated_operation_stops_the_start_up(tmp_path: Path, text: str, problem: str) -> None:
    _write(tmp_path, "extra.graphql", text)
    with pytest.raises(ValueError, match=problem):
        build_catalogue(tmp_path)
