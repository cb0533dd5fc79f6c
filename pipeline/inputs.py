"""Which files a command works on: paths as given, folders walked, `-` for standard input.

Only regular files are read. A FIFO, a socket or a device in a folder is skipped with a line
naming it (reading a FIFO waits for a writer forever; `/dev/zero` never ends). A link is followed
only when what it leads to is a regular file inside the folder being walked; a link leading out
of it (`x.txt -> /etc/passwd`) is skipped unless `follow_links` (`chiso ingest --follow-links`).
Links to folders are never walked into. A path given by name is the user's choice: it is kept,
links followed, unless it is not a regular file.
"""

from __future__ import annotations

import fnmatch
import logging
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

logger = logging.getLogger(__name__)

# Files that are never documents (editor and OS leftovers).
SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}
# Extensions tried when walking a folder for `chiso ingest` (files named explicitly are always tried).
DOCUMENT_EXTENSIONS = frozenset({".pdf", ".docx", ".doc", ".rtf", ".odt", ".html", ".htm", ".txt", ".md",
                                 ".xlsx", ".xls", ".ods",  # statistics forms (extractors/readers/sheet.py)
                                 ".jpg", ".jpeg", ".png", ".tif", ".tiff"})  # scans and photos (OCR)
# Project files that share a document extension but are not documents.
NOT_DOCUMENTS = ("readme*", "changelog*", "license*", "licence*", "contributing*")

Skipped = Callable[[str, str], None]  # (path, why it is not read)
_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"))


def file_kind(mode: int) -> str:
    """What a stat mode says a path is, for messages: `a FIFO (named pipe)`, `a socket`, …"""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def not_regular(path: str) -> str | None:
    """Why `path` (links followed) is not to be read as a regular file; None: it is one, or it
    cannot be looked at (the reader then says why)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    return None if stat.S_ISREG(mode) else f"{file_kind(mode)}, not a regular file: not read"


def _log_skip(path: str, why: str) -> None:
    from pipeline.names import escaped

    logger.warning("%s: %s", escaped(path), why)


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


def _excluded(rel: str, patterns: Sequence[str]) -> bool:
    parts = rel.split("/")
    return any(fnmatch.fnmatch(rel, pat) or any(fnmatch.fnmatch(part, pat) for part in parts)
               for pat in patterns)


_NOT_A_DOCUMENT = re.compile("|".join(fnmatch.translate(pat) for pat in NOT_DOCUMENTS))


def _is_document(name: str) -> bool:
    lower = name.lower()
    if os.path.splitext(lower)[1] not in DOCUMENT_EXTENSIONS:
        return False
    return _NOT_A_DOCUMENT.match(lower) is None  # one regex: a re-run lists thousands of names


def iter_ingest_files(paths: Iterable[str | Path], exclude: Sequence[str] = (), *, follow_links: bool = False,
                      skipped: Skipped | None = None) -> Iterator[str]:
    """Files to ingest. A folder is walked in sorted order, keeping regular files with document
    extensions and dropping hidden entries and paths matching an `exclude` glob (matched against
    the path relative to the folder and against each of its parts); a file given by name is kept
    unless it is not a regular file. Special files and links leading out of the folder are not
    read (see the module's text): `skipped(path, why)` is called for each (default: a warning).
    Paths are spelled as pathlib would (`corpus/` → `corpus/a.pdf`), joined as strings: a re-run
    lists every file of the folder."""
    skip = skipped or _log_skip
    for given in paths:
        root = str(Path(given))
        if not os.path.isdir(root):
            why = not_regular(str(given))
            if why:
                skip(str(given), why)
            else:
                yield str(given)
            continue
        here = "." + os.sep if root == "." else ""  # os.walk(".") spells "./a.pdf"; pathlib "a.pdf"
        inside = os.path.join(os.path.realpath(root), "")
        for folder, dirs, files in _walk(root):
            rel_folder = Path(folder).relative_to(root).as_posix()
            dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                             and not _excluded(_join(rel_folder, d), exclude))
            for entry in sorted(files, key=lambda e: e.name):
                name = entry.name
                if name.startswith(".") or name in SKIP_NAMES or not _is_document(name):
                    continue
                if exclude and _excluded(_join(rel_folder, name), exclude):
                    continue
                full = os.path.join(folder, name)
                path = full[len(here):] if here else full
                why = _not_to_read(entry, full, inside, follow_links)
                if why:
                    skip(path, why)
                else:
                    yield path


def _not_to_read(entry: os.DirEntry[str], full: str, inside: str, follow_links: bool) -> str | None:
    """Why a folder entry is not read; None for a regular file (the common case costs no stat)."""
    if entry.is_file(follow_symlinks=False):
        return None
    if not entry.is_symlink():
        try:
            return f"{file_kind(entry.stat(follow_symlinks=False).st_mode)}, not a regular file: not read"
        except OSError as err:
            return f"cannot look at it ({err.strerror or err}): not read"
    target = os.path.realpath(full)
    if not follow_links and not target.startswith(inside):
        return f"a link to {target}, outside the folder: not followed (--follow-links follows it)"
    why = not_regular(full)
    if why:
        return f"a link to {target}, {why}"
    return None if os.path.exists(full) else f"a link to {target}, which does not exist: not read"


def _walk(root: str) -> Iterator[tuple[str, list[str], list[os.DirEntry[str]]]]:
    """os.walk(root) (top down, links to folders not walked into, unreadable folders passed over),
    with the folder's other entries as DirEntry: their type comes with the listing, no stat."""
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            continue
        dirs = [e.name for e in entries if e.is_dir(follow_symlinks=False)]
        files = [e for e in entries if not e.is_dir(follow_symlinks=False)]
        yield folder, dirs, files
        stack.extend(os.path.join(folder, d) for d in reversed(dirs))


def _join(folder: str, name: str) -> str:
    return name if folder == "." else f"{folder}/{name}"
