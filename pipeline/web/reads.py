"""What the pages read: read-only queries over the dataset, cached per database version.

Every query opens a short read-only connection (`pipeline.dataset.Dataset`, file access off)
and closes it. Results are cached with Streamlit's `cache_data`, keyed by the database path and
its modification time, so an ingest (from the Upload page or `chiso ingest`) shows at once.
`DB_GUARD` serializes this process's connections: the Upload page's writer never overlaps a reader
(DuckDB refuses a writer and a reader on one file in one process).
"""

from __future__ import annotations

import logging
import os
import threading
import unicodedata
from pathlib import Path

import pandas as pd
import streamlit as st

from extractors.records import DocumentExtract
from pipeline.audit.model import Finding
from pipeline.audit.storage import read_findings
from pipeline.dataset import Dataset, indicator_label
from pipeline.store import Store
from pipeline.store.errors import StoreNotFound
from pipeline.web.rebuild import extract_from_rows

logger = logging.getLogger(__name__)

DB_ENV = "CHISO_DB"
DEFAULT_DB = "chiso.duckdb"
DB_GUARD = threading.RLock()
# Rows of `runs` shown on the overview (the most recent first).
LAST_RUNS = 10
# SQL that folds text for search: lower case, no tone marks, đ → d ("doan vien" finds "đoàn viên").
_FOLD_SQL = "replace(strip_accents(lower({})), 'đ', 'd')"


class DatasetMissing(Exception):
    """The database the app was started on does not exist."""


def database() -> Path:
    """The dataset the app shows: $CHISO_DB, else ./chiso.duckdb (absolute)."""
    return Path(os.path.abspath(os.environ.get(DB_ENV) or DEFAULT_DB))


def version(db: Path) -> float:
    """A cache key that changes whenever the database is written (its and its WAL's mtime)."""
    stamp = 0.0
    for path in (db, db.with_name(db.name + ".wal")):
        try:
            stamp += path.stat().st_mtime_ns / 1e9
        except FileNotFoundError:
            continue
    if stamp == 0.0:
        raise DatasetMissing(str(StoreNotFound(str(db))))
    return stamp


def fold(text: str) -> str:
    """Python twin of _FOLD_SQL."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _sql(db: str, query: str, params: list | None = None, with_duplicates: bool = False) -> pd.DataFrame:
    with DB_GUARD:
        return Dataset(db, with_duplicates=with_duplicates).sql(query, params)


# The browser's facets: figure column → label (Vietnamese · English). Filters are (column, values) pairs.
BROWSE_FACETS = {"organization": "Tổ chức · organization", "year": "Năm · year", "indicator": "Chỉ tiêu · indicator",
                 "doc_kind": "Loại văn bản · kind", "modality": "Thực hiện / chỉ tiêu · modality"}
BROWSE_COLUMNS = ("organization", "year", "indicator", "modality", "value", "value_max", "unit", "comparator",
                  "aggregation", "period_years", "relation", "entity", "text", "sentence", "doc_kind", "doc_date",
                  "path", "page", "doc_id", "figure_id")
BROWSE_LIMIT = 2000  # rows shown; the downloads hold all
Filters = tuple[tuple[str, tuple], ...]


def _browse_where(filters: Filters, leave_out: str | None = None) -> tuple[str, list]:
    where: list[str] = []
    params: list = []
    for column, values in filters:
        if column in BROWSE_FACETS and column != leave_out and values:
            where.append(f"{column} IN ({', '.join('?' * len(values))})")
            params.extend(values)
    return (" WHERE " + " AND ".join(where)) if where else "", params


@st.cache_data(show_spinner=False, max_entries=64)
def browse_facets(db: str, stamp: float, filters: Filters, with_duplicates: bool = False) -> dict[str, pd.DataFrame]:
    """Each facet's values with how many figures have it under the other facets' filters."""
    out = {}
    for column in BROWSE_FACETS:
        where, params = _browse_where(filters, leave_out=column)
        where += (" AND " if where else " WHERE ") + f"{column} IS NOT NULL"
        out[column] = _sql(db, f"SELECT {column} AS value, count(*) AS n FROM figures{where} "
                               "GROUP BY ALL ORDER BY n DESC, value", params, with_duplicates)
    return out


@st.cache_data(show_spinner=False, max_entries=64)
def browse_figures(db: str, stamp: float, filters: Filters, with_duplicates: bool = False) -> pd.DataFrame:
    """The figures under every filter, with the indicator's label beside its id."""
    where, params = _browse_where(filters)
    df = _sql(db, f"SELECT {', '.join(BROWSE_COLUMNS)} FROM figures{where} "
                  "ORDER BY organization NULLS LAST, year NULLS LAST, indicator NULLS LAST, figure_id",
              params, with_duplicates)
    df.insert(df.columns.get_loc("indicator") + 1, "indicator_label",
              df["indicator"].map(lambda i: indicator_label(i) if isinstance(i, str) else None))
    return df


@st.cache_data(show_spinner=False, max_entries=16)
def overview(db: str, stamp: float) -> dict[str, pd.DataFrame]:
    """Totals, documents by kind / organization / year, last runs, failed files, findings."""
    with DB_GUARD:
        ds = Dataset(db)
        out = ds.stats()
        findings = ds.findings()
    out["documents_by_year"] = _sql(db, "SELECT year, kind, count(*) AS documents FROM documents "
                                        "GROUP BY ALL ORDER BY year NULLS LAST, kind")
    out["documents_by_organization"] = _sql(
        db, "SELECT coalesce(d.organization, '(không rõ / unknown)') AS organization, count(*) AS documents, "
            "string_agg(DISTINCT d.kind, ', ' ORDER BY d.kind) AS kinds, "
            "sum((SELECT count(*) FROM figures f WHERE f.doc_id = d.doc_id)) AS figures "
            "FROM documents d GROUP BY ALL ORDER BY documents DESC, organization")
    out["runs"] = _sql(db, "SELECT run_id, runner, started_at, ended_at, files_seen, ingested, skipped, failed, "
                           "documents, figures, \"references\", extractor_version FROM runs "
                           f"ORDER BY started_at DESC LIMIT {LAST_RUNS}")
    out["findings"] = findings
    return out


