"""Fleet analytics' mutations: one module per mutation, merged into the domain's `AnalyticsMutation`."""

from __future__ import annotations

from strawberry.tools import merge_types

from resolvers.analytics.mutations.acknowledge_alert import AcknowledgeAlertMutation
from resolvers.analytics.mutations.create_alert_rule import CreateAlertRuleMutation
from resolvers.analytics.mutations.delete_alert_rule import DeleteAlertRuleMutation
from resolvers.analytics.mutations.set_alert_preferences import SetAlertPreferencesMutation
from resolvers.analytics.mutations.snooze_alert import SnoozeAlertMutation
from resolvers.analytics.mutations.update_alert_rule import UpdateAlertRuleMutation

AnalyticsMutation = merge_types(
    "AnalyticsMutation",
    (
        CreateAlertRuleMutation,
        UpdateAlertRuleMutation,
        DeleteAlertRuleMutation,
        AcknowledgeAlertMutation,
        SnoozeAlertMutation,
        SetAlertPreferencesMutation,
    ),
)
