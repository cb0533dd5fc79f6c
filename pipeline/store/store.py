"""The DuckDB store: one database file, a writer lock, each file replaced whole in a transaction."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from extractors import EXTRACTOR_VERSION
from extractors.records import FileResult, FileStat
from pipeline.store import lock
from pipeline.store.duplicates import mark_duplicates, rejudge_run
from pipeline.store.errors import StoreError, StoreLocked, StoreNotFound
from pipeline.store.migrations import migrate
from pipeline.store.paths import path_key
from pipeline.store.rows import FileRows, Row, file_rows, organization_rows
from pipeline.store.run_journal import (
    COUNTS,
    RUNNERS,
    clear_runs,
    journal_path,
    new_run_id,
    read_runs,
    utc_now,
)
from pipeline.store.snapshot import database_identity, discard_snapshot, write_snapshot
from pipeline.store.sql import literal, literals, quote

logger = logging.getLogger(__name__)

RUN_COUNTS = (*COUNTS, "findings")  # an ingest's counts, and the audit's
# Child tables first: a file's rows go in one transaction, children before the `files` row.
FILE_TABLES = ("figures", "references", "documents", "files")
# DuckDB's JSON reader's default largest object; a batch with a longer row (a document row holds
# its whole text) raises the limit for that statement.
_JSON_READER_DEFAULT_BYTES = 16 * 1024 * 1024
_PID_IN_DUCKDB_ERROR = re.compile(r"\(PID (\d+)\)")
_STATS_PER_STATEMENT = 5000


def column_types(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    """Column → DuckDB type of `table`."""
    described = con.execute(f"SELECT * FROM {quote(table)} LIMIT 0").description or []
    return {column[0]: str(column[1]) for column in described}


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Row],
                types: dict[str, str] | None = None) -> None:
    """Insert `rows` (dicts with the same keys) in one statement, whatever their number: they
    are written as JSON lines to a temporary file that DuckDB reads with the table's own
    column types (a parameterized INSERT cost 20–100 ms here, each, and made DuckDB import
    pandas; an Arrow table needs pandas too). Columns the rows lack get their default.
    `types`: the table's `column_types`, when the caller keeps them."""
    if not rows:
        return
    if types is None:
        types = column_types(con, table)
    columns = list(rows[0])
    spec = ", ".join(f"{literal(c)}: {literal(types[c])}" for c in columns)
    fd, name = tempfile.mkstemp(prefix="chiso-rows-", suffix=".json")
    try:
        longest = 0
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            for row in rows:
                line = _utf8_json(json.dumps(row, ensure_ascii=False, allow_nan=False, default=_json_value))
                longest = max(longest, len(line))
                out.write(line)
                out.write("\n")
        # The reader's buffer is sized by maximum_object_size: as large as this batch needs
        # (a UTF-8 char is at most 4 bytes), not a fixed 1 GB (2-3x slower for every batch).
        limit = max(_JSON_READER_DEFAULT_BYTES, 4 * longest + 1024)
        con.execute(f"INSERT INTO {quote(table)} BY NAME SELECT * FROM read_json({literal(name)}, "
                    f"format = 'newline_delimited', columns = {{{spec}}}, maximum_object_size = {limit})")
    finally:
        os.unlink(name)


@dataclass(frozen=True)
class StoredFile:
    """A current file as the store holds it: its hash, and its stat when hashed (None: not kept)."""

    sha256: str
    stat: FileStat | None


def runs_of_distinct_keys(results: Sequence[FileResult],
                          key_of: Callable[[str], str]) -> list[Sequence[FileResult]]:
    """`results` cut, in order, into runs in which no file appears twice (the same file given
    twice in one batch is written twice, the later replacing the earlier)."""
    runs: list[Sequence[FileResult]] = []
    start, seen = 0, set[str]()
    for i, result in enumerate(results):
        key = key_of(result.source)
        if key in seen:
            runs.append(results[start:i])
            start, seen = i, set()
        seen.add(key)
    runs.append(results[start:])
    return runs


_SURROGATE = re.compile("[\ud800-\udfff]")


def _surrogate_text(m: re.Match[str]) -> str:
    code = ord(m.group())
    # a byte that was not UTF-8 in a file name or message (os.fsdecode) → `\xHH` in the stored text
    return f"\\\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "\ufffd"


