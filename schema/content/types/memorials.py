"""Memorials (hanzachot) and their yahrzeits."""

from __future__ import annotations

import datetime as dt

import strawberry

import luach
from models import content as m
from models.identity import Role
from permissions import HasRole
from schema.content.types.common import HebrewDate
from schema.relay import Node
from services.content.memorials import death_date_of
from services.infra.ids import to_global_id

MAX_YAHRZEIT_YEARS = 100


@strawberry.type
class YahrzeitOccurrence:
    hebrew_year: int
    date: dt.date | None = strawberry.field(description="Null for years up to the year of death.")


@strawberry.type(description="A memorial (hanzacha) entry.")
class Memorial(Node):
    id: strawberry.ID
    name: str
    hebrew_name: str
    date_of_death: dt.date | None
    after_sunset: bool
    hebrew_date_of_death: HebrewDate
    next_yahrzeit: dt.date = strawberry.field(description="The next observance on or after today.")
    plaque: str
    _row: strawberry.Private[m.Memorial]

    @strawberry.field(permission_classes=[HasRole(Role.EDITOR)], description="EDITOR and above.")
    def family_email(self) -> str | None:
        return self._row.family_email

    @strawberry.field(description="The civil date of the yahrzeit in each Hebrew year asked (at most 100).")
    def yahrzeits(self, hebrew_years: list[int]) -> list[YahrzeitOccurrence]:
        from schema.errors import graphql_error
        from services.infra.errors import ErrorCode

        if len(hebrew_years) > MAX_YAHRZEIT_YEARS:
            raise graphql_error(ErrorCode.BAD_USER_INPUT, "at most 100 years", argument="hebrewYears")
        death = death_date_of(self._row)
        found = []
        for year in hebrew_years:
            valid = luach.hebrew_date.MIN_YEAR <= year <= luach.hebrew_date.MAX_YEAR - 1
            found.append(YahrzeitOccurrence(hebrew_year=year, date=luach.yahrzeit(death, year) if valid else None))
        return found

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


@strawberry.type(description="A yahrzeit on the board: when it is observed, and whose it is.")
class Yahrzeit:
    date: dt.date
    hebrew_date: HebrewDate
    memorial: Memorial
