"""Reliability probes of issue 22 (docs/reliability.md lists them): nothing lost, nothing hangs.

Each probe is a table: hostile file names, slow files and kill -9, page furniture, absurd numbers,
special files and links. The store tests use the fast stand-in extractor (tests/fake_extract.py);
the probes about extraction itself use the real one on tiny files.
"""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from dataset_tables import rows
from fake_extract import LET_GO, fake_extract_file, slow_extract_file

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


# -- 2. finished means stored ----------------------------------------------------------------

FAST = [f"fast_{i}.txt" for i in range(5)]


def slow_folder(tmp_path: Path, slow_name: str) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / slow_name).write_text("Có 1 tệp chậm.", encoding="utf-8")
    for i, name in enumerate(FAST):
        (folder / name).write_text(f"Có {i + 10} công đoàn cơ sở.", encoding="utf-8")
    return folder


@pytest.fixture
def slow(monkeypatch):
    import pipeline.ingest

    monkeypatch.setattr(pipeline.ingest, "extract_file", slow_extract_file)
    monkeypatch.setattr(pipeline.ingest, "SETTINGS", dataclasses.replace(
        pipeline.ingest.SETTINGS, batch_seconds=0.3, heartbeat_seconds=0.05))
    yield


# (workers, the slow file's name): one worker extracts in listing order, so its slow file comes
# last; with two, a slow file listed first must not hold back the files finished after it.
SLOW_CASES = [(1, "z_slow.txt"), (2, "a_slow.txt"), (2, "z_slow.txt")]


@pytest.mark.parametrize(("workers", "slow_name"), SLOW_CASES)
def test_finished_files_are_committed_while_a_slow_file_extracts(tmp_path, monkeypatch, slow, workers, slow_name):
    """The slow file is let go only once every fast file is committed: if a finished file waited
    for the slow one, the slow one would give up waiting (GAVE_UP) instead."""
    from pipeline.store import Store

    folder = slow_folder(tmp_path, slow_name)
    committed: list[str] = []
    write_results = Store.write_results

    def write_and_watch(self, results, run_id):
        write_results(self, results, run_id)
        committed.extend(Path(r.source).name for r in results)
        if set(FAST) <= set(committed):
            (folder / "go").touch()

    monkeypatch.setattr(Store, "write_results", write_and_watch)
    summary = ingest_paths([folder], tmp_path / "x.duckdb", quiet=True, workers=workers)
    assert (summary.ingested, summary.failed) == (6, 0)
    assert set(committed[:5]) == set(FAST) and committed[5] == slow_name
    assert rows(tmp_path / "x.duckdb", "SELECT warnings FROM files WHERE path LIKE '%slow%'") == [(LET_GO,)]


