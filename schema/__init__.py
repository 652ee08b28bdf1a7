"""The GraphQL layer's shapes and edge: each domain's types, inputs, enums, payloads and loaders
(`schema/<domain>/`), the request context, errors, relay connections and scalars; and the edge that serves them
(the /graphql view and websocket, limits, cost, the executor). The schema itself is assembled in
`schema/assembly.py`, from the root classes of `resolvers/`.

This package's `__init__` stays empty on purpose: Python runs a package's `__init__` before any of its modules, so
an assembly here would make every import of a shape load every resolver, and a resolver imported first would meet
itself half-initialised (resolvers -> schema.<domain> -> schema/__init__ -> resolvers)."""
