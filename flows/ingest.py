"""The `ingest-inbox` flow: a folder of submitted reports → the dataset, one task per batch of changed files.

Thin by design: the stages are `extractors.extract.extract_file` (read → normalize → segment → extract)
and `pipeline.store.Store`; this module only decides what runs where, retries what may succeed on a
second try, and reports. The flow itself is the single writer: tasks (threads or Dask workers) return
`FileResult`s and the flow writes them, in its own process, in batches (`pipeline.ingest.BatchWriter`), as they finish.
A file whose extraction hit a transient I/O error in its batch is tried again in a task of its own,
with Prefect's retries.
"""

from __future__ import annotations

import contextvars
import functools
import logging
import math
import queue
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from flows.settings import (
    DEFAULT_THREADS,
    TASK_RETRIES,
    TASK_RETRY_DELAYS,
    apply_offline_defaults,
)

apply_offline_defaults()  # before prefect is imported: Prefect reads its settings at import time

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.artifacts import create_markdown_artifact  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.futures import PrefectFuture, as_completed  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402

from extractors.extract import extract_file  # noqa: E402
from extractors.records import FileResult  # noqa: E402
from extractors.settings import SETTINGS  # noqa: E402
from flows.batch import TransientFailure, extract_batch, failed_result, is_transient_error  # noqa: E402
from flows.report import run_report_markdown  # noqa: E402
from pipeline.extract_pool import SharedWorkers, available_cores  # noqa: E402
from pipeline.ingest import (  # noqa: E402
    PlannedFile,
    completed,
    failed_file,
)
from pipeline.run import run_ingest  # noqa: E402
from pipeline.store.run_journal import COUNTS  # noqa: E402

TASK_RUNNERS = ("default", "dask")


def retry_on_transient_error(task: Any, task_run: Any, state: Any) -> bool:
    """Prefect `retry_condition_fn`: retry a failed task run only when its exception is transient."""
    exc = state.data if isinstance(state.data, BaseException) else None
    if exc is None:
        try:
            exc = state.result(raise_on_failure=False)
        except Exception:  # noqa: BLE001 - no exception to classify means no retry
            return False
    return is_transient_error(exc if isinstance(exc, BaseException) else None)


def _extract_one(path: str) -> FileResult:
    """`extract_file(path)`: in the flow's worker processes with the default runner (the task's thread
    waits for it), else here (a Dask worker, or a stand-in `extract_file` in the tests)."""
    workers = _WORKERS.get()
    if workers is not None and extract_file is _REAL_EXTRACT_FILE:
        return workers.extract(path)
    return extract_file(path)


def batch_run_name(parameters: dict[str, Any]) -> str:
    """The task run's name in the UI: `extract a.pdf … k.pdf (25 files)`."""
    names = [Path(p).name for p in parameters["paths"]]
    if len(names) == 1:
        return f"extract {names[0]}"
    return f"extract {names[0]} … {names[-1]} ({len(names)} files)"


# (Prefect's protocol for a name callback also lists a classmethod, which no function has: hence the ignore.)
@task(name="extract-files", task_run_name=batch_run_name,  # type: ignore[arg-type]
      cache_policy=NO_CACHE, persist_result=False)
def extract_batch_task(paths: list[str]) -> list[FileResult | TransientFailure]:
    """Read → normalize → segment → extract each file of a batch (`flows.batch.extract_batch`): a bad
    file gives a failed FileResult; a transient I/O error gives a TransientFailure, for the flow to
    try that file again in an `extract_file_task` of its own; one file never fails its batch."""
    return extract_batch(paths, _extract_one)


@task(name="extract-file", task_run_name="extract {path}", retries=TASK_RETRIES,
      retry_delay_seconds=TASK_RETRY_DELAYS, retry_condition_fn=retry_on_transient_error,
      cache_policy=NO_CACHE, persist_result=False)
def extract_file_task(path: str) -> FileResult:
    """One file tried again after a transient error in its batch. A bad file gives a failed
    FileResult (no retry); an OSError escapes, so that `retry_on_transient_error` can decide
    whether to try again."""
    return _extract_one(path)


_REAL_EXTRACT_FILE = extract_file  # a test's stand-in replaces `extract_file`; this stays the real one
# The worker processes of the running flow (SharedWorkers; on Dask, flows.dask_run.DaskWorkers), seen
# by its task threads: Prefect runs each task in a copy of the flow's context. A context variable, not
# module state: two flows in one process each see their own.
_WORKERS: contextvars.ContextVar[Any] = contextvars.ContextVar("chiso_flow_workers", default=None)


def list_inbox(inbox: str) -> list[str]:
    """The document files of the inbox folder, as `chiso ingest` would walk them."""
    if not Path(inbox).is_dir():
        raise FileNotFoundError(f"{inbox}: inbox folder not found")
    from pipeline.ingest import iter_ingest_files

    return list(iter_ingest_files([inbox]))


