"""Synagogue: the tenant's profile and its zmanim settings."""
