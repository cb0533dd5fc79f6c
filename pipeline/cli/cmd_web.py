"""`chiso web`: the Streamlit app over the dataset (docs/web.md), started as a subprocess.

The database path reaches the app through $CHISO_DB; Streamlit runs headless, without usage
statistics, and serves its front end from the installed wheel (no network needed).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from pathlib import Path

from pipeline.cli.dataset_args import add_db_argument, db_path
from pipeline.store.errors import StoreNotFound

NAME = "web"
HELP = "browse the dataset in a web app: overview, indicator charts, documents with figures marked, audit, upload"
EXAMPLE = "chiso web --db chiso.duckdb --port 8501"

DEFAULT_PORT = 8501
APP = Path(__file__).resolve().parent.parent / "web" / "app.py"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db_argument(p)
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port to listen on (default {DEFAULT_PORT})")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 for the network)")
    p.add_argument("--quiet", action="store_true", help="no messages on stderr but errors")


def streamlit_command(host: str, port: int, quiet: bool = False) -> list[str]:
    """The `streamlit run` command line for the app."""
    return [sys.executable, "-m", "streamlit", "run", str(APP),
            "--server.address", host, "--server.port", str(port), "--server.headless", "true",
            "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
            "--global.developmentMode", "false", "--client.toolbarMode", "viewer",
            "--logger.level", "error" if quiet else "info"]


def app_environment(db: str) -> dict[str, str]:
    env = dict(os.environ)
    env["CHISO_DB"] = os.path.abspath(db)
    env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] = "false"
    return env


def run(args: argparse.Namespace) -> int:
    db = db_path(args)
    if not Path(db).is_file():
        print(f"chiso web: {StoreNotFound(db)}", file=sys.stderr)
        return 1
    if not 0 < args.port < 65536:
        print(f"chiso web: --port {args.port}: not a port number (1-65535)", file=sys.stderr)
        return 2
    if not args.quiet:
        print(f"chiso web: {os.path.abspath(db)} on http://{args.host}:{args.port} (Ctrl+C stops)",
              file=sys.stderr, flush=True)
    proc = subprocess.Popen(streamlit_command(args.host, args.port, args.quiet), env=app_environment(db),
                            stdout=subprocess.DEVNULL if args.quiet else None)
    # A SIGTERM to `chiso web` stops the app too (Ctrl+C reaches both through the terminal).
    signal.signal(signal.SIGTERM, lambda *_: _stop(proc))
    try:
        return proc.wait()
    except KeyboardInterrupt:
        _stop(proc)
        return 0


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
