"""Store keys for input files: one key per file whatever the working folder or spelling.

A file under the database's folder is keyed by its POSIX path relative to that folder
(`corpus/seeds/000.txt`), so a dataset stays portable with its inputs; any other file by
its absolute path. A name that is not on disk (an upload, standard input) is kept as given.
String operations, not pathlib: a re-run keys every file of the folder it is given.
A key is printable UTF-8 whatever bytes the name holds: bytes that are not UTF-8, control
characters and backslashes are escaped losslessly (pipeline/names.py; `key_path` undoes it).
"""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.names import escaped, unescaped


def path_key(path: str | Path, db_dir: str | Path, *, exists: bool | None = None) -> str:
    """The key of `path` for a database in `db_dir` (absolute). `exists`: whether the file is
    known to be on disk (saves a stat when the caller has just made one); None: look."""
    text = os.fspath(path)
    if text == "-" or not (os.path.exists(text) if exists is None else exists):
        return escaped(text)
    absolute = os.path.abspath(text)
    folder = os.path.abspath(db_dir)
    prefix = folder if folder.endswith(os.sep) else folder + os.sep
    key = absolute[len(prefix):] if absolute.startswith(prefix) else absolute
    return escaped(key.replace(os.sep, "/"))


def key_path(key: str) -> str:
    """The path a key was made from (relative to the database's folder unless absolute)."""
    return unescaped(key)
