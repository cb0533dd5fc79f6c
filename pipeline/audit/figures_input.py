"""The audit's input: rows of the `figures` table (schema.md) as `AuditFigure` records."""

from __future__ import annotations

import datetime as dt
import logging
import math
from dataclasses import fields
from typing import Any

import duckdb
import pandas as pd

from pipeline.audit.model import AuditError, AuditFigure

logger = logging.getLogger(__name__)

REQUIRED = ("figure_id", "doc_id", "value", "unit")
_FIELDS = {f.name: f for f in fields(AuditFigure)}
_INT_FIELDS = ("doc_index", "year", "page", "char_start", "char_end", "deadline_year", "sentence_start")
_FLOAT_FIELDS = ("value", "value_max", "period_years", "denominator")


def _clean(name: str, v: Any) -> Any:
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NaT:
        return None
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    if name in _INT_FIELDS:
        return int(v)
    if name in _FLOAT_FIELDS:
        return float(v)
    if name == "ambiguous":
        return bool(v)
    if name == "doc_date" and isinstance(v, dt.date | pd.Timestamp):
        return v.isoformat()[:10]
    return v


def figures_from_frame(df: pd.DataFrame) -> list[AuditFigure]:
    """Every row of a figures DataFrame with the contract's columns (extra columns are ignored)."""
    missing = [c for c in REQUIRED if c not in df.columns]
    if missing:
        raise AuditError(f"figures: missing column(s) {', '.join(missing)}")
    cols = [c for c in df.columns if c in _FIELDS]
    out = []
    for row in df[cols].to_dict("records"):
        kw = {k: _clean(k, v) for k, v in row.items()}
        kw = {k: v for k, v in kw.items() if v is not None or _FIELDS[k].default is None}
        if kw.get("value") is None:
            logger.debug("figure %s has no value; skipped", kw.get("figure_id"))
            continue
        out.append(AuditFigure(**kw))
    return out


def figures_from_db(con: duckdb.DuckDBPyConnection) -> list[AuditFigure]:
    """Every figure of a connection's `figures` table whose document is counted (a document stored
    again from another file, `documents.duplicate_of`, is audited once: its copy would be a second
    document of the same organization giving the same values)."""
    try:
        has_duplicates = bool(con.execute(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'documents' "
            "AND column_name = 'duplicate_of'").fetchall()[0][0])
        counted = (" WHERE doc_id NOT IN (SELECT doc_id FROM documents WHERE duplicate_of IS NOT NULL)"
                   if has_duplicates else "")
        df = con.execute(f"SELECT * FROM figures{counted}").df()
    except duckdb.CatalogException as err:
        raise AuditError(f"database has no figures table ({err}); run `chiso ingest` first") from err
    return figures_from_frame(df)
