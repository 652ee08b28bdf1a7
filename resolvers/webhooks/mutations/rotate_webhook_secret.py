"""rotateWebhookSecret: ADMIN and above replace an endpoint's signing secret; the old one keeps signing beside the
new one for the overlap, so receivers can switch without a missed event. Audited."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.identity import Role
from permissions import HasRole
from resolvers.webhooks.access import access_webhook_endpoint_by_global_id
from schema.context import Info
from schema.errors import user_errors
from schema.webhooks.inputs import RotateWebhookSecretInput
from schema.webhooks.payloads import RotateWebhookSecretPayload
from schema.webhooks.types import WebhookEndpoint
from services.platform import audit
from services.webhooks.admin import rotate_secret
from services.webhooks.endpoints import ENDPOINT_NOT_FOUND


@strawberry.type
class RotateWebhookSecretMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="A new signing secret (shown once); until the overlap ends every delivery carries a signature "
        "by each secret. ADMIN and above.",
    )
    async def rotate_webhook_secret(
        self, info: Info, input: Annotated[RotateWebhookSecretInput, strawberry.argument(description="The endpoint.")]
    ) -> RotateWebhookSecretPayload:
        row = await access_webhook_endpoint_by_global_id(info, input.id)
        if row is None:
            return RotateWebhookSecretPayload(
                webhook_endpoint=None, secret=None, user_errors=user_errors([ENDPOINT_NOT_FOUND])
            )
        overlap = input.overlap_minutes
        if overlap is None:
            overlap = info.context.settings.webhook_rotation_overlap_minutes
        secret, problems = await rotate_secret(row, overlap)
        if secret is None:
            return RotateWebhookSecretPayload(webhook_endpoint=None, secret=None, user_errors=user_errors(problems))
        await audit.record(
            info.context, action="webhook_endpoint.rotate_secret", target_id=str(input.id), overlap=overlap
        )
        return RotateWebhookSecretPayload(webhook_endpoint=WebhookEndpoint.of(row), secret=secret, user_errors=[])
