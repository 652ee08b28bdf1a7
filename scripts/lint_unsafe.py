"""Fail on query escapes that bypass tenant scoping, outside the places allowed to use them.

Flags calls of `<expr>.raw(...)`, `QuerySet(...)`, `unscoped(...)` and `connections.get(...)` in .py files,
except under models/, migrations/, tests/, .venv/ (and hidden or cache directories) and the files listed in
scripts/unsafe-allowlist.txt (`path` or `path:reason`, relative to the repository root; a path ending in `/`
allows a whole directory). Matching is on Python tokens, so comments and strings never count.

Usage: python scripts/lint_unsafe.py [PATH ...]   (default: the repository root)
Prints `file:line:col: message` per hit and exits 1 on any.
"""

from __future__ import annotations

import io
import sys
import tokenize
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLOWLIST = ROOT / "scripts" / "unsafe-allowlist.txt"
EXCLUDED_DIRS = {"models", "migrations", "tests", ".venv"}
SKIPPED_DIRS = {"__pycache__", "node_modules", "data"}

# Token sequences (type is "name" or "op") and the message for each.
RULES: list[tuple[tuple[str, ...], str]] = [
    ((".", "raw", "("), "raw SQL bypasses the tenant manager and RLS context"),
    (("QuerySet", "("), "a hand-built QuerySet bypasses the tenant manager"),
    (("unscoped", "("), "unscoped() escapes tenant scoping; only allowlisted code may call it"),
    (("connections", ".", "get", "("), "a raw connection bypasses the tenant manager and RLS context"),
]


def load_allowlist(path: Path = ALLOWLIST) -> set[str]:
    entries: set[str] = set()
    if not path.exists():
        return entries
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        entries.add(line.split(":", 1)[0].strip())
    return entries


def is_allowed(rel: str, allowlist: set[str]) -> bool:
    return rel in allowlist or any(entry.endswith("/") and rel.startswith(entry) for entry in allowlist)


def relative(path: Path) -> str:
    resolved = path.resolve()
    return resolved.relative_to(ROOT).as_posix() if resolved.is_relative_to(ROOT) else str(path)


def excluded(rel: str) -> bool:
    parts = rel.split("/")[:-1]
    if parts and parts[0] in EXCLUDED_DIRS:
        return True
    return any(p in SKIPPED_DIRS or p.startswith(".") for p in parts)


def python_files(paths: list[Path]) -> Iterator[Path]:
    for base in paths:
        candidates = [base] if base.is_file() else sorted(base.rglob("*.py"))
        for path in candidates:
            if path.suffix == ".py" and not excluded(relative(path)):
                yield path


def significant_tokens(source: str) -> list[tokenize.TokenInfo]:
    keep = {tokenize.NAME, tokenize.OP}
    return [t for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type in keep]


def scan(source: str) -> Iterator[tuple[int, int, str]]:
    tokens = significant_tokens(source)
    strings = [t.string for t in tokens]
    for i, token in enumerate(tokens):
        for pattern, message in RULES:
            if tuple(strings[i : i + len(pattern)]) == pattern:
                # `x.unscoped(` and `unscoped(` both count; `def unscoped(` is a definition, not a call.
                if i > 0 and strings[i - 1] == "def":
                    continue
                yield token.start[0], token.start[1] + 1, f"`{''.join(pattern)}` {message}"


def main(argv: list[str]) -> int:
    paths = [Path(a).resolve() for a in argv] or [ROOT]
    allowlist = load_allowlist()
    hits = 0
    for path in python_files(paths):
        rel = relative(path)
        if is_allowed(rel, allowlist):
            continue
        try:
            source = path.read_text(encoding="utf-8")
            found = list(scan(source))
        except (SyntaxError, tokenize.TokenError, UnicodeDecodeError) as exc:
            print(f"{rel}:1:1: cannot tokenize ({exc}); fix the file so this lint can read it")
            hits += 1
            continue
        for line, col, message in found:
            print(f"{rel}:{line}:{col}: {message}")
            hits += 1
    if hits:
        allowlist_path = ALLOWLIST.relative_to(ROOT)
        print(f"lint_unsafe: {hits} unsafe call(s); scope the query, or add the file to {allowlist_path}")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
