"""Bad inputs: each gives one clear ReadError naming the file (or status needs_ocr), and the
CLI still extracts the good files of the same call, names each bad one on stderr, exits 1."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from extractors.readers import read
from extractors.readers.docx import MAX_UNPACKED
from extractors.records import (
    STATUS_NEEDS_OCR,
    CorruptFile,
    EncryptedFile,
    ReadError,
    TooLarge,
    UnsupportedFormat,
)

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "fixtures" / "bad"
GOOD = ROOT / "corpus" / "fixtures" / "003_b8eaf98e5b645ede.docx"

# file in tests/fixtures/bad/ (made by scripts/make_fixtures.py) → error class, words of the problem
BAD_FILES = [
    ("empty.pdf", CorruptFile, "empty file"),
    ("truncated.pdf", CorruptFile, "truncated PDF"),
    ("encrypted.pdf", EncryptedFile, "password-protected PDF"),
    ("zip_really.pdf", UnsupportedFormat, "not a PDF (starts with 'PK'"),
    ("zip_bomb.docx", TooLarge, "possible zip bomb"),
    ("no_document_xml.docx", UnsupportedFormat, "without word/document.xml"),
    ("not_a_zip.docx", CorruptFile, "not a DOCX"),
    ("legacy.doc", UnsupportedFormat, 'convert it with "soffice --headless --convert-to docx'),
    ("random.bin", UnsupportedFormat, "not a document (starts with"),
]


def test_every_bad_fixture_is_covered():
    covered = {name for name, _, _ in BAD_FILES} | {"image_only.pdf", "script.html"}
    assert covered == {p.name for p in BAD.iterdir()}


@pytest.mark.parametrize("name, error, problem", BAD_FILES)
def test_bad_file_gives_one_clear_error(name, error, problem):
    path = BAD / name
    with pytest.raises(error) as info:
        read(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and problem in message
    assert "\n" not in message and len(message) < 300
    if path.stat().st_size:
        assert len(info.value.sha256) == 64  # extract_file records the hash of failed files too


def test_image_only_pdf_needs_ocr_never_empty_success():
    raw = read(BAD / "image_only.pdf")
    assert raw.status == STATUS_NEEDS_OCR and raw.blocks == () and raw.pages == 1
    assert "no text" in raw.warnings[0]


def test_script_never_leaks():
    raw = read(BAD / "script.html")
    text = "\n".join(b.text for b in raw.blocks)
    assert "2.668 đoàn viên" in text and "100% công đoàn cơ sở" in text
    for leak in ("alert", "document.write", "Chèn bởi script", "tracking", "JavaScript"):
        assert leak not in text, leak


@pytest.mark.parametrize("members, problem", [
    # declared size past the limit (the directory alone says so: nothing is unpacked)
    ([("word/document.xml", b"<w:document/>", MAX_UNPACKED + 1)], "unpacks to"),
    # a small file with an absurd compression ratio
    ([("word/document.xml", b" " * (8 * 1024 * 1024), None)], "compressed"),
])
def test_zip_bomb_refused_from_the_directory(tmp_path, members, problem):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data, _ in members:
            z.writestr(name, data)
    data = bytearray(buf.getvalue())
    for _name, _, declared in members:
        if declared:  # patch the central directory's uncompressed size
            entry = data.rfind(b"PK\x01\x02")
            data[entry + 24:entry + 28] = declared.to_bytes(4, "little")
    path = tmp_path / "bomb.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(TooLarge) as info:
        read(path)
    assert problem in str(info.value) and str(path) in str(info.value)


def test_missing_file_is_a_read_error(tmp_path):
    with pytest.raises(ReadError) as info:
        read(tmp_path / "nope.pdf")
    assert str(info.value) == f"{tmp_path / 'nope.pdf'}: no such file"


def test_cli_good_files_survive_bad_ones():
    bad = [BAD / name for name, _, _ in BAD_FILES] + [BAD / "image_only.pdf"]
    run = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(GOOD), *map(str, bad)],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 1
    assert f'"source": "{GOOD}"' in run.stdout and '"type": "document"' in run.stdout
    err_lines = [ln for ln in run.stderr.splitlines() if ln.strip()]
    for path in bad:
        naming = [ln for ln in err_lines if ln.startswith(f"{path}:")]
        assert len(naming) == 1, (path, run.stderr)
    assert not any(str(p) in run.stdout for p in bad)


def _thousand_page_pdf(path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(path), invariant=1)
    for i in range(1, 1001):
        c.setFont("Helvetica", 11)
        c.drawString(56, 800, "Bao cao tong ket nam 2024")  # running header
        c.drawString(56, 700, f"Muc {i}: da thanh lap moi {i} cong doan co so.")
        c.drawCentredString(300, 30, f"- {i} -")  # page number
        c.showPage()
    c.save()


READ_BIG = """
import logging, sys
logging.basicConfig(level=logging.WARNING, format="%(message)s")
logging.getLogger("extractors.readers").setLevel(logging.INFO)
from extractors.readers import read
raw = read(sys.argv[1])
last = raw.blocks[-1]
print(raw.pages, len(raw.blocks), last.page, last.text, sep="|")
# VmHWM is this process's own peak; ru_maxrss is not: Linux carries the parent's peak over
# exec, so under a pytest that has loaded the NLP models it reported the parent's size
print(next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:")) // 1024)
"""


@pytest.mark.slow
def test_thousand_page_pdf_bounded_with_progress(tmp_path):
    # issue 2 item 7: a 1,000-page PDF; pages are parsed one at a time and released (page.close())
    path = tmp_path / "big.pdf"
    _thousand_page_pdf(path)
    run = subprocess.run([sys.executable, "-c", READ_BIG, str(path)], capture_output=True, text=True,
                         cwd=ROOT, timeout=900)
    assert run.returncode == 0, run.stderr
    summary, rss_mb = run.stdout.splitlines()
    assert summary == "1000|1000|1000|Muc 1000: da thanh lap moi 1000 cong doan co so."
    assert int(rss_mb) < 250  # whole process; ~60 MB of it is Python + pdfminer + lxml
    assert f"{path}: 1000/1000 pages read" in run.stderr and f"{path}: 100/1000 pages read" in run.stderr
