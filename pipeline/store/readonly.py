"""The read-only gate for user SQL (`chiso query`, `Dataset.sql`).

Two locks on the door: statements other than SELECT / EXPLAIN are refused before they run
(a clear message instead of DuckDB's), and the connection itself is read-only with file
access disabled, so `COPY … TO`, `ATTACH` or `read_csv('/etc/…')` cannot slip through either.
"""

from __future__ import annotations

import duckdb

from pipeline.store.errors import ReadOnlyViolation

ALLOWED = frozenset({duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN})


def check_read_only(sql: str) -> None:
    """Raise ReadOnlyViolation when `sql` holds a statement that is not a query.

    Raises duckdb.ParserException for SQL that does not parse."""
    for statement in duckdb.extract_statements(sql):
        if statement.type not in ALLOWED:
            raise ReadOnlyViolation(statement.type.name)


def is_read_only_refusal(err: duckdb.Error) -> bool:
    """DuckDB's own refusal of a write on a read-only database."""
    return "read-only mode" in str(err)
