"""`chiso export`: write the dataset as Parquet, CSV or Excel for other tools."""

from __future__ import annotations

import argparse
import sys

from pipeline.cli.dataset_args import add_db_argument, db_path
from pipeline.export import FORMATS, ExportError, export_dataset
from pipeline.store import StoreError, StoreLocked

NAME = "export"
HELP = "export the dataset's tables as Parquet (partitioned), CSV or Excel into a folder"
EXAMPLE = "chiso export --format parquet --out out/ && duckdb -c \"FROM 'out/figures/**/*.parquet'\""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=FORMATS, default="parquet")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (created; tables in it replaced)")
    add_db_argument(p, lock_timeout=10.0)
    p.add_argument("--quiet", action="store_true", help="do not list the files written")


def run(args: argparse.Namespace) -> int:
    try:
        written = export_dataset(db_path(args), args.out, args.format)
    except StoreLocked as err:
        print(f"chiso export: {err}", file=sys.stderr)
        return 1
    except (ExportError, StoreError) as err:
        print(f"chiso export: {err}", file=sys.stderr)
        return 2
    if not args.quiet:
        for path in written:
            print(path)
    return 0
