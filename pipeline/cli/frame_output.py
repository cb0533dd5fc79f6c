"""DataFrames out of the CLI: a table for people, JSON Lines or CSV for scripts."""

from __future__ import annotations

import json
import math
import sys
from typing import Any, TextIO

import pandas as pd

# Table output for people: long cells are cut so a row stays on one screen line.
MAX_CELL = 60


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
