"""The dataset for researchers: `Dataset("chiso.duckdb").figures(indicator=…)` → pandas.

Every call opens a short read-only connection (file access disabled) and closes it, so an
open Dataset never blocks `chiso ingest`; while an ingest runs, calls wait up to
`lock_timeout` seconds for it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from pipeline.store import Store
from pipeline.store.readonly import check_read_only
from pipeline.store.store import quote

logger = logging.getLogger(__name__)

# Aggregations offered by compare(): name → SQL aggregate over `value`.
AGGREGATES = {"mean": "avg", "median": "median", "min": "min", "max": "max", "sum": "sum", "count": "count"}
# Columns a comparison may split by.
COMPARE_BY = ("organization", "year", "deadline_year", "doc_kind", "doc_date", "modality", "unit", "entity",
              "aggregation", "comparator", "recurrence", "path", "extractor_version")
SEVERAL_SPLIT = ("modality", "unit")  # never averaged together: split by them when mixed


def _where(filters: dict[str, Any]) -> tuple[str, list[Any]]:
    """WHERE clause for {column: value or list of values}; None values are ignored."""
    clauses, params = [], []
    for column, value in filters.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple, set, frozenset)):
            values = list(value)
            clauses.append(f"{quote(column)} IN ({', '.join('?' * len(values))})" if values else "FALSE")
            params.extend(values)
        else:
            clauses.append(f"{quote(column)} = ?")
            params.append(value)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class Dataset:
    def __init__(self, path: str | Path = "chiso.duckdb", lock_timeout: float = 10.0) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout

    def __repr__(self) -> str:
        return f"Dataset({str(self.path)!r})"

    def _open(self) -> Store:
        return Store(self.path, read_only=True, lock_timeout=self.lock_timeout, external_access=False)

    # -- raw access --------------------------------------------------------------------------
    def sql(self, query: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
        """Run a SELECT (or EXPLAIN); anything else raises ReadOnlyViolation."""
        check_read_only(query)
        with self._open() as store:
            return store.con.execute(query, list(params or [])).df()

    def arrow(self, query: str, params: Sequence[Any] | None = None) -> pa.Table:
        """Like sql(), as an Arrow table (exact types: what the Parquet export writes)."""
        check_read_only(query)
        with self._open() as store:
            res = store.con.execute(query, list(params or []))
            return res.to_arrow_table() if hasattr(res, "to_arrow_table") else res.fetch_arrow_table()

    def tables(self) -> list[str]:
        """Data tables present (schema_migrations aside)."""
        df = self.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
                      "AND table_catalog = current_database() AND table_name <> 'schema_migrations' ORDER BY table_name")
        return list(df["table_name"])

    def _select(self, table: str, filters: dict[str, Any], order: str) -> pd.DataFrame:
        where, params = _where(filters)
        return self.sql(f"SELECT * FROM {quote(table)}{where} ORDER BY {order}", params)

    # -- tables ------------------------------------------------------------------------------
    def figures(self, indicator: Any = None, organization: Any = None, year: Any = None,
                modality: Any = None, **columns: Any) -> pd.DataFrame:
        """Figures with their provenance (path, doc_index, page, char_start, char_end, sentence).

        Each filter takes a value or a list of values; other figure columns filter by keyword
        (`unit="percent"`, `doc_kind="kế hoạch"`)."""
        filters = {"indicator": indicator, "organization": organization, "year": year,
                   "modality": modality, **columns}
        return self._select("figures", filters, "path, doc_index, char_start, figure_id")

    def documents(self, kind: Any = None, organization: Any = None, year: Any = None,
                  **columns: Any) -> pd.DataFrame:
        return self._select("documents", {"kind": kind, "organization": organization, "year": year,
                                          **columns}, "path, doc_index")

    def references(self, number: Any = None, kind: Any = None, **columns: Any) -> pd.DataFrame:
        return self._select("references", {"number": number, "kind": kind, **columns},
                            "path, doc_index, char_start, ref_id")

    def files(self, status: Any = None) -> pd.DataFrame:
        return self._select("files", {"status": status}, "path")

    def runs(self) -> pd.DataFrame:
        return self._select("runs", {}, "started_at, run_id")

    def findings(self, **columns: Any) -> pd.DataFrame:
        """Audit findings (empty when the audit has not run on this database)."""
        if "findings" not in self.tables():
            return pd.DataFrame()
        return self._select("findings", columns, "finding_id")

    # -- comparison --------------------------------------------------------------------------
    def compare_long(self, indicator: str, by: Sequence[str] = ("organization", "year"), *,
                     modality: str | None = None, unit: str | None = None, agg: str = "mean") -> pd.DataFrame:
        """One row per group: the `by` columns, `value` (aggregated), `n` figures and their ids.

        Figures of different modalities or units are never aggregated together: when both
        occur and are not filtered, the grouping is split by them too."""
        by = list(by)
        if agg not in AGGREGATES:
            raise ValueError(f"agg must be one of {', '.join(AGGREGATES)}, not {agg!r}")
        bad = [c for c in by if c not in COMPARE_BY]
        if bad or not by:
            raise ValueError(f"cannot compare by {bad or by}; choose among {', '.join(COMPARE_BY)}")
        where, params = _where({"indicator": indicator, "modality": modality, "unit": unit})
        for column in SEVERAL_SPLIT:
            if column not in by:
                n = self.sql(f"SELECT count(DISTINCT {column}) AS n FROM figures{where}", params)["n"][0]
                if n > 1:
                    logger.info("%s: figures in several %s values; splitting by %s", indicator, column, column)
                    by.append(column)
        cols = ", ".join(quote(c) for c in by)
        return self.sql(
            f"SELECT {cols}, {AGGREGATES[agg]}(value) AS value, count(*) AS n, "
            f"list(figure_id ORDER BY figure_id) AS figure_ids FROM figures{where} "
            f"GROUP BY ALL ORDER BY {cols}", params)

    def compare(self, indicator: str, by: Sequence[str] = ("organization", "year"), *,
                modality: str | None = None, unit: str | None = None, agg: str = "mean") -> pd.DataFrame:
        """A pivot: rows by `by[0]`, columns by the rest of `by`, cells the aggregated value."""
        long = self.compare_long(indicator, by, modality=modality, unit=unit, agg=agg)
        by_cols = [c for c in long.columns if c not in ("value", "n", "figure_ids")]
        if len(by_cols) == 1 or long.empty:
            return long.set_index(by_cols)[["value"]]
        for c in by_cols:  # a missing organization or year is a group of its own, not dropped
            long[c] = long[c].astype(object).where(long[c].notna(), "(none)")
        return long.pivot_table(index=by_cols[0], columns=by_cols[1:], values="value", aggfunc="first")

    # -- summary -----------------------------------------------------------------------------
    def stats(self) -> dict[str, pd.DataFrame]:
        """What `chiso stats` shows: totals, documents by kind and organization, figures by
        indicator and modality, files that failed."""
        totals = self.sql(
            "SELECT (SELECT count(*) FROM files) AS files, "
            "(SELECT count(*) FROM files WHERE status = 'ok') AS files_ok, "
            "(SELECT count(*) FROM files WHERE status = 'needs_ocr') AS files_needs_ocr, "
            "(SELECT count(*) FROM files WHERE status = 'failed') AS files_failed, "
            "(SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM figures) AS figures, "
            "(SELECT count(*) FROM \"references\") AS \"references\", (SELECT count(*) FROM runs) AS runs")
        return {
            "totals": totals,
            "documents_by_kind": self.sql(
                "SELECT kind, organization, count(*) AS documents FROM documents "
                "GROUP BY ALL ORDER BY documents DESC, kind, organization NULLS LAST"),
            "figures_by_indicator": self.sql(
                "SELECT indicator, modality, count(*) AS figures, count(DISTINCT doc_id) AS documents "
                "FROM figures GROUP BY ALL ORDER BY figures DESC, indicator NULLS LAST, modality"),
            "failed_files": self.sql(
                "SELECT path, status, error FROM files WHERE status <> 'ok' ORDER BY path"),
        }
