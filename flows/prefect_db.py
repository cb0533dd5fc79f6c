"""A migrated, empty Prefect database, shipped so that a new Prefect home starts in seconds.

A Prefect server on a database that does not exist yet first runs every Alembic migration of
Prefect's schema: 78 s here (2 cores, Prefect 3.8.8), most of the 60–140 s that the first start of
`chiso serve`, a one-off `python -m flows` or the test harness took. `flows/data/prefect-empty.db.gz`
is the database those migrations produce (about 17 KB compressed; nothing else is in it: no server
ever ran on it), made by `python -m flows.prefect_db` for the pinned Prefect version, and
`prefect-empty.json` says which version and migration it is at. A database file that does not
exist yet starts as a copy of it. The server still runs its migrations when it starts: on the copy
they have nothing to do.

A copy is made only when all hold: the database is SQLite (Prefect's default; a configured
PostgreSQL is never touched), its file does not exist, and the template was made by the installed
Prefect version (after an upgrade of Prefect, without a new template, the server migrates as
before; `tests/test_prefect_db.py` fails until the template is made again).
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import logging
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

logger = logging.getLogger(__name__)

TEMPLATE = Path(__file__).parent / "data" / "prefect-empty.db.gz"
TEMPLATE_INFO = Path(__file__).parent / "data" / "prefect-empty.json"
SQLITE_PREFIXES = ("sqlite+aiosqlite:///", "sqlite:///")


def installed_prefect_version() -> str:
    from importlib.metadata import version

    return version("prefect")


def template_info() -> dict[str, str] | None:
    """What the shipped template was made with ({'prefect': version, 'alembic_revision': …}), or None."""
    try:
        return json.loads(TEMPLATE_INFO.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def sqlite_path(connection_url: str) -> Path | None:
    """The file of a SQLite connection URL; None for any other database (or SQLite in memory)."""
    for prefix in SQLITE_PREFIXES:
        if connection_url.startswith(prefix):
            rest = connection_url[len(prefix):].split("?", 1)[0]
            return Path(rest) if rest and rest != ":memory:" else None
    return None


def configured_database() -> Path | None:
    """The SQLite file a Prefect server started now with this environment would use, or None."""
    from prefect.settings import Settings

    url = Settings().server.database.connection_url
    return sqlite_path(url.get_secret_value() if url is not None else "")


def seed_database(db_file: Path | None = None) -> bool:
    """Copy the template to `db_file` (default: the configured database) when that file does not exist
    yet and the template matches the installed Prefect. True when a copy was made."""
    if db_file is None:
        db_file = configured_database()
    info = template_info()
    if db_file is None or db_file.exists() or info is None or not TEMPLATE.exists():
        return False
    if info.get("prefect") != installed_prefect_version():
        logger.info("the Prefect database template was made for Prefect %s, not %s: the server will "
                    "run its migrations", info.get("prefect"), installed_prefect_version())
        return False
    db_file.parent.mkdir(parents=True, exist_ok=True)
    partial = db_file.with_name(f".{db_file.name}.{os.getpid()}.partial")
    with gzip.open(TEMPLATE, "rb") as src, open(partial, "wb") as dst:
        shutil.copyfileobj(src, dst)
    try:
        os.link(partial, db_file)  # never over a database that appeared meanwhile
    except FileExistsError:
        return False
    finally:
        partial.unlink()
    return True


def alembic_revision(db_file: Path) -> str:
    con = sqlite3.connect(db_file)
    try:
        return str(con.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        con.close()


def build_template() -> dict[str, str]:
    """Run Prefect's migrations on a new SQLite database and store it (compressed) as the template."""
    with tempfile.TemporaryDirectory(prefix="chiso-prefect-template-") as tmp:
        db_file = Path(tmp) / "prefect.db"
        os.environ["PREFECT_HOME"] = tmp
        os.environ["PREFECT_SERVER_DATABASE_CONNECTION_URL"] = f"sqlite+aiosqlite:///{db_file}"
        from prefect.server.database import provide_database_interface

        asyncio.run(provide_database_interface().create_db())
        con = sqlite3.connect(db_file)
        con.execute("VACUUM")
        con.close()
        TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
        with open(db_file, "rb") as src, open(TEMPLATE, "wb") as out, \
                gzip.GzipFile(filename="", mode="wb", fileobj=out, compresslevel=9, mtime=0) as dst:
            shutil.copyfileobj(src, dst)
        info = {"prefect": installed_prefect_version(), "alembic_revision": alembic_revision(db_file)}
    TEMPLATE_INFO.write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m flows.prefect_db",
                                     description="Make flows/data/prefect-empty.db.gz again "
                                                 "(after changing the pinned Prefect version).")
    parser.parse_args(argv)
    info = build_template()
    print(f"{TEMPLATE}: Prefect {info['prefect']}, migration {info['alembic_revision']}, "
          f"{TEMPLATE.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
