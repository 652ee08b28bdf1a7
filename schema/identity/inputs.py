"""Identity inputs: registration, sign-in, password change, preferences, and a synagogue's memberships."""

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


@strawberry.input(description="An existing user to make a member of this synagogue.")
class AddMemberInput:
    email: str = strawberry.field(description="The e-mail address of the user's account.")
    role: Role = strawberry.field(description="Their role; only an OWNER may give OWNER.")


@strawberry.input(description="A member's new role in this synagogue.")
class SetMemberRoleInput:
    membership_id: strawberry.ID = strawberry.field(description="The membership (a Membership's global id).")
    role: Role = strawberry.field(description="The new role; only an OWNER gives or takes OWNER.")
