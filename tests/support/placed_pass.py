"""The placed pass of the suite (`scripts/test` runs it after the whole suite): the isolation, tenancy and security
tests again, with every synagogue the factory makes placed in a database of its own (`tenants_a`; see
tests/support/placement.py). Loaded as a pytest plugin (`-p tests.support.placed_pass`), it keeps only those tests:
every security-matrix module (tests/security/), the modules below and, in every domain folder, the
`*cross_tenant*` and `*missing_role*` cases. The whole suite twice would take too long; these are the tests that a
tenant's placement could break."""

from __future__ import annotations

import os

import pytest

FOLDERS = ("tests/security/",)
"""Run whole: the security matrix (isolation T1-T7, roles and impersonation Z1-Z7, sessions, abuse, reliability)."""
MODULES = (
    "tests/models/test_tenancy.py",
    "tests/models/test_tenant_selection.py",
    "tests/models/test_pool.py",
    "tests/compiled/test_both_roads.py",
    "tests/compiled/test_object_roots.py",
    "tests/content/test_screen_data.py",
    "tests/content/test_shabbat_edits.py",
    "tests/devices/test_screen_boundaries.py",
    "tests/devices/test_screen_kept.py",
    "tests/content/test_media.py",
    "tests/platform/test_placement.py",
    "tests/platform/test_audit_log.py",
    "tests/analytics/test_zone_buckets.py",
    "tests/analytics/test_alerts.py",
    "tests/outbox/test_retention.py",
    "tests/outbox/test_job_admin.py",
    "tests/outbox/test_messaging.py",
    "tests/outbox/test_schedule.py",
    "tests/synagogue/test_synagogue.py",
)
"""Run whole too: the tenant manager and selection, pooled connections, the compiled roads' raw SQL beside the
executor, the screen's reads made together (models.together), the screen feeds kept for HTTP requests (computed
in a context of their own, which must find a placed synagogue's database), media rows and their outbox jobs, the
placement tests that place nothing themselves, the audit logs, and the fleet's work across synagogues (rollups
bucketed in SQL, alert evaluation per slot, retention, the job admin, text messages and their inbound replies, the
schedule), and a synagogue created inside another's operation."""
CASES = ("cross_tenant", "missing_role")
"""Run in every module: each domain's refusals across synagogues and roles (tests/test_test_layout.py)."""


def selected(path: str, name: str) -> bool:
    return path.startswith(FOLDERS) or path in MODULES or any(case in name for case in CASES)


os.environ["SHULGRAPH_TEST_PLACEMENT"] = "placed"  # at import, before the suite's modules read it


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = config.rootpath
    kept: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        path = item.path.relative_to(root).as_posix()
        (kept if selected(path, item.name) else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
    items[:] = kept
