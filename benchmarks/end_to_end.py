"""End-to-end rows: 1 against 2 worker processes, the re-run on an unchanged corpus (skip by hash),
and the Prefect flow against plain `chiso ingest` on the same files.

The worker rows run what `chiso ingest --workers N` runs: `pipeline.ingest.ingest_paths(workers=N)`
(extraction in N worker processes, the single writer in this process).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.measure import Row, cpu_seconds, peak_rss_mb

ROOT = Path(__file__).resolve().parent.parent
EPHEMERAL_TIMEOUT_S = 300


def workers_run(paths: list[str], db: str, workers: int, label: str) -> list[Row]:
    """`ingest_paths(paths, workers=workers)` into a fresh `db`; pages and words read back from it."""
    import duckdb

    from pipeline.ingest import ingest_paths

    started, cpu0 = time.perf_counter(), cpu_seconds()
    summary = ingest_paths(paths, db, quiet=True, workers=workers)
    seconds = time.perf_counter() - started
    # With workers, extraction runs in grandchildren (forked by multiprocessing's forkserver):
    # their CPU time never reaches this process's rusage, so the column is left empty.
    cpu = cpu_seconds() - cpu0 if workers == 1 else None
    if summary.failed:
        raise RuntimeError(f"{summary.failed} files failed: {summary.failures[0][1]}")
    con = duckdb.connect(db, read_only=True)
    try:
        pages = con.execute("SELECT coalesce(sum(pages), 0) FROM files").fetchall()[0][0]
        words = con.execute("SELECT coalesce(sum(len(string_split_regex(trim(text), '\\s+'))), 0) "
                            "FROM documents").fetchall()[0][0]
    finally:
        con.close()
    return [Row(f"end to end, {workers} worker{'s' if workers > 1 else ''} ({label})", seconds, len(paths),
                int(pages), int(words), round(max(peak_rss_mb(), peak_rss_mb(children=True))),
                note=f"chiso ingest --workers {workers}; incl. worker start-up"
                + ("" if workers == 1 else "; RSS: this process (workers not counted)"), cpu_seconds=cpu)]


def _chiso(args: list[str]) -> tuple[float, str]:
    """Run the `chiso` CLI in a new interpreter; (wall seconds, stderr)."""
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True,
                          cwd=ROOT, check=False)
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"chiso {' '.join(args)}: exit {proc.returncode}: {proc.stderr[-500:]}")
    return seconds, proc.stderr


def rerun_rows(folder: str, db: str, files: int) -> list[Row]:
    """`chiso ingest folder` on a database that already holds the PDFs: the first run adds what is
    missing (DOCX, HTML), the second finds every file unchanged and must only hash them."""
    from pipeline.ingest import ingest_paths

    first, _ = _chiso(["ingest", folder, "--db", db, "--quiet"])
    second, log = _chiso(["ingest", folder, "--db", db])
    summary = log.strip().splitlines()[-1] if log.strip() else ""
    started = time.perf_counter()
    again = ingest_paths([folder], db, quiet=True)
    library = time.perf_counter() - started
    return [Row("chiso ingest, rest of corpus (DOCX, HTML)", first, files, note="plain CLI, 1 process"),
            Row("chiso ingest, re-run on unchanged corpus", second, files,
                note=f"CLI wall clock incl. interpreter start and imports; {summary.split(': ', 1)[-1][:70]}"),
            Row("ingest_paths, re-run on unchanged corpus", library, files,
                note=f"in process, imports done: hash + lookup only; {again.skipped} unchanged")]


def plain_vs_flow(folder: str, work: str, files: int) -> list[Row]:
    """`ingest_paths` (what `chiso ingest` runs) and the `ingest-inbox` Prefect flow on the same folder.

    Prefect's home is a fresh folder in `work`, so its temporary server starts from nothing: the
    start-up is timed on a trivial flow first and reported on its own row.
    """
    os.environ.setdefault("PREFECT_HOME", str(Path(work) / "prefect-home"))
    Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
    # a loaded machine needs more than the flows' own 90 s for the temporary server to answer
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", str(EPHEMERAL_TIMEOUT_S))
    from pipeline.extract_pool import available_cores
    from pipeline.ingest import ingest_paths

    # like with like: chiso ingest's default (a worker process per core) and the flow's default runner
    # (its task threads hand the files to a worker process per core)
    plain = ingest_paths([folder], str(Path(work) / "plain.duckdb"), quiet=True, workers=available_cores())
    try:
        # first: flows.ingest sets Prefect's offline settings before prefect is loaded
        from flows.ingest import ingest_inbox
    except ImportError as err:
        return [Row("plain chiso ingest (flow comparison)", plain.seconds, files),
                Row("Prefect flow ingest-inbox", note=f"flows.ingest not importable: {err}")]
    from prefect import flow

    @flow(name="benchmark-warm-up", persist_result=False)
    def warm_up() -> int:
        return 1

    started = time.perf_counter()
    warm_up()
    startup = time.perf_counter() - started
    started = time.perf_counter()
    counts = ingest_inbox(folder, str(Path(work) / "flow.duckdb"))
    seconds = time.perf_counter() - started
    return [Row("plain chiso ingest (same files as the flow)", plain.seconds, files,
                note=f"{plain.ingested} ingested, {plain.failed} failed"),
            Row("Prefect flow ingest-inbox", seconds, files,
                note=f"{seconds / plain.seconds:.2f}x plain; default runner; incl. audit; "
                     f"{counts.get('ingested', '?')} ingested", extra={"ratio": seconds / plain.seconds}),
            Row("Prefect temporary server start-up", startup, note="first flow run in a fresh PREFECT_HOME")]
