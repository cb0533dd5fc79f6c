"""Extraction of many files in worker processes, results handed back as they finish.

`chiso ingest --workers N` and `ingest_paths(workers=N)` use it: reading and extracting are pure
CPU work on independent files, so N processes use N cores, while the single DuckDB writer stays
in the calling process. Workers come from a `forkserver` that has already imported the pipeline,
so a worker starts in a fraction of a second and loads the NLP models once, on its first file;
the parent's DuckDB connection and threads are never forked.

At most SETTINGS.in_flight_per_worker × workers files are submitted and not yet handed back, so memory
does not grow with the number of files. A
worker that dies (out of memory, a segfault in a parser) breaks the pool: the files it was
working on are tried again one at a time in a new pool, and the file that breaks it alone is
returned as failed; the run goes on.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import multiprocessing as mp
import os
import resource
import select
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from extractors.records import FileResult
from extractors.settings import SETTINGS, Budget

logger = logging.getLogger(__name__)

Extract = Callable[[str, str], FileResult]  # (path, sha256) → result; must be picklable (module level)
WORKER_DIED = "the worker process extracting it died (out of memory, or a crash inside a reader)"
PRELOAD = ["pipeline.extract_preload"]  # loads the extractors and models once, before any fork


def available_cores() -> int:
    """Cores this process may run on (the affinity mask, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _exit_when_gone(pid: int) -> None:
    """Block until process `pid` has exited, then end this process."""
    try:
        fd = os.pidfd_open(pid)  # Linux ≥ 5.3: readable when the process exits
    except (AttributeError, OSError):
        fd = None
    if fd is not None:
        select.select([fd], [], [])
    else:
        while True:
            time.sleep(1.0)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            except PermissionError:
                continue
    os._exit(1)


class BudgetExceeded(Exception):
    """A file went past its time or memory budget (SETTINGS.file_seconds, file_memory_mb)."""


def _watch_parent(pid: int, memory_mb: int | None = None) -> None:
    """Worker initializer: a worker never outlives the process that asked for it (without this,
    `kill -9` of `chiso ingest` left its workers and the forkserver running, waiting for work), and
    its address space is capped at `memory_mb`: a file that needs more fails with MemoryError alone."""
    threading.Thread(target=_exit_when_gone, args=(pid,), name="chiso-parent-watch", daemon=True).start()
    if memory_mb:
        limit = memory_mb * 2**20
        with contextlib.suppress(ValueError, OSError):  # a lower hard limit already set: keep it
            resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(resource.RLIMIT_AS)[1]))


def _pool(workers: int, budget: Budget | None = None) -> ProcessPoolExecutor:
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_watch_parent,
                               initargs=(os.getpid(), (budget or Budget()).memory_mb))


def within_budget(seconds: float, extract: Callable[..., FileResult], *args: str) -> FileResult:
    """extract(*args) in a worker, stopped by SIGALRM past `seconds` (SETTINGS.file_seconds of the
    parent; the parent kills a worker that does not stop: see extract_in_workers)."""
    def alarm(signum: int, frame: object) -> None:
        raise BudgetExceeded(f"took longer than its time budget ({seconds:g} s)")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return extract(*args)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extract_in_workers(jobs: Iterable[tuple[str, str]], extract: Extract, workers: int,
                       died: Callable[[str, str], FileResult],
                       heartbeat: float | None = None, budget: Budget | None = None) -> Iterator[FileResult | None]:
    """extract(path, sha256) for each job in `workers` processes, each result yielded as soon as
    it is finished: one slow file does not hold back the files finished after it. Only copies of
    the same bytes keep their order (a result waits for the files listed before it with the same
    sha256), so the first listed copy is written first and the dataset does not depend on timing.
    `heartbeat`: seconds after which None is yielded when no file finished, so that the caller
    can write what it holds while a long file extracts (None: wait without heartbeats).
    `died(path, message)` makes the failed result of a file whose worker process died."""
    pending = iter(jobs)
    unyielded: dict[int, tuple[str, str]] = {}  # job number → job, submitted and not yet yielded
    held: dict[int, FileResult] = {}  # finished, waiting for an earlier copy of the same bytes
    in_flight: dict[Future, int] = {}
    running_since: dict[Future, float] = {}
    numbers = itertools.count()
    budget = budget or Budget()
    pool = _pool(workers, budget)
    try:
        while True:
            yield from _released(held, unyielded)
            try:
                while len(unyielded) < workers * SETTINGS.in_flight_per_worker:
                    job = next(pending, None)
                    if job is None:
                        break
                    number = next(numbers)
                    unyielded[number] = job  # listed before submit: a broken pool refuses it
                    in_flight[pool.submit(within_budget, budget.seconds, extract, *job)] = number
                if not in_flight:
                    return
                done, _ = wait(in_flight, timeout=heartbeat or _STUCK_CHECK, return_when=FIRST_COMPLETED)
                if not done:
                    _kill_if_stuck(pool, in_flight, running_since, budget)
                    if heartbeat:
                        yield None
                    continue
                for future in done:
                    held[in_flight.pop(future)] = future.result()
            except BrokenProcessPool:
                # One of the files in flight killed its worker; which one is unknown. Each is
                # tried again alone, in a fresh pool: the one that breaks it alone is the culprit.
                pool.shutdown(wait=False, cancel_futures=True)
                in_flight.clear()
                running_since.clear()
                suspects = [number for number in unyielded if number not in held]
                logger.warning("a worker process died; trying the %d file(s) in flight one by one", len(suspects))
                for number in suspects:
                    yield from _released(held, unyielded)
                    held[number] = extract_alone(extract, unyielded[number], died, budget)
                pool = _pool(workers, budget)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


