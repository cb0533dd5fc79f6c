"""Idempotent ingest: skip unchanged, replace changed, record failures, survive kill -9 and
a second process. End-to-end tests use the real extractor on corpus/seeds; crash and
concurrency tests use a fast stand-in extractor (tests/fake_extract.py) in subprocesses."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from fake_extract import fake_extract_file
from fake_extract import install as install_fake_extractor

from extractors.extract import extract_file
from pipeline.ingest import failed_file, ingest_paths, iter_ingest_files
from pipeline.records_json import file_records

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))
TESTS = Path(__file__).resolve().parent
# Columns that say when/by which run a row was written; everything else must match.
# Columns about the run and where the bytes sit on disk, not about what was extracted.
RUN_COLUMNS = {"ingested_at", "run_id", "mtime_ns", "inode"}
DATA_TABLES = ("files", "documents", "figures", "references")


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every data table, sorted, without the run columns."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in DATA_TABLES:
            cols = [r[0] for r in con.execute(f'DESCRIBE "{table}"').fetchall() if r[0] not in RUN_COLUMNS]
            quoted = ", ".join(f'"{c}"' for c in cols)
            out[table] = con.execute(f'SELECT {quoted} FROM "{table}" ORDER BY ALL').fetchall()
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory):
    """The five seeds ingested once with the real extractor (shared: extraction is the slow part)."""
    folder = tmp_path_factory.mktemp("seeds")
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    db = folder / "chiso.duckdb"
    first = ingest_paths([folder], db, quiet=True)
    return folder, db, first


def test_ingest_twice_gives_identical_tables(seeds_db):
    folder, db, first = seeds_db
    before = snapshot(db)
    second = ingest_paths([folder], db, quiet=True)
    assert (first.ingested, first.failed) == (len(SEEDS), 0)
    assert (second.skipped, second.ingested, second.failed) == (len(SEEDS), 0, 0)
    assert snapshot(db) == before


def test_counts_match_chiso_extract(seeds_db):
    folder, db, _ = seeds_db
    expected = {"document": 0, "figure": 0, "reference": 0}
    for seed in sorted(folder.glob("*.txt")):
        for rec in file_records(extract_file(seed)):
            expected[rec["type"]] += 1
    con = duckdb.connect(str(db), read_only=True)
    got = {kind: con.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0]
           for kind, table in (("document", "documents"), ("figure", "figures"), ("reference", "references"))}
    con.close()
    assert got == expected


def test_runs_are_recorded(seeds_db):
    _, db, first = seeds_db
    con = duckdb.connect(str(db), read_only=True)
    row = con.execute("SELECT files_seen, ingested, documents, figures, ended_at IS NOT NULL FROM runs "
                      "WHERE run_id = ?", [first.run_id]).fetchall()
    con.close()
    assert row == [(len(SEEDS), len(SEEDS), first.documents, first.figures, True)]


@pytest.fixture
def fake(monkeypatch):
    """The stand-in extractor for one test; monkeypatch puts the real one back afterwards.
    (Installing it and then monkeypatching the real one back would make monkeypatch's undo
    restore the fake: the stand-in then leaked into later modules.)"""
    import pipeline.ingest

    monkeypatch.setattr(pipeline.ingest, "extract_file", fake_extract_file)
    yield


def test_changed_file_is_reextracted(tmp_path, fake):
    doc = tmp_path / "plan.txt"
    doc.write_text("Phấn đấu tỷ lệ đoàn viên đạt từ 95% trở lên", encoding="utf-8")  # seeds/002 line 120
    db = tmp_path / "chiso.duckdb"
    ingest_paths([doc], db, quiet=True)
    doc.write_text("Phấn đấu tỷ lệ đoàn viên đạt từ 96% trở lên", encoding="utf-8")  # seeds/002 line 147
    summary = ingest_paths([doc], db, quiet=True)
    con = duckdb.connect(str(db), read_only=True)
    texts = con.execute("SELECT text FROM figures").fetchall()
    con.close()
    assert (summary.ingested, summary.skipped) == (1, 0)
    assert texts == [("96",)]


def test_failed_file_is_recorded_and_others_go_on(tmp_path, fake):
    (tmp_path / "a.txt").write_text("6.107 doanh nghiệp", encoding="utf-8")  # seeds/000 line 27
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe broken")
    (tmp_path / "c.txt").write_text("87.038 lao động", encoding="utf-8")  # seeds/000 line 27
    db = tmp_path / "chiso.duckdb"
    summary = ingest_paths([tmp_path], db, quiet=True)
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT path, status, error IS NOT NULL FROM files ORDER BY path").fetchall()
    con.close()
    assert (summary.ingested, summary.failed) == (2, 1)
    assert summary.failures[0][0].endswith("b.txt")
    assert rows == [("a.txt", "ok", False), ("b.txt", "failed", True), ("c.txt", "ok", False)]


def test_missing_file_given_explicitly_fails_cleanly(tmp_path, fake):
    summary = ingest_paths([tmp_path / "nope.pdf"], tmp_path / "chiso.duckdb", quiet=True)
    assert summary.failed == 1
    assert "nope.pdf" in summary.failures[0][1]


def test_crash_in_extractor_is_a_failed_file(tmp_path, monkeypatch):
    import pipeline.ingest

    def boom(path, source=None, data=None):
        raise RuntimeError("extractor bug")

    monkeypatch.setattr(pipeline.ingest, "extract_file", boom)
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    summary = ingest_paths([tmp_path / "a.txt"], tmp_path / "chiso.duckdb", quiet=True)
    assert summary.failed == 1
    assert "RuntimeError: extractor bug" in summary.failures[0][1]


@pytest.mark.parametrize(("name", "kept"), [
    ("seeds/000_bf79206f8d7a586e.txt", True),
    ("fixtures/000_bf79206f8d7a586e.docx", True),
    ("fixtures/000_bf79206f8d7a586e.pdf", True),
    ("fixtures/004_9008d95002dd26b8.html", True),
    ("gold/seeds.figures.jsonl", False),  # annotations are not documents
    ("README.md", False),
    ("notes/report.md", True),
    ("scripts/make.py", False),
    (".hidden/x.txt", False),
    ("drafts/old.txt", False),  # --exclude drafts
])
def test_folder_walk_keeps_documents(tmp_path, name, kept):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x", encoding="utf-8")
    found = [Path(p).relative_to(tmp_path).as_posix() for p in iter_ingest_files([tmp_path], exclude=["drafts"])]
    assert (name in found) is kept


@pytest.mark.parametrize(("cwd", "given"), [
    ("corpus", "."), ("corpus", "./"), ("corpus/sub", ".."), ("", "corpus"), ("", "corpus/"), ("", "./corpus"),
    ("", "corpus//"), ("", "corpus/./"), ("corpus", "../corpus"),
])
def test_folder_files_are_spelled_as_pathlib_joins_them(tmp_path, monkeypatch, cwd, given):
    # the walk joins strings (a re-run lists every file); the spelling stored as a file's
    # source must stay what Path(folder) / name gave
    for name in ("corpus/a.txt", "corpus/sub/b.pdf"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path / cwd)
    expected = []
    for folder, dirs, files in os.walk(Path(given)):
        dirs.sort()
        expected += [str(Path(folder) / name) for name in sorted(files)]
    assert list(iter_ingest_files([given])) == expected
    assert len(expected) == 2 and all(not p.startswith("./") and "//" not in p for p in expected)


def test_file_given_by_name_is_always_tried(tmp_path):
    path = tmp_path / "README.md"
    path.write_text("x", encoding="utf-8")
    assert list(iter_ingest_files([path])) == [str(path)]


# -- crash safety and two processes (subprocesses with the fast stand-in extractor) ---------

def make_variants(folder: Path, n: int) -> None:
    """n files from the seeds, each with its own last line so every hash differs."""
    folder.mkdir()
    texts = [s.read_text(encoding="utf-8")[:1000] for s in SEEDS]
    for i in range(n):
        (folder / f"doc_{i:03d}.txt").write_text(f"{texts[i % len(texts)]}\nbiến thể {i}\n", encoding="utf-8")


def cli(argv: list[str], delay: float = 0.0, mark: str = "", **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": f"{TESTS}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
           "CHISO_FAKE_DELAY": str(delay), "CHISO_TEST_MARK": mark}
    code = f"import fake_extract; fake_extract.run_cli({argv!r})"
    return subprocess.Popen([sys.executable, "-c", code], env=env, text=True, **kw)


def processes_marked(mark: str) -> list[int]:
    """Live processes whose environment holds CHISO_TEST_MARK=mark (zombies excluded)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if f"CHISO_TEST_MARK={mark}".encode() in (entry / "environ").read_bytes().split(b"\0") \
                    and (entry / "stat").read_text().split(") ")[1][0] != "Z":
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def clean_ingest(base: Path, n: int) -> tuple[Path, dict[str, list[tuple]]]:
    """n variant files and the tables of a clean, uninterrupted ingest of them."""
    make_variants(base / "in", n)
    import pipeline.ingest

    real = pipeline.ingest.extract_file
    install_fake_extractor()
    try:
        assert ingest_paths([base / "in"], base / "clean.duckdb", quiet=True).ingested == n
    finally:
        pipeline.ingest.extract_file = real
    return base, snapshot(base / "clean.duckdb")


