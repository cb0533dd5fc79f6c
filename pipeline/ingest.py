"""Ingest files into the dataset: hash, skip what is current, extract, write one file per transaction.

`ingest_paths` is the plain function behind `chiso ingest`, `make demo` and the Prefect flow.
A file that cannot be read or extracted is recorded as failed (status + error) and the run
goes on; a file already stored with the same bytes by the same extractor version is skipped
before it is read.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipeline.extract import extract_file
from pipeline.inputs import SKIP_NAMES
from pipeline.model import FileResult
from pipeline.progress import ProgressLine
from pipeline.store import Store, file_sha256

logger = logging.getLogger(__name__)

# Extensions tried when walking a folder (files named explicitly are always tried).
DOCUMENT_EXTENSIONS = frozenset({".pdf", ".docx", ".doc", ".html", ".htm", ".txt", ".md"})
# Project files that share a document extension but are not documents.
NOT_DOCUMENTS = ("readme*", "changelog*", "license*", "licence*", "contributing*")

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

    def line(self) -> str:
        """The one-line summary the CLI prints."""
        return (f"{self.files_seen} files: {self.ingested} ingested, {self.skipped} unchanged, "
                f"{self.failed} failed; {self.documents} documents, {self.figures} figures, "
                f"{self.references} references in {self.seconds:.1f} s (run {self.run_id})")


def _excluded(rel: str, patterns: Sequence[str]) -> bool:
    parts = rel.split("/")
    return any(fnmatch.fnmatch(rel, pat) or any(fnmatch.fnmatch(part, pat) for part in parts)
               for pat in patterns)


def _is_document(name: str) -> bool:
    if Path(name).suffix.lower() not in DOCUMENT_EXTENSIONS:
        return False
    return not any(fnmatch.fnmatch(name.lower(), pat) for pat in NOT_DOCUMENTS)


def iter_ingest_files(paths: Iterable[str | Path], exclude: Sequence[str] = ()) -> Iterator[str]:
    """Files to ingest. A folder is walked in sorted order, keeping document extensions and
    dropping hidden entries and paths matching an `exclude` glob (matched against the path
    relative to the folder and against each of its parts); a file given by name is always kept."""
    for given in paths:
        root = Path(given)
        if not root.is_dir():
            yield str(given)
            continue
        for folder, dirs, files in os.walk(root):
            rel_folder = Path(folder).relative_to(root).as_posix()
            dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                             and not _excluded(_join(rel_folder, d), exclude))
            for name in sorted(files):
                if name.startswith(".") or name in SKIP_NAMES or not _is_document(name):
                    continue
                if not _excluded(_join(rel_folder, name), exclude):
                    yield str(Path(folder) / name)


def _join(folder: str, name: str) -> str:
    return name if folder == "." else f"{folder}/{name}"


def _failed(path: str, error: str, sha256: str | None = None) -> FileResult:
    size = os.path.getsize(path) if os.path.isfile(path) else 0
    return FileResult(source=path, sha256=sha256, size=size, format=None, status="failed", error=error)


def _extract(path: str, sha256: str) -> FileResult:
    """extract_file, with any unexpected exception turned into a failed result."""
    try:
        result = extract_file(path)
    except Exception as err:  # noqa: BLE001 - one bad file must not stop a run of thousands
        logger.debug("%s: extraction crashed", path, exc_info=True)
        return _failed(path, f"{path}: extraction crashed: {type(err).__name__}: {err}", sha256)
    if result.sha256 is None or result.size == 0:
        result = dataclasses.replace(result, sha256=result.sha256 or sha256,
                                     size=result.size or os.path.getsize(path))
    return result


class _Tally:
    def __init__(self) -> None:
        self.skipped = self.ingested = self.failed = self.documents = self.figures = self.references = 0
        self.failures: list[tuple[str, str]] = []

    def add(self, result: FileResult) -> None:
        if result.status == "ok":
            self.ingested += 1
            for ex in result.documents:
                self.documents += 1
                self.figures += len(ex.figures)
                self.references += len(ex.references)
        else:
            self.failed += 1
            self.failures.append((result.source, result.error or f"{result.source}: {result.status}"))


def _ingest_one(store: Store, path: str, run_id: str) -> FileResult | None:
    """Process one file; None when it is current (skipped)."""
    try:
        sha256 = file_sha256(path)
    except OSError as err:
        result = _failed(path, f"{path}: cannot read the file: {err.strerror or err}")
    else:
        if store.is_current(path, sha256):
            return None
        result = _extract(path, sha256)
    try:
        store.write_result(result, run_id)
    except duckdb.Error as err:
        logger.warning("%s: could not store the result: %s", path, err)
        result = _failed(path, f"{path}: could not store the result: {err}", result.sha256)
        store.write_result(result, run_id)
    return result


def ingest_paths(paths: Iterable[str | Path], db: str | Path, *, quiet: bool = False, runner: str = "cli",
                 exclude: Sequence[str] = (), lock_timeout: float = 30.0,
                 progress: Progress | None = None) -> RunSummary:
    """Ingest files and folders into the database `db` (created when missing)."""
    started = time.monotonic()
    files = list(iter_ingest_files(paths, exclude))
    if progress is None and not quiet:
        progress = ProgressLine(len(files))
    tally = _Tally()
    with Store(db, lock_timeout=lock_timeout) as store:
        run_id = store.start_run(runner)
        for done, path in enumerate(files, start=1):
            result = _ingest_one(store, path, run_id)
            if result is None:
                tally.skipped += 1
            else:
                tally.add(result)
            if progress:
                progress(done, path, "unchanged" if result is None else result.status)
        summary = RunSummary(run_id=run_id, files_seen=len(files), skipped=tally.skipped,
                             ingested=tally.ingested, failed=tally.failed, documents=tally.documents,
                             figures=tally.figures, references=tally.references,
                             failures=tuple(tally.failures), seconds=time.monotonic() - started)
        store.finish_run(run_id, {k: getattr(summary, k) for k in (
            "files_seen", "skipped", "ingested", "failed", "documents", "figures", "references")})
    logger.info("ingest %s", summary.line())
    return summary
