"""Resolvers of fleet analytics."""
