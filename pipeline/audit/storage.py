"""The `findings` table (migrations 002_findings.sql and 006_finding_reviews.sql): write and read."""

from __future__ import annotations

import datetime as dt
import json
import logging
from importlib import resources

import duckdb

from pipeline.audit.model import SURE, Evidence, Finding
from pipeline.store.store import insert_rows

logger = logging.getLogger(__name__)

COLUMNS = ("finding_id", "rule", "severity", "outcome", "organization", "indicator", "message_vi",
           "message_en", "arithmetic", "figure_ids", "evidence", "confidence", "created_at")
MIGRATIONS = ("002_findings.sql", "006_finding_reviews.sql")


def _has_findings_table(con: duckdb.DuckDBPyConnection) -> bool:
    rows = con.execute("SELECT 1 FROM information_schema.tables WHERE table_name = 'findings'").fetchall()
    return bool(rows)


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    rows = con.execute("SELECT 1 FROM information_schema.tables WHERE table_name = ?", [name]).fetchall()
    return bool(rows)


def ensure_findings_table(con: duckdb.DuckDBPyConnection) -> None:
    """Create `findings` (and `finding_reviews`) from the migration files when the store has not
    (a bare connection)."""
    for name, table in zip(MIGRATIONS, ("findings", "finding_reviews"), strict=True):
        if not has_table(con, table):
            con.execute(resources.files("pipeline.store").joinpath("migrations", name).read_text("utf-8"))


def replace_findings(con: duckdb.DuckDBPyConnection, findings: list[Finding]) -> int:
    """Delete the previous audit's findings and store these, in one transaction and one INSERT
    (`insert_rows`: 7,848 findings took 30-40 s as one parameterized INSERT each)."""
    ensure_findings_table(con)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows = [{**f.as_dict(), "created_at": now} for f in findings]  # the table's columns: Finding.as_dict
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM findings")
        insert_rows(con, "findings", rows)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    logger.info("stored %d findings", len(rows))
    return len(rows)


def read_findings(con: duckdb.DuckDBPyConnection) -> list[Finding]:
    """The stored findings, as records (empty when no audit ran yet)."""
    if not _has_findings_table(con):
        return []
    have = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                      "WHERE table_name = 'findings'").fetchall()}
    # a dataset opened read-only before migration 006 has no confidence column: its findings were sure
    cols = [c if c in have else f"NULL AS {c}" for c in COLUMNS[:-1]]
    out = []
    for row in con.execute(f"SELECT {', '.join(cols)} FROM findings ORDER BY rule, finding_id").fetchall():
        d = dict(zip(COLUMNS, row, strict=False))
        evidence = tuple(Evidence(**e) for e in json.loads(d.pop("evidence") or "[]"))
        out.append(Finding(**{**d, "figure_ids": tuple(d["figure_ids"] or ()), "evidence": evidence,
                              "confidence": d.get("confidence") or SURE}))
    return out
