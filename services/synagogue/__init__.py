"""Synagogues: creation, the profile, members and their roles, the demo synagogue."""
