"""Webhooks: endpoints, where they may point, signed deliveries."""