def test_copies_of_the_same_bytes_are_written_in_listing_order(tmp_path, slow):
    """Results come as they finish, except copies of the same bytes: the first listed copy
    holds the documents however long it takes, as with one worker."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a_slow.txt", "b_copy.txt"):
        (folder / name).write_text("Có 12 công đoàn cơ sở.", encoding="utf-8")
    (folder / "c_other.txt").write_text("Có 13 công đoàn cơ sở.", encoding="utf-8")
    threading.Timer(1.0, (folder / "go").touch).start()  # the copy is done long before
    summary = ingest_paths([folder], tmp_path / "x.duckdb", quiet=True, workers=2)
    assert (summary.ingested, summary.failed) == (3, 0)
    assert rows(tmp_path / "x.duckdb", "SELECT path, documents, duplicate_of FROM files ORDER BY path") == [
        ("in/a_slow.txt", 1, None), ("in/b_copy.txt", 0, "in/a_slow.txt"), ("in/c_other.txt", 1, None)]


SLOW_CLI = """import dataclasses, sys, fake_extract, pipeline.ingest, pipeline.extract_pool
pipeline.ingest.extract_file = fake_extract.slow_extract_file
pipeline.ingest.SETTINGS = dataclasses.replace(pipeline.ingest.SETTINGS, batch_seconds=0.3)
pipeline.extract_pool.PRELOAD = []
from pipeline.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize(("workers", "slow_name"), SLOW_CASES)
def test_kill_9_during_a_slow_file_keeps_the_finished_files(tmp_path, workers, slow_name):
    folder = slow_folder(tmp_path, slow_name)
    db = tmp_path / "x.duckdb"
    env = {**os.environ, "PYTHONPATH": f"{TESTS}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    proc = subprocess.Popen([sys.executable, "-c", SLOW_CLI, "--debug", "ingest", str(folder), "--db", str(db),
                             "--workers", str(workers)], env=env, stderr=subprocess.PIPE, text=True)
    committed: set[str] = set()
    try:
        for line in proc.stderr:  # --debug: a line for each batch committed
            if "committed" in line:
                committed |= {Path(p.strip()).name for p in line.split(":", 2)[-1].split(",")}
            if set(FAST) <= committed:
                break
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    assert not (folder / "go").exists()  # the slow file was still extracting
    stored = rows(db, "SELECT path, status FROM files ORDER BY path")
    assert stored == [(f"in/{name}", "ok") for name in FAST]
    (folder / "go").touch()  # the next run extracts only what the killed one had not stored
    rerun = subprocess.run([sys.executable, "-c", SLOW_CLI, "ingest", str(folder), "--db", str(db)],
                           env=env, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert "1 ingested, 5 unchanged, 0 failed" in rerun.stderr


# -- 3. page furniture is what repeats with the same words ---------------------------------

BODY = ["Năm 2024 toàn tỉnh phát triển mới {p}.{p}07 đoàn viên công đoàn,",
        "thành lập {p}9 công đoàn cơ sở trong doanh nghiệp ngoài nhà nước;",
        "tỷ lệ doanh nghiệp ký kết thỏa ước lao động tập thể đạt {p}5%."]


def pdf_pages(pages: list[tuple[str | None, list[str], str | None]]) -> bytes:
    """A PDF of (line at the top of the page, body lines, line at the bottom) pages, DejaVu Sans."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, invariant=1)
    for top, body, bottom in pages:
        canvas.setFont("DejaVuSans", 11)
        if top:
            canvas.drawString(56, A4[1] - 40, top)
        for i, line in enumerate(body):
            canvas.drawString(56, A4[1] - 200 - 15 * i, line)
        if bottom:
            canvas.drawCentredString(A4[0] / 2, 30, bottom)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def numbered(n: int, top, bottom) -> list[tuple[str | None, list[str], str | None]]:
    """n pages of 21 body lines (about as much text as a real page's half); `top`/`bottom`: page
    number → the line there (or None)."""
    return [(top(p), [line.format(p=p) for line in BODY * 7], bottom(p)) for p in range(1, n + 1)]


FURNITURE = [
    # (pages, lines that must be kept, lines that must be dropped, lines dropped in all, a warning expected)
    pytest.param(numbered(6, lambda p: "Báo cáo tổng kết công tác công đoàn năm 2024", lambda p: f"Trang {p}"),
                 [], ["Báo cáo tổng kết công tác công đoàn năm 2024", "Trang 3"], 12, False, id="header-and-page-numbers"),
    pytest.param(numbered(6, lambda p: f"LĐLĐ tỉnh Nghệ An – Báo cáo 2024 – trang {p + 2}", lambda p: f"{p}/6"),
                 [], ["LĐLĐ tỉnh Nghệ An – Báo cáo 2024 – trang 5", "3/6"], 12, False, id="page-number-with-offset"),
    pytest.param(numbered(6, lambda p: f"Công đoàn cơ sở: {[1234, 87, 5120, 342, 66, 910][p - 1]} đoàn viên",
                          lambda p: f"- {p} -"),
                 ["Công đoàn cơ sở: 1234 đoàn viên", "Công đoàn cơ sở: 5120 đoàn viên",
                  "Công đoàn cơ sở: 910 đoàn viên"], ["- 3 -"], 6, False, id="page-tops-differ-in-digits"),
    pytest.param(numbered(6, lambda p: f"Công đoàn cơ sở A{p}: 1.{p}34 đoàn viên", lambda p: None),
                 ["Công đoàn cơ sở A1: 1.134 đoàn viên", "Công đoàn cơ sở A6: 1.634 đoàn viên"], [], 0, False,
                 id="unit-names-differ-in-digits"),
    pytest.param(numbered(2, lambda p: "Liên đoàn Lao động tỉnh Nghệ An · " * 4, lambda p: None),
                 [], ["Liên đoàn Lao động tỉnh Nghệ An"], 2, True, id="long-header-of-a-short-file-warns"),
]


@pytest.mark.parametrize(("pages", "kept", "dropped", "furniture", "warns"), FURNITURE)
def test_page_furniture_is_what_repeats_with_the_same_words(pages, kept, dropped, furniture, warns):
    from extractors.readers.pdf import read_pdf

    text = read_pdf(pdf_pages(pages), "probe.pdf")
    lines = {line.strip() for block in text.blocks for line in block.text.split("\n")}
    assert all(line in lines for line in kept), sorted(lines)
    assert not any(drop in line for drop in dropped for line in lines), sorted(lines)
    assert all(line.format(p=2) in lines for line in BODY)  # the body is always kept
    assert text.furniture_lines == furniture
    assert any("dropped as running headers" in w for w in text.warnings) is warns


# -- 4. numbers that cannot be numbers -------------------------------------------------------

BIG = "1" + "0" * 400
ABSURD = [
    # (text, figures that must be there: text → ambiguous)
    pytest.param(f"Có {BIG}/5 công đoàn cơ sở và 45/54 CĐCS ký kết.", {"45/54": False}, id="400-digit-ratio"),
    pytest.param(f"Có 5/{BIG} công đoàn cơ sở và 45/54 CĐCS ký kết.", {"45/54": False}, id="400-digit-denominator"),
    pytest.param(f"Đạt {BIG}/{BIG} chỉ tiêu, 45/54 CĐCS ký kết.", {"45/54": False}, id="400-digit-both"),
    pytest.param(f"Có 5/1{'0' * 5000} công đoàn cơ sở và 45/54 CĐCS ký kết.", {"45/54": False},
                 id="5000-digits-past-int-limit"),
    pytest.param(f"Tổng thu {BIG} tỷ đồng, có 45/54 CĐCS ký kết.", {"45/54": False}, id="400-digit-money"),
    pytest.param(f"Có {'1.000' * 100} đoàn viên và 45/54 CĐCS ký kết.", {"45/54": False}, id="400-digit-grouped"),
    pytest.param("Tổng thu 3.000.000 tỷ đồng và 45/54 CĐCS ký kết.", {"3.000.000 tỷ đồng": True, "45/54": False},
                 id="vnd-above-10^15"),
    pytest.param("Có 12.345.678.901 đoàn viên và 45/54 CĐCS ký kết.", {"12.345.678.901": True, "45/54": False},
                 id="count-above-10^9"),
    pytest.param("Đạt 5.000.000.000% kế hoạch, 45/54 CĐCS ký kết.", {"5.000.000.000%": True, "45/54": False},
                 id="percent-above-10^9"),
    pytest.param("Thu 1.500.000.000.000 đồng và 2,35 tỷ đồng.", {"1.500.000.000.000 đồng": False, "2,35 tỷ đồng": False},
                 id="plausible-money-untouched"),
]


@pytest.mark.parametrize(("text", "expected"), ABSURD)
def test_numbers_that_cannot_be_numbers_are_refused_or_ambiguous(tmp_path, text, expected):
    import math

    from extractors.extract import extract_file

    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    result = extract_file(tmp_path / "a.txt")  # raised OverflowError for the ratios
    assert result.status == "ok", result.error
    figures = [f for ex in result.documents for f in ex.figures]
    assert all(math.isfinite(f.value) and (f.denominator is None or math.isfinite(f.denominator)) for f in figures)
    assert {f.text: f.ambiguous for f in figures if f.text in expected} == expected
    assert all(len(f.text) < 100 for f in figures)  # the absurd numeral is no figure


def test_an_absurd_number_does_not_stop_chiso_extract_or_the_store(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ABSURD[0].values[0], encoding="utf-8")
    (folder / "b.txt").write_text(GOOD, encoding="utf-8")
    out = chiso(["extract", str(folder)], fake_extractor=False)
    assert out.returncode == 0, out.stderr
    texts = [json.loads(line).get("text") for line in out.stdout.decode().splitlines()]
    assert "45/54" in texts and "6.107" in texts  # the next file too
    db = tmp_path / "x.duckdb"
    summary = ingest_paths([folder], db, quiet=True)
    assert (summary.ingested, summary.failed) == (2, 0)
    assert rows(db, "SELECT count(*), count(*) FILTER (WHERE isinf(value) OR isnan(value)) FROM figures")[0][1] == 0


@pytest.mark.parametrize("value", [float("inf"), float("nan")])
def test_a_value_the_database_cannot_hold_fails_its_file_only(tmp_path, monkeypatch, value):
    """A stand-in that returns inf (what a future parser bug would): its file is recorded failed,
    with the reason; the other files of the batch are stored."""
    import dataclasses

    import pipeline.ingest

    def extract(path, source=None, data=None):
        result = fake_extract_file(path, source, data)
        if "inf" not in Path(path).name:
            return result
        ex = result.documents[0]
        figures = tuple(dataclasses.replace(f, value=value) for f in ex.figures)
        return dataclasses.replace(result, documents=(dataclasses.replace(ex, figures=figures),))

    monkeypatch.setattr(pipeline.ingest, "extract_file", extract)
    for name in ("a.txt", "b_inf.txt", "c.txt"):
        (tmp_path / name).write_text(f"{name}: {GOOD}", encoding="utf-8")
    summary = ingest_paths([tmp_path], tmp_path / "x.duckdb", quiet=True)
    assert (summary.ingested, summary.failed) == (2, 1)
    assert "b_inf.txt: could not store the result" in summary.failures[0][1]
    assert rows(tmp_path / "x.duckdb", "SELECT count(*) FROM figures WHERE NOT isfinite(value)") == [(0,)]


# -- 5. special files and links --------------------------------------------------------------

def make_entry(folder: Path, name: str, kind: str) -> None:
    path = folder / name
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        import socket

        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(path))
        sock.close()  # the socket file stays
    elif kind.startswith("->"):
        path.symlink_to(kind[2:])
    else:
        path.write_text(kind, encoding="utf-8")


ENTRIES = {  # name → what it is
    "good.txt": GOOD,
    "a.txt": "fifo",
    "s.txt": "socket",
    "x.txt": "->/etc/passwd",
    "z.txt": "->/dev/zero",
    "y.txt": "->good.txt",  # inside the folder: followed
    "w.txt": "->missing.txt",
}
NOT_READ = [
    # (follow_links, name → why it is not read; the names left out are ingested)
    pytest.param(False, {"a.txt": "a FIFO (named pipe), not a regular file", "s.txt": "a socket, not a regular file",
                         "x.txt": "a link to /etc/passwd, outside the folder: not followed",
                         "z.txt": "a link to /dev/zero, outside the folder: not followed",
                         "w.txt": "which does not exist"}, id="links-stay-in-the-folder"),
    pytest.param(True, {"a.txt": "a FIFO (named pipe), not a regular file", "s.txt": "a socket, not a regular file",
                        "z.txt": "a link to /dev/zero, a character device, not a regular file",
                        "w.txt": "which does not exist"}, id="follow-links"),
]


@pytest.fixture
def odd_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, kind in ENTRIES.items():
        make_entry(folder, name, kind)
    return folder


@pytest.mark.parametrize(("follow", "not_read"), NOT_READ)
def test_only_regular_files_and_links_inside_the_folder_are_listed(odd_folder, follow, not_read):
    from pipeline.ingest import iter_ingest_files

    skipped: dict[str, str] = {}
    listed = list(iter_ingest_files([odd_folder], follow_links=follow,
                                    skipped=lambda path, why: skipped.setdefault(Path(path).name, why)))
    assert sorted(Path(p).name for p in listed) == sorted(set(ENTRIES) - set(not_read))
    assert set(skipped) == set(not_read)
    assert all(not_read[name] in why for name, why in skipped.items()), skipped


@pytest.mark.parametrize(("follow", "not_read"), NOT_READ)
def test_chiso_ingest_skips_special_files_with_a_line_and_never_hangs(odd_folder, tmp_path, follow, not_read):
    db = tmp_path / "x.duckdb"
    out = chiso(["ingest", str(odd_folder), "--db", str(db)] + (["--follow-links"] if follow else []), timeout=120)
    assert out.returncode == 0, out.stderr
    err = out.stderr.decode()
    for name, why in not_read.items():
        assert any(line.startswith(f"skipped: {odd_folder}/{name}: ") and why in line for line in err.splitlines()), err
    stored = {path for (path,) in rows(db, "SELECT path FROM files")}
    assert stored == {f"in/{name}" for name in set(ENTRIES) - set(not_read)}
    passwd = rows(db, "SELECT count(*) FROM documents WHERE text LIKE '%root:%'")[0][0]
    assert bool(passwd) is follow  # /etc/passwd became a document only when asked


@pytest.mark.parametrize("kind", ["fifo", "->/dev/zero", "socket"])
def test_a_special_file_named_explicitly_or_swapped_in_is_not_read(tmp_path, kind):
    """Given by name (the folder walk is not asked), a special file is still never opened for
    reading: the hash and the reader refuse it instead of waiting forever."""
    from extractors.readers import ReadError, read
    from pipeline.store.hashing import file_sha256

    make_entry(tmp_path, "a.txt", kind)
    with pytest.raises(OSError, match="not a regular file|No such device"):
        file_sha256(tmp_path / "a.txt")
    with pytest.raises(ReadError, match="not a regular file|cannot read"):
        read(tmp_path / "a.txt")


LIMIT = 100
SIZES = [  # (bytes in the file, read)
    pytest.param(LIMIT - 1, True, id="below"),
    pytest.param(LIMIT, True, id="at-the-limit"),
    pytest.param(LIMIT + 1, False, id="one-past"),
]


@pytest.mark.parametrize(("size", "read_ok"), SIZES)
def test_the_size_limit_holds_at_the_boundary(tmp_path, monkeypatch, size, read_ok):
    import extractors.readers as readers
    from extractors.records import TooLarge

    monkeypatch.setattr(readers, "MAX_FILE_BYTES", LIMIT)
    (tmp_path / "a.txt").write_bytes(b"x" * size)
    if read_ok:
        assert readers._load(tmp_path / "a.txt", "a.txt") == b"x" * size
    else:
        with pytest.raises(TooLarge):
            readers._load(tmp_path / "a.txt", "a.txt")


def test_the_size_limit_counts_bytes_read_not_the_size_claimed(monkeypatch):
    import extractors.readers as readers
    from extractors.records import TooLarge

    claims_nothing = Path("/proc/self/status")  # a regular file that says it holds 0 bytes
    assert claims_nothing.stat().st_size == 0
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 10)
    with pytest.raises(TooLarge, match="more than"):
        readers._load(claims_nothing, "status")


# --- per-file budgets (issue 22 item 2) -----------------------------------------------------------

def test_a_file_past_its_time_budget_fails_alone_and_the_batch_goes_on(tmp_path, monkeypatch):
    """A stand-in file that sleeps past a 1 s budget is stopped in its worker (SIGALRM) and recorded
    failed with the reason; the other files are stored."""
    import pipeline.ingest
    from extractors.settings import Budget

    monkeypatch.setattr(pipeline.ingest, "extract_file", fake_extract_file)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(f"{name}: 6.107 doanh nghiệp", encoding="utf-8")
    (folder / "slow_forever.txt").write_text("sleep", encoding="utf-8")
    summary = ingest_paths([folder], tmp_path / "x.duckdb", quiet=True, workers=2,
                           budget=Budget(seconds=1.0, memory_mb=2048))
    assert summary.ingested == 3 and summary.failed == 1
    (path, error), = summary.failures
    assert path.endswith("slow_forever.txt") and "time budget (1 s)" in error


def test_a_file_past_its_memory_budget_fails_alone(tmp_path, monkeypatch):
    import pipeline.ingest
    from extractors.settings import Budget

    monkeypatch.setattr(pipeline.ingest, "extract_file", fake_extract_file)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("a: 6.107 doanh nghiệp", encoding="utf-8")
    (folder / "greedy_memory.txt").write_text("eat", encoding="utf-8")
    summary = ingest_paths([folder], tmp_path / "x.duckdb", quiet=True, workers=2,
                           budget=Budget(seconds=60, memory_mb=1024))
    assert summary.ingested == 1 and summary.failed == 1
    (path, error), = summary.failures
    assert path.endswith("greedy_memory.txt") and "memory than its budget (1024 MB)" in error


# --- readers while a writer works (issue 22 item 7) -------------------------------------------------

HOLD_WRITER = """
import sys, time
from pipeline.store import Store
with Store(sys.argv[1]):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


@pytest.mark.integration
@pytest.mark.parametrize("verb", [["query", "SELECT count(*) FROM files"], ["stats"],
                                  ["compare", "--indicator", "new_members"], ["audit"], ["export", "--format", "csv"]])
def test_a_reader_during_an_ingest_waits_then_says_so_in_one_line(tmp_path, verb):
    """`chiso audit` during an ingest printed a traceback; every verb waits for the writer
    (--lock-timeout) and then says in one line that another chiso process holds the dataset."""
    from pipeline.store import Store

    db = tmp_path / "chiso.duckdb"
    Store(db).close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_WRITER, str(db), "20"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        args = [sys.executable, "-m", "pipeline", *verb, "--db", str(db), "--lock-timeout", "0.5"]
        if verb[0] == "export":
            args += ["--out", str(tmp_path / "out")]
        out = subprocess.run(args, capture_output=True, text=True, timeout=120)
    finally:
        holder.kill()
        holder.wait()
    assert out.returncode == 1, out.stderr
    assert "Traceback" not in out.stderr
    assert "is in use by another chiso process" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr


def test_a_folder_lists_every_format_the_readers_take(tmp_path):
    """Workbooks, legacy office files and scans in a folder were skipped by `chiso ingest folder/`
    (only named files were read) although the readers take them (issue 19)."""
    from pipeline.inputs import iter_ingest_files

    names = ["a.pdf", "b.docx", "c.doc", "d.rtf", "e.odt", "f.html", "g.txt", "h.md", "i.xlsx", "j.xls", "k.ods",
             "l.jpg", "m.jpeg", "n.png", "o.tif", "p.tiff"]
    for name in names + ["notes.py", "data.json"]:
        (tmp_path / name).write_bytes(b"x")
    listed = sorted(Path(p).name for p in iter_ingest_files([str(tmp_path)]))
    assert listed == sorted(names)
