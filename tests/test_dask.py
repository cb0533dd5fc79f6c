"""The ingest flow on a Dask cluster (issue 21): batches are plain Dask work, so the workers load
the extractors and nothing of Prefect (no temporary Prefect server per worker), and the dataset is
the one `chiso ingest` makes.

One `LocalCluster` of two worker processes for the module, joined with `dask_address` as a cluster
of several machines would be; the flow run is recorded by `prefect_test_harness` (one temporary
server, in this process's child).
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="chiso-test-prefect-"))
from flows.settings import apply_offline_defaults  # noqa: E402

apply_offline_defaults()


pytest.importorskip("distributed")
import cloudpickle  # noqa: E402
import dataset_tables as stored  # noqa: E402
from prefect_harness import seeded_prefect_harness  # noqa: E402

from flows import batch  # noqa: E402

cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers run this module's functions as sent

# starts a Prefect server and a Dask cluster: left out of a quick local run by -m "not server" (Makefile)
pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))
PREFECT_SERVER_MARKS = ("prefect.server", "uvicorn", "prefect server")


# ---------------------------------------------------------------- plain functions, no cluster


def test_extract_batch_gives_each_file_its_outcome():
    def extract(path):
        if path == "flaky":
            raise OSError(errno.EIO, "Input/output error", path)
        if path == "forbidden":
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return batch.failed_file(path, "stand-in")

    outcomes = batch.extract_batch(["a", "flaky", "forbidden"], extract)
    assert outcomes[0].source == "a"
    assert isinstance(outcomes[1], batch.TransientFailure) and outcomes[1].path == "flaky"
    assert outcomes[2].status == "failed" and "Permission denied" in outcomes[2].error


def test_the_batch_module_needs_no_prefect():
    # what a Dask worker imports to run a batch: the extractors, not Prefect
    import subprocess

    code = "import sys, flows.batch; print(any(m == 'prefect' or m.startswith('prefect.') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------- the flow on a LocalCluster


@pytest.fixture(scope="module")
def harness():
    with seeded_prefect_harness():
        yield


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local, \
            Client(local, set_as_default=False) as client:
        yield local, client


def _prefect_in_worker() -> dict[str, object]:
    """What a worker shows of Prefect: its modules loaded, and any Prefect server among its children."""
    import sys as worker_sys

    import psutil

    children = psutil.Process().children(recursive=True)
    servers = [" ".join(p.cmdline()) for p in children
               if any(mark in " ".join(p.cmdline()) for mark in PREFECT_SERVER_MARKS)]
    return {"modules": sorted(m for m in worker_sys.modules if m == "prefect" or m.startswith("prefect.")),
            "servers": servers, "extractors": "extractors.extract" in worker_sys.modules}


def _prefect_servers_under_this_process() -> list[str]:
    """Prefect servers among this process's descendants (the harness's, any a worker started)."""
    import psutil

    out = []
    for proc in psutil.Process().children(recursive=True):
        try:
            cmd = " ".join(proc.cmdline())
        except psutil.Error:
            continue
        if any(mark in cmd for mark in PREFECT_SERVER_MARKS):
            out.append(cmd)
    return out


def test_flow_on_a_dask_cluster_gives_the_dataset_of_chiso_ingest(harness, cluster, tmp_path):
    from flows import ingest as flow_module
    from pipeline.ingest import ingest_paths

    local, client = cluster
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, inbox / seed.name)
    shutil.copy(SEEDS[0], inbox / "zz_copy_of_the_first.txt")  # same bytes, listed last: the duplicate
    pids_before = sorted(client.run(os.getpid).values())
    servers_before = _prefect_servers_under_this_process()  # the harness's own temporary server

    dask_db, plain_db = tmp_path / "dask.duckdb", tmp_path / "plain.duckdb"
    counts = flow_module.ingest_inbox(str(inbox), str(dask_db), task_runner="dask",
                                      dask_address=local.scheduler_address, files_per_task=2)
    ingest_paths([str(inbox)], str(plain_db), quiet=True, workers=1)

    assert counts["files_seen"] == len(SEEDS) + 1 and counts["failed"] == 0
    dask, plain = stored.dataset(dask_db), stored.dataset(plain_db)
    for table in plain:
        assert dask[table] == plain[table], f"{table} differs between the flow on Dask and chiso ingest"
    assert stored.rows(dask_db, "SELECT runner, ingested FROM runs") == [("prefect-dask", len(SEEDS) + 1)]

    # the workers worked: they extracted (models loaded once, in processes that persist) and never
    # imported Prefect, so none of them started a Prefect server
    seen = client.run(_prefect_in_worker)
    assert len(seen) == 2
    for address, worker in seen.items():
        assert worker["extractors"], f"worker {address} extracted nothing"
        assert worker["modules"] == [], f"worker {address} imported Prefect: {worker['modules'][:5]}"
        assert worker["servers"] == [], f"worker {address} started a Prefect server: {worker['servers']}"
    assert sorted(client.run(os.getpid).values()) == pids_before  # the same two processes throughout
    assert len(servers_before) <= 1
    assert _prefect_servers_under_this_process() == servers_before  # one Prefect server in the whole run


def test_a_dask_batch_lost_as_a_whole_fails_its_files_and_the_run_goes_on(harness, cluster, tmp_path, monkeypatch):
    from flows import dask_run
    from flows import ingest as flow_module

    local, _ = cluster
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for seed in SEEDS[:4]:
        shutil.copy(seed, inbox / seed.name)
    real = dask_run.submit_batches

    def lose_first_batch(client, batches):
        batches = list(batches)
        futures = real(client, batches[1:])
        return [client.submit(_worker_lost, batches[0], pure=False), *futures]

    monkeypatch.setattr(dask_run, "submit_batches", lose_first_batch)
    db = tmp_path / "chiso.duckdb"
    counts = flow_module.ingest_inbox(str(inbox), str(db), task_runner="dask",
                                      dask_address=local.scheduler_address, files_per_task=2)
    assert counts["failed"] == 2 and counts["ingested"] == 2
    rows = stored.rows(db, "SELECT path, error FROM files WHERE status = 'failed' ORDER BY path")
    assert [Path(p).name for p, _ in rows] == [SEEDS[0].name, SEEDS[1].name]
    assert all("worker lost" in error for _, error in rows)


def _worker_lost(paths):
    raise RuntimeError("worker lost")
