"""Loads the hebcal reference tables from ../shared/reference/ (next to the repo)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

REFERENCE_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "reference"


def load(name: str) -> Any:
    return json.loads((REFERENCE_DIR / name).read_text(encoding="utf-8"))
