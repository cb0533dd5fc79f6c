"""The DuckDB store: schema, one-transaction replace, skip-unchanged keys, runs, locking."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest
from dataset_builders import lamdong_extract, result, vinh_extract

from extractors import EXTRACTOR_VERSION
from extractors.records import Document, DocumentExtract, Figure, FileResult
from pipeline.store import Store, StoreLocked, StoreNotFound, file_sha256
from pipeline.store.migrations import available_migrations
from pipeline.store.paths import path_key
from pipeline.store.store import runs_of_distinct_keys

SHA_A = "a" * 64
SHA_B = "b" * 64


def count(store: Store, table: str) -> int:
    return store.con.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0]


@pytest.fixture
def db(tmp_path):
    return tmp_path / "chiso.duckdb"


def test_migrations_create_contract_tables(db):
    with Store(db) as store:
        tables = {r[0] for r in store.con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
        versions = [r[0] for r in store.con.execute("SELECT version FROM schema_migrations").fetchall()]
    assert {"files", "documents", "figures", "references", "runs", "schema_migrations"} <= tables
    assert versions == [m.version for m in available_migrations()]


def test_migrations_apply_once(db):
    Store(db).close()
    with Store(db) as store:  # a second open applies nothing again
        rows = store.con.execute("SELECT version, count(*) FROM schema_migrations GROUP BY ALL").fetchall()
    assert all(n == 1 for _, n in rows)


@pytest.mark.parametrize(("table", "id_column", "expected"), [
    # seeds/000: the Vinh speech; ids follow schema.md: sha[:16]:doc_index, :char_start, :r<char_start>
    ("documents", "doc_id", {"aaaaaaaaaaaaaaaa:0"}),
    ("figures", "figure_id", {"aaaaaaaaaaaaaaaa:0:31", "aaaaaaaaaaaaaaaa:0:54", "aaaaaaaaaaaaaaaa:0:138"}),
    ("references", "ref_id", {"aaaaaaaaaaaaaaaa:0:r159"}),
])
def test_ids_follow_the_contract(db, table, id_column, expected):
    with Store(db) as store:
        store.write_result(result("vinh.txt", SHA_A, vinh_extract("vinh.txt")), store.start_run("cli"))
        got = {r[0] for r in store.con.execute(f'SELECT {id_column} FROM "{table}"').fetchall()}
    assert got == expected


def test_figure_rows_carry_provenance_and_document_fields(db):
    with Store(db) as store:
        store.write_result(result("vinh.txt", SHA_A, vinh_extract("vinh.txt")), store.start_run("cli"))
        row = store.con.execute(
            "SELECT path, doc_index, page, char_start, char_end, text, value, organization, doc_kind, "
            "doc_date, year, extractor_version FROM figures WHERE text = '87.038'").fetchall()[0]
    assert row == ("vinh.txt", 0, 1, 54, 60, "87.038", 87038.0, "Liên đoàn Lao động thành phố Vinh",
                   "tham luận", dt.date(2023, 5, 10), 2023, EXTRACTOR_VERSION)


@pytest.mark.parametrize(("extract", "surface", "year"), [
    (lamdong_extract, "từ 96% trở lên", 2023),  # seeds/002: target "Đến năm 2023" → deadline year
    (vinh_extract, "6.107", 2023),  # seeds/000: an actual figure takes the document's year
])
def test_figure_year_rule(db, extract, surface, year):
    with Store(db) as store:
        store.write_result(result("f.txt", SHA_A, extract("f.txt")), store.start_run("cli"))
        got = store.con.execute("SELECT year FROM figures WHERE text = ?", [surface]).fetchall()
    assert got == [(year,)]


def test_changed_file_replaces_its_rows(db):
    with Store(db) as store:
        run = store.start_run("cli")
        store.write_result(result("plan.txt", SHA_A, vinh_extract("plan.txt")), run)
        store.write_result(result("other.txt", SHA_B, lamdong_extract("other.txt")), run)
        store.write_result(result("plan.txt", "c" * 64, lamdong_extract("plan.txt")), run)
        paths = store.con.execute("SELECT path, sha256, figures FROM files ORDER BY path").fetchall()
        n_figures = count(store, "figures")
        n_refs = count(store, "references")
    assert paths == [("other.txt", SHA_B, 1), ("plan.txt", "c" * 64, 1)]
    assert (n_figures, n_refs) == (2, 0)


def test_same_bytes_rewritten_with_same_ids(db):
    # a new extractor version re-extracts the same bytes: same primary keys, one transaction
    with Store(db) as store:
        run = store.start_run("cli")
        for _ in range(2):
            store.write_result(result("vinh.txt", SHA_A, vinh_extract("vinh.txt")), run)
        assert count(store, "figures") == 3


def test_failed_write_leaves_the_old_rows(db, monkeypatch):
    with Store(db) as store:
        run = store.start_run("cli")
        store.write_result(result("vinh.txt", SHA_A, vinh_extract("vinh.txt")), run)
        original = store._insert

        def broken(table, rows):
            if table == "figures":
                raise duckdb.IOException("disk full (simulated)")
            original(table, rows)

        monkeypatch.setattr(store, "_insert", broken)
        with pytest.raises(duckdb.IOException):
            store.write_result(result("vinh.txt", SHA_B, lamdong_extract("vinh.txt")), run)
        assert store.con.execute("SELECT sha256 FROM files").fetchall() == [(SHA_A,)]
        assert count(store, "figures") == 3


def test_identical_bytes_under_two_paths_stored_once(db):
    with Store(db) as store:
        run = store.start_run("cli")
        store.write_result(result("a/vinh.txt", SHA_A, vinh_extract("a/vinh.txt")), run)
        store.write_result(result("b/copy.txt", SHA_A, vinh_extract("b/copy.txt")), run)
        dup = store.con.execute("SELECT duplicate_of, documents FROM files WHERE path = 'b/copy.txt'").fetchall()
        assert dup == [("a/vinh.txt", 0)]
        assert count(store, "documents") == 1
        # the original changes: the copy is no longer current, so the next ingest re-extracts it
        store.write_result(result("a/vinh.txt", SHA_B, lamdong_extract("a/vinh.txt")), run)
        assert not store.is_current("b/copy.txt", SHA_A)


def snapshot(store: Store) -> dict[str, list[tuple]]:
    out = {}
    for table in ("files", "documents", "figures", "references"):
        cols = [f'"{r[0]}"' for r in store.con.execute(f'DESCRIBE "{table}"').fetchall()
                if r[0] not in ("ingested_at", "run_id")]
        out[table] = store.con.execute(f'SELECT {", ".join(cols)} FROM "{table}" ORDER BY ALL').fetchall()
    return out


# The same sequence written one file at a time and as one batch: replace, duplicate bytes
# within the batch, and the original of a duplicate changing, all inside one transaction.
BATCH = [("vinh.txt", SHA_A, vinh_extract), ("copy.txt", SHA_A, vinh_extract),
         ("lamdong.txt", SHA_B, lamdong_extract), ("vinh.txt", "c" * 64, lamdong_extract)]


def test_a_batch_writes_what_one_by_one_writes(tmp_path):
    snapshots = []
    for name, batched in (("one.duckdb", False), ("batch.duckdb", True)):
        with Store(tmp_path / name) as store:
            run = store.start_run("cli")
            results = [result(path, sha, make(path)) for path, sha, make in BATCH]
            if batched:
                store.write_results(results, run)
            else:
                for r in results:
                    store.write_result(r, run)
            snapshots.append(snapshot(store))
    one, batch = snapshots
    assert batch == one
    assert [r[0] for r in batch["files"]] == ["copy.txt", "lamdong.txt", "vinh.txt"]


def test_a_failed_batch_writes_nothing(db, monkeypatch):
    with Store(db) as store:
        run = store.start_run("cli")
        original = store._insert

        def broken(table, rows):
            if table == "figures" and any(row["path"] == "lamdong.txt" for row in rows):
                raise duckdb.IOException("disk full (simulated)")
            original(table, rows)

        monkeypatch.setattr(store, "_insert", broken)
        with pytest.raises(duckdb.IOException):
            store.write_results([result("vinh.txt", SHA_A, vinh_extract("vinh.txt")),
                                 result("lamdong.txt", SHA_B, lamdong_extract("lamdong.txt"))], run)
        assert count(store, "files") == count(store, "figures") == 0


@pytest.mark.parametrize(("status", "current"), [
    ("ok", True),
    ("needs_ocr", True),  # a scan stays a scan until the file or the code changes
    ("failed", False),  # failures are retried by every ingest
])
def test_is_current_by_status(db, status, current):
    with Store(db) as store:
        store.write_result(result("x.pdf", SHA_A, status=status, error=None if status == "ok" else "x.pdf: bad"),
                           store.start_run("cli"))
        assert store.is_current("x.pdf", SHA_A) is current
        assert store.is_current("x.pdf", SHA_B) is False
        assert ("x.pdf" in store.known_hashes()) is current


def test_other_extractor_version_is_not_current(db):
    with Store(db) as store:
        store.write_result(result("x.txt", SHA_A), store.start_run("cli"))
        store.con.execute("UPDATE files SET extractor_version = '0.0.1-old'")
        assert not store.is_current("x.txt", SHA_A)


def test_paths_are_keyed_relative_to_the_database(tmp_path):
    (tmp_path / "docs").mkdir()
    doc = tmp_path / "docs" / "a.txt"
    doc.write_text("x", encoding="utf-8")
    with Store(tmp_path / "chiso.duckdb") as store:
        assert store.path_key(str(doc)) == "docs/a.txt"
        assert store.path_key(str(tmp_path / "docs" / ".." / "docs" / "a.txt")) == "docs/a.txt"
        assert store.path_key("not/on/disk.pdf") == "not/on/disk.pdf"


@pytest.mark.parametrize(("path", "db_dir", "exists", "key"), [
    ("/data/chiso/docs/a.txt", "/data/chiso", True, "docs/a.txt"),
    ("/data/chiso/docs/../docs/a.txt", "/data/chiso", True, "docs/a.txt"),
    ("/data/chiso/a.txt", "/data/chiso/", True, "a.txt"),
    ("/data/chiso-old/a.txt", "/data/chiso", True, "/data/chiso-old/a.txt"),  # a sibling, not inside
    ("/data/a.txt", "/data/chiso", True, "/data/a.txt"),
    ("/a.txt", "/", True, "a.txt"),
    ("not/on/disk.pdf", "/data/chiso", False, "not/on/disk.pdf"),  # kept as given
    ("-", "/data/chiso", True, "-"),
])
def test_path_keys(path, db_dir, exists, key):
    assert path_key(path, db_dir, exists=exists) == key
    assert path_key(Path(path), Path(db_dir), exists=exists) == key


def test_path_key_looks_when_not_told(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    assert path_key(tmp_path / "a.txt", tmp_path) == "a.txt"
    assert path_key(tmp_path / "gone.txt", tmp_path) == str(tmp_path / "gone.txt")  # not on disk: as given


def test_runs_record_counts(db):
    with Store(db) as store:
        run = store.start_run("prefect")
        store.finish_run(run, {"files_seen": 3, "skipped": 1, "ingested": 2, "failed": 0, "references": 4})
        row = store.con.execute('SELECT runner, files_seen, skipped, "references", ended_at IS NOT NULL, '
                                "extractor_version FROM runs").fetchall()
        with pytest.raises(ValueError, match="unknown run counts"):
            store.finish_run(run, {"pages": 1})
    assert row == [("prefect", 3, 1, 4, True, EXTRACTOR_VERSION)]


def test_invalid_date_is_stored_as_null(db):
    bad = vinh_extract("v.txt")
    bad = type(bad)(document=type(bad.document)(**{**bad.document.__dict__, "date": "2023-02-30"}),
                    figures=bad.figures, references=bad.references, figure_pages=bad.figure_pages)
    with Store(db) as store:
        store.write_result(result("v.txt", SHA_A, bad), store.start_run("cli"))
        assert store.con.execute("SELECT date, year FROM documents").fetchall() == [(None, None)]


def test_read_only_store_of_missing_file(tmp_path):
    with pytest.raises(StoreNotFound, match="chiso ingest"):
        Store(tmp_path / "nope.duckdb", read_only=True)


def test_file_sha256_streams(tmp_path):
    p = tmp_path / "big.bin"
    p.write_bytes(b"\x00" * (3 * (1 << 20) + 7))
    import hashlib
    assert file_sha256(p) == hashlib.sha256(p.read_bytes()).hexdigest()


HOLD_WRITER = textwrap.dedent("""
    import sys, time
    from pipeline.store import Store
    with Store(sys.argv[1]):
        print("locked", flush=True)
        time.sleep(float(sys.argv[2]))
