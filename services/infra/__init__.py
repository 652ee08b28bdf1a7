"""The infrastructure every domain stands on: HTTP middleware, the key-value store, circuit breakers, logs,
process lifecycle, periodic upkeep, admission and budgets, migrations, ids and validation problems."""
