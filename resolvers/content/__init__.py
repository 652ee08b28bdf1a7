"""Resolvers of the content domain."""
