"""The dataset for researchers: `Dataset("chiso.duckdb").figures(indicator=…)` → pandas.

Every call opens a short read-only connection (file access disabled) and closes it, so an
open Dataset never blocks `chiso ingest`; while an ingest runs, calls wait up to
`lock_timeout` seconds for it.

One document counted once: a document stored again in another file (the same speech as TXT, DOCX
and PDF; docs/schema.md, "Duplicate documents") is left out of `documents`, `figures` and
`references` in every query of a Dataset unless it is opened `with_duplicates=True`; the stored
tables stay whole (`files` lists every file).
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

# Aggregations `compare(agg=…)` may compute over a cell's figures (default: none, the value of the
# latest and most specific document is shown): name → pandas aggregation.
AGGREGATES = {"mean": "mean", "median": "median", "min": "min", "max": "max", "sum": "sum", "count": "count"}
# Columns a comparison may split by.
COMPARE_BY = ("organization", "year", "deadline_year", "doc_kind", "doc_date", "modality", "unit", "entity",
              "aggregation", "relation", "period_years", "comparator", "recurrence", "path", "extractor_version")
# Figures combine in one cell only when these agree: when they are mixed and not in `by`, the
# comparison is split by them too (a target is no actual, a yearly average no five-year total).
SEVERAL_SPLIT = ("modality", "unit", "aggregation", "period_years")
# The relation compared (a change, a percentage of plan or a ratio is no level of the indicator).
RELATIONS = ("level", "change", "achievement", "ratio")
# Where a figure's organization / year was read, most specific first (COMPARABLE.md).
SPECIFICITY = {"clause": 0, "heading": 1, "document": 2}
# Tables that hold a document's rows: a Dataset without duplicates reads them through views.
DOCUMENT_TABLES = ("documents", "figures", "references")
NONE = "(none)"  # a missing key is a group of its own, not dropped


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


def indicator_label(indicator: str | None, lang: str = "vi") -> str:
    """The indicator's label people read (Vietnamese, or English with lang="en"); the id when unknown."""
    from extractors.indicators import indicators

    found = indicators().get(indicator or "")
    if found is None:
        return indicator or ""
    return found.label_en if lang == "en" else found.label_vi


def _canonical_views(store: Store) -> None:
    """Temporary views named like the tables, without the rows of duplicate documents (a temporary
    name is found before the stored one; the stored tables stay reachable as `<catalog>.main.<t>`)."""
    catalog = quote(store.con.execute("SELECT current_database()").fetchall()[0][0])
    columns = {r[0] for r in store.con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND "
        "table_catalog = current_database() AND table_name = 'documents'").fetchall()}
    if "duplicate_of" not in columns:  # a dataset from before migration 005: no duplicate known
        return
    duplicates = f"SELECT doc_id FROM {catalog}.main.documents WHERE duplicate_of IS NOT NULL"
    for table in DOCUMENT_TABLES:
        store.con.execute(f"CREATE TEMP VIEW {quote(table)} AS SELECT * FROM {catalog}.main.{quote(table)} "
                          f"WHERE doc_id NOT IN ({duplicates})")


