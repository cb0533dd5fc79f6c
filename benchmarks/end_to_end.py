"""End-to-end rows: 1 against 2 worker processes, the re-run on an unchanged corpus (skip by hash),
and the Prefect flow against plain `chiso ingest` on the same files.

The worker rows run what `chiso ingest --workers N` runs: `pipeline.ingest.ingest_paths(workers=N)`
(extraction in N worker processes, the single writer in this process).
"""

from __future__ import annotations

import contextlib
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.measure import Row, cpu_seconds, peak_rss_mb

ROOT = Path(__file__).resolve().parent.parent
EPHEMERAL_TIMEOUT_S = 300
RERUN_REPEATS = 5  # the CLI's re-run, timed this many times by default (medians and spreads)


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


def _duckdb_floor(db: str) -> float:
    """Wall seconds of a new interpreter that imports DuckDB and opens `db`, nothing else: what any
    command on the dataset pays before it does its work."""
    code = "import sys, duckdb; duckdb.connect(sys.argv[1], read_only=True).execute('SELECT 1').fetchall()"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, db], check=True, capture_output=True)
    return time.perf_counter() - started


def _spread(samples: list[float]) -> str:
    return f"median of {len(samples)}, {min(samples):.2f}-{max(samples):.2f} s"


def rerun_rows(folder: str, db: str, files: int, repeats: int = RERUN_REPEATS) -> list[Row]:
    """`chiso ingest folder` on a database that already holds the PDFs: the first run adds what is
    missing (DOCX, HTML), the next ones find every file unchanged by its stat (none is read) and,
    with the stat snapshot the last ingest left, record the run without starting DuckDB. Each of
    the `repeats` rounds times that re-run, the floor it no longer pays (a bare interpreter that
    imports DuckDB and opens the database) and a re-run that must open the database (its snapshot
    removed first, as any other writer does): one start of a process varies by seconds on a busy
    machine, so the rows give medians and spreads."""
    from pipeline.ingest import ingest_paths
    from pipeline.store.snapshot import snapshot_path

    first, _ = _chiso(["ingest", folder, "--db", db, "--quiet"])
    _chiso(["ingest", folder, "--db", db, "--quiet"])  # stores the stat of files too new to trust at first
    runs, floors, opened, log = [], [], [], ""
    for _ in range(repeats):
        seconds, log = _chiso(["ingest", folder, "--db", db])
        runs.append(seconds)
        floors.append(_duckdb_floor(db))
        snapshot_path(Path(os.path.abspath(db))).unlink(missing_ok=True)
        opened.append(_chiso(["ingest", folder, "--db", db, "--quiet"])[0])  # writes the snapshot again
    summary = log.strip().splitlines()[-1] if log.strip() else ""
    started = time.perf_counter()
    again = ingest_paths([folder], db, quiet=True)
    library = time.perf_counter() - started
    how = "by the stat snapshot, DuckDB not started" if not again.opened_database else "database opened"
    return [Row("chiso ingest, rest of corpus (DOCX, HTML)", first, files, note="plain CLI, 1 process"),
            Row("chiso ingest, re-run on unchanged corpus", statistics.median(runs), files,
                note=f"CLI wall clock incl. interpreter start and imports, {_spread(runs)}; "
                     f"{summary.split(': ', 1)[-1][:70]}", extra={"samples": runs}),
            Row("floor: new interpreter, import duckdb, open the dataset", statistics.median(floors),
                note=f"what every chiso command that opens the dataset pays first, {_spread(floors)}",
                extra={"samples": floors}),
            Row("chiso ingest, re-run that opens the database", statistics.median(opened), files,
                note=f"the same re-run without its stat snapshot (as after chiso audit), {_spread(opened)}",
                extra={"samples": opened}),
            Row("ingest_paths, re-run on unchanged corpus", library, files,
                note=f"in process, imports done: one stat a file; {again.skipped} unchanged {how}")]


def _drain_prefect_client() -> None:
    """Send the logs and events the client still holds, before its server stops."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogHandler

    with contextlib.suppress(Exception):
        APILogHandler().flush()
    with contextlib.suppress(Exception):
        EventsWorker.drain_all(timeout=30)


def plain_vs_flow(folder: str, work: str, files: int) -> list[Row]:
    """`ingest_paths` (what `chiso ingest` runs) and the `ingest-inbox` Prefect flow on the same folder,
    both in this process with their imports done (a served deployment has Prefect loaded already).

    The flow runs against a running local Prefect server (`chiso serve`'s, started here in a fresh
    home; its start-up is reported on its own row), as a served deployment does. The flow re-runs the
    audit once its files are in, so the like-for-like plain time is the ingest then the audit
    (`chiso ingest` then `chiso audit`); the ratio to the ingest alone is printed too.
    """
    home = Path(work) / "prefect-home"
    os.environ["PREFECT_HOME"] = str(home)
    from flows.serve import LocalPrefectServer
    from flows.settings import apply_offline_defaults
    from pipeline.audit.run import audit_and_store
    from pipeline.extract_pool import available_cores
    from pipeline.ingest import ingest_paths
    from pipeline.store import Store

    # like with like: chiso ingest's default (a worker process per core) and the flow's default runner
    # (its task threads hand the files to a worker process per core)
    plain_db = str(Path(work) / "plain.duckdb")
    plain = ingest_paths([folder], plain_db, quiet=True, workers=available_cores())
    started = time.perf_counter()
    with Store(plain_db) as store:
        audit_and_store(store.con)
    audit_s = time.perf_counter() - started
    both = plain.seconds + audit_s
    apply_offline_defaults()
    started = time.perf_counter()
    server = LocalPrefectServer.start(home, timeout=EPHEMERAL_TIMEOUT_S)
    startup = time.perf_counter() - started
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        from prefect import flow
        from prefect.settings import PREFECT_API_URL, temporary_settings

        from flows.ingest import ingest_inbox

        @flow(name="benchmark-warm-up", persist_result=False)
        def warm_up() -> int:
            return 1

        # Prefect read its settings when the server module imported it: the environment alone no
        # longer reaches them, and the flow would start a temporary server of its own
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            warm_up()  # the client's first connection, not the flow's work
            started = time.perf_counter()
            counts = ingest_inbox(folder, str(Path(work) / "flow.duckdb"))
            seconds = time.perf_counter() - started
    finally:
        _drain_prefect_client()
        server.stop()
    return [Row("plain chiso ingest (same files as the flow)", plain.seconds, files,
                note=f"{plain.ingested} ingested, {plain.failed} failed"),
            Row("plain chiso ingest, then chiso audit (what the flow does)", both, files,
                note=f"audit {audit_s:.1f} s"),
            Row("Prefect flow ingest-inbox", seconds, files,
                note=f"{seconds / both:.2f}x ingest + audit, {seconds / plain.seconds:.2f}x ingest alone; "
                     f"default runner, running local server; {counts.get('ingested', '?')} ingested",
                extra={"ratio": seconds / both}),
            Row("local Prefect server start-up", startup, note="fresh PREFECT_HOME (chiso serve starts it once)")]