def _utf8_json(line: str) -> str:
    """A JSON line DuckDB can read: lone surrogates (bytes of a file name that are not UTF-8, held
    in an error message; a broken UTF-16 text layer) are not UTF-8, and a batch holding one was
    refused whole (pipeline/names.py spells such a byte `\\xHH`; other lone surrogates are U+FFFD)."""
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub(_surrogate_text, line)
    return line


def _json_value(value: object) -> str:
    """Dates and timestamps in rows, as DuckDB reads them back (ISO 8601)."""
    if isinstance(value, dt.date):  # datetime is a date too
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    raise TypeError(f"cannot store a {type(value).__name__} ({value!r})")


# A stored file is current (skipped by the next ingest) when this extractor version stored its bytes
# and it did not fail.
_CURRENT = (f"extractor_version = {literal(EXTRACTOR_VERSION)} AND sha256 IS NOT NULL "
            "AND status <> 'failed'")


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
        self._folder = str(self.path.parent)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreNotFound(str(path))
        self._display = str(path)
        self._guard = threading.RLock()
        self._snapshot_on_close = False
        self._column_types: dict[str, dict[str, str]] = {}  # table → column → DuckDB type
        self.listing: dict[str, int] = {}  # store key → place in the run's listing (set_listing)
        self.was_canonical: set[str] = set()  # documents of this run that were canonical before it
        self._token = lock.acquire(self.path, exclusive=not read_only, timeout=lock_timeout)
        try:
            config = {} if external_access else {"enable_external_access": False}
            # the journal's runs are of the file as it is before DuckDB opens it
            identity = database_identity(self.path) if os.path.exists(journal_path(self.path)) else None
            self.con = self._connect(read_only, config)
            if not read_only:
                discard_snapshot(self.path)
                migrate(self.con)
                self._take_journal_runs(identity)
            elif identity is not None:
                self._show_journal_runs(identity)
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
        try:
            if con is not None:
                known = self._known_for_snapshot()
                con.close()
                self.con = None  # type: ignore[assignment]
                if known is not None:  # the file is as DuckDB left it; the lock is still held
                    write_snapshot(self.path, known)
        finally:
            lock.release(self._token)
        self._token = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- skip-unchanged --------------------------------------------------------------------
    def _known_for_snapshot(self) -> dict[str, FileStat] | None:
        if not self._snapshot_on_close:
            return None
        try:
            known = self.known_files()
        except duckdb.Error as err:  # no snapshot: the next run opens the database
            logger.debug("%s: no snapshot (%s)", self._display, err)
            return None
        return {key: f.stat for key, f in known.items() if f.stat is not None}

    def keep_snapshot(self) -> None:
        """On closing, write the stat snapshot of the current files (pipeline/store/snapshot.py),
        which lets the next re-run on an unchanged folder skip DuckDB. Writers only."""
        if self.read_only:
            raise ValueError("a read-only store keeps no snapshot")
        self._snapshot_on_close = True

    def path_key(self, path: str | Path, *, exists: bool | None = None) -> str:
        """The key a file is stored under (see pipeline/store/paths.py)."""
        return path_key(path, self._folder, exists=exists)

    def is_current(self, path: str, sha256: str) -> bool:
        """True when this path with these bytes was stored by the running EXTRACTOR_VERSION.

        A file recorded as failed is never current: every ingest tries it again, so a run
        never reports success while the dataset still lacks a file it was given."""
        with self._guard:
            rows = self.con.execute(f"SELECT 1 FROM files WHERE path = {literal(self.path_key(path))} "
                                    f"AND sha256 = {literal(sha256)} AND {_CURRENT}").fetchall()
        return bool(rows)

    def known_hashes(self) -> dict[str, str]:
        """Store key → sha256 of the files that are current (see is_current)."""
        return {key: known.sha256 for key, known in self.known_files().items()}

    def known_files(self) -> dict[str, StoredFile]:
        """Store key → what is stored of each current file (see is_current): one query."""
        with self._guard:
            rows = self.con.execute("SELECT path, sha256, size, mtime_ns, inode FROM files "
                                    f"WHERE {_CURRENT}").fetchall()
        return {path: StoredFile(sha, None if None in (size, mtime, inode) else FileStat(size, mtime, inode))
                for path, sha, size, mtime, inode in rows}

    def record_stats(self, stats: Sequence[tuple[str, FileStat]]) -> None:
        """Store anew the stat of files found unchanged by their hash (moved, copied, touched), so
        that the next run skips them without reading them. `stats`: (path, stat) pairs."""
        for start in range(0, len(stats), _STATS_PER_STATEMENT):
            values = ", ".join(f"({literal(self.path_key(path))}, {st.size}, {st.mtime_ns}, {st.inode})"
                               for path, st in stats[start:start + _STATS_PER_STATEMENT])
            with self._guard:
                self.con.execute("UPDATE files SET size = v.size, mtime_ns = v.mtime_ns, inode = v.inode "
                                 f"FROM (VALUES {values}) AS v(path, size, mtime_ns, inode) "
                                 "WHERE files.path = v.path")

    # -- writing ---------------------------------------------------------------------------
    def _insert(self, table: str, rows: Sequence[Row]) -> None:
        """Insert `rows` in one statement (`insert_rows`), with this store's cache of column types."""
        if not rows:
            return
        types = self._column_types.get(table)
        if types is None:
            types = self._column_types[table] = column_types(self.con, table)
        insert_rows(self.con, table, rows, types)

    def _stored_keys(self, keys: Sequence[str]) -> set[str]:
        rows = self.con.execute(f"SELECT path FROM files WHERE path IN ({literals(keys)})").fetchall()
        return {r[0] for r in rows}

    def _document_holders(self, shas: set[str]) -> dict[str, set[str]]:
        """sha256 → the stored paths whose documents have those bytes."""
        if not shas:
            return {}
        holders: dict[str, set[str]] = {}
        for sha, path in self.con.execute("SELECT DISTINCT sha256, path FROM documents "
                                          f"WHERE sha256 IN ({literals(sorted(shas))})").fetchall():
            holders.setdefault(sha, set()).add(path)
        return holders

    def _replace_all(self, results: Sequence[FileResult], run_id: str) -> None:
        """Inside an open transaction: put each result's rows in place of its file's old rows, with
        the outcome of doing it one file after another (keys distinct). Statements per batch,
        not per file: one lookup of what is stored, one DELETE per table, one INSERT per table."""
        keys = [self.path_key(r.source) for r in results]
        stored = self._stored_keys(keys)
        holders = self._document_holders({r.sha256 for r in results if r.sha256})
        now = utc_now()
        planned: list[FileRows] = []
        for result, key in zip(results, keys, strict=True):
            if key in stored:
                # Its old rows go: its bytes are no longer held here, and files written before it
                # in this batch that deferred to it with other bytes must be re-extracted next time.
                for paths in holders.values():
                    paths.discard(key)
                for earlier in planned:
                    if earlier.file["duplicate_of"] == key and earlier.file["sha256"] != result.sha256:
                        earlier.file["extractor_version"] = None
            duplicate = min(holders.get(result.sha256, set()) - {key}, default=None) if result.sha256 else None
            rows = file_rows(result, key, result.sha256, EXTRACTOR_VERSION, run_id, now, duplicate)
            if rows.documents and result.sha256:
                holders.setdefault(result.sha256, set()).add(key)
            planned.append(rows)
            if duplicate:
                logger.info("%s: same bytes as %s; its documents are stored once, under %s", key,
                            duplicate, duplicate)
        replaced = [(key, r.sha256) for key, r in zip(keys, results, strict=True) if key in stored]
        was_canonical: set[str] = set()  # documents written again keep their priority over this batch's others
        if replaced:
            was_canonical = {r[0] for r in self.con.execute(
                f"SELECT doc_id FROM documents WHERE path IN ({literals([k for k, _ in replaced])}) "
                "AND duplicate_of IS NULL").fetchall()}
            # A file's child rows exist only next to its `files` row, and only a stored file can be
            # another's `duplicate_of`: new files have nothing to delete or to invalidate.
            old = literals([key for key, _ in replaced])
            for table in FILE_TABLES:
                self.con.execute(f"DELETE FROM {quote(table)} WHERE path IN ({old})")
            for key, sha in replaced:
                # Files that deferred to this one no longer find its bytes here: re-extract them.
                self.con.execute(f"UPDATE files SET extractor_version = NULL WHERE duplicate_of = {literal(key)} "
                                 f"AND sha256 IS DISTINCT FROM {literal(sha)}")
        self._insert("files", [rows.file for rows in planned])
        self._insert("documents", [row for rows in planned for row in rows.documents])
        self._insert("figures", [row for rows in planned for row in rows.figures])
        self._insert("references", [row for rows in planned for row in rows.references])
        self._upsert_organizations(organization_rows([ex for r in results for ex in r.documents]))
        last = len(self.listing)
        new = [(row["doc_id"], row["text"], (self.listing.get(row["path"], last), row["doc_index"]))
               for rows in planned for row in rows.documents]
        # documents written again keep their priority; then listing order, not the order results came in
        self.was_canonical |= was_canonical
        mark_duplicates(self.con, sorted(new, key=lambda d: (d[0] not in was_canonical, d[2])), run_id,
                        self.listing, self.was_canonical)

    def _upsert_organizations(self, rows: list[Row]) -> None:
        """Add the organizations of a batch, merging the spellings seen with those stored."""
        if not rows:
            return
        ids = literals([r["organization_id"] for r in rows])
        stored = {oid: (aliases, province) for oid, aliases, province in self.con.execute(
            f"SELECT organization_id, aliases, province FROM organizations WHERE organization_id IN ({ids})").fetchall()}
        for row in rows:
            aliases, province = stored.get(row["organization_id"], ((), None))
            row["aliases"] = sorted(set(row["aliases"]) | set(aliases or ()))
            row["province"] = row["province"] or province  # a province once known stays
        if stored:
            self.con.execute(f"DELETE FROM organizations WHERE organization_id IN ({ids})")
        self._insert("organizations", rows)

    def set_listing(self, paths: Sequence[str]) -> None:
        """The order the run lists its files in: of two copies of one document written in the same
        run, the one listed first is canonical, whichever worker finished first."""
        self.listing = {self.path_key(p): i for i, p in enumerate(paths)}

    def write_result(self, result: FileResult, run_id: str) -> None:
        """Replace every row of `result.source` by what `result` holds, in one transaction."""
        self.write_results([result], run_id)

    def write_results(self, results: Sequence[FileResult], run_id: str) -> None:
        """Replace the rows of each result's file, in order, all in one transaction: the same
        rows as writing them one by one, with a few statements per batch instead of several per
        file. A crash loses the whole batch, never part of a file; the next ingest re-extracts it."""
        if not results:
            return
        with self._guard:
            self.con.execute("BEGIN TRANSACTION")
            try:
                for part in runs_of_distinct_keys(results, self.path_key):
                    self._replace_all(part, run_id)
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise

    # -- runs ------------------------------------------------------------------------------
    def start_run(self, runner: str) -> str:
        if runner not in RUNNERS:
            raise ValueError(f"runner must be one of {', '.join(RUNNERS)}, not {runner!r}")
        started = utc_now()
        run_id = new_run_id(started)
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
            if self.listing:  # the same copies counted once as with one worker (duplicates.rejudge_run)
                self.con.execute("BEGIN TRANSACTION")
                try:
                    rejudge_run(self.con, run_id, self.listing, self.was_canonical)
                    self.con.execute("COMMIT")
                except BaseException:
                    self.con.execute("ROLLBACK")
                    raise
            self.con.execute(f"UPDATE runs SET {sets} WHERE run_id = {literal(run_id)}")

    def _take_journal_runs(self, identity: list[int] | None) -> None:
        """Move the runs recorded without the database (pipeline/store/run_journal.py) into `runs`."""
        pending = read_runs(self.path, identity)
        if pending:
            self.con.execute(_insert_runs_sql("runs", pending, "runs"))
        clear_runs(self.path)

    def _show_journal_runs(self, identity: list[int]) -> None:
        """Read-only: `runs` in this connection is a temporary table, the stored runs and those
        still in the journal, so every reader sees the runs there were."""
        pending = read_runs(self.path, identity)
        if not pending:
            return
        catalog = self.con.execute("SELECT current_database()").fetchall()[0][0]
        stored = f"{quote(catalog)}.main.runs"
        self.con.execute(f"CREATE TEMP TABLE runs AS SELECT * FROM {stored}")
        self.con.execute(_insert_runs_sql("temp.main.runs", pending, stored))


def _insert_runs_sql(table: str, runs: Sequence[dict[str, Any]], existing: str) -> str:
    """INSERT of `runs` (dicts of the same keys) into `table`, leaving out run ids already in
    `existing` (a journal moved into the database but not yet removed when a writer died)."""
    columns = list(runs[0])
    values = ", ".join("(" + ", ".join(literal(run[c]) for c in columns) + ")" for run in runs)
    names = ", ".join(quote(c) for c in columns)
    return (f"INSERT INTO {table} BY NAME SELECT * FROM (VALUES {values}) AS v({names}) "
            f"WHERE v.run_id NOT IN (SELECT run_id FROM {existing})")
