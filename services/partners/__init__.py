"""Partners: API keys and persisted documents (the trusted catalogue and the APQ store)."""
