"""Auditors' review marks on findings (issue 23): confirmed or dismissed, by whom and when.

Marks live in `finding_reviews` (migration 006) keyed by `finding_id`, which is stable (the same
rule on the same figures gives the same id), so a mark holds across re-audits; an audit replaces
`findings`, never the marks. `precision` measures each rule's precision from the marks of the
findings the last audit reported."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

import duckdb

from pipeline.audit.model import AuditError
from pipeline.audit.storage import ensure_findings_table, has_table

CONFIRMED, DISMISSED = "confirmed", "dismissed"
MARKS = (CONFIRMED, DISMISSED)


@dataclass(frozen=True)
class Review:
    finding_id: str
    rule: str | None
    mark: str
    reviewer: str
    note: str | None
    reviewed_at: dt.datetime


@dataclass(frozen=True)
class RulePrecision:
    rule: str
    confirmed: int
    dismissed: int
    unreviewed: int  # findings of the last audit without a mark

    @property
    def precision(self) -> float | None:
        marked = self.confirmed + self.dismissed
        return self.confirmed / marked if marked else None


def mark_finding(con: duckdb.DuckDBPyConnection, finding_id: str, mark: str, reviewer: str,
                 note: str | None = None) -> Review:
    """Store (or replace) the mark of one finding of the last audit."""
    if mark not in MARKS:
        raise AuditError(f"mark must be one of {', '.join(MARKS)}, not {mark!r}")
    if not reviewer.strip():
        raise AuditError("a review mark needs the reviewer's name")
    ensure_findings_table(con)
    rows = con.execute("SELECT rule FROM findings WHERE finding_id = ?", [finding_id]).fetchall()
    if not rows:
        raise AuditError(f"no finding {finding_id} in the last audit; run `chiso audit` and copy its finding_id")
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    con.execute("DELETE FROM finding_reviews WHERE finding_id = ?", [finding_id])
    con.execute("INSERT INTO finding_reviews (finding_id, rule, mark, reviewer, note, reviewed_at) "
                "VALUES (?, ?, ?, ?, ?, ?)", [finding_id, rows[0][0], mark, reviewer.strip(), note, now])
    return Review(finding_id, rows[0][0], mark, reviewer.strip(), note, now)


def read_reviews(con: duckdb.DuckDBPyConnection) -> dict[str, Review]:
    """Every mark, by finding id (empty when none was made)."""
    if not has_table(con, "finding_reviews"):
        return {}
    rows = con.execute("SELECT finding_id, rule, mark, reviewer, note, reviewed_at FROM finding_reviews").fetchall()
    return {r[0]: Review(*r) for r in rows}


def precision(con: duckdb.DuckDBPyConnection) -> list[RulePrecision]:
    """Per rule, the marks of the findings the last audit reported (marks of findings it no
    longer reports are kept but not counted)."""
    if not (has_table(con, "finding_reviews") and has_table(con, "findings")):
        return []
    rows = con.execute("SELECT f.rule, r.mark FROM findings f LEFT JOIN finding_reviews r USING (finding_id) "
                       "WHERE f.outcome = 'inconsistent'").fetchall()
    counts: dict[str, Counter[str]] = {}
    for rule, mark in rows:
        counts.setdefault(rule, Counter())[mark or "none"] += 1
    return [RulePrecision(r, c[CONFIRMED], c[DISMISSED], c["none"]) for r, c in sorted(counts.items())]
