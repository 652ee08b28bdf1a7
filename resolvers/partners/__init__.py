"""Resolvers of the partners domain."""
