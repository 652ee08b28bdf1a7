"""The outbox: jobs queued in the writer's transaction and run by the worker (e-mail, webhooks, imports)."""
