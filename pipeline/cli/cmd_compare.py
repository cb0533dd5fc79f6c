"""`chiso compare`: one indicator across organizations and years, as a pivot table."""

from __future__ import annotations

import argparse
import sys

import duckdb

from pipeline.cli.dataset_args import add_db_argument, add_format_argument, db_path
from pipeline.cli.frame_output import write_frame
from pipeline.dataset import AGGREGATES, COMPARE_BY, Dataset
from pipeline.store import StoreError, StoreLocked

NAME = "compare"
HELP = "compare one indicator across organizations and years (a pivot of the stored figures)"
EXAMPLE = "chiso compare --indicator membership_rate --by organization,year --modality target"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--indicator", required=True, help="indicator id (see `chiso stats` for those present)")
    p.add_argument("--by", default="organization,year", metavar="COLS",
                   help=f"rows, then columns, comma-separated (default organization,year); "
                        f"among: {', '.join(COMPARE_BY)}")
    p.add_argument("--modality", choices=["actual", "target"], help="only achieved figures, or only targets")
    p.add_argument("--unit", help="only figures in this unit (percent, count, vnd, …)")
    p.add_argument("--agg", choices=list(AGGREGATES), default="mean",
                   help="how figures in one cell combine (default mean)")
    p.add_argument("--long", action="store_true", help="one row per group with the figure ids, not a pivot")
    add_db_argument(p, lock_timeout=10.0)
    add_format_argument(p)


def run(args: argparse.Namespace) -> int:
    ds = Dataset(db_path(args), lock_timeout=args.lock_timeout)
    by = [c.strip() for c in args.by.split(",") if c.strip()]
    compare = ds.compare_long if args.long else ds.compare
    try:
        df = compare(args.indicator, by, modality=args.modality, unit=args.unit, agg=args.agg)
    except ValueError as err:
        print(f"chiso compare: {err}", file=sys.stderr)
        return 2
    except StoreLocked as err:
        print(f"chiso compare: {err}", file=sys.stderr)
        return 1
    except (StoreError, duckdb.Error) as err:
        print(f"chiso compare: {err}", file=sys.stderr)
        return 2
    if df.empty:
        print(f"chiso compare: no figures with indicator {args.indicator!r}"
              + (f" and modality {args.modality}" if args.modality else ""), file=sys.stderr)
    write_frame(df, args.format)
    return 0
