"""The quick check of a re-run (issue 7): a file whose size, modification time and inode are those
it had when stored is skipped without being read; any doubt means hashing it."""

from __future__ import annotations

import os
import time
from pathlib import Path

import duckdb
import pytest
from fake_extract import fake_extract_file

import pipeline.ingest
from extractors.records import FileStat
from pipeline.ingest import RACY_NS, ingest_paths

TEXT = "Địa bàn thành phố Vinh hiện có 6.107 doanh nghiệp"  # seeds/000 line 27
SAME_SIZE = "Địa bàn thành phố Vinh hiện có 6.108 doanh nghiệp"  # one digit changed
AN_HOUR_AGO = time.time() - 3600


@pytest.fixture
def hashed(monkeypatch):
    """The paths hashed by the ingest (its file_sha256 is watched), with the stand-in extractor."""
    monkeypatch.setattr(pipeline.ingest, "extract_file", fake_extract_file)
    seen: list[str] = []
    real = pipeline.ingest.file_sha256

    def watching(path):
        seen.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(pipeline.ingest, "file_sha256", watching)
    return seen


def write_old(path: Path, text: str, when: float = AN_HOUR_AGO) -> None:
    path.write_text(text, encoding="utf-8")
    os.utime(path, (when, when))


def stored_stat(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT path, size, mtime_ns IS NOT NULL, inode IS NOT NULL FROM files").fetchall()
    finally:
        con.close()


def touch(path: Path) -> None:
    os.utime(path, (AN_HOUR_AGO + 60, AN_HOUR_AGO + 60))


def rewrite_same_size_same_time(path: Path) -> None:
    write_old(path, SAME_SIZE)


def replace_by_rename(path: Path) -> None:
    other = path.with_name("new.tmp")
    write_old(other, TEXT)
    os.replace(other, path)


def rewrite_newer(path: Path) -> None:
    write_old(path, TEXT + " và 87.038 lao động", AN_HOUR_AGO + 120)  # seeds/000 line 27


# (what happens to the stored file, rehash?, hashed on the re-run, (ingested, skipped), hashed on a third run)
CASES = [
    ("untouched", None, False, [], (0, 1), []),
    ("touched: same bytes, new time", touch, False, ["a.txt"], (0, 1), []),
    ("replaced by rename: new inode", replace_by_rename, False, ["a.txt"], (0, 1), []),
    ("rewritten, newer", rewrite_newer, False, ["a.txt"], (1, 0), []),
    # The quick check's known blind spot (as make's and rsync's): other bytes of the same size
    # put back with the old time (cp -p, tar) in the same inode. --rehash is the way out.
    ("same size and time, other bytes", rewrite_same_size_same_time, False, [], (0, 1), []),
    ("same size and time, other bytes, --rehash", rewrite_same_size_same_time, True, ["a.txt"], (1, 0), []),
    ("untouched, --rehash", None, True, ["a.txt"], (0, 1), []),
]


@pytest.mark.parametrize(("change", "rehash", "hashed_then", "counts", "hashed_third"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rerun_reads_only_what_may_have_changed(tmp_path, hashed, change, rehash, hashed_then, counts,
                                                hashed_third):
    doc = tmp_path / "a.txt"
    write_old(doc, TEXT)
    db = tmp_path / "x.duckdb"
    assert ingest_paths([tmp_path], db, quiet=True).ingested == 1
    assert hashed == ["a.txt"]
    if change:
        change(doc)
    hashed.clear()
    summary = ingest_paths([tmp_path], db, quiet=True, rehash=rehash)
    assert hashed == hashed_then
    assert (summary.ingested, summary.skipped) == counts
    hashed.clear()
    ingest_paths([tmp_path], db, quiet=True)
    assert hashed == hashed_third  # the stat found by the re-run is stored: no more reading
    assert stored_stat(db) == [("a.txt", doc.stat().st_size, True, True)]


def test_a_file_modified_moments_ago_is_hashed_until_its_time_is_safe(tmp_path, hashed):
    # A file written within the file system's time tick of being hashed may change again without
    # its time changing: its stat is not stored, and every run hashes it until it is old enough.
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "x.duckdb"
    ingest_paths([tmp_path], db, quiet=True)
    assert stored_stat(db) == [("a.txt", doc.stat().st_size, False, False)]
    hashed.clear()
    assert ingest_paths([tmp_path], db, quiet=True).skipped == 1
    assert hashed == ["a.txt"]
    old = time.time() - 2 * RACY_NS / 1e9
    os.utime(doc, (old, old))
    ingest_paths([tmp_path], db, quiet=True)
    hashed.clear()
    assert ingest_paths([tmp_path], db, quiet=True).skipped == 1
    assert hashed == []


def test_a_failed_file_is_always_tried_again(tmp_path, hashed):
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"\xff\xfe broken")
    os.utime(bad, (AN_HOUR_AGO, AN_HOUR_AGO))
    db = tmp_path / "x.duckdb"
    assert ingest_paths([tmp_path], db, quiet=True).failed == 1
    hashed.clear()
    assert ingest_paths([tmp_path], db, quiet=True).failed == 1
    assert hashed == ["b.txt"]


def test_a_file_that_changed_while_it_was_extracted_keeps_no_stat(tmp_path, monkeypatch):
    # The stat planned belongs to the bytes hashed when planned; if the extractor read other bytes,
    # storing it would make the next run skip a file whose stored extract is not of its bytes.
    doc = tmp_path / "a.txt"
    write_old(doc, TEXT)

    def extract_after_a_change(path, source=None, data=None):
        write_old(doc, TEXT + " và 87.038 lao động")  # seeds/000 line 27
        return fake_extract_file(path, source, data)

    monkeypatch.setattr(pipeline.ingest, "extract_file", extract_after_a_change)
    db = tmp_path / "x.duckdb"
    ingest_paths([tmp_path], db, quiet=True)
    assert stored_stat(db) == [("a.txt", doc.stat().st_size, False, False)]


def test_a_database_from_before_the_quick_check_is_hashed_once(tmp_path, hashed):
    doc = tmp_path / "a.txt"
    write_old(doc, TEXT)
    db = tmp_path / "x.duckdb"
    ingest_paths([tmp_path], db, quiet=True)
    con = duckdb.connect(str(db))
    con.execute("UPDATE files SET mtime_ns = NULL, inode = NULL")  # as migration 003 leaves old rows
    con.close()
    hashed.clear()
    assert ingest_paths([tmp_path], db, quiet=True).skipped == 1
    assert hashed == ["a.txt"]
    hashed.clear()
    assert ingest_paths([tmp_path], db, quiet=True).skipped == 1
    assert hashed == []


def _result(sha256, size, status="ok"):
    from extractors.records import FileResult

    return FileResult(source="a.txt", sha256=sha256, size=size, format="txt", status=status)


STAT = FileStat(48, 1_700_000_000_000_000_000, 7)
# (what the extraction returned, what completed() makes of it with the plan (sha "p", stat STAT))
COMPLETED = [
    ("the planned bytes", _result("p", 48), ("p", 48, STAT)),
    ("other bytes: no stat", _result("q", 50), ("q", 50, None)),
    ("failed before hashing: the plan's hash", _result(None, 0, "failed"), ("p", 48, STAT)),
]


@pytest.mark.parametrize(("result", "expected"), [c[1:] for c in COMPLETED], ids=[c[0] for c in COMPLETED])
def test_completed_takes_from_the_plan_what_the_extraction_lacks(tmp_path, result, expected):
    from pipeline.ingest import PlannedFile, completed

    doc = tmp_path / "a.txt"
    doc.write_bytes(b"x" * 48)
    out = completed(result, PlannedFile(str(doc), "p", STAT))
    assert (out.sha256, out.size, out.stat) == expected