class Dataset:
    def __init__(self, path: str | Path = "chiso.duckdb", lock_timeout: float = 10.0,
                 with_duplicates: bool = False) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        self.with_duplicates = with_duplicates

    def __repr__(self) -> str:
        extra = ", with_duplicates=True" if self.with_duplicates else ""
        return f"Dataset({str(self.path)!r}{extra})"

    def _open(self) -> Store:
        store = Store(self.path, read_only=True, lock_timeout=self.lock_timeout, external_access=False)
        try:
            if not self.with_duplicates:
                _canonical_views(store)
        except BaseException:
            store.close()
            raise
        return store

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
                     modality: str | None = None, unit: str | None = None, agg: str | None = None,
                     relation: str = "level") -> pd.DataFrame:
        """One row per cell: the `by` columns, `value`, `n` figures, `others` and the figure shown.

        A cell combines only figures that agree on indicator, unit, modality, aggregation, relation
        and period: when those are mixed and not in `by`, the rows are split by them too; figures
        of another `relation` are left out (the notes in `.attrs["notes"]` say how many and why).
        Without `agg` a cell shows a value some document wrote: that of its latest document, then
        of the figure whose organization and year were read most closely (clause, heading,
        document); `others` counts the cell's other figures. With `agg` the value is computed
        (`computed` says how)."""
        by = list(by)
        if agg is not None and agg not in AGGREGATES:
            raise ValueError(f"agg must be one of {', '.join(AGGREGATES)}, not {agg!r}")
        bad = [c for c in by if c not in COMPARE_BY]
        if bad or not by:
            raise ValueError(f"cannot compare by {bad or by}; choose among {', '.join(COMPARE_BY)}")
        if relation not in RELATIONS:
            raise ValueError(f"relation must be one of {', '.join(RELATIONS)}, not {relation!r}")
        figures = self.figures(indicator=indicator, modality=modality, unit=unit)
        notes = _left_out(figures, relation)
        figures = figures[figures["relation"].fillna("level") == relation]
        figures = figures[figures["value"].notna()]
        for column in SEVERAL_SPLIT:
            if column not in by and figures[column].nunique(dropna=False) > 1:
                notes.append(f"{column}: figures in {figures[column].nunique(dropna=False)} values, never combined "
                             "(a column or series each)")
                by.append(column)
        return _cells(figures, by, agg, notes)

    def compare(self, indicator: str, by: Sequence[str] = ("organization", "year"), *,
                modality: str | None = None, unit: str | None = None, agg: str | None = None,
                relation: str = "level") -> pd.DataFrame:
        """A pivot: rows by `by[0]`, columns by the rest of `by`, cells as in `compare_long`.
        `.attrs`: `notes`, and `others` (the same pivot of other figures per cell)."""
        long = self.compare_long(indicator, by, modality=modality, unit=unit, agg=agg, relation=relation)
        notes = long.attrs.get("notes", [])
        by_cols = list(long.attrs.get("by", by))
        if len(by_cols) == 1 or long.empty:
            out = long.set_index(by_cols)[["value"]]
            out.attrs.update(notes=notes, others=long.set_index(by_cols)[["others"]])
            return out
        pivots = {c: long.pivot_table(index=by_cols[0], columns=by_cols[1:], values=c, aggfunc="first")
                  for c in ("value", "others")}
        out = pivots["value"]
        out.attrs.update(notes=notes, others=pivots["others"].reindex_like(out))
        return out

    def chart(self, indicator: str, by: str = "organization", out: str | Path | None = None, *,
              modality: str | None = None, unit: str | None = None, lang: str = "vi", top: int | None = None,
              only: Sequence[str] | None = None) -> Any:
        """A chart of `indicator` over the years, a line per `by` value (actual solid, target dashed),
        from the cells of `compare_long`; shown inline in a notebook, written to `out` (.svg, .png,
        .html) when given; `only`: just these `by` values. Returns a `pipeline.chart.Chart`."""
        from pipeline.chart import TOP, chart_from_long

        if by == "year":
            raise ValueError("a chart's lines are by organization (or another column), its axis by year")
        long = self.compare_long(indicator, [by, "year", "modality", "unit"], modality=modality, unit=unit)
        if only:
            long = long[long[by].isin(list(only))].copy() if not long.empty else long
        title = f"{indicator_label(indicator, lang)} ({indicator})"
        chart = chart_from_long(long, by, title, lang, top or TOP)
        if out is not None:
            chart.save(out)
        return chart

    def duplicates(self) -> pd.DataFrame:
        """Documents stored again in another file: each with the canonical document it repeats, the
        similarity of their texts (1: the same words) and both paths (empty before migration 005)."""
        every = Dataset(self.path, self.lock_timeout, with_duplicates=True)
        if "duplicate_of" not in set(every.sql("SELECT * FROM documents LIMIT 0").columns):
            return pd.DataFrame(columns=["doc_id", "path", "doc_index", "duplicate_of", "canonical_path",
                                         "similarity"])
        return every.sql("SELECT d.doc_id, d.path, d.doc_index, d.duplicate_of, c.path AS canonical_path, "
                         "d.similarity FROM documents d LEFT JOIN documents c ON c.doc_id = d.duplicate_of "
                         "WHERE d.duplicate_of IS NOT NULL ORDER BY c.path, d.duplicate_of, d.path, d.doc_index")

    # -- summary -----------------------------------------------------------------------------
    def stats(self) -> dict[str, pd.DataFrame]:
        """What `chiso stats` shows: totals, documents by kind and organization, figures by
        indicator and modality, files that failed. Without duplicates, `documents` and `figures`
        count each document once; `duplicate_documents` says how many were left out."""
        totals = self.sql(
            "SELECT (SELECT count(*) FROM files) AS files, "
            "(SELECT count(*) FROM files WHERE status = 'ok') AS files_ok, "
            "(SELECT count(*) FROM files WHERE status = 'needs_ocr') AS files_needs_ocr, "
            "(SELECT count(*) FROM files WHERE status = 'failed') AS files_failed, "
            "(SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM figures) AS figures, "
            "(SELECT count(*) FROM \"references\") AS \"references\", (SELECT count(*) FROM runs) AS runs")
        totals.insert(5, "duplicate_documents", len(self.duplicates()))
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


