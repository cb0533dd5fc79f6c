"""Which files a command works on: paths as given, folders walked, `-` for standard input."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

# Files that are never documents (editor and OS leftovers).
SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}


def iter_input_files(paths: list[str]) -> Iterator[str]:
    """Yield file paths: a folder is walked in sorted order (hidden entries skipped)."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith(".") or name in SKIP_NAMES:
                        continue
                    yield str(Path(root) / name)
        else:
            yield p
