"""Identity inputs: registration, sign-in, password change, preferences, a synagogue's memberships and
invitations."""

from __future__ import annotations

import strawberry

from schema.identity.enums import Role


@strawberry.input(description="A new account; anyone may register.")
class RegisterInput:
    email: str = strawberry.field(description="The sign-in e-mail address; compared without case.")
    password: str = strawberry.field(
        description="At least PASSWORD_MIN_LENGTH (10) characters, at most 1024, and not the e-mail address."
    )
    display_name: str | None = strawberry.field(
        default=None, description="The name others see, at most 200 characters; none when left out."
    )


@strawberry.input(description="A password sign-in.")
class LoginInput:
    email: str = strawberry.field(description="The e-mail address the account was registered with.")
    password: str = strawberry.field(description="The account's password.")


@strawberry.input(description="A new password for the signed-in user.")
class ChangePasswordInput:
    current_password: str = strawberry.field(
        description="The password in use now (a wrong one counts toward the lockout)."
    )
    new_password: str = strawberry.field(
        description="At least PASSWORD_MIN_LENGTH (10) characters, at most 1024, and not the e-mail address."
    )


@strawberry.input(description="Leave a field out to keep its value.")
class UpdatePreferencesInput:
    theme: str | None = strawberry.field(default=None, description="system, light or dark")
    language: str | None = strawberry.field(default=None, description="en, he, yi, fr, es or ru")


@strawberry.input(description="Someone to invite to this synagogue, by e-mail address (with an account or not).")
class AddMemberInput:
    email: str = strawberry.field(description="The address the invitation is sent to; compared without case.")
    role: Role = strawberry.field(description="The role accepting gives; only an OWNER may invite an OWNER.")


@strawberry.input(description="A member's new role in this synagogue.")
class SetMemberRoleInput:
    membership_id: strawberry.ID = strawberry.field(description="The membership (a Membership's global id).")
    role: Role = strawberry.field(description="The new role; only an OWNER gives or takes OWNER.")


@strawberry.input(description="An invitation to accept, by the token its e-mail carries.")
class AcceptInvitationInput:
    token: str = strawberry.field(description="The invitation's token (sgi_…), from the e-mail sent to my address.")


@strawberry.input(description="An invitation to turn down: give exactly one of its token and its id.")
class DeclineInvitationInput:
    token: str | None = strawberry.field(default=None, description="The invitation's token, from its e-mail.")
    id: strawberry.ID | None = strawberry.field(
        default=None, description="The invitation's global id, as `me { invitations }` lists it."
    )


@strawberry.input(description="A pending invitation of this synagogue to withdraw.")
class RevokeInvitationInput:
    id: strawberry.ID = strawberry.field(description="The invitation's global id.")
