"""Cost of the formats that need another program (issue 19): OCR of a scanned PDF (Tesseract `vie`,
pages per second on one core, and with the threads the reader may use), and LibreOffice's
conversion of a legacy office file (seconds per file). Rows are left out, with a note, when the
program is not installed.

    python -m benchmarks.formats
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

from benchmarks.measure import Row

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
SCAN = FIXTURES / "ocr" / "000_bf79206f8d7a586e.pdf"  # 7 scanned pages of seed 000 (scripts/make_format_fixtures.py)
LEGACY = [FIXTURES / "office" / f"001_2dd21463e6f50625.{ext}" for ext in ("doc", "rtf", "odt")]


def _timed(path: Path) -> tuple[float, float, int | None]:
    from extractors.extract import extract_file

    t0, c0 = time.perf_counter(), time.process_time()
    result = extract_file(path)
    return time.perf_counter() - t0, time.process_time() - c0, result.pages


def ocr_rows() -> list[Row]:
    if shutil.which("tesseract") is None:
        return [Row("OCR (Tesseract vie)", note="tesseract not installed: not measured")]
    rows = []
    for threads in ("1", str(os.cpu_count() or 1)):
        os.environ["CHISO_OCR_THREADS"] = threads
        seconds, _cpu, pages = _timed(SCAN)
        rows.append(Row(f"OCR scanned PDF, {threads} thread(s)", seconds=seconds, files=1, pages=pages,
                        note=f"{(pages or 0) / seconds:.2f} pages/s" if seconds else ""))
    os.environ.pop("CHISO_OCR_THREADS", None)
    return rows


def libreoffice_rows() -> list[Row]:
    if shutil.which("soffice") is None:
        return [Row("LibreOffice conversion", note="soffice not installed: not measured")]
    rows = []
    for path in LEGACY:
        seconds, _cpu, _pages = _timed(path)
        rows.append(Row(f"LibreOffice {path.suffix} → DOCX, read", seconds=seconds, files=1,
                        note=f"{seconds:.1f} s per file (conversion and extraction)"))
    return rows


def measure() -> list[Row]:
    return ocr_rows() + libreoffice_rows()


def main() -> int:
    for row in measure():
        print(f"{row.name:45} {row.seconds if row.seconds is not None else '-':>8} s  {row.note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
