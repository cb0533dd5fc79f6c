"""The stat snapshot beside the database (`<db>.unchanged`): what a re-run on an unchanged folder
needs to know, readable without starting DuckDB.

`chiso ingest` writes it as it closes the database, still holding the writer lock: the store key
and stat of every current file (Store.known_files), and the identity of the database file just
closed (its size, modification and change times, inode, and a CRC of its first 12 KiB, which hold
DuckDB's headers: every checkpoint rewrites one of them with a new iteration number). The
snapshot is trusted only while the database file has that identity and no write-ahead log; any
later writer (an ingest, an audit, a DuckDB shell) changes it, and every writer that takes the
lock removes the snapshot when it opens. A run then goes the ordinary way, and the next ingest
writes a new one. The change time cannot be set back by a user (`touch` sets the others).
"""

from __future__ import annotations

import json
import logging
import os
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from extractors import EXTRACTOR_VERSION
from extractors.records import FileStat

logger = logging.getLogger(__name__)

FORMAT = 1
_HEADER_BYTES = 12 * 1024  # DuckDB's main header and its two database headers


def snapshot_path(db: Path) -> Path:
    return db.with_name(db.name + ".unchanged")


def database_identity(db: Path) -> list[int] | None:
    """What changes whenever the database file does; None when it has a write-ahead log (writes
    not yet checkpointed into the file) or cannot be read."""
    if os.path.exists(str(db) + ".wal"):
        return None
    try:
        with open(db, "rb") as f:
            st = os.fstat(f.fileno())
            head = f.read(_HEADER_BYTES)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, zlib.crc32(head)]


def write_snapshot(db: Path, files: Mapping[str, FileStat]) -> None:
    """Write the snapshot of `db` (just closed, its writer lock still held) and its current
    `files` (store key → stat). A snapshot that cannot be written is no error: the next re-run
    opens the database instead."""
    target = snapshot_path(db)
    identity = database_identity(db)
    if identity is None:
        discard_snapshot(db)
        return
    doc = {"format": FORMAT, "extractor_version": EXTRACTOR_VERSION, "database": identity,
           "files": {key: [st.size, st.mtime_ns, st.inode] for key, st in files.items()}}
    temp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        with open(temp, "w", encoding="utf-8", errors="surrogatepass") as out:
            json.dump(doc, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(temp, target)
    except OSError as err:
        logger.debug("%s: no snapshot written (%s)", target, err)
        for stale in (temp, target):
            try:
                os.unlink(stale)
            except OSError:
                pass


@dataclass(frozen=True)
class Snapshot:
    files: dict[str, FileStat]  # store key → stat of each current file
    database: list[int]  # the identity of the database file it describes (database_identity)


def read_snapshot(db: Path) -> Snapshot | None:
    """The snapshot of `db`; None when there is none or it no longer describes the database
    file (see the module's text)."""
    try:
        with open(snapshot_path(db), encoding="utf-8", errors="surrogatepass") as f:
            doc = json.load(f)
        if doc.get("format") != FORMAT or doc.get("extractor_version") != EXTRACTOR_VERSION:
            return None
        identity = database_identity(db)
        if identity is None or doc.get("database") != identity:
            return None
        files = {key: FileStat(int(size), int(mtime), int(inode)) for key, (size, mtime, inode) in doc["files"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return Snapshot(files, identity)


def discard_snapshot(db: Path) -> None:
    try:
        os.unlink(snapshot_path(db))
    except FileNotFoundError:
        pass
    except OSError as err:
        logger.debug("%s: cannot remove the snapshot (%s)", snapshot_path(db), err)
