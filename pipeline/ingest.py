"""Ingest files into the dataset: hash, skip what is current, extract, write each file whole.

`ingest_paths` is the plain function behind `chiso ingest`, `make demo` and the Prefect flow.
A file that cannot be read or extracted is recorded as failed (status + error) and the run
goes on; a file already stored with the same bytes by the same extractor version is skipped
before it is read, and a run that finds every file as the last ingest left it does not even open
the database (`unchanged_run`).
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractors.records import FileResult, FileStat
from extractors.settings import SETTINGS
from pipeline.inputs import iter_ingest_files
from pipeline.progress import ProgressLine
from pipeline.store import lock
from pipeline.store.hashing import file_sha256
from pipeline.store.paths import path_key
from pipeline.store.run_journal import COUNTS, RUNNERS, append_run, journal_full, new_run_id, utc_now
from pipeline.store.snapshot import read_snapshot

if TYPE_CHECKING:
    from extractors.settings import Budget
    from pipeline.store import Store

logger = logging.getLogger(__name__)


def __getattr__(name: str) -> Any:
    # `extract_file` is imported on first use: `chiso ingest` on an unchanged folder never loads
    # the readers and NLP code. Tests replace it here (`pipeline.ingest.extract_file = stand_in`).
    if name == "extract_file":
        from extractors.extract import extract_file

        globals()["extract_file"] = extract_file
        return extract_file
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _extract_function() -> Callable[[str], FileResult]:
    return globals().get("extract_file") or __getattr__("extract_file")


def _stand_in() -> Callable[[str], FileResult] | None:
    """The function set on this module in place of `extract_file`, if any; None for the real one
    (workers import it themselves: the parent of a pool never loads the NLP stack)."""
    chosen = globals().get("extract_file")
    real = getattr(sys.modules.get("extractors.extract"), "extract_file", None)
    return None if chosen is None or chosen is real else chosen

Progress = Callable[[int, str, str], None]  # (files done, path, status)


@dataclass(frozen=True)
class RunSummary:
    run_id: str
    files_seen: int
    skipped: int
    ingested: int
    failed: int
    documents: int
    figures: int
    references: int
    failures: tuple[tuple[str, str], ...]  # (path, error)
    seconds: float = 0.0  # added: wall time of the run
    opened_database: bool = True  # False: decided by the stat snapshot (see unchanged_run)
    not_read: tuple[tuple[str, str], ...] = ()  # (path, why): special files, links out of the folder
    findings: int | None = None  # new audit findings when the run audited (the flow), else None

    def line(self) -> str:
        """The one-line summary the CLI prints."""
        how = "" if self.opened_database else "; no file changed since the last ingest: database not opened"
        return (f"{self.files_seen} files: {self.ingested} ingested, {self.skipped} unchanged, "
                f"{self.failed} failed; {self.documents} documents, {self.figures} figures, "
                f"{self.references} references in {self.seconds:.1f} s (run {self.run_id}{how})")


def failed_file(path: str, error: str, sha256: str | None = None) -> FileResult:
    """The record of a file that could not be extracted or stored (`error` names the file)."""
    size = os.path.getsize(path) if os.path.isfile(path) else 0
    return FileResult(source=path, sha256=sha256, size=size, format=None, status="failed", error=error)


# A file modified less than this long before it was hashed may change again within the same tick
# of its modification time (FAT keeps 2 s, some network shares 1 s): its stat is not kept and the
# next run hashes it again (git calls such files "racy").
RACY_NS = 3 * 10**9


@dataclass(frozen=True)
class PlannedFile:
    """A file to extract: its bytes' hash when planned, and its stat when that may be trusted."""

    path: str
    sha256: str
    stat: FileStat | None


@dataclass(frozen=True)
class IngestPlan:
    todo: tuple[PlannedFile, ...]
    unchanged: tuple[str, ...]
    unreadable: tuple[FileResult, ...]  # failed records of files that could not be read


