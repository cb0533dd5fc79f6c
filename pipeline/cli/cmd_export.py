"""`chiso export`: write the dataset as Parquet, CSV or Excel for other tools."""

from __future__ import annotations

import argparse
import sys

from pipeline.cli.dataset_args import add_db_argument, db_path
from pipeline.export import FORMATS, ExportError, export_dataset
from pipeline.store import StoreError, StoreLocked

NAME = "export"
HELP = ("export the dataset's tables as Parquet (partitioned, exact types), CSV (--bom for Excel) or an Excel "
        "workbook made for people (labels, filters, a sheet explaining the columns) into a folder")
EXAMPLE = "chiso export --format parquet --out out/ && duckdb -c \"FROM 'out/figures/**/*.parquet'\""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=FORMATS, default="parquet")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (created; tables in it replaced)")
    p.add_argument("--bom", action="store_true", help="CSV: begin with a UTF-8 byte order mark (Excel reads Vietnamese right)")
    p.add_argument("--lang", choices=["vi", "en"], default="vi", help="Excel: language of the indicator labels")
    p.add_argument("--with-duplicates", action="store_true",
                   help="keep documents stored again in other files (default: each document once)")
    add_db_argument(p, lock_timeout=10.0)
    p.add_argument("--quiet", action="store_true", help="do not list the files written")


def run(args: argparse.Namespace) -> int:
    try:
        written = export_dataset(db_path(args), args.out, args.format, with_duplicates=args.with_duplicates,
                                 bom=args.bom, lang=args.lang)
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
