"""The types of fleet analytics: the fleet by status and uptime, a device's metric series, anomalies, alert rules
and the alerts they open."""

from schema.analytics.types.alerts import Alert, AlertPreferences, AlertRule
from schema.analytics.types.fleet import Anomaly, DeviceUptime, FleetSummary, FleetUptime, MetricPoint

__all__ = [
    "Alert",
    "AlertPreferences",
    "AlertRule",
    "Anomaly",
    "DeviceUptime",
    "FleetSummary",
    "FleetUptime",
    "MetricPoint",
]