def plan_files(paths: Iterable[str], store: Store, *, rehash: bool = False,
               on_skip: Callable[[str, str], None] | None = None) -> IngestPlan:
    """Split `paths` into files to extract, unchanged files and unreadable ones. A file whose size,
    modification time and inode are those stored with its current extract is unchanged without
    being read; any other file is hashed and is unchanged when its hash is the stored one (its new
    stat is then stored, so the next run need not read it). `rehash`: hash every file.
    `on_skip(path, "unchanged" | "failed")` is called as each file is decided without extraction."""
    known = store.known_files()  # one query, not one a file: a re-run is mostly this loop
    todo: list[PlannedFile] = []
    unchanged: list[str] = []
    unreadable: list[FileResult] = []
    restat: list[tuple[str, FileStat]] = []
    for path in paths:
        try:
            stat = FileStat.of(path)
            stored = known.get(store.path_key(path, exists=True))
            if stored is not None and not rehash and stored.stat == stat:
                unchanged.append(path)
                if on_skip:
                    on_skip(path, "unchanged")
                continue
            sha256 = file_sha256(path)
        except OSError as err:
            unreadable.append(failed_file(path, f"{path}: cannot read the file: {err.strerror or err}"))
            if on_skip:
                on_skip(path, "failed")
            continue
        trusted = stat if time.time_ns() - stat.mtime_ns > RACY_NS else None
        if stored is not None and stored.sha256 == sha256:
            unchanged.append(path)
            if trusted is not None and trusted != stored.stat:
                restat.append((path, trusted))
            if on_skip:
                on_skip(path, "unchanged")
        else:
            todo.append(PlannedFile(path, sha256, trusted))
    if restat:
        store.record_stats(restat)
    return IngestPlan(tuple(todo), tuple(unchanged), tuple(unreadable))


def completed(result: FileResult, planned: PlannedFile) -> FileResult:
    """`result` with what the plan knew of its file: the hash and size when the extraction failed
    before reading them, and the stat the file had when planned when the bytes extracted are the
    bytes planned (a file that changed in between keeps no stat: the next run hashes it)."""
    if result.sha256 is None or result.size == 0:
        size = result.size or (os.path.getsize(planned.path) if os.path.isfile(planned.path) else 0)
        result = dataclasses.replace(result, sha256=result.sha256 or planned.sha256, size=size)
    if planned.stat is not None and result.sha256 == planned.sha256:
        result = dataclasses.replace(result, stat=planned.stat)
    return result


def _memory_budget_mb() -> int:
    """The address-space cap this worker process runs under (pipeline.extract_pool), in MB."""
    import resource

    soft = resource.getrlimit(resource.RLIMIT_AS)[0]
    return SETTINGS.file_memory_mb if soft == resource.RLIM_INFINITY else soft // 2**20


def extract_or_fail(extract: Callable[[str], FileResult] | None, path: str, sha256: str) -> FileResult:
    """extract(path) (None: `extractors.extract.extract_file`), with any unexpected exception turned
    into a failed result. Module level: worker processes receive it (and `extract`) by name, see
    pipeline/extract_pool.py."""
    if extract is None:
        from extractors.extract import extract_file

        extract = extract_file
    try:
        result = extract(path)
    except MemoryError:
        logger.debug("%s: past its memory budget", path, exc_info=True)
        return failed_file(path, f"{path}: needed more memory than its budget ({_memory_budget_mb()} MB)", sha256)
    except Exception as err:  # noqa: BLE001 - one bad file must not stop a run of thousands
        if type(err).__name__ == "BudgetExceeded":  # pipeline.extract_pool: SIGALRM past its time
            return failed_file(path, f"{path}: {err}", sha256)
        logger.debug("%s: extraction crashed", path, exc_info=True)
        return failed_file(path, f"{path}: extraction crashed: {type(err).__name__}: {err}", sha256)
    return result



# Batch sizes and the heartbeat: extractors/settings.py (SETTINGS.batch_files, batch_seconds,
# heartbeat_seconds). A finished file is committed within batch_seconds + heartbeat_seconds even
# while a long file is still extracting; kill -9 loses at most the files in flight and those
# finished in the last batch_seconds.


