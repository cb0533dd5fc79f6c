"""Prefect's test harness started from the migrated template database (flows/prefect_db.py): the harness
keeps its database in <a new temporary folder>/prefect-test.db, and migrating it costs 78 s here."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def seeded_prefect_harness() -> Iterator[None]:
    import prefect.testing.utilities as testing

    from flows.prefect_db import seed_database

    real_mkdtemp = testing.mkdtemp

    def mkdtemp_with_a_database(*args, **kwargs):
        folder = real_mkdtemp(*args, **kwargs)
        seed_database(Path(folder) / "prefect-test.db")
        return folder

    testing.mkdtemp = mkdtemp_with_a_database
    try:
        with testing.prefect_test_harness(server_startup_timeout=300):
            yield
    finally:
        testing.mkdtemp = real_mkdtemp
