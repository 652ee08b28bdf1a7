"""Resolvers of the platform domain: the synagogue and platform audit logs."""
