"""Memorials (hanzachot) and their yahrzeits."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

import luach
from models import content as m
from models.identity import Role
from permissions import HasRole
from schema.content.loaders import held_until_loader, memorial_photo_loader
from schema.content.types.common import HELD_UNTIL, HebrewDate
from schema.content.types.media import Media
from schema.context import Info
from schema.relay import Connection, Node
from services.content.yahrzeits import death_date_of, yahrzeit_dates
from services.infra.ids import to_global_id


@strawberry.type(description="The civil date on which a memorial's yahrzeit falls in one Hebrew year.")
class YahrzeitOccurrence:
    hebrew_year: int = strawberry.field(description="The Hebrew year asked, e.g. 5787.")
    date: dt.date | None = strawberry.field(description="Null for years up to the year of death.")


@strawberry.type(description="A memorial (hanzacha) entry.")
class Memorial(Node):
    id: strawberry.ID = strawberry.field(description="The memorial's global id.")
    name: str = strawberry.field(description="The departed's name as the board shows it.")
    hebrew_name: str = strawberry.field(description="The Hebrew name (e.g. with the father's name); may be empty.")
    date_of_death: dt.date | None = strawberry.field(
        description="The civil date of death, when it was given (null when only the Hebrew date was)."
    )
    after_sunset: bool = strawberry.field(
        description="Death came after sunset on dateOfDeath, so the Hebrew date is the next day's."
    )
    hebrew_date_of_death: HebrewDate = strawberry.field(description="The Hebrew date of death the yahrzeit follows.")
    next_yahrzeit: dt.date = strawberry.field(description="The next observance on or after today.")
    plaque: str = strawberry.field(description="Where its plaque hangs (e.g. a board and row); may be empty.")
    _row: strawberry.Private[m.Memorial]

    @strawberry.field(description=HELD_UNTIL)
    async def held_until(self, info: Info) -> dt.datetime | None:
        return await held_until_loader(info, "Memorial").load(self._row.id)

    @strawberry.field(description="The departed's photo, shown on the board with the yahrzeit; null: none.")
    async def photo(self, info: Info) -> Media | None:
        row = await memorial_photo_loader(info).load(self._row.id)
        return Media.of(row) if row else None

    @strawberry.field(
        permission_classes=[HasRole(Role.EDITOR)],
        description="The family's e-mail address for yahrzeit reminders (EDITOR and above); empty when none.",
    )
    def family_email(self) -> str | None:
        return self._row.family_email

    @strawberry.field(description="The civil date of the yahrzeit in each Hebrew year asked (at most 100).")
    def yahrzeits(
        self,
        hebrew_years: Annotated[
            list[int], strawberry.argument(description="Hebrew years, e.g. [5787, 5788]; at most 100.")
        ],
    ) -> list[YahrzeitOccurrence]:
        return [YahrzeitOccurrence(hebrew_year=y, date=d) for y, d in yahrzeit_dates(self._row, hebrew_years)]

    @classmethod
    def of(cls, row: m.Memorial, today: dt.date) -> Memorial:
        death = death_date_of(row)
        return cls(
            id=strawberry.ID(to_global_id("Memorial", row.id)),
            name=row.name,
            hebrew_name=row.hebrew_name,
            date_of_death=row.date_of_death,
            after_sunset=row.after_sunset,
            hebrew_date_of_death=HebrewDate.of(death),
            next_yahrzeit=luach.next_yahrzeit(death, today),
            plaque=row.plaque,
            _row=row,
        )


@strawberry.type(description="A page of the synagogue's memorials, by name.")
class MemorialConnection(Connection[Memorial]):
    pass


@strawberry.type(
    description="A yahrzeit on the board: when it is observed, whose it is, and when its light burns (by the "
    "synagogue's yahrzeit policy)."
)
class Yahrzeit:
    date: dt.date = strawberry.field(
        description="The civil date it is observed (it begins at sunset the evening before)."
    )
    lit_from: dt.date = strawberry.field(
        description="The first civil day its light burns (from sunset the evening before): the date itself, the "
        "Sunday of its week, or the Shabbat before, by the synagogue's yahrzeitWindow."
    )
    lit_until: dt.date = strawberry.field(
        description="The last civil day its light burns (until sunset): the date itself, the Shabbat of its week, "
        "or the Friday after."
    )
    hebrew_date: HebrewDate = strawberry.field(description="The Hebrew date it is observed on that year.")
    memorial: Memorial = strawberry.field(description="Whose yahrzeit it is.")