""")


@pytest.mark.integration
def test_second_process_waits_then_fails_clearly(db):
    Store(db).close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_WRITER, str(db), "5"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreLocked) as info:
            Store(db, lock_timeout=0.3)
        assert f"pid {holder.pid}" in str(info.value)
        assert "is in use by another chiso process" in str(info.value)
        with pytest.raises(StoreLocked):
            Store(db, read_only=True, lock_timeout=0.3)
    finally:
        holder.kill()
        holder.wait()
    with Store(db, lock_timeout=5) as store:  # the kernel dropped the dead holder's lock
        assert count(store, "files") == 0


# Text that must come back byte for byte through the batch insert (JSON lines read by DuckDB) and
# the literals of the store's statements: quotes, backslashes, escapes, controls, non-BMP chars.
AWKWARD_TEXTS = [
    "Công đoàn cơ sở 'Hoa Sen' và \"Bình Minh\"",
    r"C:\Users\tham luan\n không phải xuống dòng \u0041",
    "dòng một\ndòng hai\r\n\ttab",
    "ký tự lạ \x00 \x1f \x7f",
    "ngoài BMP: 𝟐𝟎𝟐𝟓 🎉",
    "decomposed e\u0301 and NFC é",
    "",
]


@pytest.mark.parametrize("text", AWKWARD_TEXTS)
def test_text_round_trips_through_the_batch_insert(db, text):
    source = "thư mục/o'neil \"báo cáo\".txt"
    doc = Document(source=source, doc_index=0, kind="báo cáo", title=text, organization=text,
                   date="2024-01-31", text=text, start=0, end=len(text))
    fig = Figure(char_start=0, char_end=len(text), text=text, value=1e15 + 0.5, unit="VND", sentence=text,
                 entity=text, ambiguous=True)
    with Store(db) as store:
        store.write_result(FileResult(source=source, sha256=SHA_A, size=1, format="txt", status="ok",
                                      error=text or None, warnings=(text, text),
                                      documents=(DocumentExtract(document=doc, figures=(fig,)),)),
                           store.start_run("cli"))
        assert store.con.execute("SELECT title, organization, text, date FROM documents").fetchall() == [
            (text, text, text, dt.date(2024, 1, 31))]
        assert store.con.execute("SELECT text, sentence, entity, value, ambiguous, path FROM figures").fetchall() == [
            (text, text, text, 1e15 + 0.5, True, source)]
        assert store.con.execute("SELECT error, warnings FROM files").fetchall() == [
            (text or None, f"{text}\n{text}")]
        assert store.known_hashes() == {source: SHA_A}


@pytest.mark.parametrize(("keys", "runs"), [
    ([], [[]]),
    (["a", "b", "c"], [["a", "b", "c"]]),
    (["a", "b", "a", "c"], [["a", "b"], ["a", "c"]]),
    (["a", "a", "a"], [["a"], ["a"], ["a"]]),
])
def test_a_batch_is_cut_where_a_file_comes_again(keys, runs):
    results = [result(k, SHA_A) for k in keys]
    got = runs_of_distinct_keys(results, lambda source: source)
    assert [[r.source for r in run] for run in got] == runs


def test_writing_imports_neither_pandas_nor_pyarrow(tmp_path):
    """The single writer of a busy ingest shares two cores with the extraction workers: DuckDB
    imports pandas (4–7 s of CPU here) for any statement with parameters, pyarrow for Arrow."""
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(__import__('pathlib').Path(__file__).parent)!r})
        from dataset_builders import lamdong_extract, result, vinh_extract
        from pipeline.store import Store
        with Store({str(tmp_path / 'w.duckdb')!r}) as store:
            run = store.start_run("cli")
            store.write_results([result("a.txt", "a" * 64, vinh_extract("a.txt")),
                                 result("b.txt", "a" * 64, vinh_extract("b.txt"))], run)
            store.write_results([result("a.txt", "b" * 64, lamdong_extract("a.txt"))], run)
            store.finish_run(run, {{"ingested": 3}})
            # b.txt deferred to a.txt, whose bytes changed: b.txt is no longer current
            assert store.known_hashes() == {{"a.txt": "b" * 64}}
        print(sorted(m for m in ("pandas", "pyarrow", "numpy") if m in sys.modules))
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_document_longer_than_the_json_readers_default_is_stored(db):
    # batch rows go through DuckDB's JSON reader, whose default largest object is 16 MB
    text = "Toàn huyện hiện có 312 công đoàn cơ sở với 24.560 đoàn viên. " * 300_000  # ≈ 19 M chars
    doc = Document(source="dai.txt", doc_index=0, kind="báo cáo", title=None, organization=None, date=None,
                   text=text, start=0, end=len(text))
    with Store(db) as store:
        store.write_result(FileResult(source="dai.txt", sha256=SHA_A, size=len(text), format="txt", status="ok",
                                      documents=(DocumentExtract(document=doc),)), store.start_run("cli"))
        assert store.con.execute("SELECT length(text) FROM documents").fetchall() == [(len(text),)]
