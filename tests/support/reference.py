"""The correctness bar for yahrzeits and zmanim: hebcal's own reference tables, loaded from ../shared/reference/
(next to the repo) for the luach and content tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

REFERENCE_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "reference"


def load(name: str) -> Any:
    """A reference table by file name, as its JSON."""
    return json.loads((REFERENCE_DIR / name).read_text(encoding="utf-8"))


def zmanim_case(place: str) -> dict[str, Any]:
    """The hebcal zmanim reference case of one place."""
    case: dict[str, Any] = next(c for c in load("zmanim-hebcal.json")["cases"] if c["place"] == place)
    return case
