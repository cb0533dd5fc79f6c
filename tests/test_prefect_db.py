"""The migrated, empty Prefect database shipped in flows/data (flows/prefect_db.py)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from flows import prefect_db


def _sqlite_migrations_dir() -> Path:
    import prefect

    return Path(prefect.__file__).parent / "server" / "database" / "_migrations" / "versions" / "sqlite"


def _head_revisions() -> set[str]:
    """The revisions of Prefect's SQLite migrations that no other migration follows."""
    revisions, parents = set(), set()
    for script in _sqlite_migrations_dir().glob("*.py"):
        text = script.read_text(encoding="utf-8")
        revision = re.search(r'^revision\s*=\s*["\']([0-9a-f]+)["\']', text, re.M)
        if revision:
            revisions.add(revision.group(1))
        down = re.search(r"^down_revision\s*=\s*(.+)$", text, re.M)
        if down:
            parents.update(re.findall(r'["\']([0-9a-f]+)["\']', down.group(1)))
    return revisions - parents


def test_the_template_is_made_by_the_installed_prefect_at_its_last_migration(tmp_path):
    # fails after an upgrade of Prefect until `python -m flows.prefect_db` makes the template again
    info = prefect_db.template_info()
    assert info is not None, f"{prefect_db.TEMPLATE_INFO} is missing"
    assert info["prefect"] == prefect_db.installed_prefect_version(), \
        "the template was made by another Prefect: run `python -m flows.prefect_db`"
    assert _head_revisions() == {info["alembic_revision"]}
    db = tmp_path / "prefect.db"
    assert prefect_db.seed_database(db)
    assert prefect_db.alembic_revision(db) == info["alembic_revision"]
    con = sqlite3.connect(db)
    try:
        tables = {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"flow", "flow_run", "task_run", "deployment", "log", "artifact"} <= tables
        assert con.execute("SELECT count(*) FROM flow_run").fetchone() == (0,)  # no server ever ran on it
    finally:
        con.close()


@pytest.mark.parametrize("url, path", [
    ("sqlite+aiosqlite:////srv/chiso/.chiso/prefect/prefect.db", Path("/srv/chiso/.chiso/prefect/prefect.db")),
    ("sqlite:///relative/prefect.db", Path("relative/prefect.db")),
    ("sqlite+aiosqlite:////tmp/p.db?timeout=30", Path("/tmp/p.db")),
    ("sqlite+aiosqlite:///:memory:", None),
    ("postgresql+asyncpg://prefect:secret@db.lienđoan.vn:5432/prefect", None),  # never touched
    ("", None),
])
def test_sqlite_path(url, path):
    assert prefect_db.sqlite_path(url) == path


def test_the_configured_database_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("PREFECT_SERVER_DATABASE_CONNECTION_URL", raising=False)
    monkeypatch.delenv("PREFECT_API_DATABASE_CONNECTION_URL", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "home"))
    assert prefect_db.configured_database() == tmp_path / "home" / "prefect.db"
    monkeypatch.setenv("PREFECT_SERVER_DATABASE_CONNECTION_URL", "postgresql+asyncpg://u:p@h/prefect")
    assert prefect_db.configured_database() is None
    assert not prefect_db.seed_database()


def test_an_existing_database_is_never_replaced(tmp_path):
    db = tmp_path / "prefect.db"
    db.write_bytes(b"the federation's run history")
    assert not prefect_db.seed_database(db)
    assert db.read_bytes() == b"the federation's run history"
    assert [p.name for p in tmp_path.iterdir()] == ["prefect.db"]  # no partial copy left behind


def test_a_template_of_another_prefect_version_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setattr(prefect_db, "template_info", lambda: {"prefect": "2.0.0", "alembic_revision": "x"})
    assert not prefect_db.seed_database(tmp_path / "prefect.db")
    assert not (tmp_path / "prefect.db").exists()


def test_a_new_home_gets_the_template(tmp_path):
    db = tmp_path / "new" / "home" / "prefect.db"
    assert prefect_db.seed_database(db)
    assert db.stat().st_size > 100_000
    assert not prefect_db.seed_database(db)  # the second time it exists
