"""A figure says where it was read besides its page (issue 19): the sheet and cell of a workbook,
and for text read from an image `ocr` with the mean confidence of its words; stored as such."""

import shutil
from pathlib import Path

import duckdb
import pytest

from extractors.extract import extract_file
from pipeline.ingest import ingest_paths

FIXTURES = Path(__file__).resolve().parent / "fixtures"
WORKBOOK = FIXTURES / "sheets" / "thong_ke_doan_vien.xlsx"
PHOTO = FIXTURES / "ocr" / "000_bf79206f8d7a586e.jpg"


def test_a_workbook_figure_carries_its_sheet_and_cell():
    figures = [f for d in extract_file(WORKBOOK).documents for f in d.figures]
    assert figures and all(str(f.extras.get("cell", "")).startswith("Biểu") for f in figures)
    assert not any(f.extras.get("ocr") for f in figures)


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract (Debian tesseract-ocr-vie) not installed")
@pytest.mark.slow
def test_a_figure_read_by_ocr_says_so_with_its_confidence():
    figures = [f for d in extract_file(PHOTO).documents for f in d.figures]
    assert figures and all(f.extras.get("ocr") for f in figures)
    assert all(0 <= f.extras["ocr_confidence"] <= 100 for f in figures)


def test_provenance_is_stored(tmp_path):
    db = tmp_path / "x.duckdb"
    ingest_paths([WORKBOOK], db, quiet=True)
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT cell, ocr FROM figures").fetchall()
    con.close()
    assert rows and all(cell.startswith("Biểu") and ocr is False for cell, ocr in rows)


def test_ocr_off_leaves_a_scan_unread_with_a_clear_status():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(PHOTO), "--ocr", "off"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1
    assert "needs ocr" in out.stderr and "OCR is turned off" in out.stderr and "Traceback" not in out.stderr