class BatchWriter:
    """The single writer: results in, batches of them written to the store; `written(result)` is
    called for each result once it is committed (with the result as stored: a result the
    database refused is stored, and reported, as failed). Used by `chiso ingest` and the flow."""

    def __init__(self, store: Store, run_id: str, written: Callable[[FileResult], None]) -> None:
        self.store, self.run_id, self.written = store, run_id, written
        self.batch: list[FileResult] = []
        self.since = 0.0

    def add(self, result: FileResult) -> None:
        if not self.batch:
            self.since = time.monotonic()
        self.batch.append(result)
        if len(self.batch) >= SETTINGS.batch_files:
            self.flush()
        else:
            self.tick()

    def tick(self) -> None:
        """Write the batch if its oldest result waited SETTINGS.batch_seconds (called with each result and
        while waiting for one, so no finished file waits for the next to finish)."""
        if self.batch and time.monotonic() - self.since >= SETTINGS.batch_seconds:
            self.flush()

    def flush(self) -> None:
        import duckdb

        batch, self.batch = self.batch, []
        if not batch:
            return
        try:
            self.store.write_results(batch, self.run_id)
        except (duckdb.Error, ValueError):  # find the file refused (ValueError: inf, NaN); store the others
            batch = [self._write_one(result) for result in batch]
        logger.debug("committed %d file(s): %s", len(batch), ", ".join(r.source for r in batch))
        for result in batch:
            self.written(result)

    def _write_one(self, result: FileResult) -> FileResult:
        import duckdb

        try:
            self.store.write_result(result, self.run_id)
        except (duckdb.Error, ValueError) as err:
            logger.warning("%s: could not store the result: %s", result.source, err)
            result = failed_file(result.source, f"{result.source}: could not store the result: {err}", result.sha256)
            self.store.write_result(result, self.run_id)
        return result


def _extracted(jobs: list[tuple[str, str]], workers: int | None,
               budget: Budget | None = None) -> Iterator[FileResult | None]:
    """The results of `jobs` (path, sha256) as they finish (copies of the same bytes in the jobs'
    order), and None every SETTINGS.heartbeat_seconds while none does; in worker processes when workers > 1
    (None: one per core), else in a thread of this process, so that this one keeps writing.
    `extract_file` is looked up now, so a stand-in set on this module reaches the workers too."""
    if not jobs:
        return
    if workers is None:  # resolved only now: a run with nothing to extract never loads the pool
        from pipeline.extract_pool import available_cores

        workers = available_cores()
    if workers <= 1 or len(jobs) <= 1:
        yield from _extracted_in_thread(jobs, functools.partial(extract_or_fail, _extract_function()))
        return
    from pipeline.extract_pool import extract_in_workers

    task = functools.partial(extract_or_fail, _stand_in())
    yield from extract_in_workers(jobs, task, min(workers, len(jobs)), died=failed_file,
                                  heartbeat=SETTINGS.heartbeat_seconds, budget=budget)


def _extracted_in_thread(jobs: list[tuple[str, str]],
                         task: Callable[[str, str], FileResult]) -> Iterator[FileResult | None]:
    """task(path, sha256) for each job, one after the other in a thread, results in order; None
    every SETTINGS.heartbeat_seconds while one runs (this thread stays free to write finished files).
    The thread is a daemon that stops taking jobs when this generator ends: Ctrl-C, or an error
    of the writer, does not wait for the rest of the files."""
    import queue
    import threading

    results: queue.Queue[tuple[bool, Any]] = queue.Queue()
    stop = threading.Event()

    def work() -> None:
        for path, sha256 in jobs:
            if stop.is_set():
                return
            try:
                results.put((True, task(path, sha256)))
            except BaseException as err:  # noqa: BLE001 - raised in the caller's thread
                results.put((False, err))
                return

    threading.Thread(target=work, name="chiso-extract", daemon=True).start()
    try:
        for _ in jobs:
            while True:
                try:
                    ok, value = results.get(timeout=SETTINGS.heartbeat_seconds)
                    break
                except queue.Empty:
                    yield None
            if not ok:
                raise value
            yield value
    finally:
        stop.set()


