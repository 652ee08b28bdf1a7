"""Identity: users, sessions, memberships."""
