"""The shape of fleet analytics as the API shows it (status counts, metric series, anomalies). Its root fields
are in `resolvers/analytics/`, the work behind them in `services/analytics/`."""
