"""The ingest flow's extraction on Dask, as plain Dask work (issue 21).

With `--task-runner dask` each batch of files is a `distributed` future of `flows.batch.extract_batch`,
a module-level function that calls `extractors.extract.extract_file` for each path: no Prefect task
runs inside a Dask worker, so no worker imports Prefect, opens a client or starts a temporary
Prefect server (prefect-dask's `DaskTaskRunner` did, one per worker, when no server was configured).
The flow, in its own process, watches the futures (`distributed.as_completed`), writes the results
and keeps the Prefect bookkeeping: one flow run, its logs and its report.

Worker processes live as long as the cluster: each has the readers and the NLP models loaded once,
when it joins (`WarmUp`, a worker plugin), not per batch; the workers of a local cluster are forked
from a process that loaded them (`forked_from_loaded_models`), as the default runner's are.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Iterable, Iterator
from typing import Any

import dask
from distributed import Client, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin
from distributed.utils import get_mp_context

from extractors.records import FileResult
from flows.batch import extract_batch, extract_path
from pipeline.extract_pool import PRELOAD

logger = logging.getLogger(__name__)

WARM_UP_PLUGIN = "chiso-warm-up"


class WarmUp(WorkerPlugin):
    """Load the readers and the NLP models in each worker once, as it joins the cluster (3-6 s of
    CPU here; `extractors.extract.warm_up`), in a thread so that the worker keeps answering its
    scheduler meanwhile."""

    name = WARM_UP_PLUGIN

    async def setup(self, worker: Any) -> None:
        from extractors.extract import warm_up

        await asyncio.get_running_loop().run_in_executor(None, warm_up)


@contextlib.contextmanager
def dask_client(address: str | None, workers: int) -> Iterator[Client]:
    """A client of the scheduler at `address`, or of a `LocalCluster` of `workers` processes with one
    thread each (extraction is CPU-bound Python: one file per core), started and stopped here."""
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        if address:
            client = stack.enter_context(Client(address, set_as_default=False))
        else:
            with forked_from_loaded_models():
                cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1,
                                                           processes=True, dashboard_address=None))
            client = stack.enter_context(Client(cluster, set_as_default=False))
        client.register_plugin(WarmUp(), name=WARM_UP_PLUGIN)
        logger.info("Dask: %d worker threads at %s, ready in %.1f s", worker_threads(client),
                    client.scheduler.address, time.monotonic() - started)
        yield client


@contextlib.contextmanager
def forked_from_loaded_models() -> Iterator[None]:
    """Start local Dask workers as the default runner starts its worker processes: forked from a
    forkserver that imported distributed and loaded the extractors and the models once
    (`pipeline.extract_preload`), instead of each spawned worker importing and loading them itself.
    Measured on the shared 2-core machine: a 2-worker cluster ready with its models in 7.9 s
    against 12-14.6 s spawned. (If this process's forkserver already runs, started by the default
    runner's pool, the workers fork from it: the models are there, distributed is imported after.)"""
    with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}):
        get_mp_context().set_forkserver_preload(["distributed", *PRELOAD])
        yield


def worker_threads(client: Client) -> int:
    """Threads of the cluster's workers (the files it extracts at once)."""
    workers = client.scheduler_info().get("workers", {})
    return sum(int(w.get("nthreads", 1)) for w in workers.values()) or 1


def submit_batches(client: Client, batches: Iterable[list[str]]) -> list[Any]:
    """One Dask future of `extract_batch(paths)` per batch (not `pure`: a re-run extracts again)."""
    return [client.submit(extract_batch, paths, pure=False) for paths in batches]


def finished(client: Client, futures: list[Any]) -> Iterator[Any]:
    """The futures as they finish (`distributed.as_completed`, on the client's event loop)."""
    yield from as_completed(futures, loop=client.loop)


class DaskWorkers:
    """The cluster seen as the flow's worker processes (`SharedWorkers`' `extract`): a file tried
    again alone, in a Prefect task with retries, is extracted on a Dask worker; what it raises (a
    transient OSError) reaches the task, for Prefect's retry condition."""

    def __init__(self, client: Client) -> None:
        self.client = client

    def extract(self, path: str) -> FileResult:
        result: FileResult = self.client.submit(extract_path, path, pure=False).result()
        return result
