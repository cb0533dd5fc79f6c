"""SQL text for the store's statements: literals (no parameters, see `literal`) and quoted names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence


def literals(values: Sequence[str]) -> str:
    return ", ".join(literal(v) for v in values)


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def literal(value: str | int | dt.datetime | None) -> str:
    """A value written into SQL text (a string is quoted, its quotes doubled). The store's
    statements use literals, not parameters: DuckDB's Python binding imports pandas (4–7 s of CPU
    here) the first time a statement has parameters, and neither `chiso ingest` on an unchanged
    folder nor the single writer of a busy ingest should pay that."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        raise TypeError("no booleans in bookkeeping statements")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        return f"TIMESTAMP '{value.isoformat(sep=' ')}'"
    return "'" + str(value).replace("'", "''") + "'"
