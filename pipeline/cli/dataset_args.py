"""Arguments and output shared by the dataset verbs (ingest, query, compare, export, stats)."""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from typing import Any, TextIO

import pandas as pd

DEFAULT_DB = "chiso.duckdb"
# Table output for people: long cells are cut so a row stays on one screen line.
MAX_CELL = 60


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


def _plain(value: Any) -> Any:
    """A cell as JSON: NaN/NA → null, numpy scalars → Python, dates → ISO strings."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "tolist"):  # numpy scalar or array (list columns)
        return _plain(value.tolist())
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _cell(value: Any) -> str:
    value = _plain(value)
    if value is None:
        return ""
    text = str(value).replace("\n", " ")
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def render_table(df: pd.DataFrame) -> str:
    columns = [str(c) for c in df.columns]
    rows = [[_cell(v) for v in row] for row in df.itertuples(index=False, name=None)]
    widths = [max([len(c), *(len(r[i]) for r in rows)]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def write_frame(df: pd.DataFrame, fmt: str, out: TextIO | None = None) -> None:
    """Write a DataFrame as a table, JSON Lines or CSV (its index, if named, becomes columns)."""
    out = out or sys.stdout
    if any(name is not None for name in df.index.names):
        df = df.reset_index()
    if isinstance(df.columns, pd.MultiIndex):
        df.columns = [" / ".join(str(p) for p in c if str(p)) for c in df.columns]
    df.columns = [str(c) for c in df.columns]
    if fmt == "jsonl":
        for rec in df.to_dict(orient="records"):
            out.write(json.dumps({k: _plain(v) for k, v in rec.items()}, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        df.to_csv(out, index=False, lineterminator="\n")
    else:
        out.write(render_table(df))
    out.flush()
