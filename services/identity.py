"""Users and platform admins."""

from __future__ import annotations

from models.identity import User
from services.passwords import hash_password


def normalise_email(email: str) -> str:
    return email.strip().lower()


async def create_platform_admin(email: str, password: str) -> bool:
    """Create a platform admin, or promote an existing user; True when created."""
    email = normalise_email(email)
    user = await User.get_or_none(email=email)
    if user is None:
        await User.create(email=email, password_hash=await hash_password(password), is_platform_admin=True)
        return True
    user.is_platform_admin = True
    await user.save(update_fields=["is_platform_admin"])
    return False
