"""The embedded mode's generated JWT secret: made once, readable by the owner only from its first byte, and
the same for every process that starts at once (API workers, the worker)."""

from __future__ import annotations

import multiprocessing
import os
import stat
from pathlib import Path
from typing import Any

from config import Settings


def _key(data_dir: str, start: Any) -> str:
    start.wait()
    return Settings(data_dir=Path(data_dir), jwt_secret="", environment="development").jwt_key()


def test_processes_starting_at_once_share_one_secret_that_only_the_owner_can_read(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    for round_ in range(5):
        data_dir = tmp_path / f"data-{round_}"
        with context.Manager() as manager:
            start = manager.Barrier(8)
            with context.Pool(8) as pool:
                keys = pool.starmap(_key, [(str(data_dir), start)] * 8)
        path = data_dir / "jwt-secret"
        assert len(set(keys)) == 1 and len(keys[0]) >= 48
        assert path.read_text() == keys[0]
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert [p.name for p in data_dir.iterdir()] == ["jwt-secret"]


def test_a_set_secret_writes_nothing(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", jwt_secret="s" * 40, environment="development")
    assert settings.jwt_key() == "s" * 40
    assert not (tmp_path / "data").exists()


def _key_without_hard_links(data_dir: str, start: Any) -> str:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise PermissionError(1, "Operation not permitted")  # as on a filesystem without hard links

    os.link = refuse  # this forked process only
    return _key(data_dir, start)


def test_a_filesystem_without_hard_links_still_gets_one_private_secret(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    data_dir = tmp_path / "data"
    with context.Manager() as manager:
        start = manager.Barrier(8)
        with context.Pool(8) as pool:
            keys = pool.starmap(_key_without_hard_links, [(str(data_dir), start)] * 8)
    path = data_dir / "jwt-secret"
    assert len(set(keys)) == 1 and len(keys[0]) >= 48 and path.read_text() == keys[0]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in data_dir.iterdir()] == ["jwt-secret"]
