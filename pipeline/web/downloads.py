"""Tables as files to download: CSV (UTF-8 with BOM, so Excel shows Vietnamese right) and Excel made
for people as `chiso export` makes it (frozen header, filters, widths, indicator labels, a sheet
`Cột · Columns`)."""

from __future__ import annotations

import io

import pandas as pd

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Excel's limit on a sheet name.
SHEET_NAME_MAX = 31


def _plain_columns(df: pd.DataFrame) -> pd.DataFrame:
    """Excel cannot store timezone-aware datetimes or lists: write them as text."""
    out = df.copy()
    for column in out.columns:
        if out[column].map(lambda v: isinstance(v, (list, tuple, dict))).any():
            out[column] = out[column].map(lambda v: ", ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
    return out


def csv_bytes(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def excel_bytes(df: pd.DataFrame, sheet: str = "figures") -> bytes:
    from pipeline.dataset import indicator_label
    from pipeline.export import LABEL_COLUMN, write_xlsx

    out = _plain_columns(df)
    if "indicator" in out.columns and LABEL_COLUMN not in out.columns:
        out.insert(out.columns.get_loc("indicator") + 1, LABEL_COLUMN,
                   out["indicator"].map(lambda i: indicator_label(i) if isinstance(i, str) else None))
    buffer = io.BytesIO()
    write_xlsx({sheet[:SHEET_NAME_MAX] or "data": out}, buffer)
    return buffer.getvalue()
