"""`chiso serve`: ingest an inbox folder on a schedule (a Prefect deployment; see docs/flows.md).

Prefect is imported lazily, inside run(): the rest of the CLI never pays for it, and the offline
settings (`flows.settings`) are in the environment before Prefect reads them.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

NAME = "serve"
HELP = "ingest an inbox folder on a cron schedule (Prefect deployment; starts a local server if none is set)"
EXAMPLE = 'chiso serve --inbox /srv/reports/inbox --cron "0 * * * *" --db /srv/chiso/chiso.duckdb'


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--inbox", required=True, metavar="DIR", help="folder where reports are dropped")
    p.add_argument("--cron", default="0 * * * *", help='schedule, cron syntax (default "0 * * * *": hourly)')
    p.add_argument("--timezone", default=None, metavar="TZ",
                   help="IANA time zone of the schedule, e.g. Asia/Ho_Chi_Minh (default UTC)")
    p.add_argument("--db", default=None, metavar="FILE",
                   help="dataset file (default $CHISO_DB or ./chiso.duckdb)")
    p.add_argument("--task-runner", choices=["default", "dask"], default="default",
                   help="where file tasks run: threads here, or Dask (a local cluster or --dask-address)")
    p.add_argument("--dask-address", default=None, metavar="TCP",
                   help="an existing Dask scheduler, e.g. tcp://10.0.0.5:8786 (with --task-runner dask)")
    p.add_argument("--name", default=None, help="deployment name (default chiso-inbox)")
    p.add_argument("--server-timeout", type=float, default=60.0, metavar="S",
                   help="seconds to wait for a local Prefect server to start (default 60)")
    p.add_argument("--quiet", action="store_true", help="no messages on stderr (errors still shown)")


def _say(quiet: bool) -> Callable[[str], None]:
    def say(message: str) -> None:
        if not quiet:
            print(f"chiso serve: {message}", file=sys.stderr, flush=True)
    return say


def run(args: argparse.Namespace) -> int:
    if not os.path.isdir(args.inbox):
        print(f"chiso serve: {args.inbox}: inbox folder not found; create it or give --inbox an existing folder",
              file=sys.stderr)
        return 2
    if args.dask_address and args.task_runner != "dask":
        print("chiso serve: --dask-address needs --task-runner dask", file=sys.stderr)
        return 2
    from flows.settings import apply_offline_defaults, resolve_db

    db = os.path.abspath(resolve_db(args.db))
    apply_offline_defaults(db)  # before Prefect is imported (by flows.serve, lazily)
    from flows.serve import DEPLOYMENT_NAME, InvalidSchedule, ServeError, serve_ingest

    try:
        serve_ingest(os.path.abspath(args.inbox), db, args.cron, task_runner=args.task_runner,
                     dask_address=args.dask_address, timezone=args.timezone,
                     name=args.name or DEPLOYMENT_NAME, say=_say(args.quiet),
                     server_timeout=args.server_timeout)
    except InvalidSchedule as err:
        print(f"chiso serve: {err}", file=sys.stderr)
        return 2
    except ServeError as err:
        print(f"chiso serve: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # a signal before the runner started (it stops the runner itself after)
        pass
    _say(args.quiet)("stopped")
    return 0