@pytest.fixture(scope="module")
def two_hundred(tmp_path_factory):
    return clean_ingest(tmp_path_factory.mktemp("crash"), 200)


@pytest.fixture(scope="module")
def forty(tmp_path_factory):
    return clean_ingest(tmp_path_factory.mktemp("two"), 40)


@pytest.mark.integration
@pytest.mark.slow
def test_kill_9_mid_ingest_then_resume(two_hundred):
    base, clean = two_hundred
    db = base / "killed.duckdb"
    mark = f"kill9-{os.getpid()}"
    proc = cli(["ingest", str(base / "in"), "--db", str(db), "--workers", "2"], delay=0.01, mark=mark,
               stderr=subprocess.PIPE)
    for line in proc.stderr:  # non-TTY progress: a line every 10 files
        if line.startswith("[60/200]"):
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=300)
    assert proc.returncode == -signal.SIGKILL
    # its worker processes (and their forkserver) end with it instead of waiting for work forever
    deadline = time.monotonic() + 60
    while processes_marked(mark) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert processes_marked(mark) == []
    partial = snapshot(db)
    assert 0 < len(partial["files"]) < 200  # killed part-way, the database still opens
    assert cli(["ingest", str(base / "in"), "--db", str(db), "--quiet"]).wait(timeout=300) == 0
    assert snapshot(db) == clean


