"""The ingest flow under `prefect_test_harness`: skip-unchanged, retries, quarantine, run report, Dask.

The harness (a temporary Prefect server, ~20 s to start) is started once for this module. Prefect
reads its settings at import time, so its home is pointed at a temporary folder before `flows.ingest`
(and with it Prefect) is imported.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="chiso-test-prefect-"))
from flows.settings import apply_offline_defaults, offline_defaults  # noqa: E402

apply_offline_defaults()

import dataset_tables as stored  # noqa: E402
from prefect import task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect_harness import seeded_prefect_harness  # noqa: E402

from extractors.records import (  # noqa: E402
    CorruptFile,  # noqa: E402
    Document,
    DocumentExtract,
    FileResult,
)
from flows import ingest as flow_module  # noqa: E402
from flows.report import run_report_markdown  # noqa: E402
from pipeline.run import RunTally  # noqa: E402

# starts a Prefect server, Streamlit or a browser: left out of a quick local run by -m "not server" (Makefile)
pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))
store = pytest.importorskip("pipeline.store", reason="the Store (pipeline/store) has not landed yet")


# ---------------------------------------------------------------- plain functions, no Prefect run


@pytest.mark.parametrize("exc, transient", [
    (OSError(errno.EAGAIN, "Resource temporarily unavailable"), True),   # a busy network share
    (OSError(errno.EIO, "Input/output error"), True),                    # a flaky disk / NFS read
    (OSError(errno.ESTALE, "Stale file handle"), True),                  # NFS after a server restart
    (TimeoutError("read timed out"), True),
    (ConnectionResetError(errno.ECONNRESET, "Connection reset by peer"), True),
    (FileNotFoundError(errno.ENOENT, "No such file or directory"), False),  # removed from the inbox
    (PermissionError(errno.EACCES, "Permission denied"), False),         # needs a human, not a retry
    (CorruptFile("bao_cao.pdf", "truncated PDF"), False),                 # corrupt: never retried
    (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"), False),
    (ValueError("bad value"), False),
    (None, False),
])
def test_is_transient_error(exc, transient):
    assert flow_module.is_transient_error(exc) is transient


@pytest.mark.parametrize("preset, key, expected", [
    ({}, "DO_NOT_TRACK", "1"),
    ({}, "PREFECT_SERVER_ANALYTICS_ENABLED", "false"),
    ({}, "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90"),
    ({"PREFECT_HOME": "/srv/prefect"}, "PREFECT_HOME", "/srv/prefect"),   # configured: kept
    ({"DO_NOT_TRACK": "0"}, "DO_NOT_TRACK", "0"),                          # configured: kept
])
def test_offline_defaults_never_override(monkeypatch, preset, key, expected):
    for name in offline_defaults():
        monkeypatch.delenv(name, raising=False)
    for name, value in preset.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr("flows.settings.Path.mkdir", lambda *a, **k: None)
    apply_offline_defaults("/srv/chiso/chiso.duckdb")
    assert os.environ[key] == expected


@pytest.mark.parametrize("files, workers, given, expected", [
    (5, 2, None, 1),       # the seeds: a task per file (each worker still gets several)
    (200, 2, None, 25),    # make bench's 200 PDFs: 8 tasks, 4 per worker
    (100, 2, None, 13),    # 8 tasks of 13 (the last one 9)
    (10_000, 2, None, 25), # never more than SETTINGS.max_files_per_task per task
    (40, 1, None, 10),
    (0, 2, None, 1),
    (200, 2, 1, 1),        # files_per_task given: a task per file
    (200, 2, 50, 50),
])
def test_files_per_batch(files, workers, given, expected):
    assert flow_module.files_per_batch(files, workers, given) == expected


@pytest.mark.parametrize("paths, name", [
    (["/in/a.pdf"], "extract a.pdf"),
    (["/in/a.pdf", "/in/b.docx", "/in/c.html"], "extract a.pdf … c.html (3 files)"),
])
def test_batch_run_name(paths, name):
    assert flow_module.batch_run_name({"paths": paths}) == name


def test_prefect_home_defaults_next_to_the_database():
    assert offline_defaults("/srv/chiso/data.duckdb")["PREFECT_HOME"] == "/srv/chiso/.chiso/prefect"


def _file_result(source: str, status: str = "ok", figures: int = 0) -> FileResult:
    doc = Document(source=source, doc_index=0, kind="tham luận", title=None, organization=None, date=None,
                   text="THAM LUẬN")
    return FileResult(source=source, sha256="0" * 64, size=9, format="txt", status=status,
                      error=None if status == "ok" else f"{source}: truncated PDF",
                      documents=(DocumentExtract(document=doc),) if status == "ok" else ())


def test_run_report_lists_counts_and_quarantined_files():
    tally = RunTally(files_seen=3, skipped=1)
    tally.add(_file_result("inbox/a.txt"))
    tally.add(_file_result("inbox/b|c.pdf", status="failed"))
    md = run_report_markdown("run-1", "prefect", "inbox", "chiso.duckdb", tally)
    assert "| files seen | 3 |" in md and "| skipped (unchanged) | 1 |" in md
    assert "| ingested | 1 |" in md and "| failed (quarantined) | 1 |" in md
    assert "| documents | 1 |" in md
    assert r"inbox/b\|c.pdf" in md  # a | in a file name does not break the table
    assert tally.counts()["findings"] == 0


def test_cli_serve_refuses_a_missing_inbox(tmp_path):
    out = subprocess.run([sys.executable, "-m", "pipeline", "serve", "--inbox", str(tmp_path / "nope")],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    assert "inbox folder not found" in out.stderr


def test_cli_serve_refuses_a_bad_cron_before_starting_a_server(tmp_path):
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "home")}
    env.pop("PREFECT_API_URL", None)
    out = subprocess.run([sys.executable, "-m", "pipeline", "serve", "--inbox", str(tmp_path),
                          "--cron", "every hour", "--db", str(tmp_path / "x.duckdb")],
                         capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 2
    assert "invalid schedule 'every hour'" in out.stderr
    assert "starting a local Prefect server" not in out.stderr


def test_serve_uses_a_configured_server_without_starting_one(monkeypatch):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows import serve

    monkeypatch.setattr(serve.LocalPrefectServer, "start", lambda *a, **k: pytest.fail("started a server"))
    said = []
    with temporary_settings(updates={PREFECT_API_URL: "http://prefect.congdoan.example:4200/api"}), \
            serve.prefect_server(said.append) as url:
        assert url == "http://prefect.congdoan.example:4200/api"
    assert said == ["using the configured Prefect server http://prefect.congdoan.example:4200/api (PREFECT_API_URL)"]


def test_local_server_is_told_its_own_ui_api_url(monkeypatch):
    # issue 21: the UI at the printed address reads its API's address from /ui-settings
    from flows import serve

    monkeypatch.delenv("PREFECT_UI_API_URL", raising=False)
    monkeypatch.setenv("PREFECT_API_URL", "http://prefect.congdoan.example:4200/api")
    env = serve.server_environment("127.0.0.1", 43210)
    assert env["PREFECT_UI_API_URL"] == "http://127.0.0.1:43210/api" and "PREFECT_API_URL" not in env
    monkeypatch.setenv("PREFECT_UI_API_URL", "https://chiso.example/prefect/api")  # behind a proxy: kept
    assert serve.server_environment("127.0.0.1", 43210)["PREFECT_UI_API_URL"] == "https://chiso.example/prefect/api"


def test_sigterm_stops_the_served_runner_by_awaiting_its_stop(monkeypatch):
    # issue 21: flow.serve's own handler called the sync stop() in the loop ("astop was never awaited")
    import asyncio
    import signal
    import warnings

    from flows import serve

    events: list[str] = []

    class FakeRunner:
        def __init__(self, name):
            self.started, self._stop = False, asyncio.Event()

        async def aadd_flow(self, flow, name, **deployment):
            events.append(f"add {name} {sorted(deployment)}")

        async def start(self):
            signal.signal(signal.SIGTERM, lambda *a: events.append("Prefect's own handler"))
            self.started = True
            await self._stop.wait()
            events.append("runner stopped")

        async def astop(self):
            events.append("astop awaited")
            self._stop.set()

    monkeypatch.setattr("prefect.runner.Runner", FakeRunner)
    said: list[str] = []

    async def serve_then_terminate():
        serving = asyncio.ensure_future(serve.serve_until_signalled("flow", "chiso-inbox", say=said.append,
                                                                    schedules=[]))
        await asyncio.sleep(0.3)
        os.kill(os.getpid(), signal.SIGTERM)
        await asyncio.wait_for(serving, 10)

    previous = signal.getsignal(signal.SIGTERM)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a coroutine never awaited would be a RuntimeWarning
            asyncio.run(serve_then_terminate())
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert events == ["add chiso-inbox ['schedules']", "astop awaited", "runner stopped"]
    assert said == ["stop signal received: stopping the runner"]


# ---------------------------------------------------------------- flow runs against the harness


@pytest.fixture(scope="module")
def harness():
    with seeded_prefect_harness():
        yield


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    return folder


def test_flow_ingests_then_skips_unchanged_files(harness, inbox, tmp_path):
    db = tmp_path / "chiso.duckdb"
    first = flow_module.ingest_inbox(str(inbox), str(db))
    assert first["files_seen"] == len(SEEDS) and first["ingested"] == len(SEEDS) and first["failed"] == 0
    assert first["documents"] >= len(SEEDS)  # seed 000 holds two speeches
    assert stored.rows(db, "SELECT count(*) FROM files WHERE status = 'ok'") == [(len(SEEDS),)]
    assert stored.rows(db, "SELECT count(*) FROM documents")[0][0] == first["documents"]
    assert stored.rows(db, "SELECT count(*) FROM figures")[0][0] == first["figures"]

    (inbox / "001_2dd21463e6f50625.txt").write_text(SEEDS[1].read_text(encoding="utf-8") + "\nSửa đổi.\n",
                                                   encoding="utf-8")
    second = flow_module.ingest_inbox(str(inbox), str(db))
    assert second["skipped"] == len(SEEDS) - 1 and second["ingested"] == 1  # only the changed file

    runs = stored.rows(db, "SELECT runner, files_seen, skipped, ingested, failed FROM runs ORDER BY started_at")
    assert runs == [("prefect", len(SEEDS), 0, len(SEEDS), 0), ("prefect", len(SEEDS), len(SEEDS) - 1, 1, 0)]


def test_flow_leaves_a_markdown_report(harness, inbox, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    flow_module.ingest_inbox(str(inbox), str(tmp_path / "chiso.duckdb"))
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(
            key=ArtifactFilterKey(any_=["chiso-ingest-report"])))
    assert artifacts, "no chiso-ingest-report artifact"
    assert artifacts[0].type == "markdown"
    assert f"| files seen | {len(SEEDS)} |" in str(artifacts[0].data)


@pytest.mark.parametrize("files_per_task", [None, 3])  # a task per seed; batches of 3 and 2
def test_transient_error_is_retried(harness, inbox, tmp_path, monkeypatch, files_per_task):
    calls: dict[str, int] = {}
    real = flow_module.extract_file

    def flaky(path):  # the first read of one file fails as a flaky network share would
        calls[path] = calls.get(path, 0) + 1
        if path.endswith("002_8a56ceed1e768dfa.txt") and calls[path] == 1:
            raise OSError(errno.EIO, "Input/output error", path)
        return real(path)

    monkeypatch.setattr(flow_module, "extract_file", flaky)
    monkeypatch.setattr(flow_module, "extract_file_task",
                        flow_module.extract_file_task.with_options(retry_delay_seconds=0))
    db = tmp_path / "chiso.duckdb"
    counts = flow_module.ingest_inbox(str(inbox), str(db), files_per_task=files_per_task)
    flaky_path = next(p for p in calls if p.endswith("002_8a56ceed1e768dfa.txt"))
    assert calls[flaky_path] == 2
    assert all(n == 1 for p, n in calls.items() if p != flaky_path)  # its batch's other files: once
    assert counts["failed"] == 0 and counts["ingested"] == len(SEEDS)


def test_a_batch_that_fails_as_a_whole_fails_its_files_and_the_run_goes_on(harness, inbox, tmp_path, monkeypatch):
    # a task lost as a whole (its Dask worker gone, say): each of its files is quarantined with the error
    real = flow_module.extract_batch_task

    def lose_first_batch(paths):
        if any(p.endswith(SEEDS[0].name) for p in paths):
            raise RuntimeError("worker lost")
        return real.fn(paths)

    monkeypatch.setattr(flow_module, "extract_batch_task",
                        task(name="extract-files", cache_policy=NO_CACHE, persist_result=False)(lose_first_batch))
    db = tmp_path / "chiso.duckdb"
    counts = flow_module.ingest_inbox(str(inbox), str(db), files_per_task=2)
    assert counts["failed"] == 2 and counts["ingested"] == len(SEEDS) - 2
    rows = stored.rows(db, "SELECT path, error FROM files WHERE status = 'failed' ORDER BY path")
    assert [Path(p).name for p, _ in rows] == [SEEDS[0].name, SEEDS[1].name]
    assert all("worker lost" in error and Path(path).name in error for path, error in rows)


def test_batches_give_the_dataset_of_chiso_ingest(harness, inbox, tmp_path):
    # batches of 2 files, written in listing order: the same rows as chiso ingest, duplicates included
    from pipeline.ingest import ingest_paths

    shutil.copy(SEEDS[0], inbox / "zz_copy_of_the_first.txt")  # same bytes, listed last: the duplicate
    flow_db, plain_db = tmp_path / "flow.duckdb", tmp_path / "plain.duckdb"
    counts = flow_module.ingest_inbox(str(inbox), str(flow_db), files_per_task=2)
    ingest_paths([str(inbox)], str(plain_db), quiet=True, workers=1)
    assert counts["files_seen"] == len(SEEDS) + 1 and counts["failed"] == 0
    flow, plain = stored.dataset(flow_db), stored.dataset(plain_db)
    for table in plain:
        assert flow[table] == plain[table], f"{table} differs between the flow's batches and chiso ingest"


def test_corrupt_file_is_quarantined_without_retry(harness, inbox, tmp_path, monkeypatch):
    calls: dict[str, int] = {}
    real = flow_module.extract_file

    def counting(path):
        calls[path] = calls.get(path, 0) + 1
        return real(path)

    monkeypatch.setattr(flow_module, "extract_file", counting)
    monkeypatch.setattr(flow_module, "extract_file_task",
                        flow_module.extract_file_task.with_options(retry_delay_seconds=0))
    bad = inbox / "bao_cao_hong.pdf"
    bad.write_bytes(b"%PDF-1.4\n\xff\xfe truncated \x00\x01")  # a PDF cut off in transfer
    db = tmp_path / "chiso.duckdb"
    counts = flow_module.ingest_inbox(str(inbox), str(db))
    assert counts["failed"] == 1 and counts["ingested"] == len(SEEDS)
    assert calls[next(p for p in calls if p.endswith("bao_cao_hong.pdf"))] == 1  # never retried
    rows = stored.rows(db, "SELECT path, status, error FROM files WHERE status = 'failed'")
    assert len(rows) == 1 and rows[0][0].endswith("bao_cao_hong.pdf")
    assert "bao_cao_hong.pdf" in rows[0][2]


def test_dask_runner_gives_the_same_dataset(harness, inbox, tmp_path):
    threads_db, dask_db = tmp_path / "threads.duckdb", tmp_path / "dask.duckdb"
    flow_module.ingest_inbox(str(inbox), str(threads_db))
    counts = flow_module.ingest_inbox(str(inbox), str(dask_db), task_runner="dask")
    assert counts["ingested"] == len(SEEDS)
    threads, dask = stored.dataset(threads_db), stored.dataset(dask_db)
    for table in threads:
        assert dask[table] == threads[table], f"{table} differs between the Dask and the default runner"
    assert stored.rows(dask_db, "SELECT runner FROM runs") == [("prefect-dask",)]


def test_unknown_task_runner_is_refused(harness, inbox, tmp_path):
    with pytest.raises(ValueError, match="unknown task runner 'spark'"):
        flow_module.ingest_inbox(str(inbox), str(tmp_path / "chiso.duckdb"), task_runner="spark")


def test_default_runner_extracts_in_worker_processes(harness, inbox, tmp_path, monkeypatch):
    # issue 7: the task threads hand each file to worker processes, so the flow uses every core
    from pipeline.extract_pool import SharedWorkers

    handed: list[str] = []
    real = SharedWorkers.extract

    def spy(self, path):
        handed.append(path)
        return real(self, path)

    monkeypatch.setattr(SharedWorkers, "extract", spy)
    counts = flow_module.ingest_inbox(str(inbox), str(tmp_path / "chiso.duckdb"), workers=2)
    assert counts["ingested"] == len(SEEDS) and counts["failed"] == 0
    assert sorted(Path(p).name for p in handed) == sorted(p.name for p in SEEDS)


def test_workers_below_one_are_refused(harness, inbox, tmp_path):
    with pytest.raises(ValueError, match="workers must be at least 1"):
        flow_module.ingest_inbox(str(inbox), str(tmp_path / "chiso.duckdb"), workers=0)


@pytest.mark.parametrize(("threads", "slow_name"), [(1, "z_slow.txt"), (2, "a_slow.txt")])
def test_finished_tasks_are_committed_while_a_slow_task_runs(harness, tmp_path, monkeypatch, threads, slow_name):
    # issue 22: the slow stand-in is let go only once the other files are committed; had they waited
    # for the slow one (written in listing order, or flushed only with the next result), it would
    # give up waiting instead (tests/fake_extract.py)
    from fake_extract import LET_GO, slow_extract_file

    import pipeline.ingest
    from pipeline.store import Store

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    fast = [f"fast_{i}.txt" for i in range(3)]
    for i, name in enumerate([slow_name, *fast]):
        (inbox / name).write_text(f"Có {i + 10} công đoàn cơ sở.", encoding="utf-8")
    committed: list[str] = []
    write_results = Store.write_results

    def write_and_watch(self, results, run_id):
        write_results(self, results, run_id)
        committed.extend(Path(r.source).name for r in results)
        if set(fast) <= set(committed):
            (inbox / "go").touch()

    monkeypatch.setattr(Store, "write_results", write_and_watch)
    monkeypatch.setattr(pipeline.ingest, "SETTINGS", dataclasses.replace(pipeline.ingest.SETTINGS, batch_seconds=0.3))
    monkeypatch.setattr(flow_module, "extract_file", lambda path: slow_extract_file(path))
    monkeypatch.setattr(flow_module, "DEFAULT_THREADS", threads)
    db = tmp_path / "chiso.duckdb"
    counts = flow_module.ingest_inbox(str(inbox), str(db), files_per_task=1)
    assert counts["ingested"] == 4 and counts["failed"] == 0
    assert committed[-1] == slow_name
    assert stored.rows(db, "SELECT warnings FROM files WHERE path LIKE '%slow%'") == [(LET_GO,)]