def unchanged_run(files: Sequence[str], db: str | Path, *, runner: str = "cli",
                  lock_timeout: float = 30.0) -> RunSummary | None:
    """The run on `files` when every one of them is, by its stat, a current file of the stat
    snapshot beside `db` (pipeline/store/snapshot.py): recorded in the run journal
    (pipeline/store/run_journal.py) without starting DuckDB. None when any file is new, changed,
    failed or unreadable, or there is no valid snapshot: the run must open the database."""
    if runner not in RUNNERS:
        raise ValueError(f"runner must be one of {', '.join(RUNNERS)}, not {runner!r}")
    started, begun = time.monotonic(), utc_now()
    db_file = Path(os.path.abspath(db))
    token = lock.acquire(db_file, exclusive=True, timeout=lock_timeout)
    try:
        snapshot = read_snapshot(db_file)
        if snapshot is None or journal_full(db_file):
            return None
        folder = str(db_file.parent)
        for path in files:
            try:
                stat = FileStat.of(path)
            except OSError:
                return None
            if snapshot.files.get(path_key(path, folder, exists=True)) != stat:
                return None
        from extractors import EXTRACTOR_VERSION

        run_id = new_run_id(begun)
        counts: dict[str, Any] = {**dict.fromkeys(COUNTS, 0), "files_seen": len(files), "skipped": len(files)}
        try:
            append_run(db_file, {"run_id": run_id, "extractor_version": EXTRACTOR_VERSION, "runner": runner,
                                 "started_at": begun, "ended_at": utc_now(), **counts}, snapshot.database)
        except OSError as err:  # e.g. a read-only folder: the ordinary run says what is wrong
            logger.debug("%s: the run cannot be recorded beside the database (%s)", db, err)
            return None
    finally:
        lock.release(token)
    return RunSummary(run_id=run_id, failures=(), seconds=time.monotonic() - started, opened_database=False,
                      **counts)


def ingest_paths(paths: Iterable[str | Path], db: str | Path, *, quiet: bool = False, runner: str = "cli",
                 exclude: Sequence[str] = (), lock_timeout: float = 30.0,
                 progress: Progress | None = None, workers: int | None = 1, rehash: bool = False,
                 follow_links: bool = False, budget: Budget | None = None) -> RunSummary:
    """Ingest files and folders into the database `db` (created when missing).

    Only regular files are read, and links leading out of a folder given only with
    `follow_links` (pipeline/inputs.py): the others are in the summary's `not_read`.
    The unchanged files are skipped (see plan_files; `rehash`: hash every file, trust no stat);
    the others are extracted (in `workers` processes when more than one; None: one per core) and
    written by this process in batches."""
    started = time.monotonic()
    not_read: list[tuple[str, str]] = []
    files = list(iter_ingest_files(paths, exclude, follow_links=follow_links,
                                   skipped=lambda path, why: not_read.append((path, why))))
    if progress is None and not quiet:
        progress = ProgressLine(len(files))
    quick = None if rehash else unchanged_run(files, db, runner=runner, lock_timeout=lock_timeout)
    if quick is not None:
        for done, path in enumerate(files, 1):
            if progress:
                progress(done, path, "unchanged")
        summary = dataclasses.replace(quick, seconds=time.monotonic() - started, not_read=tuple(not_read))
        logger.info("ingest %s", summary.line())
        return summary
    done = 0

    def step(path: str, status: str) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, path, status)

    from pipeline.run import run_ingest

    return run_ingest(files, db, runner=runner, rehash=rehash, lock_timeout=lock_timeout, step=step,
                      extraction=lambda todo: _extracted([(p.path, p.sha256) for p in todo], workers, budget),
                      started=started, not_read=not_read)

