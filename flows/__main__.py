"""`python -m flows INBOX --db FILE`: one run of the ingest flow, without a deployment.

With no PREFECT_API_URL, Prefect starts a temporary local server for the run (10-20 s); with one,
the run is recorded there. `chiso ingest` does the same work without Prefect (docs/flows.md).
Prints the run's counts as JSON on stdout; exit 1 when some file failed.
"""

from __future__ import annotations

import argparse
import json
import sys

from flows.settings import apply_offline_defaults, resolve_db


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m flows", description=__doc__.splitlines()[0])
    parser.add_argument("inbox", help="folder of reports")
    parser.add_argument("--db", default=None, help="dataset file (default $CHISO_DB or ./chiso.duckdb)")
    parser.add_argument("--task-runner", choices=["default", "dask"], default="default")
    parser.add_argument("--dask-address", default=None, help="an existing Dask scheduler (tcp://…)")
    parser.add_argument("--workers", type=int, default=None,
                        help="extraction processes of the default runner (default: one per core)")
    parser.add_argument("--rehash", action="store_true",
                        help="read and hash every file, even those whose size and modification time are unchanged")
    parser.add_argument("--files-per-task", type=int, default=None, metavar="N",
                        help="files extracted by one task (default: about 4 tasks per worker, at most 25 files "
                             "each; 1 gives a task per file)")
    args = parser.parse_args(argv)
    db = resolve_db(args.db)
    apply_offline_defaults(db)
    from prefect.settings import get_current_settings

    from flows.ingest import ingest_inbox
    from flows.prefect_db import seed_database

    if not get_current_settings().api.url:
        seed_database()  # the temporary server's database, when new: migrated already (flows/prefect_db.py)

    counts = ingest_inbox(args.inbox, db, task_runner=args.task_runner, dask_address=args.dask_address,
                          workers=args.workers, rehash=args.rehash, files_per_task=args.files_per_task)
    print(json.dumps(counts))
    return 1 if counts["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
