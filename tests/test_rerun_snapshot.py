"""A re-run on an unchanged folder without DuckDB (issue 7): the stat snapshot beside the database
decides, the run journal records the run, and every reader still sees every run.

A run took the quick way when its row is in the journal (`<db>.runs.jsonl`): a run that opens
the database moves the journal into `runs` and removes it."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from fake_extract import fake_extract_file

import pipeline.ingest
import pipeline.store.snapshot
from pipeline.dataset import Dataset
from pipeline.ingest import ingest_paths
from pipeline.store import Store
from pipeline.store.run_journal import journal_path, read_runs
from pipeline.store.snapshot import database_identity, snapshot_path

TEXT = "Địa bàn thành phố Vinh hiện có 6.107 doanh nghiệp"  # seeds/000 line 27
OTHER = "Tổng số đoàn viên 87.038 người"
AN_HOUR_AGO = time.time() - 3600


@pytest.fixture
def fake(monkeypatch):
    monkeypatch.setattr(pipeline.ingest, "extract_file", fake_extract_file)


def write_old(path: Path, text: str | bytes, when: float = AN_HOUR_AGO) -> None:
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    os.utime(path, (when, when))


def stored_runs(db: Path) -> list[tuple]:
    """The `runs` rows in the database file itself (not what a Store shows)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT run_id, files_seen, skipped, ingested FROM runs ORDER BY started_at, run_id").fetchall()
    finally:
        con.close()


@pytest.fixture
def folder(tmp_path, fake):
    """Two documents stored an hour after they were written: the snapshot lists both."""
    docs = tmp_path / "docs"
    docs.mkdir()
    write_old(docs / "a.txt", TEXT)
    write_old(docs / "b.txt", OTHER)
    db = tmp_path / "x.duckdb"
    assert ingest_paths([docs], db, quiet=True).ingested == 2
    assert snapshot_path(db).exists() and not journal_path(db).exists()
    return docs, db


def touch(docs: Path, db: Path) -> None:
    os.utime(docs / "a.txt", (AN_HOUR_AGO + 60, AN_HOUR_AGO + 60))


def rewrite(docs: Path, db: Path) -> None:
    write_old(docs / "a.txt", TEXT + " và 87.038 lao động", AN_HOUR_AGO + 120)


def add_file(docs: Path, db: Path) -> None:
    write_old(docs / "c.txt", TEXT)


def remove_file(docs: Path, db: Path) -> None:
    (docs / "b.txt").unlink()


def open_for_writing(docs: Path, db: Path) -> None:
    Store(db).close()  # as chiso audit or the Prefect flow would: a writer took the lock


def write_without_the_lock(docs: Path, db: Path) -> None:
    con = duckdb.connect(str(db))  # a DuckDB shell: our lock file is not taken
    con.execute("UPDATE files SET mtime_ns = mtime_ns + 1 WHERE path = 'docs/a.txt'")
    con.close()


def garble_snapshot(docs: Path, db: Path) -> None:
    snapshot_path(db).write_text("{not json", encoding="utf-8")


def snapshot_of_another_version(docs: Path, db: Path) -> None:
    doc = json.loads(snapshot_path(db).read_text(encoding="utf-8"))
    doc["extractor_version"] = "0.0.0"
    snapshot_path(db).write_text(json.dumps(doc), encoding="utf-8")


def remove_snapshot(docs: Path, db: Path) -> None:
    snapshot_path(db).unlink()


# (change after the first ingest, rehash?, quick (no DuckDB)?, (files_seen, ingested, skipped))
CASES = [
    ("untouched", None, False, True, (2, 0, 2)),
    ("a file removed", remove_file, False, True, (1, 0, 1)),
    ("untouched, --rehash", None, True, False, (2, 0, 2)),
    ("a file touched", touch, False, False, (2, 0, 2)),
    ("a file rewritten", rewrite, False, False, (2, 1, 1)),
    ("a file added", add_file, False, False, (3, 1, 2)),
    ("the database opened by another writer", open_for_writing, False, False, (2, 0, 2)),
    ("the database written without chiso's lock", write_without_the_lock, False, False, (2, 0, 2)),
    ("the snapshot garbled", garble_snapshot, False, False, (2, 0, 2)),
    ("the snapshot of another extractor version", snapshot_of_another_version, False, False, (2, 0, 2)),
    ("no snapshot", remove_snapshot, False, False, (2, 0, 2)),
]