_STUCK_CHECK = 5.0  # seconds between checks for a stuck worker when the caller wants no heartbeat


def _kill_if_stuck(pool: ProcessPoolExecutor, in_flight: dict[Future, int], running_since: dict[Future, float],
                   budget: Budget) -> None:
    """Kill the pool's workers when a file has run past its time budget and the grace after it
    (SIGALRM could not stop it: a parser stuck in C). The pool breaks; the files in flight are
    tried again alone, and the stuck one fails alone (extract_alone)."""
    now = time.monotonic()
    for future in in_flight:
        if future.running():
            running_since.setdefault(future, now)
    limit = budget.seconds + SETTINGS.kill_grace_seconds
    if any(now - since > limit for future, since in running_since.items() if future in in_flight):
        logger.warning("a file ran past its time budget and did not stop: killing its worker")
        for process in list(getattr(pool, "_processes", {}).values()):
            with contextlib.suppress(ProcessLookupError):
                process.kill()


def _released(held: dict[int, FileResult], unyielded: dict[int, tuple[str, str]]) -> Iterator[FileResult]:
    """The held results no earlier unyielded job with the same bytes waits before, in job order."""
    for number in sorted(held):
        sha256 = unyielded[number][1]
        if any(earlier < number and job[1] == sha256 for earlier, job in unyielded.items()):
            continue
        del unyielded[number]
        yield held.pop(number)


def extract_alone(extract: Callable[..., FileResult], args: tuple[str, ...],
                  died: Callable[[str, str], FileResult], budget: Budget | None = None) -> FileResult:
    """extract(*args) (args[0]: the path) in a worker process of its own, after a worker died with
    this file among those in flight: the file that kills its worker alone is the culprit and gets
    `died(path, message)`; the others get their result."""
    path = args[0]
    budget = budget or Budget()
    alone = _pool(1, budget)
    try:
        return alone.submit(within_budget, budget.seconds, extract, *args).result(
            timeout=budget.seconds + SETTINGS.kill_grace_seconds)
    except BrokenProcessPool:
        return died(path, f"{path}: {WORKER_DIED}")
    except TimeoutError:
        for process in list(getattr(alone, "_processes", {}).values()):
            with contextlib.suppress(ProcessLookupError):
                process.kill()
        return died(path, f"{path}: took longer than its time budget ({budget.seconds:g} s) and was stopped")
    finally:
        alone.shutdown(wait=True, cancel_futures=True)


def _extract_path(path: str) -> FileResult:
    """`extractors.extract.extract_file(path)` in a worker: what it raises reaches the caller."""
    from extractors.extract import extract_file

    return extract_file(path)


class SharedWorkers:
    """Worker processes for callers in several threads (the Prefect flow's task threads): each
    `extract(path)` runs `extract_file` in a worker and returns its result, or raises what it
    raised (an OSError, so that the flow's retry policy can look at it). A worker that dies breaks
    the pool for the files in flight: the pool is replaced once, and each of those files is tried
    again alone; the one that kills its worker alone gets `died(path, message)`."""

    def __init__(self, workers: int, died: Callable[[str, str], FileResult],
                 extract: Callable[[str], FileResult] = _extract_path) -> None:
        self.workers, self.died, self._extract = workers, died, extract
        self._lock = threading.Lock()
        self._pool = _pool(workers)

    def extract(self, path: str) -> FileResult:
        pool = self._pool
        try:
            return pool.submit(within_budget, SETTINGS.file_seconds, self._extract, path).result()
        except BrokenProcessPool:
            self._replace(pool)
        logger.warning("%s: a worker process died while it was in flight; trying it alone", path)
        return extract_alone(self._extract, (path,), self.died)

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is broken:
                broken.shutdown(wait=False, cancel_futures=True)
                self._pool = _pool(self.workers)

    def close(self) -> None:
        with self._lock:
            self._pool.shutdown(wait=True, cancel_futures=True)
