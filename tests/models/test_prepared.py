"""`models.prepared.PreparedSelect`: the same rows as the queryset it was built from, for any values."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from tortoise.expressions import Subquery
from tortoise.transactions import in_transaction

from models.base import TenantContextMissing, tenant_scope
from models.content import Memorial
from models.identity import Membership, Role, SessionFamily, User
from models.prepared import PreparedSelect
from tests.support.actors import Factory

OPEN_SESSION = PreparedSelect(
    SessionFamily,
    lambda family, user: (
        SessionFamily.filter(id=family, user_id=user, revoked_at__isnull=True).select_related("user").limit(1)
    ),
    slots=2,
)
MEMBERSHIPS = PreparedSelect(Membership, lambda user: Membership.filter(user_id=user).order_by("synagogue_id"), slots=1)


async def test_rows_and_related_objects_match_the_queryset(factory: Factory) -> None:
    first, second = await factory.user(), await factory.user()
    opened = [await SessionFamily.create(user=user, user_agent=f"ua-{user.id}") for user in (first, second)]
    for _ in range(2):  # built on the first call, reused on the second
        for family, user in zip(opened, (first, second), strict=True):
            found = await OPEN_SESSION.first(family.id, user.id)
            assert found is not None
            assert (found.id, found.user_agent, found.user_id) == (family.id, family.user_agent, user.id)
            assert isinstance(found.user, User) and found.user.email == user.email


async def test_the_values_are_the_filter_not_the_placeholders(factory: Factory) -> None:
    owner, stranger = await factory.user(), await factory.user()
    family = await SessionFamily.create(user=owner)
    assert await OPEN_SESSION.first(family.id, stranger.id) is None
    family.revoked_at = datetime.now(UTC)
    await family.save(update_fields=["revoked_at"])
    assert await OPEN_SESSION.first(family.id, owner.id) is None
    assert await OPEN_SESSION.first(2**31 - 1, owner.id) is None


async def test_every_row_in_the_queryset_order(factory: Factory) -> None:
    actor = await factory.member(role=Role.ADMIN)
    others = [await factory.tenant() for _ in range(3)]
    for tenant in others:
        await Membership.create(user=actor.user, synagogue=tenant, role=Role.VIEWER)
    expected = await Membership.filter(user_id=actor.user.id).order_by("synagogue_id")
    rows = await MEMBERSHIPS.all(actor.user.id)
    assert [(row.synagogue_id, row.role) for row in rows] == [(row.synagogue_id, row.role) for row in expected]
    assert len(rows) == 4


async def test_inside_a_transaction_it_reads_the_transaction(factory: Factory) -> None:
    user = await factory.user()
    async with in_transaction():
        family = await SessionFamily.create(user=user)
        found = await OPEN_SESSION.first(family.id, user.id)
        assert found is not None and found.id == family.id


def test_a_tenant_model_is_refused() -> None:
    with pytest.raises(TypeError, match="tenant-scoped"):
        PreparedSelect(Memorial, lambda memorial: Memorial.filter(id=memorial), slots=1)


async def test_a_value_the_query_does_not_bind_is_refused(factory: Factory) -> None:
    await factory.user()
    unbound = PreparedSelect(User, lambda user: User.filter(is_platform_admin=False).limit(1), slots=1)
    with pytest.raises(ValueError):
        await unbound.first(1)
    with pytest.raises(ValueError):
        await OPEN_SESSION.first(1)  # two slots, one value


async def test_a_value_used_twice_fills_both_places_and_annotations_come_back(factory: Factory) -> None:
    actor = await factory.member(role=Role.ADMIN)
    other = await factory.tenant()
    with_role = PreparedSelect(
        User,
        lambda user, tenant: (
            User.filter(id=user)
            .annotate(role_there=Subquery(Membership.filter(user_id=user, synagogue_id=tenant).values("role")))
            .limit(1)
        ),
        slots=2,
    )
    found = await with_role.first(actor.user.id, actor.tenant.id)
    # an annotation is an attribute of the row that the model class does not declare
    assert found is not None and found.id == actor.user.id and Role(vars(found)["role_there"]) == Role.ADMIN
    elsewhere = await with_role.first(actor.user.id, other.id)
    assert elsewhere is not None and vars(elsewhere)["role_there"] is None


async def test_a_tenant_model_in_a_subquery_fails_closed_even_when_first_called_in_a_tenant(
    factory: Factory,
) -> None:
    tenant = await factory.tenant()
    sneaky = PreparedSelect(
        User,
        lambda user: User.filter(id=user).annotate(n=Subquery(Memorial.filter(id=user).values("id"))).limit(1),
        slots=1,
    )
    async with tenant_scope(tenant.id):  # built now, this tenant would be baked into SQL every caller reuses
        with pytest.raises(TenantContextMissing):
            await sneaky.first(1)
