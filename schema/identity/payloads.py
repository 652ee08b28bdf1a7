"""Identity payloads: what the sign-in, session, preference, membership and invitation mutations answer, each
with its `userErrors` (expected failures: the input was refused and nothing was written)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from schema.errors import UserError
from schema.identity.types import Invitation, Membership, Preferences, User

USER_ERRORS = "Why the input was refused (nothing was written); empty on success."
ACCESS_TOKEN = "A short-lived JWT (ACCESS_TOKEN_TTL_SECONDS, 15 minutes by default) for `Authorization: Bearer`."
ACCESS_TOKEN_EXPIRES_AT = "When the access token stops working; refresh the session before then."


@strawberry.type(description="The outcome of register.")
class RegisterPayload:
    user: User | None = strawberry.field(description="The new account; null when refused.")
    user_errors: list[UserError] = strawberry.field(description=USER_ERRORS)


@strawberry.type(description="The outcome of login; the refresh token travels in an HttpOnly cookie, not here.")
class LoginPayload:
    access_token: str | None = strawberry.field(description=ACCESS_TOKEN)
    access_token_expires_at: datetime | None = strawberry.field(description=ACCESS_TOKEN_EXPIRES_AT)
    user: User | None = strawberry.field(description="Who signed in; null when refused.")
    user_errors: list[UserError] = strawberry.field(description=USER_ERRORS)


@strawberry.type(description="The outcome of refreshSession; the rotated refresh token travels in the cookie.")
class RefreshSessionPayload:
    access_token: str | None = strawberry.field(description=ACCESS_TOKEN)
    access_token_expires_at: datetime | None = strawberry.field(description=ACCESS_TOKEN_EXPIRES_AT)
    user_errors: list[UserError] = strawberry.field(description="Always empty: a refused refresh is an error.")


@strawberry.type(description="The outcome of logout.")
class LogoutPayload:
    ok: bool = strawberry.field(description="True: the session is over.")


@strawberry.type(description="The outcome of revokeSession.")
class RevokeSessionPayload:
    revoked_id: strawberry.ID | None = strawberry.field(description="The global id of the session that ended.")
    user_errors: list[UserError] = strawberry.field(description="Always empty: a missing session is NOT_FOUND.")


@strawberry.type(description="The outcome of changePassword.")
class ChangePasswordPayload:
    user: User | None = strawberry.field(description="Whose password changed; null when refused.")
    user_errors: list[UserError] = strawberry.field(description=USER_ERRORS)


@strawberry.type(description="The outcome of updatePreferences.")
class UpdatePreferencesPayload:
    preferences: Preferences | None = strawberry.field(description="My preferences now; null when refused.")
    user_errors: list[UserError] = strawberry.field(description=USER_ERRORS)


@strawberry.type(
    description="The outcome of addMember: an invitation sent, or the membership the address already has; the "
    "same for an address with an account as for one without."
)
class AddMemberPayload:
    membership: Membership | None = strawberry.field(
        description="The address's membership when it already belongs to a member (unchanged); null otherwise."
    )
    invitation: Invitation | None = strawberry.field(
        description="The invitation e-mailed to the address; null when it is already a member or was refused."
    )
    user_errors: list[UserError] = strawberry.field(description=USER_ERRORS)


@strawberry.type(description="The outcome of setMemberRole.")
class SetMemberRolePayload:
    membership: Membership | None = strawberry.field(description="The membership with its role now; null when refused.")
    user_errors: list[UserError] = strawberry.field(description=USER_ERRORS)


@strawberry.type(description="The outcome of removeMember.")
class RemoveMemberPayload:
    removed_id: strawberry.ID | None = strawberry.field(
        description="The global id of the membership removed; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(description=USER_ERRORS)


@strawberry.type(description="The outcome of acceptInvitation.")
class AcceptInvitationPayload:
    membership: Membership | None = strawberry.field(description="My membership now; null when refused.")
    user_errors: list[UserError] = strawberry.field(description=USER_ERRORS)


@strawberry.type(description="The outcome of declineInvitation.")
class DeclineInvitationPayload:
    invitation: Invitation | None = strawberry.field(description="The invitation, now DECLINED; null when refused.")
    user_errors: list[UserError] = strawberry.field(description=USER_ERRORS)


@strawberry.type(description="The outcome of revokeInvitation.")
class RevokeInvitationPayload:
    invitation: Invitation | None = strawberry.field(description="The invitation, now REVOKED; null when refused.")
    user_errors: list[UserError] = strawberry.field(description=USER_ERRORS)
