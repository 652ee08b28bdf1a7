"""Which synagogue a request acts in, and with which role.

The `X-Tenant-ID` header (or `tenantId` in a websocket's `connection_init`) names it; membership is
read on every request, so a changed role applies at once. Devices and partner keys carry their own
tenant. A platform admin acts in a tenant they are not a member of only by naming it (impersonation),
and the operations they run there are audited.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

from tortoise.queryset import QuerySet

from models.identity import Membership, Role
from models.prepared import PreparedSelect
from models.synagogue import Synagogue
from services.identity.principals import Principal
from services.infra.errors import ErrorCode, Forbidden, ServiceError
from services.infra.ids import parse_int


@dataclass(frozen=True)
class TenantAccess:
    tenant_id: int | None = None
    role: Role | None = None
    impersonating: bool = False


def parse_tenant_ref(value: str) -> int | None:
    """A synagogue's global id (or its numeric id) to its primary key; None when malformed."""
    value = value.strip()
    if value.isdigit():
        return parse_int(value)
    try:
        decoded = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    type_name, _, raw = decoded.partition(":")
    return parse_int(raw) if type_name == "Synagogue" else None


_MEMBERSHIP = PreparedSelect(
    Membership, lambda user, tenant: Membership.filter(user_id=user, synagogue_id=tenant).limit(1), slots=2
)
"""A user's membership in the synagogue a request names: on every such request, so built once."""
_MEMBERSHIPS_WITH_SYNAGOGUES = PreparedSelect(
    Membership, lambda user: Membership.filter(user_id=user).select_related("synagogue").order_by("id"), slots=1
)


async def memberships_of(user_id: int) -> list[Membership]:
    """A user's memberships, oldest first, each with its synagogue fetched in the same statement (`Me`)."""
    return await _MEMBERSHIPS_WITH_SYNAGOGUES.all(user_id)


def members_of(synagogue_id: int) -> QuerySet[Membership]:
    """A synagogue's memberships, oldest first, each with its user fetched in the same statement (`members`)."""
    return Membership.filter(synagogue_id=synagogue_id).select_related("user").order_by("id")


async def resolve_tenant(principal: Principal, requested: str | None) -> TenantAccess:
    """The tenant and role for a principal; raises `Forbidden` for a tenant they may not act in."""
    if principal.kind in ("device", "partner"):
        if requested and parse_tenant_ref(requested) != principal.tenant_id:
            raise Forbidden("this credential belongs to another synagogue")
        return TenantAccess(tenant_id=principal.tenant_id, role=None)
    if principal.kind != "user" or principal.user is None:
        if requested:
            raise ServiceError("sign in to act in a synagogue", principal.auth_error or ErrorCode.UNAUTHENTICATED)
        return TenantAccess()
    user_id = principal.user.id
    if not requested:
        memberships = await Membership.filter(user_id=user_id).limit(2).values_list("synagogue_id", "role")
        if len(memberships) == 1:
            synagogue_id, role = memberships[0]
            return TenantAccess(tenant_id=synagogue_id, role=Role(role))
        return TenantAccess()
    tenant_id = parse_tenant_ref(requested)
    if tenant_id is None:
        raise Forbidden("you are not a member of that synagogue")
    if tenant_id in principal.known_roles:  # read with the credential
        role = principal.known_roles[tenant_id]
    else:
        membership = await _MEMBERSHIP.first(user_id, tenant_id)
        role = None if membership is None else membership.role
    if role is not None:
        return TenantAccess(tenant_id=tenant_id, role=role)
    if principal.is_platform_admin and await Synagogue.exists(id=tenant_id):
        return TenantAccess(tenant_id=tenant_id, role=Role.OWNER, impersonating=True)
    raise Forbidden("you are not a member of that synagogue")
