"""Resolvers of the webhooks domain."""
