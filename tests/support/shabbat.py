"""A Shabbat the Shabbat-mode tests share, in New York (the factory's synagogues' place), with its times from hebcal's
rules: candle lighting on Friday 2030-03-22 at 18:52 and havdalah on Shabbat 2030-03-23 at 19:52; the moments the
tests act and look at around them; and an operation sent as if on that Friday evening (the clock Shabbat mode
decides by pinned there)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from services.infra import clock
from tests.support.actors import Actor
from tests.support.graphql import GQL

NEW_YORK = ZoneInfo("America/New_York")
WEDNESDAY = datetime(2030, 3, 20, 12, 0, tzinfo=NEW_YORK)
"""A weekday before it: nothing is held."""
FRIDAY_NIGHT = datetime(2030, 3, 22, 20, 0, tzinfo=NEW_YORK)
"""After candle lighting: edits are held."""
SHABBAT_NOON = datetime(2030, 3, 23, 12, 0, tzinfo=NEW_YORK)
HAVDALAH = datetime(2030, 3, 23, 19, 52, tzinfo=NEW_YORK)
AFTER = datetime(2030, 3, 23, 20, 0, tzinfo=NEW_YORK)
"""After havdalah, the same Saturday as SHABBAT_NOON."""


async def on_friday_night(gql: GQL, document: str, variables: dict[str, Any], actor: Actor) -> dict[str, Any]:
    """`document` sent by `actor` with the clock pinned to FRIDAY_NIGHT."""
    with clock.pinned(FRIDAY_NIGHT):
        result: dict[str, Any] = await gql(document, variables, actor=actor)
    return result
