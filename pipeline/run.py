"""One ingest run, assembled once: plan, extract, write, tally, finish (and audit when asked).

`chiso ingest` (pipeline/ingest.py), the Prefect flow (flows/ingest.py) and the benchmarks all
run `run_ingest`; they differ only in how files are extracted, which they pass in as an
`Extraction`: a function from the files to extract to their results, yielded as they finish,
with `None` while none does (a heartbeat: the writer then commits what waited long enough).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from extractors.records import FileResult
from pipeline.ingest import BatchWriter, PlannedFile, RunSummary, completed, plan_files
from pipeline.store.run_journal import COUNTS

logger = logging.getLogger(__name__)

Extraction = Callable[[list[PlannedFile]], Iterable[FileResult | None]]
Step = Callable[[str, str], None]  # (path, status) as each file is decided: progress lines


@dataclass
class RunTally:
    """Counts of one run, added up file by file as results are written."""

    files_seen: int = 0
    skipped: int = 0
    ingested: int = 0
    failed: int = 0
    documents: int = 0
    figures: int = 0
    references: int = 0
    findings: int | None = None  # new audit findings; None when the run did not audit (or it failed)
    failures: list[tuple[str, str]] = field(default_factory=list)

    def add(self, result: FileResult) -> None:
        """Count one written result: anything but `ok` (failed, needs_ocr) failed."""
        if result.status != "ok":
            self.failed += 1
            self.failures.append((result.source, result.error or f"{result.source}: {result.status}"))
            return
        self.ingested += 1
        self.documents += len(result.documents)
        self.figures += sum(len(d.figures) for d in result.documents)
        self.references += sum(len(d.references) for d in result.documents)

    def counts(self) -> dict[str, int]:
        """The `runs` row counts (Store.finish_run)."""
        return {**{k: getattr(self, k) for k in COUNTS}, "findings": self.findings or 0}

    def summary_line(self) -> str:
        line = (f"{self.files_seen} files seen, {self.skipped} skipped (unchanged), {self.ingested} ingested, "
                f"{self.failed} failed; {self.documents} documents, {self.figures} figures, "
                f"{self.references} references")
        if self.findings is not None:
            line += f"; {self.findings} new audit findings"
        return line


def run_ingest(files: Sequence[str], db: str | Path, *, runner: str, extraction: Extraction,
               rehash: bool = False, lock_timeout: float = 30.0, step: Step | None = None,
               written: Callable[[FileResult], None] | None = None, audit: bool = False,
               started: float | None = None, not_read: Sequence[tuple[str, str]] = ()) -> RunSummary:
    """Ingest `files` (already listed) into `db`: open the store, start a run, plan (unchanged files
    skipped), extract the rest with `extraction`, write each result as it comes (batches), count,
    audit when asked, finish the run and leave the stat snapshot for the next quick re-run. A run that
    raises is left unfinished (`runs.ended_at` NULL: interrupted)."""
    from pipeline.store import Store

    started = time.monotonic() if started is None else started
    tally = RunTally(files_seen=len(files))

    def write(result: FileResult) -> None:
        tally.add(result)
        if written is not None:
            written(result)

    def decided(path: str, status: str) -> None:
        if step is not None:
            step(path, status)

    with Store(db, lock_timeout=lock_timeout) as store:
        run_id = store.start_run(runner)
        store.set_listing(files)
        writer = BatchWriter(store, run_id, write)
        plan = plan_files(files, store, rehash=rehash, on_skip=decided)
        tally.skipped = len(plan.unchanged)
        logger.info("%s: %d files, %d unchanged, %d to extract", db, len(files), tally.skipped, len(plan.todo))
        for result in plan.unreadable:
            writer.add(result)
        planned = {p.path: p for p in plan.todo}
        for outcome in (extraction(list(plan.todo)) if plan.todo else ()):
            if outcome is None:  # a heartbeat: files are still extracting
                writer.tick()
                continue
            writer.add(completed(outcome, planned[outcome.source]))
            decided(outcome.source, outcome.status)
        writer.flush()
        if audit:
            tally.findings = _audit(store)
        store.finish_run(run_id, tally.counts())
        store.keep_snapshot()
    summary = RunSummary(run_id=run_id, files_seen=tally.files_seen, skipped=tally.skipped,
                         ingested=tally.ingested, failed=tally.failed, documents=tally.documents,
                         figures=tally.figures, references=tally.references, failures=tuple(tally.failures),
                         seconds=time.monotonic() - started, not_read=tuple(not_read), findings=tally.findings)
    logger.info("ingest %s", summary.line())
    return summary


def _audit(store: object) -> int | None:
    """Audit and store the findings (pipeline.audit.run); the number new since the last audit. A
    failing audit is logged, not fatal: the files are in by then."""
    from pipeline.audit.run import audit_and_store

    try:
        return audit_and_store(store.con).new  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - see the docstring
        logger.exception("the audit failed after the ingest; run `chiso audit` to see why")
        return None