@pytest.mark.integration
@pytest.mark.slow
def test_two_ingest_processes_at_once(forty):
    base, clean = forty
    db = base / "shared.duckdb"
    first = cli(["ingest", str(base / "in"), "--db", str(db)], delay=0.005, stderr=subprocess.PIPE)
    assert first.stderr.readline().startswith("[")  # the first holds the database now
    impatient = cli(["ingest", str(base / "in"), "--db", str(db), "--lock-timeout", "0.2"],
                    stderr=subprocess.PIPE)
    patient = cli(["ingest", str(base / "in"), "--db", str(db), "--quiet", "--lock-timeout", "120"])
    _, err = impatient.communicate(timeout=300)
    first.communicate(timeout=300)
    assert patient.wait(timeout=300) == 0  # waited, then found everything current
    assert first.returncode == 0
    if impatient.returncode:  # it came while the first still ran: a clear refusal
        assert impatient.returncode == 1
        assert "is in use by another chiso process (pid" in err
    assert snapshot(db) == clean


@pytest.mark.integration
@pytest.mark.parametrize("workers", [1, 2])
def test_workers_give_the_same_tables(forty, monkeypatch, workers):
    base, clean = forty
    import pipeline.ingest

    monkeypatch.setattr(pipeline.ingest, "extract_file", fake_extract_file)
    db = base / f"workers{workers}.duckdb"
    summary = ingest_paths([base / "in"], db, quiet=True, workers=workers)
    assert (summary.ingested, summary.failed) == (40, 0)
    assert snapshot(db) == clean


