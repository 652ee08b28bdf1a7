"""Permission classes declared on fields and mutations.

Authentication failures are `UNAUTHENTICATED`, authorization failures `FORBIDDEN`, both as
top-level errors with `extensions.code`; a field that fails its permission resolves to null.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from graphql import GraphQLError
from strawberry.permission import BasePermission
from strawberry.types import Info

from models.identity import Role
from services.infra.errors import ErrorCode


def _error(code: ErrorCode, message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": code.value})


def _auth_failure(context: Any) -> GraphQLError:
    code = context.principal.auth_error or ErrorCode.UNAUTHENTICATED
    if code == ErrorCode.UNAVAILABLE:
        return _error(code, "authentication is temporarily unavailable")
    return _error(ErrorCode.UNAUTHENTICATED, "authentication required")


class IsAuthenticated(BasePermission):
    """A signed-in user."""

    message = "authentication required"

    def has_permission(self, source: Any, info: Info[Any, Any], **kwargs: Any) -> bool:
        if info.context.principal.kind != "user":
            raise _auth_failure(info.context)
        return True


class IsPlatformAdmin(BasePermission):
    message = "platform administrators only"

    def has_permission(self, source: Any, info: Info[Any, Any], **kwargs: Any) -> bool:
        principal = info.context.principal
        if principal.kind != "user":
            raise _auth_failure(info.context)
        if not principal.is_platform_admin:
            raise _error(ErrorCode.FORBIDDEN, self.message)
        return True


class IsDevice(BasePermission):
    """A paired, unrevoked TV device (its tenant comes from its token)."""

    message = "device credential required"

    def has_permission(self, source: Any, info: Info[Any, Any], **kwargs: Any) -> bool:
        principal = info.context.principal
        if principal.kind != "device" or info.context.tenant_id is None:
            if principal.kind == "anonymous":
                raise _auth_failure(info.context)
            raise _error(ErrorCode.FORBIDDEN, self.message)
        return True


class IsUserOrDevice(BasePermission):
    """A signed-in user or a paired device (what is not a synagogue's: the release catalogue)."""

    message = "authentication required"

    def has_permission(self, source: Any, info: Info[Any, Any], **kwargs: Any) -> bool:
        if info.context.principal.kind not in ("user", "device"):
            raise _auth_failure(info.context)
        return True


def require_tenant_role(context: Any, role: Role) -> None:
    """Raise unless the caller is a user acting in a tenant with at least `role`."""
    principal = context.principal
    if principal.kind != "user":
        if principal.kind == "anonymous":
            raise _auth_failure(context)
        raise _error(ErrorCode.FORBIDDEN, "this operation is for synagogue members")
    if context.tenant_id is None:
        raise _error(ErrorCode.TENANT_REQUIRED, "name a synagogue with the X-Tenant-ID header")
    if context.role is None or context.role < role:
        raise _error(ErrorCode.FORBIDDEN, f"requires the {role.name} role")


class _HasRole(BasePermission):
    role: Role = Role.VIEWER
    message = "insufficient role"

    def has_permission(self, source: Any, info: Info[Any, Any], **kwargs: Any) -> bool:
        require_tenant_role(info.context, self.role)
        return True


@cache
def HasRole(role: Role) -> type[BasePermission]:
    """`permission_classes=[HasRole(Role.EDITOR)]`: a member of the tenant with at least `role`."""
    return type(f"HasRole{role.name.title()}", (_HasRole,), {"role": role})


class _TenantReader(BasePermission):
    """Reads of tenant content: members (VIEWER+), the tenant's devices, or its partner keys."""

    message = "insufficient role"

    def has_permission(self, source: Any, info: Info[Any, Any], **kwargs: Any) -> bool:
        context = info.context
        if context.principal.kind in ("device", "partner") and context.tenant_id is not None:
            return True
        require_tenant_role(context, Role.VIEWER)
        return True


CanReadTenant = _TenantReader


@cache
def HasScope(scope: str) -> type[BasePermission]:
    """A partner key or user whose credential carries `scope`."""

    def has_permission(self: Any, source: Any, info: Info[Any, Any], **kwargs: Any) -> bool:
        scopes = info.context.extra.get("scopes", frozenset())
        if scope not in scopes:
            raise _error(ErrorCode.FORBIDDEN, f"requires the {scope} scope")
        return True

    return type(f"HasScope_{scope}", (BasePermission,), {"has_permission": has_permission})


__all__ = [
    "CanReadTenant",
    "HasRole",
    "HasScope",
    "IsAuthenticated",
    "IsDevice",
    "IsPlatformAdmin",
    "IsUserOrDevice",
    "Role",
]