def _left_out(figures: pd.DataFrame, relation: str) -> list[str]:
    """Notes on the figures of another relation than the one compared."""
    other = figures["relation"].fillna("level")
    counts = other[other != relation].value_counts()
    if counts.empty:
        return []
    parts = ", ".join(f"{n} {name}" for name, n in counts.items())
    return [f"{int(counts.sum())} figures left out, not a {relation} of the indicator ({parts}); "
            f"--relation shows them"]


def _rank(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures in the order a cell prefers them: latest document first, then the most specific."""
    specific = (figures["organization_from"].map(SPECIFICITY).fillna(3)
                + figures["year_from"].map(SPECIFICITY).fillna(3))
    return (figures.assign(_date=pd.to_datetime(figures["doc_date"]), _specific=specific)
            .sort_values(["_date", "_specific", "figure_id"], ascending=[False, True, True], na_position="last"))


def _cells(figures: pd.DataFrame, by: list[str], agg: str | None, notes: list[str]) -> pd.DataFrame:
    columns = [*by, "value", "n", "others", "computed", "text", "figure_id", "path", "figure_ids"]
    if figures.empty:
        out = pd.DataFrame(columns=columns)
        out.attrs.update(notes=notes, by=by)
        return out
    ranked = _rank(figures)
    for c in by:
        ranked[c] = ranked[c].astype(object).where(ranked[c].notna(), NONE)
    rows = []
    for key, group in ranked.groupby(by, sort=True):
        first = group.iloc[0]
        key = key if isinstance(key, tuple) else (key,)
        value = group["value"].agg(AGGREGATES[agg]) if agg else first["value"]
        rows.append((*key, value, len(group), len(group) - 1 if not agg else 0,
                     f"{agg} of {len(group)} figures" if agg else None, first["text"],
                     first["figure_id"], first["path"], sorted(group["figure_id"])))
    out = pd.DataFrame(rows, columns=columns)
    several = int((out["n"] > 1).sum())
    if several and not agg:
        notes.append(f"{several} cells hold several figures (several documents): the value shown is that of "
                     "the latest, most specific document; (+k) counts the others; --agg combines them")
    out.attrs.update(notes=notes, by=by)
    return out
