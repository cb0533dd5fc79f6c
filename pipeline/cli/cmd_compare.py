"""`chiso compare`: one indicator across organizations and years, as a pivot table."""

from __future__ import annotations

import argparse
import sys
from typing import Any

import duckdb
import pandas as pd

from pipeline.cli.dataset_args import add_db_argument, add_format_argument, db_path
from pipeline.cli.frame_output import write_frame
from pipeline.dataset import AGGREGATES, COMPARE_BY, RELATIONS, Dataset, indicator_label
from pipeline.store import StoreError, StoreLocked

NAME = "compare"
HELP = ("compare one indicator across organizations and years: each cell a value a document wrote, "
        "unlike figures never combined (docs/compare.md)")
EXAMPLE = "chiso compare --indicator membership_rate --by organization,year --modality target"
WITH_DUPLICATES_HELP = "count documents stored again in other files too (default: each document once)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--indicator", required=True, help="indicator id (see `chiso stats` for those present)")
    p.add_argument("--by", default="organization,year", metavar="COLS",
                   help=f"rows, then columns, comma-separated (default organization,year); "
                        f"among: {', '.join(COMPARE_BY)}")
    p.add_argument("--modality", choices=["actual", "target"], help="only achieved figures, or only targets")
    p.add_argument("--unit", help="only figures in this unit (percent, count, vnd, …)")
    p.add_argument("--relation", choices=RELATIONS, default="level",
                   help="level (default), or the changes, achievements against plan or ratios written of it")
    p.add_argument("--agg", choices=list(AGGREGATES), default=None,
                   help="combine a cell's figures (default: show the latest, most specific document's value "
                        "and count the others)")
    p.add_argument("--long", action="store_true", help="one row per cell with the figure shown and all ids")
    p.add_argument("--lang", choices=["vi", "en"], default="vi", help="language of the indicator's label")
    p.add_argument("--with-duplicates", action="store_true", help=WITH_DUPLICATES_HELP)
    add_db_argument(p, lock_timeout=10.0)
    add_format_argument(p)


def _shown(value: Any, others: Any) -> str:
    """A cell for people: the value as written (no trailing .0), `(+k)` when k other figures exist."""
    if value is None or pd.isna(value):
        return ""
    text = f"{value:,.10g}".replace(",", " ") if isinstance(value, float) else str(value)
    return text + (f" (+{int(others)})" if others is not None and not pd.isna(others) and others > 0 else "")


# Column parts as people read them (a total over no stated period says nothing: left out).
WORDS = {"vi": {"actual": "thực hiện", "target": "chỉ tiêu", "average": "bình quân", "total": "",
                "(none)": "", "years": "năm"},
         "en": {"actual": "actual", "target": "target", "average": "average", "total": "",
                "(none)": "", "years": "years"}}


def _header(parts: tuple, names: list, lang: str) -> str:
    words = WORDS[lang]
    shown = []
    for name, part in zip(names, parts, strict=True):
        if name == "period_years" and part != "(none)":
            shown.append(f"{float(part):g} {words['years']}")
        elif name != "year" and str(part) in words:
            shown.append(words[str(part)])
        else:
            shown.append(str(part))
    return " · ".join(p for p in shown if p) or "—"


def people_table(df: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """The pivot with each cell as text: its value and the count of other figures; headers in words."""
    others = df.attrs.get("others")
    if others is None:
        return df
    out = df.astype(object).copy()
    for column in df.columns:
        out[column] = [_shown(v, o) for v, o in zip(df[column], others[column], strict=True)]
    if isinstance(df.columns, pd.MultiIndex):
        out.columns = [_header(c, list(df.columns.names), lang) for c in df.columns]
    return out


def run(args: argparse.Namespace) -> int:
    ds = Dataset(db_path(args), lock_timeout=args.lock_timeout, with_duplicates=args.with_duplicates)
    by = [c.strip() for c in args.by.split(",") if c.strip()]
    compare = ds.compare_long if args.long else ds.compare
    try:
        df = compare(args.indicator, by, modality=args.modality, unit=args.unit, agg=args.agg,
                     relation=args.relation)
    except ValueError as err:
        print(f"chiso compare: {err}", file=sys.stderr)
        return 2
    except StoreLocked as err:
        print(f"chiso compare: {err}", file=sys.stderr)
        return 1
    except (StoreError, duckdb.Error) as err:
        print(f"chiso compare: {err}", file=sys.stderr)
        return 2
    notes = list(df.attrs.get("notes", []))
    if df.empty:
        print(f"chiso compare: no figures with indicator {args.indicator!r}"
              + (f" and modality {args.modality}" if args.modality else ""), file=sys.stderr)
    label = f"{indicator_label(args.indicator, args.lang)} ({args.indicator})"
    if args.format != "table":
        for note in notes:
            print(f"chiso compare: {note}", file=sys.stderr)
        write_frame(df, args.format)
        return 0
    computed = f" · {args.agg}" if args.agg else ""
    sys.stdout.write(f"{label}{computed}\n\n")
    write_frame(df if args.long else people_table(df, args.lang), "table")
    for note in notes:
        sys.stdout.write(f"* {note}\n")
    return 0
