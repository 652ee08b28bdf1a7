"""Identity inputs: registration, sign-in, password change, preferences."""

from __future__ import annotations

import strawberry


@strawberry.input
class RegisterInput:
    email: str
    password: str
    display_name: str | None = None


@strawberry.input
class LoginInput:
    email: str
    password: str


@strawberry.input
class ChangePasswordInput:
    current_password: str
    new_password: str


@strawberry.input(description="Leave a field out to keep its value.")
class UpdatePreferencesInput:
    theme: str | None = strawberry.field(default=None, description="system, light or dark")
    language: str | None = strawberry.field(default=None, description="en, he, yi, fr, es or ru")
