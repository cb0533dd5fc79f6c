"""`chiso stats`: what the dataset holds: documents by kind and organization, figures by indicator."""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from pipeline.cli.dataset_args import add_db_argument, add_format_argument, db_path
from pipeline.cli.frame_output import write_frame
from pipeline.dataset import Dataset
from pipeline.store import StoreError, StoreLocked

NAME = "stats"
HELP = "summarize the dataset: totals, documents by kind and organization, figures by indicator, failures"
EXAMPLE = "chiso stats --db chiso.duckdb"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--with-duplicates", action="store_true",
                   help="count documents stored again in other files too (default: each document once)")
    add_db_argument(p, lock_timeout=10.0)
    add_format_argument(p)


def run(args: argparse.Namespace) -> int:
    try:
        sections = Dataset(db_path(args), lock_timeout=args.lock_timeout, with_duplicates=args.with_duplicates).stats()
    except StoreLocked as err:
        print(f"chiso stats: {err}", file=sys.stderr)
        return 1
    except StoreError as err:
        print(f"chiso stats: {err}", file=sys.stderr)
        return 2
    if args.format == "table":
        for name, df in sections.items():
            sys.stdout.write(f"\n## {name.replace('_', ' ')}\n")
            write_frame(df, "table")
        return 0
    # scripts: one stream, each row tagged with its section
    if args.format == "jsonl":
        for name, df in sections.items():
            write_frame(df.assign(section=name)[["section", *df.columns]], "jsonl")
        return 0
    rows = pd.concat([df.assign(section=name) for name, df in sections.items() if not df.empty],
                     ignore_index=True)
    write_frame(rows[["section", *[c for c in rows.columns if c != "section"]]], args.format)
    return 0
