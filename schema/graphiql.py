"""GraphiQL for power users: Strawberry's page, opened on the persisted-document catalogue.

- The headers editor starts with the two headers a user needs (`Authorization: Bearer <access token>` and
  `X-Tenant-ID`); GraphiQL sends them with every HTTP request, its schema introspection included (open only
  to roles allowed the explorer in production).
- The default tab lists the persisted (trusted) documents with their ids, the `sha256Hash` a client sends.
- Subscriptions started in GraphiQL authenticate too: the websocket's `connection_init` payload is built from
  the same headers (`authorization`, `tenantId`), since a browser cannot put headers on a websocket.
"""

from __future__ import annotations

import json

DEFAULT_QUERY = """# ShulGraph: set your access token (the Login mutation) and synagogue id in Headers below.
# The persisted (trusted) documents: `id` is what a client sends as extensions.persistedQuery.sha256Hash.
query PersistedDocuments {
  persistedDocuments {
    id
    operationName
    client
    operationType
  }
}
"""

DEFAULT_HEADERS = json.dumps(
    {"Authorization": "Bearer <access token from Login>", "X-Tenant-ID": "<Synagogue id>"}, indent=2
)

_FETCHER = """      const fetcher = GraphiQL.createFetcher({
        url: fetchURL,
        headers: defaultHeaders,
        subscriptionUrl,
      });"""

_FETCHER_WITH_INIT_PAYLOAD = """      let current = { key: null, fetcher: null };
      function fetcher(graphQLParams, options) {
        const headers = (options && options.headers) || {};
        const authorization = headers.Authorization || headers.authorization;
        const tenantId = headers["X-Tenant-ID"] || headers["x-tenant-id"];
        const key = JSON.stringify([authorization, tenantId]);
        if (current.key !== key) {
          // One fetcher, for the credentials in the headers now. The one it replaces is dropped: its
          // websocket client is lazy and closes as soon as its running subscription ends.
          current = {
            key,
            fetcher: GraphiQL.createFetcher({
              url: fetchURL,
              headers: defaultHeaders,
              subscriptionUrl,
              wsConnectionParams: { authorization, tenantId },
            }),
          };
        }
        return current.fetcher(graphQLParams, options);
      }"""


_REPLACEMENTS = (
    ("parameters.q || EXAMPLE_QUERY", f"parameters.q || {json.dumps(DEFAULT_QUERY)}"),
    ("React.useState(parameters.headers)", f"React.useState(parameters.headers || {json.dumps(DEFAULT_HEADERS)})"),
    (_FETCHER, _FETCHER_WITH_INIT_PAYLOAD),
)


def graphiql_html(html: str) -> str:
    """Strawberry's GraphiQL page with ShulGraph's defaults; fails loudly if Strawberry's page changed."""
    for old, new in _REPLACEMENTS:
        if html.count(old) != 1:
            raise RuntimeError(f"Strawberry's GraphiQL page changed: {old[:40]!r} not found once")
        html = html.replace(old, new)
    return html
