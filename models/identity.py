"""Users, memberships, invitations, refresh-token families and per-user preferences.

Users are global. A `Membership` is the grant that opens a tenant to a user; it is read by the
auth layer before any tenant is chosen, so it is queried by explicit `synagogue_id`/`user_id`.
An `Invitation` is the only road to a new membership: the invitee reads theirs across synagogues (by
their e-mail), so it is global too, queried by explicit `synagogue_id` or `email`.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum

from tortoise import fields
from tortoise.models import Model

from models.synagogue import Synagogue


class Role(IntEnum):
    VIEWER = 10
    EDITOR = 20
    ADMIN = 30
    OWNER = 40


class User(Model):
    id = fields.IntField(primary_key=True)
    email = fields.CharField(max_length=254, unique=True)
    display_name = fields.CharField(max_length=200, default="")
    password_hash = fields.CharField(max_length=255)
    is_platform_admin = fields.BooleanField(default=False)
    failed_logins = fields.IntField(default=0)
    locked_until = fields.DatetimeField(null=True)
    password_changed_at = fields.DatetimeField(auto_now_add=True)
    theme = fields.CharField(max_length=16, default="system")
    language = fields.CharField(max_length=16, default="en")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "app_user"


class Membership(Model):
    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="memberships", on_delete=fields.CASCADE
    )
    user_id: int
    synagogue: fields.ForeignKeyRelation[Synagogue] = fields.ForeignKeyField(
        "models.Synagogue", related_name=False, on_delete=fields.CASCADE
    )
    synagogue_id: int
    role = fields.IntEnumField(Role)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "membership"
        unique_together = (("user", "synagogue"),)


class InvitationStatus(StrEnum):
    """What became of an invitation. A PENDING one past its `expires_at` is expired (never stored as such)."""

    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"
    DECLINED = "DECLINED"
    REVOKED = "REVOKED"


class Invitation(Model):
    """An offer of a role in a synagogue to an e-mail address, answered with a single-use token sent there.

    Only the token's SHA-256 is stored. At most one PENDING invitation per (synagogue, e-mail): a new one
    revokes the earlier (decided under the synagogue's members lock)."""

    id = fields.IntField(primary_key=True)
    synagogue: fields.ForeignKeyRelation[Synagogue] = fields.ForeignKeyField(
        "models.Synagogue", related_name=False, on_delete=fields.CASCADE
    )
    synagogue_id: int
    email = fields.CharField(max_length=254, db_index=True)  # normalised, as `User.email`
    role = fields.IntEnumField(Role)
    token_hash = fields.CharField(max_length=64, unique=True)
    status = fields.CharEnumField(InvitationStatus, max_length=8, default=InvitationStatus.PENDING)
    invited_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    invited_by_id: int | None
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    answered_at = fields.DatetimeField(null=True)  # accepted, declined or revoked

    class Meta:
        table = "invitation"


class SessionFamily(Model):
    """One login: the chain of refresh tokens rotated from it. Revoking it ends the session."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sessions", on_delete=fields.CASCADE
    )
    user_id: int
    user_agent = fields.CharField(max_length=400, default="")
    ip_address = fields.CharField(max_length=64, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    last_used_at = fields.DatetimeField(auto_now_add=True)
    revoked_at = fields.DatetimeField(null=True)
    revoked_reason = fields.CharField(max_length=64, default="")

    class Meta:
        table = "session_family"


class RefreshToken(Model):
    """A refresh token, stored as its SHA-256. `replaced_at` set means it was rotated."""

    id = fields.IntField(primary_key=True)
    family: fields.ForeignKeyRelation[SessionFamily] = fields.ForeignKeyField(
        "models.SessionFamily", related_name="tokens", on_delete=fields.CASCADE
    )
    family_id: int
    token_hash = fields.CharField(max_length=64, unique=True)
    parent_id = fields.IntField(null=True, db_index=True)  # the token this one was rotated from
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    replaced_at = fields.DatetimeField(null=True)

    class Meta:
        table = "refresh_token"