@pytest.mark.parametrize(("change", "rehash", "quick", "counts"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_only_an_unchanged_folder_skips_the_database(folder, change, rehash, quick, counts):
    docs, db = folder
    if change:
        change(docs, db)
    summary = ingest_paths([docs], db, quiet=True, rehash=rehash)
    assert (summary.files_seen, summary.ingested, summary.skipped) == counts
    assert journal_path(db).exists() == quick
    assert summary.opened_database is not quick
    # a run that opened the database leaves a snapshot again, and the next one is quick
    assert snapshot_path(db).exists()
    again = ingest_paths([docs], db, quiet=True)
    assert journal_path(db).exists()
    assert (again.ingested, again.skipped) == (0, counts[0])


def test_a_failed_file_in_the_folder_is_tried_again_every_run(folder):
    docs, db = folder
    write_old(docs / "bad.txt", b"\xff\xfe broken")
    for _ in range(2):
        summary = ingest_paths([docs], db, quiet=True)
        assert (summary.failed, summary.skipped) == (1, 2)
        assert not journal_path(db).exists()


def test_every_reader_sees_the_runs_of_the_journal_and_the_next_writer_stores_them(folder):
    docs, db = folder
    first = stored_runs(db)
    quick = [ingest_paths([docs], db, quiet=True) for _ in range(2)]
    assert stored_runs(db) == first  # the database file was not written
    expected = first + [(s.run_id, 2, 2, 0) for s in quick]
    ds = Dataset(db)
    assert [tuple(r) for r in ds.runs()[["run_id", "files_seen", "skipped", "ingested"]].itertuples(index=False)] \
        == expected
    assert ds.tables().count("runs") == 1
    assert ds.sql("SELECT count(*) AS n FROM runs")["n"][0] == 3
    assert ds.stats()["totals"]["runs"][0] == 3
    # a writer (here an audit's Store) moves them into the database and removes the journal
    with Store(db):
        pass
    assert not journal_path(db).exists()
    assert stored_runs(db) == expected


def test_a_journal_left_behind_after_its_runs_were_stored_adds_no_duplicate(folder):
    # a writer that died between storing the journal's runs and removing the journal
    docs, db = folder
    ingest_paths([docs], db, quiet=True)
    kept = journal_path(db).read_bytes()
    with Store(db):
        pass
    journal_path(db).write_bytes(kept)
    assert len(Dataset(db).runs()) == 2
    with Store(db):
        pass
    assert len(stored_runs(db)) == 2 and not journal_path(db).exists()


def test_a_torn_line_in_the_journal_is_skipped_with_a_warning(folder, caplog):
    docs, db = folder
    run_id = ingest_paths([docs], db, quiet=True).run_id
    with open(journal_path(db), "a", encoding="utf-8") as f:
        f.write('{"run_id": "20261127T0000')  # a crash in the middle of a write
    with caplog.at_level(logging.WARNING, logger="pipeline.store.run_journal"):
        assert [r["run_id"] for r in read_runs(db, database_identity(db))] == [run_id]
    assert "runs.jsonl:2: not a run; skipped" in caplog.text
    with Store(db):
        pass
    assert run_id in [r[0] for r in stored_runs(db)]


def test_the_journal_of_a_removed_database_is_not_taken_by_a_new_one(folder, caplog):
    docs, db = folder
    old_run = ingest_paths([docs], db, quiet=True).run_id
    db.unlink()  # the journal and the snapshot stay behind
    with caplog.at_level(logging.WARNING, logger="pipeline.store.run_journal"):
        new = ingest_paths([docs], db, quiet=True)
    assert new.opened_database and new.ingested == 2
    assert [r[0] for r in stored_runs(db)] == [new.run_id]
    assert f"run {old_run} was of another database file" in caplog.text
    assert not journal_path(db).exists()


def test_the_quick_run_waits_for_the_writer_lock(folder):
    docs, db = folder
    from pipeline.store import StoreLocked

    with Store(db, read_only=True):
        code = ("import sys; from pipeline.ingest import ingest_paths; "
                "ingest_paths([sys.argv[1]], sys.argv[2], quiet=True, lock_timeout=0.3)")
        out = subprocess.run([sys.executable, "-c", code, str(docs), str(db)], capture_output=True, text=True)
    assert out.returncode != 0 and StoreLocked.__name__ in out.stderr
    assert not journal_path(db).exists()


def test_a_database_with_a_write_ahead_log_has_no_identity(tmp_path):
    db = tmp_path / "x.duckdb"
    Store(db).close()
    assert database_identity(db) is not None
    (tmp_path / "x.duckdb.wal").write_bytes(b"")
    assert database_identity(db) is None


def test_a_snapshot_that_cannot_be_written_leaves_none(folder, monkeypatch):
    docs, db = folder
    snapshot_path(db).unlink()

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(pipeline.store.snapshot.json, "dump", refuse)
    assert ingest_paths([docs], db, quiet=True).skipped == 2  # the run itself is fine
    assert not snapshot_path(db).exists()
    assert not list(db.parent.glob("*.tmp"))


def test_the_cli_rerun_on_an_unchanged_folder_does_not_load_duckdb(folder):
    docs, db = folder
    code = ("import sys; from pipeline.cli import main; rc = main(['ingest', sys.argv[1], '--db', sys.argv[2]]); "
            "print(rc, ' '.join(m for m in ('duckdb', 'pandas', 'hashlib', 'multiprocessing') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(docs), str(db)], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0"]
    assert "2 files: 0 ingested, 2 unchanged, 0 failed" in out.stderr
    assert journal_path(db).exists()


def test_a_run_that_cannot_be_journaled_opens_the_database(folder, monkeypatch):
    docs, db = folder

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(pipeline.ingest, "append_run", refuse)
    summary = ingest_paths([docs], db, quiet=True)
    assert summary.opened_database and summary.skipped == 2
    assert summary.run_id in [r[0] for r in stored_runs(db)]


def test_a_long_journal_is_moved_into_the_database_by_the_next_run(folder, monkeypatch):
    # readers read the journal whole: it does not grow past JOURNAL_MAX_BYTES (about 1,000 runs)
    import pipeline.store.run_journal

    docs, db = folder
    quick = [ingest_paths([docs], db, quiet=True) for _ in range(2)]
    assert not any(s.opened_database for s in quick)
    monkeypatch.setattr(pipeline.store.run_journal, "JOURNAL_MAX_BYTES", journal_path(db).stat().st_size)
    third = ingest_paths([docs], db, quiet=True)
    assert third.opened_database and not journal_path(db).exists()
    assert [r[0] for r in stored_runs(db)][1:] == [s.run_id for s in [*quick, third]]
    assert not ingest_paths([docs], db, quiet=True).opened_database
