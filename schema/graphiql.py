"""GraphiQL for power users: Strawberry's page, opened on the persisted-document catalogue.

- The headers editor starts with the two headers a user needs (`Authorization: Bearer <access token>` and
  `X-Tenant-ID`); GraphiQL sends them with every HTTP request, its schema introspection included (open only
  to roles allowed the explorer in production).
- The default tab lists the persisted (trusted) documents with their ids, the `sha256Hash` a client sends.
- Subscriptions started in GraphiQL authenticate too: the websocket's `connection_init` payload is built from
  the same headers (`authorization`, `tenantId`), since a browser cannot put headers on a websocket. The
  websocket client is graphql-ws's own (pinned, with its integrity hash), told not to retry a refusal: GraphiQL's
  built-in client retries a refused `connection_init` (4403) five times, about 30 s, before showing an error.
- `GRAPHIQL_ASSETS=local`: the page's scripts and styles are served by the API itself (vendor/), for networks
  that cannot reach the CDN (where the page would otherwise show "Loading…" for ever).
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

_FETCHER_WITH_INIT_PAYLOAD = """      let current = { key: null, client: null, fetcher: null };
      function fetcher(graphQLParams, options) {
        const headers = (options && options.headers) || {};
        const authorization = headers.Authorization || headers.authorization;
        const tenantId = headers["X-Tenant-ID"] || headers["x-tenant-id"];
        const key = JSON.stringify([authorization, tenantId]);
        if (current.key !== key) {
          // One fetcher, for the credentials in the headers now; the websocket client it replaces is closed.
          if (current.client) current.client.dispose();
          const client = graphqlWs.createClient({
            url: subscriptionUrl,
            connectionParams: { authorization, tenantId },
            // A refusal (4400-4499: bad token, no synagogue, too many inits) is shown at once: asking again
            // with the same headers cannot succeed. Lost connections are still retried.
            shouldRetry: (event) =>
              !!event && typeof event.code === "number" && !(event.code >= 4400 && event.code < 4500),
          });
          current = {
            key,
            client,
            fetcher: GraphiQL.createFetcher({ url: fetchURL, headers: defaultHeaders, wsClient: client }),
          };
        }
        return current.fetcher(graphQLParams, options);
      }"""


GRAPHQL_WS = "https://unpkg.com/graphql-ws@5.16.2/umd/graphql-ws.min.js"
_GRAPHQL_WS_INTEGRITY = "sha384-+EVxFEOpy8LWPRQcpntm0FKN2O+BzrMNSL0G3HIgVWFmeb6xqZqjuLivrQUTXZKi"
_GRAPHIQL_SCRIPT_END = """      integrity="sha384-HbRVEFG0JGJZeAHCJ9Xm2+tpknBQ7QZmNlO/DgZtkZ0aJSypT96YYGRNod99l9Ie"
    ></script>"""
_WITH_GRAPHQL_WS = f"""{_GRAPHIQL_SCRIPT_END}
    <script crossorigin src="{GRAPHQL_WS}" integrity="{_GRAPHQL_WS_INTEGRITY}"></script>"""

_REPLACEMENTS = (
    (_GRAPHIQL_SCRIPT_END, _WITH_GRAPHQL_WS),
    ("parameters.q || EXAMPLE_QUERY", f"parameters.q || {json.dumps(DEFAULT_QUERY)}"),
    ("React.useState(parameters.headers)", f"React.useState(parameters.headers || {json.dumps(DEFAULT_HEADERS)})"),
    (_FETCHER, _FETCHER_WITH_INIT_PAYLOAD),
)


CDN = "https://unpkg.com/"
VENDOR = "/vendor/"
"""Where the API serves the same files (vendor/, at the paths unpkg gives them), for `GRAPHIQL_ASSETS=local`."""


def graphiql_html(html: str, local_assets: bool = False) -> str:
    """Strawberry's GraphiQL page with ShulGraph's defaults; fails loudly if Strawberry's page changed. With
    `local_assets` its scripts and styles come from the API's /vendor/ instead of the CDN, the same bytes, so
    the page's integrity attributes still hold."""
    for old, new in _REPLACEMENTS:
        if html.count(old) != 1:
            raise RuntimeError(f"Strawberry's GraphiQL page changed: {old[:40]!r} not found once")
        html = html.replace(old, new)
    return html.replace(CDN, VENDOR) if local_assets else html
