"""configureMessaging: ADMIN and above set the synagogue's SMS/WhatsApp provider. Audited (the key is not)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.outbox import MessagingProvider as ProviderRow
from permissions import HasRole, Role
from schema.context import Info
from schema.errors import user_errors
from schema.outbox.inputs import ConfigureMessagingInput
from schema.outbox.payloads import ConfigureMessagingPayload
from schema.outbox.types import MessagingProvider
from services.infra.ids import to_global_id
from services.outbox.messaging import ProviderSettings, configure_provider
from services.platform import audit


@strawberry.type
class ConfigureMessagingMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Set where the synagogue's text messages go out; answers the path for the provider's replies "
        "(STOP) with a new token. ADMIN and above.",
    )
    async def configure_messaging(
        self, info: Info, input: Annotated[ConfigureMessagingInput, strawberry.argument(description="The provider.")]
    ) -> ConfigureMessagingPayload:
        given = ProviderSettings(input.url, input.api_key, input.sender, input.whatsapp_sender, input.enabled)
        allow_private = info.context.settings.webhook_allow_private_targets
        token, problems = await configure_provider(given, allow_private=allow_private)
        if token is None:
            return ConfigureMessagingPayload(provider=None, inbound_path=None, user_errors=user_errors(problems))
        row = await ProviderRow.first()
        assert row is not None and info.context.tenant_id is not None
        await audit.record(info.context, action="messaging.configure", url=row.url, enabled=row.enabled)
        path = f"/messaging/inbound/{to_global_id('Synagogue', info.context.tenant_id)}/{token}"
        return ConfigureMessagingPayload(provider=MessagingProvider.of(row), inbound_path=path, user_errors=[])
