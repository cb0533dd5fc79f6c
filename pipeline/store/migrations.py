"""Numbered schema migrations: `migrations/NNN_name.sql`, applied once each, in order.

Each file runs in its own transaction together with its row in `schema_migrations`, so a
crash leaves the schema either before or after a migration, never half-way.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

import duckdb

from pipeline.store.errors import MigrationError

logger = logging.getLogger(__name__)

MIGRATION_NAME = re.compile(r"^(?P<version>\d{3})_(?P<name>[a-z0-9_]+)\.sql$")

CREATE_LEDGER = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    applied_at TIMESTAMP,
    name       TEXT
)
"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def available_migrations() -> list[Migration]:
    """Every migration file shipped in `pipeline/store/migrations/`, by version."""
    found: dict[int, Migration] = {}
    for entry in resources.files("pipeline.store").joinpath("migrations").iterdir():
        m = MIGRATION_NAME.match(entry.name)
        if not m:
            if entry.name.endswith(".sql"):
                raise MigrationError(f"migrations/{entry.name}: name must look like 001_short_name.sql")
            continue
        version = int(m["version"])
        if version in found:
            raise MigrationError(f"migrations/{entry.name}: version {version:03d} is used twice")
        found[version] = Migration(version, m["name"], entry.read_text(encoding="utf-8"))
    return [found[v] for v in sorted(found)]


def applied_versions(con: duckdb.DuckDBPyConnection) -> set[int]:
    con.execute(CREATE_LEDGER)
    return {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply pending migrations; returns the versions applied now."""
    done = applied_versions(con)
    applied = []
    for mig in available_migrations():
        if mig.version in done:
            continue
        logger.info("applying migration %03d_%s", mig.version, mig.name)
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(mig.sql)
            # literals, not parameters: DuckDB imports pandas for a statement with parameters
            applied_at = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
            name = mig.name.replace("'", "''")
            con.execute(f"INSERT INTO schema_migrations VALUES ({int(mig.version)}, TIMESTAMP '{applied_at}', '{name}')")
            con.execute("COMMIT")
        except duckdb.Error as err:
            con.execute("ROLLBACK")
            raise MigrationError(f"migration {mig.version:03d}_{mig.name}.sql failed: {err}") from err
        applied.append(mig.version)
    return applied
