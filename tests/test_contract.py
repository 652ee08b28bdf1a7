"""The contract: every operation of ../shared/clients validates against the schema.

`NOT_SERVED_YET` names the operations whose domains are still being built. It can only shrink: an operation
on it that starts validating fails the suite until it is taken off, and an operation off it that does not
validate fails too.
"""

from __future__ import annotations

import graphql
import pytest

from schema import build_schema
from tests.support.documents import client_document, operations

IDENTITY_OPERATIONS = frozenset(
    {
        "Register",
        "Login",
        "RefreshSession",
        "Logout",
        "Me",
        "CreateSynagogue",
        "Synagogue",
        "UpdateSynagogue",
        "AddMember",
        "SetMemberRole",
        "RemoveMember",
        "Members",
        "AuditLog",
    }
)

NOT_SERVED_YET: frozenset[str] = frozenset()


def validation_errors(name: str) -> list[str]:
    document = graphql.parse(client_document(name))
    return [error.message for error in graphql.validate(build_schema()._schema, document)]


@pytest.mark.parametrize("name", sorted(operations()))
def test_client_operation_validates(name: str) -> None:
    errors = validation_errors(name)
    file_name = operations()[name][0]
    if name in NOT_SERVED_YET:
        assert errors, f"{name} ({file_name}) validates now: take it off NOT_SERVED_YET in {__file__}"
    else:
        assert not errors, f"{name} ({file_name}) does not validate against the schema: {errors}"


def test_identity_operations_are_never_excused() -> None:
    assert not IDENTITY_OPERATIONS & NOT_SERVED_YET
    assert operations().keys() >= IDENTITY_OPERATIONS


def test_not_served_yet_names_client_operations() -> None:
    unknown = NOT_SERVED_YET - operations().keys()
    assert not unknown, f"not operations of ../shared/clients: {sorted(unknown)}"
