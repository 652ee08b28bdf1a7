"""What the test suite shares, one module per topic, so that no test module imports another and conftest.py
files hold fixtures only:

- database, servers: the suite's database and environment; the real PostgreSQL and Redis of scripts/test
- actors, graphql, documents: who acts (tenants, members, tokens), GraphQL over HTTP, the client documents
- websocket, live, processes, apps: the one graphql-transport-ws client; the app on a port (subprocess or this
  process); `main.py` as a process; other builds of the app in this process
- waiting: the one way to wait for something another task or process does
- snapshot: a digest of everything a refused operation could have written, compared before and after
- per domain: content, devices, identity, partners, outbox, webhooks, events, screens, tenancy, atomicity,
  statements, receivers, reference, cli
"""
