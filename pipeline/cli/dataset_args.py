"""Arguments shared by the dataset verbs (ingest, query, compare, export, stats, audit, web).

Light on purpose (no pandas): `chiso ingest` imports it, and a re-run on an unchanged folder
must start fast. Table/JSON/CSV output of DataFrames is in `pipeline.cli.frame_output`."""

from __future__ import annotations

import argparse
import os

DEFAULT_DB = "chiso.duckdb"


def add_db_argument(p: argparse.ArgumentParser, lock_timeout: float = 30.0) -> None:
    p.add_argument("--db", default=None, metavar="FILE",
                   help=f"the dataset (default: $CHISO_DB, else ./{DEFAULT_DB})")
    p.add_argument("--lock-timeout", type=float, default=lock_timeout, metavar="S",
                   help=f"seconds to wait while another chiso process uses the dataset (default {lock_timeout:g})")


def db_path(args: argparse.Namespace) -> str:
    return args.db or os.environ.get("CHISO_DB") or DEFAULT_DB


def add_format_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=["table", "jsonl", "csv"], default="table",
                   help="table for people (default), jsonl or csv for scripts")