def result_of(future: PrefectFuture[FileResult], planned: PlannedFile) -> FileResult:
    """The FileResult of a finished task, completed from the plan (`pipeline.ingest.completed`); a
    task that failed (retries spent) becomes a failed result."""
    try:
        result = future.result()
    except Exception as exc:  # noqa: BLE001 - any failure of one file is that file's record
        result = failed_result(planned.path, planned.sha256, exc)
    return completed(result, planned)


@flow(name="ingest-inbox", persist_result=False, validate_parameters=True)
def ingest_inbox(inbox: str, db: str, task_runner: str = "default",
                 dask_address: str | None = None, workers: int | None = None,
                 rehash: bool = False, files_per_task: int | None = None) -> dict[str, int]:
    """Ingest the new and changed files of `inbox` into the dataset `db`; returns the run's counts.
    `workers`: extraction processes of the default runner (default: one per core).
    `rehash`: read and hash every file, even those whose size and modification time are unchanged.
    `files_per_task`: files extracted by one task (default: about 4 tasks per worker, at most 25
    files each; 1 gives one task per file, at Prefect's cost of about 0.3 s of CPU a task)."""

    logger = get_run_logger()
    if task_runner not in TASK_RUNNERS:
        raise ValueError(f"unknown task runner {task_runner!r}; choose one of {', '.join(TASK_RUNNERS)}")
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if files_per_task is not None and files_per_task < 1:
        raise ValueError(f"files_per_task must be at least 1, not {files_per_task}")
    runner_name = "prefect-dask" if task_runner == "dask" else "prefect"
    paths = list_inbox(inbox)
    n_workers = workers or available_cores()

    def extraction(todo: list[PlannedFile]) -> Iterator[FileResult | None]:
        return extracted_by_tasks(todo, task_runner, dask_address, n_workers, files_per_task, logger)

    summary = run_ingest(paths, db, runner=runner_name, extraction=extraction, rehash=rehash, audit=True,
                         written=functools.partial(_written, logger))
    create_markdown_artifact(markdown=run_report_markdown(summary.run_id, runner_name, inbox, db, summary),
                             key="chiso-ingest-report", description=f"Chỉ Số ingest run {summary.run_id}")
    logger.info("run %s: %s", summary.run_id, summary.line())
    return {**{k: getattr(summary, k) for k in COUNTS}, "findings": summary.findings or 0}


def _written(logger: Any, result: FileResult) -> None:
    """A result is committed; a failed one is in quarantine (the files table, with its error)."""
    if result.status == "failed":
        logger.warning("quarantined %s", result.error or result.source)


def files_per_batch(files: int, workers: int, files_per_task: int | None = None) -> int:
    """Files per task: `files_per_task` when given; else as many as gives each worker about
    SETTINGS.tasks_per_worker tasks, at most SETTINGS.max_files_per_task (flows/settings.py says why)."""
    if files_per_task is not None:
        return files_per_task
    return max(1, min(SETTINGS.max_files_per_task, math.ceil(files / (SETTINGS.tasks_per_worker * max(1, workers)))))


def extracted_by_tasks(todo: list[PlannedFile], task_runner: str, dask_address: str | None, workers: int,
                       files_per_task: int | None = None, log: Any = None) -> Iterator[FileResult | None]:
    """The results of one task per batch of files (in listing order; `files_per_batch`), yielded as
    their tasks finish, and None every heartbeat while none does (pipeline.run writes them: kill -9
    loses only the files of unfinished tasks).

    Copies of the same bytes are yielded in listing order (a copy waits for those listed before it),
    which makes the dataset the same whatever the runner and the timing: the first listed holds the
    rows and the other is marked a duplicate, exactly as with `chiso ingest`.

    The default runner's threads hand the extraction to `workers` processes (forked from one that
    loaded the models), two threads per process so that none waits for work: the flow uses every
    core, as `chiso ingest` does, while Prefect's bookkeeping stays in this process. On Dask a
    batch is plain Dask work on the cluster (flows/dask_run.py); only a file tried again alone is
    a Prefect task, whose thread hands the file to the cluster.
    """
    log = log or logging.getLogger(__name__)
    if task_runner == "dask":
        from flows.dask_run import DaskWorkers, dask_client, finished, submit_batches, worker_threads

        with dask_client(dask_address, workers) as client:
            batch = files_per_batch(len(todo), worker_threads(client), files_per_task)
            log.info("Dask scheduler %s, %d worker threads: %d batches of up to %d files",
                     client.scheduler.address, worker_threads(client), math.ceil(len(todo) / batch), batch)
            token = _WORKERS.set(DaskWorkers(client))
            try:
                yield from _submitted(todo, DEFAULT_THREADS, batch,
                                      functools.partial(submit_batches, client), functools.partial(finished, client))
            finally:
                _WORKERS.reset(token)
        return
    batch = files_per_batch(len(todo), workers, files_per_task)
    log.info("%d tasks of up to %d files", math.ceil(len(todo) / batch), batch)
    pooled = extract_file is _REAL_EXTRACT_FILE and len(todo) > 1
    pool = SharedWorkers(min(workers, len(todo)), died=failed_file) if pooled else None
    token = _WORKERS.set(pool)
    threads = 2 * min(workers, len(todo)) if pooled else DEFAULT_THREADS
    try:
        yield from _submitted(todo, threads, batch)
    finally:
        _WORKERS.reset(token)
        if pool is not None:
            pool.close()


