"""The cost budget's Redis scripts as a test sees them: every run of the app's `kv.eval` recorded (script, keys)."""

from __future__ import annotations

from typing import Any

import pytest


def count_scripts(app: Any, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[str]]]:
    """A list that grows by (script, keys) at each script the app runs on its key-value store."""
    scripts: list[tuple[str, list[str]]] = []
    run_script = app.state.kv.eval

    async def counted(script: str, keys: list[str], *args: Any) -> Any:
        scripts.append((script, keys))
        return await run_script(script, keys, *args)

    monkeypatch.setattr(app.state.kv, "eval", counted)
    return scripts
