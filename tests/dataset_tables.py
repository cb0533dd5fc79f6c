"""Reading a stored dataset back in tests: one query's rows, and every table without the columns that
differ between runs, to compare two runs (Dask vs processes, a flow vs `chiso ingest`)."""

from __future__ import annotations

from pathlib import Path

import duckdb


def rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def dataset(db: Path) -> dict[str, list[tuple]]:
    """Every dataset table, without the columns that differ between runs (timestamps, run ids, the files' stat)."""
    queries = {
        "files": "SELECT * EXCLUDE (ingested_at, run_id, mtime_ns, inode) FROM files ORDER BY path",
        "documents": "SELECT * FROM documents ORDER BY doc_id",
        "figures": "SELECT * FROM figures ORDER BY figure_id",
        "references": 'SELECT * FROM "references" ORDER BY ref_id',
    }
    return {name: rows(db, sql) for name, sql in queries.items()}
