"""The placed pass of the suite (`scripts/test` runs it after the whole suite): the isolation, tenancy and security
tests again, with every synagogue the factory makes placed in a database of its own (`tenants_a`; see
tests/support/placement.py). Loaded as a pytest plugin (`-p tests.support.placed_pass`), it keeps only those tests:
the modules below and, in every domain folder, the `*cross_tenant*` and `*missing_role*` cases. The whole suite
twice would take too long; these are the tests that a tenant's placement could break."""

from __future__ import annotations

import os

import pytest

MODULES = (
    "tests/models/test_tenancy.py",
    "tests/models/test_tenant_selection.py",
    "tests/security/test_tenancy_isolation.py",
    "tests/security/test_tenancy_roles.py",
    "tests/security/test_tenancy_server.py",
    "tests/security/test_T1_malformed_ids.py",
    "tests/security/test_tenant_admission.py",
    "tests/security/test_Z7_admin_audit.py",
    "tests/security/test_R4_one_operation_one_transaction.py",
    "tests/security/test_G9_nested_tenant_scope.py",
    "tests/security/test_ws_loaders_per_operation.py",
    "tests/platform/test_placement.py",
)
"""Run whole: tenancy, isolation (T1-T6), roles and impersonation (Z3-Z7), one operation one transaction."""
CASES = ("cross_tenant", "missing_role")
"""Run in every module: each domain's refusals across synagogues and roles (tests/test_test_layout.py)."""


def selected(path: str, name: str) -> bool:
    return path in MODULES or any(case in name for case in CASES)


os.environ["SHULGRAPH_TEST_PLACEMENT"] = "placed"  # at import, before the suite's modules read it


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = config.rootpath
    kept, dropped = [], []
    for item in items:
        path = item.path.relative_to(root).as_posix()
        (kept if selected(path, item.name) else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
    items[:] = kept
