"""GraphQL schema of fleet analytics: status counts, metric series, anomalies."""
