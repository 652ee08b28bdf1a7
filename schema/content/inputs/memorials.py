"""Inputs of memorials (hanzachot): the form, one at a time, and the CSV import."""

from __future__ import annotations

import datetime as dt

import strawberry
from strawberry import UNSET

from schema.content.enums import HebrewMonth
from schema.content.inputs.media import URGENT

_NAME = "The departed's name as the board shows it, 1 to 200 characters."
_HEBREW_NAME = "The Hebrew name (e.g. with the father's name), at most 200 characters."
_DATE_OF_DEATH = "The civil date of death (not in the future); the Hebrew date follows from it and afterSunset."
_AFTER_SUNSET = "Death came after sunset on dateOfDeath, so the Hebrew date of death is the next day's."
_HEBREW_DATE_OF_DEATH = "The Hebrew date of death, when the civil one is not known."
_PLAQUE = "Where its plaque hangs (e.g. a board and row), at most 100 characters."
_FAMILY_EMAIL = "The family's e-mail address: they are reminded before each yahrzeit. Empty: no reminders."


@strawberry.input(description="A date of the Hebrew calendar.")
class HebrewDateInput:
    day: int = strawberry.field(description="The day of the month, 1 to 30 (as the month has).")
    month: HebrewMonth = strawberry.field(description="The month; ADAR in a leap year is read as Adar II.")
    year: int = strawberry.field(description="The year from creation, e.g. 5784.")


@strawberry.input(description="Exactly one of dateOfDeath / hebrewDateOfDeath.")
class CreateMemorialInput:
    name: str = strawberry.field(description=_NAME)
    hebrew_name: str | None = strawberry.field(default=UNSET, description=_HEBREW_NAME)
    date_of_death: dt.date | None = strawberry.field(default=UNSET, description=_DATE_OF_DEATH)
    after_sunset: bool = strawberry.field(default=False, description=_AFTER_SUNSET)
    hebrew_date_of_death: HebrewDateInput | None = strawberry.field(default=UNSET, description=_HEBREW_DATE_OF_DEATH)
    plaque: str | None = strawberry.field(default=UNSET, description=_PLAQUE)
    family_email: str | None = strawberry.field(default=UNSET, description=_FAMILY_EMAIL)
    urgent: bool = strawberry.field(default=False, description=URGENT)


@strawberry.input(description="Giving dateOfDeath or hebrewDateOfDeath replaces the date of death.")
class UpdateMemorialInput:
    id: strawberry.ID = strawberry.field(description="The memorial's global id.")
    name: str | None = strawberry.field(default=UNSET, description=_NAME)
    hebrew_name: str | None = strawberry.field(default=UNSET, description=_HEBREW_NAME)
    date_of_death: dt.date | None = strawberry.field(default=UNSET, description=_DATE_OF_DEATH)
    after_sunset: bool | None = strawberry.field(default=UNSET, description=_AFTER_SUNSET)
    hebrew_date_of_death: HebrewDateInput | None = strawberry.field(default=UNSET, description=_HEBREW_DATE_OF_DEATH)
    plaque: str | None = strawberry.field(default=UNSET, description=_PLAQUE)
    family_email: str | None = strawberry.field(default=UNSET, description=_FAMILY_EMAIL)
    urgent: bool = strawberry.field(default=False, description=URGENT)


@strawberry.input(description="A CSV of memorials to import in the background.")
class ImportMemorialsInput:
    csv: str = strawberry.field(
        description="The CSV text (at most 5 MB and 20,000 rows); its first line names the columns: name (required), "
        "hebrew_name, date_of_death (YYYY-MM-DD) and after_sunset (yes/no) or hebrew_day, hebrew_month and "
        "hebrew_year, plaque, family_email."
    )
    all_or_nothing: bool = strawberry.field(default=False, description="One bad row means no memorial is written.")


@strawberry.input(description="Give a memorial its photo: an uploaded image (MEMORIAL_PHOTO).")
class AttachMemorialPhotoInput:
    memorial_id: strawberry.ID = strawberry.field(description="The memorial's global id.")
    media_id: strawberry.ID = strawberry.field(description="The upload's media id (from createUpload), once uploaded.")
    urgent: bool = strawberry.field(default=False, description=URGENT)


@strawberry.input(description="Take its photo off a memorial (the memorial stays).")
class RemoveMemorialPhotoInput:
    memorial_id: strawberry.ID = strawberry.field(description="The memorial's global id.")
    urgent: bool = strawberry.field(default=False, description=URGENT)
