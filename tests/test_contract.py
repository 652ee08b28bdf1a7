"""The contract: every operation of ../shared/clients validates against the schema, and the identity
operations (sign-in, sessions, members, the audit log) are among them."""

from __future__ import annotations

import graphql
import pytest

from schema.assembly import build_schema
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


def validation_errors(name: str) -> list[str]:
    document = graphql.parse(client_document(name))
    return [error.message for error in graphql.validate(build_schema()._schema, document)]


@pytest.mark.parametrize("name", sorted(operations()))
def test_client_operation_validates(name: str) -> None:
    errors = validation_errors(name)
    file_name = operations()[name][0]
    assert not errors, f"{name} ({file_name}) does not validate against the schema: {errors}"


def test_identity_operations_are_never_excused() -> None:
    assert operations().keys() >= IDENTITY_OPERATIONS
