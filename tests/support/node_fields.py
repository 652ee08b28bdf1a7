"""The Z5 test's lists of fields (tests/security/test_Z5_node_follows_root_rules.py): every field outside the root
types that returns a Node type, and the few that hand a caller its own object. A field the served schema has and
these lists lack fails that test, so a new one is decided here.
"""

from __future__ import annotations

FIELDS = [
    "AcceptInvitationPayload.membership", "AddMemberPayload.invitation", "AddMemberPayload.membership",
    "Alert.device", "Alert.rule", "AlertPayload.alert", "AlertRule.device", "AlertRulePayload.alertRule",
    "Anomaly.device", "AssignAliyahPayload.assignment", "AuditEntry.actor", "ChangePasswordPayload.user",
    "CompleteDevicePairingPayload.device", "CreateApiKeyPayload.apiKey", "CreateSynagoguePayload.synagogue",
    "CreateWebhookEndpointPayload.webhookEndpoint", "DeclineInvitationPayload.invitation", "Device.commands",
    "Device.latestScreenshot", "Device.targetRelease", "DeviceCommand.screenshot", "DeviceCommandPayload.command",
    "DiscardWebhookDeliveryPayload.webhookDelivery",
    "DeviceCommandResult.command", "DeviceGroup.devices", "DeviceGroupPayload.devices", "DevicePayload.device",
    "DeviceSettingsPayload.device", "DeviceUptime.device", "HolidayOverridePayload.holidayOverride",
    "ImportMemorialsPayload.memorialImport", "Invitation.invitedBy", "LoginPayload.user", "Me.invitations",
    "Me.memberships", "MediaUpload.media", "Membership.synagogue", "Membership.user", "Memorial.photo",
    "MemorialPayload.memorial", "Message.image", "MessagePayload.message", "MessagingRecipientPayload.recipient",
    "PlatformAuditEntry.actor", "PrayerTimePayload.prayerTime", "RedeliverWebhookDeliveryPayload.webhookDelivery",
    "RegisterPayload.user", "RetryJobPayload.job", "RevokeApiKeyPayload.apiKey",
    "RevokeInvitationPayload.invitation", "RotateWebhookSecretPayload.webhookEndpoint",
    "SetMemberRolePayload.membership", "SoftwareReleasePayload.release", "TorahClassPayload.torahClass",
    "UpdateSynagoguePayload.synagogue", "UpdateWebhookEndpointPayload.webhookEndpoint",
    "WebhookEndpoint.deliveries", "Yahrzeit.memorial",
]  # fmt: skip
"""Every field that returns a Node type (or a list or connection of one) outside the root types."""
OWN = {
    "LoginPayload.user": "the account just signed in to, as `me` shows it from then on",
    "RegisterPayload.user": "the account just created, as `me` shows it once signed in",
    "CompleteDevicePairingPayload.device": "the TV being paired: its device code is its credential, and the "
    "payload hands it its device token (it is that device from then on, as currentDevice shows it)",
    "CreateSynagoguePayload.synagogue": "the synagogue just created, of which the caller is now the OWNER",
    "Me.memberships": "the caller's own memberships (the synagogues it may name), whichever synagogue it acts in",
    "Me.invitations": "the invitations sent to the caller's own address, which it may answer from any synagogue",
    "AcceptInvitationPayload.membership": "the membership the caller has just accepted, in whichever synagogue",
    "DeclineInvitationPayload.invitation": "an invitation sent to the caller's own address, as `me` lists it",
}
"""Fields that hand a caller its own object, which its type's root fields would refuse in that request."""
