"""Resolvers of the devices domain."""
