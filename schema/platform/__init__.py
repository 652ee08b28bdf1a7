"""Platform: audit log, API keys, persisted documents, webhooks."""
