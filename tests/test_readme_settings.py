"""The README's settings table names every setting of `config.Settings`, and nothing else."""

from __future__ import annotations

import re

from config import ROOT, Settings


def table_names() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    names: set[str] = set()
    for line in section.splitlines():
        if line.startswith("| `"):
            first_cell = line.split("|")[1]
            names.update(re.findall(r"`([A-Z][A-Z0-9_]*)`", first_cell))
    return names


def test_every_setting_is_in_the_readme_table_and_every_row_is_a_setting() -> None:
    settings = {name.upper() for name in Settings.model_fields}
    listed = table_names()
    assert not settings - listed, f"settings missing from the README's table: {sorted(settings - listed)}"
    assert not listed - settings, f"README rows that are not settings: {sorted(listed - settings)}"
