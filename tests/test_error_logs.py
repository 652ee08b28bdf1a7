"""Errors in GraphQL results are logged by what they mean: a coded (expected) error such as UNAUTHENTICATED
at INFO with its code (an unexpected exception is logged at ERROR with its traceback: G8 in
tests/security/test_limits.py)."""

from __future__ import annotations

import logging

import pytest

from tests.support.graphql import GQL, error_codes


async def test_a_refused_token_is_logged_at_info_with_its_code(gql: GQL, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    result = await gql("{ me { id } }", headers={"Authorization": "Bearer not-a-token"})
    assert error_codes(result) == ["UNAUTHENTICATED"]
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    [logged] = [r for r in caplog.records if r.name == "strawberry.execution"]
    assert logged.levelno == logging.INFO and vars(logged)["code"] == "UNAUTHENTICATED"  # logged with extra=
    assert logged.getMessage() == "authentication required"
