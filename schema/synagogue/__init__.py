"""Synagogue's shape: the tenant's profile, its place on earth and its zmanim settings."""
