"""Offline-by-default Prefect settings, applied to the environment BEFORE prefect is imported.

Prefect reads its settings from the environment when it is first imported, so `apply_offline_defaults`
must run first: `flows/ingest.py` calls it at import time with no database, and `chiso serve` calls it
earlier with its `--db`, so that Prefect's home lands next to the database. Values already set in
the environment (or a Prefect profile) always win: these are defaults, never overrides.
"""

from __future__ import annotations

import os
from pathlib import Path

# Where the dataset lives when neither --db nor CHISO_DB says (the same default as `chiso ingest`).
DEFAULT_DB = "chiso.duckdb"

# Retries of a file's task for transient I/O errors (EAGAIN, EIO, timeouts on a network share).
# Two retries, 2 s then 10 s apart: enough for an NFS/SMB hiccup, short enough for an hourly schedule.
TASK_RETRIES = 2
TASK_RETRY_DELAYS: list[float] = [2, 10]

# Threads of the default task runner when the extraction runs in them (a stand-in extract_file, or
# a single file): one. Extraction is CPU-bound Python, so under the GIL more threads do not go
# faster, and underthesea loads its models lazily without a lock (two threads on a cold start failed
# with "'NoneType' object has no attribute 'process'"). Otherwise the threads only wait for the
# flow's worker processes (flows/ingest.py: two threads per process).
DEFAULT_THREADS = 1

# Files extracted by one task: SETTINGS.max_files_per_task and tasks_per_worker
# (extractors/settings.py). One task per file made the flow 1.7-2.3x `chiso ingest`;
# `files_per_task=1` still gives a task per file.

# Workers of the local Dask cluster (--task-runner dask without --dask-address): one process per core,
# one thread each, like the default runner's worker processes (flows/dask_run.py).

# The temporary Prefect server of one-off runs takes 9-21 s to start on a 2-core machine
# (STACK-NOTES.md); Prefect's own default (20 s) is too close to that.
EPHEMERAL_STARTUP_TIMEOUT_SECONDS = "90"


def resolve_db(db: str | None) -> str:
    """The database path: --db, else $CHISO_DB, else ./chiso.duckdb."""
    return db or os.environ.get("CHISO_DB") or DEFAULT_DB


def default_prefect_home(db: str | None) -> Path:
    """`.chiso/prefect` in the folder of the database."""
    return Path(resolve_db(db)).resolve().parent / ".chiso" / "prefect"


def offline_defaults(db: str | None = None) -> dict[str, str]:
    """The environment defaults that keep Prefect local and quiet."""
    return {
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_UI_SHOW_PROMOTIONAL_CONTENT": "false",
        "PREFECT_HOME": str(default_prefect_home(db)),
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
    }


def apply_offline_defaults(db: str | None = None) -> dict[str, str]:
    """Set each default that is not already in the environment; return the ones that were set."""
    applied = {}
    for key, value in offline_defaults(db).items():
        if key not in os.environ:
            os.environ[key] = value
            applied[key] = value
    if "PREFECT_HOME" in applied:
        Path(applied["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
    return applied
