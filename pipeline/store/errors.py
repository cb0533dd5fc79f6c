"""Typed errors of the store. `str(err)` names the database and says what to do next."""

from __future__ import annotations


class StoreError(Exception):
    """Something is wrong with a Chỉ Số database."""


class StoreLocked(StoreError):
    """Another process holds the database (a writer excludes every other process)."""

    def __init__(self, db: str, pid: int | None, waited: float) -> None:
        self.db = db
        self.pid = pid
        self.waited = waited
        who = f"pid {pid}" if pid else "pid unknown"
        super().__init__(
            f"{db} is in use by another chiso process ({who}); waited {waited:g} s. "
            f"Let it finish and try again, or raise the wait with --lock-timeout"
        )


class StoreNotFound(StoreError):
    """A read-only open of a database that does not exist."""

    def __init__(self, db: str) -> None:
        self.db = db
        super().__init__(f"{db}: no such dataset; create it with `chiso ingest PATH... --db {db}`")


class ReadOnlyViolation(StoreError):
    """A statement that would change the dataset was sent through a read-only path."""

    def __init__(self, statement_type: str) -> None:
        self.statement_type = statement_type
        super().__init__(
            f"chiso query is read-only; use chiso ingest to change the dataset "
            f"(refused a {statement_type} statement: only SELECT and EXPLAIN run here)"
        )


class MigrationError(StoreError):
    """A schema migration file is malformed or failed to apply."""
