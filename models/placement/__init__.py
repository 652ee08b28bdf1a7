"""Tenant placement: a synagogue's rows live in the shared (central) database, or in a database of its own that the
operator declared (`TENANT_DATABASES`). Here is what every tenant query stands on:

- `connection.py`: the application's PostgreSQL connections (the `BEGIN` that enters a tenant, with its fence and
  the switch lock of a move);
- `pools.py`: the tenant connection manager (a pool per placed database in use, closed when idle, bounded in total
  per process, a circuit breaker per database, health);
- `routing.py`: which database serves a tenant, as this process knows it, and which connection its query takes;
- `scope.py`: how `models.base.tenant_scope` opens a tenant's transaction where it lives;
- `central.py`: the central database on demand inside a placed tenant's operation;
- `failures.py`, `breaker.py`: what counts as a database gone, and the breaker that answers for it.

The registry itself (placements, moves, fences, declared databases) is `models.platform`; moving a synagogue is
`services.platform.moves`."""
