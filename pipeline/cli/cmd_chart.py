"""`chiso chart`: one indicator over the years, a line per organization, as SVG, PNG or HTML."""

from __future__ import annotations

import argparse
import sys

import duckdb

from pipeline.cli.dataset_args import add_db_argument, db_path
from pipeline.store import StoreError, StoreLocked

NAME = "chart"
HELP = ("draw one indicator over the years, a line per organization (actual solid, target dashed) "
        "as .svg, .png or .html, offline")
EXAMPLE = "chiso chart --indicator new_members --by organization --out chart.svg"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--indicator", required=True, help="indicator id (see `chiso stats` for those present)")
    p.add_argument("--by", default="organization", help="a line per value of this column (default organization)")
    p.add_argument("--out", required=True, metavar="FILE", help="chart.svg, chart.png or chart.html")
    p.add_argument("--modality", choices=["actual", "target"], help="only achieved figures, or only targets")
    p.add_argument("--unit", help="only figures in this unit (percent, count, vnd, …)")
    p.add_argument("--lang", choices=["vi", "en"], default="vi", help="language of the labels")
    p.add_argument("--only", action="append", metavar="VALUE",
                   help="draw just this organization (or `by` value); repeat for several")
    p.add_argument("--top", type=int, default=None, metavar="N", help="lines drawn at most (default 12)")
    p.add_argument("--with-duplicates", action="store_true",
                   help="count documents stored again in other files too (default: each document once)")
    add_db_argument(p, lock_timeout=10.0)


def run(args: argparse.Namespace) -> int:
    from pipeline.chart import ChartError
    from pipeline.dataset import Dataset

    ds = Dataset(db_path(args), lock_timeout=args.lock_timeout, with_duplicates=args.with_duplicates)
    try:
        chart = ds.chart(args.indicator, args.by, args.out, modality=args.modality, unit=args.unit,
                         lang=args.lang, top=args.top, only=args.only)
    except (ChartError, ValueError) as err:
        print(f"chiso chart: {err}", file=sys.stderr)
        return 2
    except StoreLocked as err:
        print(f"chiso chart: {err}", file=sys.stderr)
        return 1
    except (StoreError, duckdb.Error, OSError) as err:
        print(f"chiso chart: {err}", file=sys.stderr)
        return 2
    for note in chart.notes:
        print(f"chiso chart: {note}", file=sys.stderr)
    print(args.out)
    return 0