@st.cache_data(show_spinner=False, max_entries=16)
def facets(db: str, stamp: float) -> dict[str, list[str]]:
    """Values offered by the document search filters."""
    orgs = _sql(db, "SELECT DISTINCT organization FROM documents WHERE organization IS NOT NULL ORDER BY 1")
    kinds = _sql(db, "SELECT DISTINCT kind FROM documents WHERE kind IS NOT NULL ORDER BY 1")
    return {"organization": list(orgs["organization"]), "kind": list(kinds["kind"])}


@st.cache_data(show_spinner=False, max_entries=64)
def search_documents(db: str, stamp: float, organizations: tuple[str, ...] = (), kinds: tuple[str, ...] = (),
                     title: str = "", word: str = "") -> pd.DataFrame:
    """Documents matching every filter given; `title` and `word` ignore case and tone marks."""
    where: list[str] = []
    params: list = []
    if organizations:
        where.append(f"d.organization IN ({', '.join('?' * len(organizations))})")
        params.extend(organizations)
    if kinds:
        where.append(f"d.kind IN ({', '.join('?' * len(kinds))})")
        params.extend(kinds)
    for column, needle in (("d.title", title), ("d.text", word)):
        if needle.strip():
            where.append(f"contains({_FOLD_SQL.format(column)}, ?)")
            params.append(fold(needle.strip()))
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    return _sql(db, "SELECT d.doc_id, d.title, d.organization, d.kind, d.date, d.path, d.doc_index, d.text, "
                    "(SELECT count(*) FROM figures f WHERE f.doc_id = d.doc_id) AS figures, "
                    "(SELECT count(*) FROM \"references\" r WHERE r.doc_id = d.doc_id) AS \"references\" "
                    f"FROM documents d{clause} ORDER BY d.path, d.doc_index", params)


@st.cache_data(show_spinner=False, max_entries=64)
def document(db: str, stamp: float, doc_id: str) -> DocumentExtract | None:
    """One stored document with its figures and references, as records (None: unknown id). A duplicate
    document opens too (a link names it): counting once is for lists and sums, not for reading."""
    docs = _sql(db, "SELECT * FROM documents WHERE doc_id = ?", [doc_id], with_duplicates=True)
    if docs.empty:
        return None
    figs = _sql(db, "SELECT * FROM figures WHERE doc_id = ? ORDER BY char_start, figure_id", [doc_id], True)
    refs = _sql(db, "SELECT * FROM \"references\" WHERE doc_id = ? ORDER BY char_start, ref_id", [doc_id], True)
    return extract_from_rows(docs.iloc[0].to_dict(), figs.to_dict("records"), refs.to_dict("records"))


@st.cache_data(show_spinner=False, max_entries=16)
def indicators(db: str, stamp: float) -> pd.DataFrame:
    """Indicators with figures: id, figures, organizations, years covered."""
    return _sql(db, "SELECT indicator, count(*) AS figures, count(DISTINCT organization) AS organizations, "
                    "min(year) AS first_year, max(year) AS last_year, "
                    "string_agg(DISTINCT unit, ', ' ORDER BY unit) AS units FROM figures "
                    "WHERE indicator IS NOT NULL GROUP BY indicator ORDER BY figures DESC, indicator")


@st.cache_data(show_spinner=False, max_entries=64)
def indicator_figures(db: str, stamp: float, indicator: str) -> pd.DataFrame:
    """Every figure of one indicator, with what a reader needs to check it."""
    return _sql(db, "SELECT organization, year, modality, value, value_max, unit, comparator, aggregation, "
                    "deadline_year, recurrence, entity, text, sentence, doc_kind, doc_date, path, doc_index, "
                    "page, char_start, doc_id, figure_id FROM figures WHERE indicator = ? "
                    "ORDER BY organization NULLS LAST, year NULLS LAST, modality, char_start", [indicator])


@st.cache_data(show_spinner=False, max_entries=64)
def indicator_cells(db: str, stamp: float, indicator: str) -> tuple[pd.DataFrame, list[str]]:
    """The cells of `Dataset.compare_long` by organization, year, modality and unit (a value some
    document wrote, never a blend of unlike figures), and its notes."""
    with DB_GUARD:
        long = Dataset(db).compare_long(indicator, ["organization", "year", "modality", "unit"])
    return long.drop(columns=["figure_ids"]), list(long.attrs.get("notes", []))


@st.cache_data(show_spinner=False, max_entries=64)
def findings(db: str, stamp: float) -> list[Finding]:
    """The stored audit findings (empty when the audit has not run on this database)."""
    with DB_GUARD, Store(db, read_only=True, lock_timeout=10.0, external_access=False) as store:
        return read_findings(store.con)


def source_file(db: Path, path_key: str) -> Path | None:
    """The file a stored path names, when it is on this machine (keys are relative to the
    database's folder, or absolute; pipeline/store/paths.py)."""
    from pipeline.store.paths import key_path

    candidate = Path(key_path(path_key))  # a key spells odd bytes of a name as escapes
    if not candidate.is_absolute():
        candidate = db.parent / candidate
    return candidate if candidate.is_file() else None


def clear_caches() -> None:
    st.cache_data.clear()
