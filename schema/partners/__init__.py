"""Partners: API keys scoped to one synagogue and the catalogue of persisted (trusted) documents."""
