"""An advisory lock beside the database (`<db>.lock`): writers exclusive, readers shared.

DuckDB itself refuses a second process on a file that a writer holds, at once. The lock
file turns that into a wait with a timeout and a message naming the holder's pid. Locks are
`fcntl.flock` locks: the kernel drops them when the holder dies, even on `kill -9`, so a
stale lock file never blocks anyone. Within one process the lock is shared and counted
(flock locks would otherwise conflict between two handles of the same process).
"""

from __future__ import annotations

import fcntl
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.store.errors import StoreLocked

logger = logging.getLogger(__name__)

# Polling step while waiting for another process: short enough to start soon after it ends.
POLL_SECONDS = 0.1

_held: dict[str, _Held] = {}
_held_guard = threading.Lock()


@dataclass
class _Held:
    fd: int
    exclusive: bool
    count: int = field(default=1)


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


def _holder_pid(path: Path) -> int | None:
    try:
        text = path.read_text(encoding="ascii").strip()
        return int(text) if text else None
    except (OSError, ValueError):
        return None


def _try_flock(fd: int, exclusive: bool) -> bool:
    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def acquire(db: Path, exclusive: bool, timeout: float) -> str | None:
    """Take the lock for `db`, waiting up to `timeout` seconds; returns a token for release().

    Returns None (no lock taken) when the lock file cannot be created, e.g. a read-only
    folder: DuckDB's own lock still protects the file then.
    """
    path = lock_path(db)
    key = str(path)
    with _held_guard:
        held = _held.get(key)
        if held is not None:
            held.count += 1
            return key
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        logger.debug("no lock file for %s (%s); relying on DuckDB's lock", db, err)
        return None
    deadline = time.monotonic() + timeout
    while not _try_flock(fd, exclusive):
        if time.monotonic() >= deadline:
            os.close(fd)
            raise StoreLocked(str(db), _holder_pid(path), timeout)
        time.sleep(POLL_SECONDS)
    if exclusive:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
    with _held_guard:
        _held[key] = _Held(fd=fd, exclusive=exclusive)
    return key


def release(token: str | None) -> None:
    if token is None:
        return
    with _held_guard:
        held = _held.get(token)
        if held is None:
            return
        held.count -= 1
        if held.count > 0:
            return
        del _held[token]
    fcntl.flock(held.fd, fcntl.LOCK_UN)
    os.close(held.fd)


def holds_exclusive(db: Path) -> bool:
    """True when this process holds the writer lock of `db` (a Store open for writing)."""
    with _held_guard:
        held = _held.get(str(lock_path(db)))
        return bool(held and held.exclusive)
