"""Runs recorded without opening the database (`<db>.runs.jsonl`).

A re-run that finds every file unchanged by the stat snapshot (pipeline/store/snapshot.py) does
not start DuckDB: it appends its `runs` row here, holding the writer lock. The next writer that
opens the database moves these rows into `runs` (Store, on opening for writing); until then every
reader opening the database sees them in `runs` as well (Store, on opening read-only), so the
web overview, `chiso query`, the exports and the pandas API agree on the runs there were.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

RUNNERS = ("cli", "prefect", "prefect-dask")
# A journal this long (about 1,000 runs) is moved into the database by the next run instead of
# growing: every reader reads it whole, and the writer that takes it inserts it in one statement.
JOURNAL_MAX_BYTES = 256 * 1024
TIMESTAMPS = ("started_at", "ended_at")
TEXTS = ("run_id", "extractor_version", "runner")
COUNTS = ("files_seen", "skipped", "ingested", "failed", "documents", "figures", "references")  # an ingest's


def journal_path(db: Path) -> Path:
    return db.with_name(db.name + ".runs.jsonl")


def utc_now() -> dt.datetime:
    """Naive UTC timestamp (the TIMESTAMP columns hold UTC)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def new_run_id(started: dt.datetime) -> str:
    """The run's id: its start (UTC, to the second) and 8 random hex digits."""
    return f"{started:%Y%m%dT%H%M%S}Z-{os.urandom(4).hex()}"


def append_run(db: Path, row: dict[str, Any], database: list[int]) -> None:
    """Append one run (keys among TEXTS, TIMESTAMPS as datetimes, COUNTS) of the database file
    whose identity is `database` (pipeline/store/snapshot.py); the caller holds the writer lock.
    One write of one line, flushed to disk before returning."""
    fields = {k: v.isoformat(sep=" ") if isinstance(v, dt.datetime) else v for k, v in row.items()}
    line = json.dumps({**fields, "database": database}, ensure_ascii=False) + "\n"
    fd = os.open(journal_path(db), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


def journal_full(db: Path) -> bool:
    try:
        return os.path.getsize(journal_path(db)) >= JOURNAL_MAX_BYTES
    except OSError:
        return False


def _valid(row: Any) -> dict[str, Any] | None:
    if not isinstance(row, dict) or not isinstance(row.get("run_id"), str):
        return None
    out: dict[str, Any] = {}
    for key in TEXTS:
        value = row.get(key)
        if value is not None and not isinstance(value, str):
            return None
        out[key] = value
    for key in TIMESTAMPS:
        value = row.get(key)
        try:
            out[key] = None if value is None else dt.datetime.fromisoformat(value)
        except (TypeError, ValueError):
            return None
    for key in COUNTS:
        value = row.get(key)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            return None
        out[key] = value
    return out


def read_runs(db: Path, database: list[int] | None) -> list[dict[str, Any]]:
    """The runs waiting in the journal of the database file whose identity is now `database`, as
    appended (timestamps as datetimes). Skipped with a warning: a line that is not a run (a torn
    last line after a crash, an edit by hand) and a run of another database file (one removed or
    replaced since, whose journal was left behind: no writer has opened this file since the run)."""
    path = journal_path(db)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return []
    runs = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except ValueError:
            data = None
        row = _valid(data)
        if row is None:
            logger.warning("%s:%d: not a run; skipped", path, number)
            continue
        if data.get("database") != database:
            logger.warning("%s:%d: run %s was of another database file than %s; skipped", path, number,
                           row["run_id"], db)
            continue
        runs.append(row)
    return runs


def clear_runs(db: Path) -> None:
    try:
        os.unlink(journal_path(db))
    except FileNotFoundError:
        pass
