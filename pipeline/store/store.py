"""The DuckDB store: one database file, a writer lock, each file replaced whole in a transaction."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import threading
import uuid
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from extractors import EXTRACTOR_VERSION
from pipeline.model import FileResult
from pipeline.store import lock
from pipeline.store.errors import StoreError, StoreLocked, StoreNotFound
from pipeline.store.migrations import migrate
from pipeline.store.paths import path_key
from pipeline.store.rows import Row, file_rows

logger = logging.getLogger(__name__)

RUN_COUNTS = ("files_seen", "skipped", "ingested", "failed", "documents", "figures", "references", "findings")
RUNNERS = ("cli", "prefect", "prefect-dask")
# Child tables first: a file's rows go in one transaction, children before the `files` row.
FILE_TABLES = ("figures", "references", "documents", "files")
# Rows per INSERT statement: big enough to amortize parsing, small enough to bind quickly.
INSERT_CHUNK = 200
_PID_IN_DUCKDB_ERROR = re.compile(r"\(PID (\d+)\)")


def utc_now() -> dt.datetime:
    """Naive UTC timestamp (the TIMESTAMP columns hold UTC)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def literal(value: str | int | dt.datetime | None) -> str:
    """A value written into SQL text. Only for the store's own bookkeeping statements (run ids,
    counts, timestamps, the extractor version): DuckDB's Python binding imports pandas (≈ 3–10 s
    here) the first time a statement has parameters, and `chiso ingest` on an unchanged folder
    must not pay that for three statements."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        raise TypeError("no booleans in bookkeeping statements")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        return f"TIMESTAMP '{value.isoformat(sep=' ')}'"
    return "'" + str(value).replace("'", "''") + "'"


class Store:
    """A Chỉ Số database. Use as a context manager.

    A writer (`read_only=False`) holds `<db>.lock` exclusively for its whole life, so a second
    writer or reader process waits up to `lock_timeout` seconds, then gets StoreLocked.
    A writer applies pending migrations when it opens. `external_access=False` (read-only
    uses such as `chiso query`) stops SQL from reading or writing other files. Methods are safe to call from several
    threads of one process (writes are serialized).
    """

    def __init__(self, path: str | Path, read_only: bool = False, lock_timeout: float = 30.0,
                 external_access: bool = True) -> None:
        self.path = Path(os.path.abspath(path))
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreNotFound(str(path))
        self._display = str(path)
        self._guard = threading.RLock()
        self._token = lock.acquire(self.path, exclusive=not read_only, timeout=lock_timeout)
        try:
            config = {} if external_access else {"enable_external_access": False}
            self.con = self._connect(read_only, config)
            if not read_only:
                migrate(self.con)
        except BaseException:
            lock.release(self._token)
            raise

    def _connect(self, read_only: bool, config: dict[str, Any] | None = None) -> duckdb.DuckDBPyConnection:
        try:
            return duckdb.connect(str(self.path), read_only=read_only, config=config or {})
        except duckdb.IOException as err:
            if "lock" not in str(err).lower():
                raise StoreError(f"{self._display}: cannot open the database: {err}") from err
            m = _PID_IN_DUCKDB_ERROR.search(str(err))
            raise StoreLocked(self._display, int(m.group(1)) if m else None, 0) from err
        except duckdb.ConnectionException as err:
            raise StoreError(f"{self._display} is already open in this process with other settings "
                             f"(a writer and a reader cannot share it); close the other first") from err

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        con = getattr(self, "con", None)
        if con is not None:
            con.close()
            self.con = None  # type: ignore[assignment]
        lock.release(self._token)
        self._token = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- skip-unchanged --------------------------------------------------------------------
    def path_key(self, path: str | Path) -> str:
        """The key a file is stored under (see pipeline/store/paths.py)."""
        return path_key(path, self.path.parent)

    def is_current(self, path: str, sha256: str) -> bool:
        """True when this path with these bytes was stored by the running EXTRACTOR_VERSION.

        A file recorded as failed is never current: every ingest tries it again, so a run
        never reports success while the dataset still lacks a file it was given."""
        with self._guard:
            rows = self.con.execute(
                "SELECT 1 FROM files WHERE path = ? AND sha256 = ? AND extractor_version = ? "
                "AND status <> 'failed'",
                [self.path_key(path), sha256, EXTRACTOR_VERSION]).fetchall()
        return bool(rows)

    def known_hashes(self) -> dict[str, str]:
        """Store key → sha256 of the files that are current (see is_current)."""
        with self._guard:
            rows = self.con.execute("SELECT path, sha256 FROM files WHERE extractor_version = "
                                    f"{literal(EXTRACTOR_VERSION)} AND sha256 IS NOT NULL "
                                    "AND status <> 'failed'").fetchall()
        return dict(rows)

    # -- writing ---------------------------------------------------------------------------
    def _duplicate_of(self, sha256: str, key: str) -> str | None:
        rows = self.con.execute("SELECT min(path) FROM documents WHERE sha256 = ? AND path <> ?",
                                [sha256, key]).fetchall()
        return rows[0][0] if rows else None

    def _insert(self, table: str, rows: tuple[Row, ...] | list[Row]) -> None:
        """Multi-row INSERT … VALUES with parameters (faster than executemany, no temp views)."""
        if not rows:
            return
        columns = list(rows[0])
        head = f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) VALUES "
        one = "(" + ", ".join("?" * len(columns)) + ")"
        for i in range(0, len(rows), INSERT_CHUNK):
            chunk = rows[i:i + INSERT_CHUNK]
            self.con.execute(head + ", ".join([one] * len(chunk)),
                             [row[c] for row in chunk for c in columns])

    def _stored(self, key: str) -> bool:
        return bool(self.con.execute("SELECT count(*) FROM files WHERE path = ?", [key]).fetchall()[0][0])

    def _replace(self, result: FileResult, run_id: str) -> None:
        """Inside an open transaction: put `result`'s rows in place of its file's old rows."""
        key = self.path_key(result.source)
        duplicate = self._duplicate_of(result.sha256, key) if result.sha256 else None
        rows = file_rows(result, key, result.sha256, EXTRACTOR_VERSION, run_id, utc_now(), duplicate)
        # A file's child rows exist only next to its `files` row (they are written together), and
        # only a stored file can be another's `duplicate_of`: a new file has nothing to replace.
        if self._stored(key):
            for table in FILE_TABLES:
                self.con.execute(f"DELETE FROM {quote(table)} WHERE path = ?", [key])
            # Files that deferred to this one no longer find its bytes here: re-extract them.
            self.con.execute("UPDATE files SET extractor_version = NULL WHERE duplicate_of = ? "
                             "AND sha256 IS DISTINCT FROM ?", [key, result.sha256])
        self._insert("files", [rows.file])
        self._insert("documents", rows.documents)
        self._insert("figures", rows.figures)
        self._insert("references", rows.references)
        if duplicate:
            logger.info("%s: same bytes as %s; its documents are stored once, under %s", key, duplicate,
                        duplicate)

    def write_result(self, result: FileResult, run_id: str) -> None:
        """Replace every row of `result.source` by what `result` holds, in one transaction."""
        self.write_results([result], run_id)

    def write_results(self, results: Sequence[FileResult], run_id: str) -> None:
        """Replace the rows of each result's file, in order, all in one transaction: the same
        rows as writing them one by one, without a commit (≈ 20 ms here) per file. A crash
        loses the whole batch, never part of a file; the next ingest re-extracts it."""
        if not results:
            return
        with self._guard:
            self.con.execute("BEGIN TRANSACTION")
            try:
                for result in results:
                    self._replace(result, run_id)
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise

    # -- runs ------------------------------------------------------------------------------
    def start_run(self, runner: str) -> str:
        if runner not in RUNNERS:
            raise ValueError(f"runner must be one of {', '.join(RUNNERS)}, not {runner!r}")
        started = utc_now()
        run_id = f"{started:%Y%m%dT%H%M%S}Z-{uuid.uuid4().hex[:8]}"
        with self._guard:
            self.con.execute("INSERT INTO runs (run_id, extractor_version, runner, started_at) VALUES "
                             f"({literal(run_id)}, {literal(EXTRACTOR_VERSION)}, {literal(runner)}, {literal(started)})")
        return run_id

    def finish_run(self, run_id: str, counts: dict[str, int]) -> None:
        """Record the end of a run and its counts (keys among RUN_COUNTS; others are an error)."""
        unknown = set(counts) - set(RUN_COUNTS)
        if unknown:
            raise ValueError(f"unknown run counts {sorted(unknown)}; expected some of {RUN_COUNTS}")
        sets = ", ".join([f"ended_at = {literal(utc_now())}"]
                         + [f"{quote(k)} = {literal(int(v) if v is not None else None)}" for k, v in counts.items()])
        with self._guard:
            self.con.execute(f"UPDATE runs SET {sets} WHERE run_id = {literal(run_id)}")
