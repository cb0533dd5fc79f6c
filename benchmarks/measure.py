"""What every benchmark row is made of: a timed measurement, the resident memory, a child process.

Each measurement runs in a fresh child process (multiprocessing, spawn), so that its peak RSS is
its own and no model or cache loaded by another row helps it.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import resource
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Row:
    """One line of the benchmark table."""

    name: str
    seconds: float | None = None
    files: int = 0
    pages: int | None = None
    words: int | None = None
    rss_mb: float | None = None
    note: str = ""
    cpu_seconds: float | None = None  # CPU time (user + system) of the processes doing the work
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def pages_per_s(self) -> float | None:
        return self.pages / self.seconds if self.pages and self.seconds else None

    @property
    def words_per_s(self) -> float | None:
        return self.words / self.seconds if self.words and self.seconds else None


def rss_mb() -> float:
    """Current resident set size of this process, in MB."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * PAGE_BYTES / 2**20


def peak_rss_mb(children: bool = False) -> float:
    """Peak RSS of this process (or of its largest waited-for child), in MB."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024


def cpu_seconds(children: bool = False) -> float:
    """User + system CPU time of this process (or of its waited-for children)."""
    use = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def _child(fn: Callable[..., Any], args: tuple, queue: Any) -> None:
    try:
        queue.put(("ok", fn(*args)))
    except BaseException as err:  # noqa: BLE001 - reported as the row's note by the parent
        queue.put(("error", f"{type(err).__name__}: {err}\n{traceback.format_exc(limit=4)}"))


def in_child(fn: Callable[..., Any], *args: Any, timeout: float = 3600) -> Any:
    """fn(*args) in a spawned child process; raises RuntimeError with the child's error."""
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(fn, args, queue))
    proc.start()
    try:
        status, value = queue.get(timeout=timeout)
    except Exception as err:  # queue.Empty: the child hung or died
        proc.kill()
        proc.join()
        raise RuntimeError(f"{fn.__name__}: no result within {timeout:.0f} s (exit code {proc.exitcode})") from err
    proc.join()
    if status != "ok":
        raise RuntimeError(value)
    return value
