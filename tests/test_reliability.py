"""Reliability probes of issue 22 (docs/reliability.md lists them): nothing lost, nothing hangs.

Each probe is a table: hostile file names, slow files and kill -9, page furniture, absurd numbers,
special files and links. The store tests use the fast stand-in extractor (tests/fake_extract.py);
the probes about extraction itself use the real one on tiny files.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from fake_extract import fake_extract_file

from pipeline.ingest import ingest_paths
from pipeline.names import escaped, shown, unescaped

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
GOOD = "Có 6.107 doanh nghiệp và 87.038 lao động."  # seeds/000 line 27


@pytest.fixture
def fake(monkeypatch):
    import pipeline.ingest

    monkeypatch.setattr(pipeline.ingest, "extract_file", fake_extract_file)
    yield


def rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def write_named(folder: Path, name: bytes, data: bytes) -> None:
    """A file whose name is any bytes (os.open takes bytes paths)."""
    with open(os.path.join(os.fsencode(folder), name), "wb") as out:
        out.write(data)


def chiso(argv: list[str], *, fake_extractor: bool = True, timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    """`chiso ARGV` in a subprocess, output as bytes; with the stand-in extractor unless told."""
    env = {**os.environ, "PYTHONPATH": f"{TESTS}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    code = (f"import fake_extract; fake_extract.run_cli({argv!r})" if fake_extractor
            else f"import sys; from pipeline.cli import main; sys.exit(main({argv!r}))")
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=timeout, **kw)


# -- 1. file names that are any bytes ------------------------------------------------------

ODD_NAMES = [
    pytest.param(b"b\xff\xfe.txt", "b\\xff\\xfe.txt", id="not-utf8"),
    pytest.param(b"\x1b[31mred.txt", "\\x1b[31mred.txt", id="escape-sequence"),
    pytest.param(b"back\\slash.txt", "back\\\\slash.txt", id="backslash"),
    pytest.param(b"a\\xff.txt", "a\\\\xff.txt", id="backslash-looks-like-escape"),
    pytest.param(b"new\nline.txt", "new\\x0aline.txt", id="newline"),
    pytest.param("B\u00e1o c\u00e1o \u202eфдп.txt".encode(), "Báo cáo \\xe2\\x80\\xaeфдп.txt", id="bidi-override"),
    pytest.param("Báo cáo số 5.txt".encode(), "Báo cáo số 5.txt", id="vietnamese-unchanged"),
]


@pytest.mark.parametrize(("raw", "key"), ODD_NAMES)
def test_a_name_has_one_printable_lossless_spelling(raw, key):
    name = os.fsdecode(raw)
    assert escaped(name) == key
    assert key.isprintable()
    assert os.fsencode(unescaped(key)) == raw
    assert "\x1b" not in shown(f"{name}: cannot read the file")


def test_spellings_of_different_names_differ():
    names = [os.fsdecode(p.values[0]) for p in ODD_NAMES] + ["a\\x", "a\\\\", "a\\", "\\xff"]
    assert len({escaped(n) for n in names}) == len(names)


@pytest.mark.parametrize(("raw", "key"), ODD_NAMES)
def test_a_folder_with_an_odd_name_ingests_every_file_and_reruns_clean(tmp_path, fake, raw, key):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    write_named(folder, raw, "Có 34 đoàn viên.".encode())
    db = tmp_path / "x.duckdb"
    first = ingest_paths([folder], db, quiet=True)
    assert (first.ingested, first.failed) == (2, 0)
    stored = dict(rows(db, "SELECT path, figures FROM files"))
    assert stored == {"in/good.txt": 4, f"in/{key}": 1}  # the stand-in: a figure per run of digits
    for rehash in (False, True):  # the stat snapshot, then the database's own keys
        again = ingest_paths([folder], db, quiet=True, rehash=rehash)
        assert (again.ingested, again.skipped, again.failed) == (0, 2, 0)


@pytest.mark.parametrize(("raw", "key"), ODD_NAMES[:2])
def test_the_cli_shows_odd_names_escaped(tmp_path, raw, key):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    write_named(folder, raw, b"\xff\xfe not UTF-8: the stand-in fails it, so its name is in an error")
    db = tmp_path / "x.duckdb"
    out = chiso(["ingest", str(folder), "--db", str(db), "--workers", "1"])
    assert out.returncode == 1, out.stderr  # one failed file, named
    assert b"Traceback" not in out.stderr
    assert b"\x1b" not in out.stderr and raw not in out.stderr
    assert f"failed: {folder}/{key}: not UTF-8 text".encode() in out.stderr
    assert rows(db, "SELECT path, status FROM files ORDER BY path") == [(f"in/{key}", "failed"), ("in/good.txt", "ok")]


def test_chiso_extract_on_a_folder_with_odd_names(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    write_named(folder, b"b\xff\xfe.txt", "Có 34 đoàn viên.".encode())
    write_named(folder, b"\x1b[31mred.txt", "Có 45 công đoàn cơ sở.".encode())
    out = chiso(["extract", str(folder)], fake_extractor=False)
    assert out.returncode == 0, out.stderr
    assert b"\x1b" not in out.stdout + out.stderr
    sources = {json.loads(line)["source"] for line in out.stdout.decode("utf-8").splitlines()}
    assert sources == {f"{folder}/good.txt", f"{folder}/b\\xff\\xfe.txt", f"{folder}/\\x1b[31mred.txt"}