def _submitted(todo: list[PlannedFile], threads: int, files_per_task: int,
               submit_batches: Callable[[list[list[str]]], list[Any]] | None = None,
               finishing: Callable[[list[Any]], Iterable[Any]] = as_completed) -> Iterator[FileResult | None]:
    """Submit the batches (Prefect tasks on `threads` threads, or `submit_batches`: Dask futures that
    `finishing` hands back as they finish), then yield their results in order of completion."""
    threads_runner: ThreadPoolTaskRunner[Any] = ThreadPoolTaskRunner(max_workers=threads)
    with threads_runner as runner:  # the batches' tasks, the files tried again alone
        starts = range(0, len(todo), files_per_task)
        batches = [[planned.path for planned in todo[start:start + files_per_task]] for start in starts]
        if submit_batches is None:
            futures = [runner.submit(extract_batch_task, parameters={"paths": paths}) for paths in batches]
        else:
            futures = submit_batches(batches)
        first_of = {future: start for future, start in zip(futures, starts, strict=True)}
        finished: queue.Queue[tuple[int | None, Any]] = queue.Queue()  # (file again, or None: a batch; future)
        threading.Thread(target=_report_finished, args=(futures, finished, None, finishing),
                         name="chiso-flow-watch", daemon=True).start()
        order = _SameBytesInOrder(todo)
        while order.waiting:
            try:
                again_of, future = finished.get(timeout=SETTINGS.heartbeat_seconds)
            except queue.Empty:
                yield None  # a long task runs: what finished is committed meanwhile
                continue
            if isinstance(future, BaseException):
                raise future
            if again_of is not None:
                outcomes: list[tuple[int, FileResult | TransientFailure]] = [
                    (again_of, result_of(future, todo[again_of]))]
            else:
                first = first_of[future]
                outcomes = list(enumerate(batch_outcomes(future, todo[first:first + files_per_task]), start=first))
            for i, outcome in outcomes:
                if isinstance(outcome, TransientFailure):
                    logging.getLogger(__name__).info("%s: trying again alone after %s", outcome.path, outcome.error)
                    retry = runner.submit(extract_file_task, parameters={"path": outcome.path})
                    threading.Thread(target=_report_finished, args=([retry], finished, i), daemon=True).start()
                    continue
                yield from order.finished(i, outcome)
            yield None


def _report_finished(futures: list[Any], finished: queue.Queue[tuple[int | None, Any]],
                     again_of: int | None = None,
                     finishing: Callable[[list[Any]], Iterable[Any]] = as_completed) -> None:
    """Put each of `futures` in `finished` as it finishes (a thread: the flow's thread keeps
    writing meanwhile); what goes wrong while waiting is put there too, for the flow to raise."""
    try:
        for future in finishing(futures):
            finished.put((again_of, future))
    except BaseException as err:  # noqa: BLE001 - handed to the flow's thread
        finished.put((again_of, err))


class _SameBytesInOrder:
    """Results handed on as their files finish, except copies of the same bytes, handed on in
    listing order: the first listed copy holds the rows, whatever the timing (as with chiso ingest)."""

    def __init__(self, todo: list[PlannedFile]) -> None:
        self.sha_of = [planned.sha256 for planned in todo]
        self.queues: dict[str, deque[int]] = {}
        for i, sha256 in enumerate(self.sha_of):
            self.queues.setdefault(sha256, deque()).append(i)
        self.held: dict[int, FileResult] = {}
        self.waiting = len(todo)

    def finished(self, i: int, result: FileResult) -> list[FileResult]:
        """Results to write now that file `i` finished with `result`."""
        self.held[i] = result
        line = self.queues[self.sha_of[i]]
        out = []
        while line and line[0] in self.held:
            out.append(self.held.pop(line.popleft()))
        self.waiting -= len(out)
        return out


def batch_outcomes(future: Any,  # a PrefectFuture, or a Dask future (flows/dask_run.py)
                   batch: list[PlannedFile]) -> list[FileResult | TransientFailure]:
    """The outcome of each file of a finished batch task, completed from the plan; a task that
    failed as a whole (its worker lost, say) fails each of its files with its error."""
    try:
        outcomes = future.result()
    except Exception as exc:  # noqa: BLE001 - the batch's failure is each of its files' record
        outcomes = [failed_result(planned.path, planned.sha256, exc) for planned in batch]
    return [o if isinstance(o, TransientFailure) else completed(o, planned)
            for o, planned in zip(outcomes, batch, strict=True)]
