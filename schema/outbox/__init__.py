"""The outbox domain's GraphQL shape: background jobs as a synagogue's staff follow them."""
