"""Store keys for input files: one key per file whatever the working folder or spelling.

A file under the database's folder is keyed by its POSIX path relative to that folder
(`corpus/seeds/000.txt`), so a dataset stays portable with its inputs; any other file by
its absolute path. A name that is not on disk (an upload, standard input) is kept as given.
"""

from __future__ import annotations

import os
from pathlib import Path


def path_key(path: str | Path, db_dir: Path) -> str:
    p = Path(path)
    if str(path) == "-" or not p.exists():
        return str(path)
    absolute = Path(os.path.abspath(p))
    try:
        return absolute.relative_to(db_dir).as_posix()
    except ValueError:
        return absolute.as_posix()
