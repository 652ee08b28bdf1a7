"""Identity's shape: users, their sessions and preferences, and memberships (a user's role in a synagogue)."""