@pytest.mark.integration
def test_a_worker_that_dies_fails_its_file_only(tmp_path, monkeypatch):
    from fake_extract import dying_extract_file

    import pipeline.ingest

    monkeypatch.setattr(pipeline.ingest, "extract_file", dying_extract_file)
    folder = tmp_path / "in"
    folder.mkdir()
    names = [f"{i:02d}{'_die' if i in (1, 7) else ''}.txt" for i in range(12)]
    for name in names:
        (folder / name).write_text(f"{name}: 6.107 doanh nghiệp", encoding="utf-8")  # seeds/000 line 27
    summary = ingest_paths([folder], tmp_path / "x.duckdb", quiet=True, workers=2)
    assert (summary.ingested, summary.failed) == (10, 2)
    assert [Path(path).name for path, _ in summary.failures] == ["01_die.txt", "07_die.txt"]
    assert all("worker process extracting it died" in error for _, error in summary.failures)


def test_rerun_on_unchanged_files_loads_no_extractor_and_no_pandas(tmp_path, fake):
    # issue 7: a re-run must cost hashing and one lookup. DuckDB's Python binding imports pandas
    # on the first statement with parameters (3-10 s here), so the bookkeeping statements of an
    # unchanged run have none; the readers and NLP models are imported only to extract.
    (tmp_path / "a.txt").write_text("Địa bàn thành phố Vinh hiện có 6.107 doanh nghiệp", encoding="utf-8")  # seeds/000
    an_hour_ago = time.time() - 3600  # not just written: its stat is trusted, so the re-run hashes nothing
    os.utime(tmp_path / "a.txt", (an_hour_ago, an_hour_ago))
    db = tmp_path / "x.duckdb"
    assert ingest_paths([tmp_path], db, quiet=True).ingested == 1
    code = ("import sys; from pipeline.cli import main; rc = main(['ingest', sys.argv[1], '--db', sys.argv[2]]); "
            "print(rc, ' '.join(m for m in ('pandas', 'pyarrow', 'underthesea', 'spacy', 'pdfplumber', "
            "'pypdfium2', 'docx', 'trafilatura', 'extractors.extract', "
            # nor OpenSSL (hashing: nothing to hash) nor the worker pool (nothing to extract)
            "'hashlib', 'multiprocessing', 'concurrent.futures.process') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path), str(db)], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["0"]
    assert "1 files: 0 ingested, 1 unchanged, 0 failed" in out.stderr


def test_the_parent_of_the_workers_loads_no_extractor_and_no_pandas(tmp_path):
    # issue 7: the parent is the single writer and shares the cores with the workers; the NLP
    # stack is loaded in the workers' forkserver, and the writer's statements have no parameters.
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"{i}: Địa bàn thành phố Vinh hiện có 6.107 doanh nghiệp",  # seeds/000
                                           encoding="utf-8")
    code = ("import sys; from pipeline.ingest import ingest_paths; "
            "s = ingest_paths([sys.argv[1]], sys.argv[2], quiet=True, workers=2); "
            "print(s.ingested, s.figures, ' '.join(m for m in ('pandas', 'pyarrow', 'underthesea', 'spacy', "
            "'pdfplumber', 'pypdfium2', 'docx', 'extractors.extract') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path), str(tmp_path / "x.duckdb")],
                         capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["3", "3"]


@pytest.mark.integration
def test_shared_workers_fail_only_the_file_whose_worker_dies(tmp_path):
    # the Prefect flow's task threads share these worker processes (flows/ingest.py)
    from concurrent.futures import ThreadPoolExecutor

    from fake_extract import dying_extract_file

    from pipeline.extract_pool import WORKER_DIED, SharedWorkers

    paths = []
    for i in range(10):
        path = tmp_path / f"{i:02d}{'_die' if i in (2, 5) else ''}.txt"
        path.write_text(f"{path.name}: 6.107 doanh nghiệp", encoding="utf-8")  # seeds/000 line 27
        paths.append(str(path))
    workers = SharedWorkers(2, died=failed_file, extract=dying_extract_file)
    try:
        with ThreadPoolExecutor(4) as threads:
            results = list(threads.map(workers.extract, paths))
    finally:
        workers.close()
    assert [r.source for r in results] == paths
    failed = [Path(r.source).name for r in results if r.status == "failed"]
    assert failed == ["02_die.txt", "05_die.txt"]
    assert all(WORKER_DIED in (r.error or "") for r in results if r.status == "failed")
