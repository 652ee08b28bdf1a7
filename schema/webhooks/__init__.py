"""Webhooks: a synagogue's endpoints (ADMIN and above) and the history of their deliveries."""
