"""OCR accuracy and speed on the fixture scans (docs/formats.md), and LibreOffice's cost per file.

Accuracy: each OCR'd page against the same page's text layer in the seed's PDF rendering (white space
collapsed, NFC): character error rate (Levenshtein distance / reference length) and number recall
(numbers of the reference found in the OCR text, as written: `6.107`, `98,37%`).
Speed: pages per second of CPU (tesseract's and this process's), i.e. on one core, and wall time
with the threads OCR uses (CHISO_OCR_THREADS).

    .venv/bin/python scripts/ocr_accuracy.py            # OCR fixtures and LibreOffice conversions
"""

from __future__ import annotations

import re
import resource
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NUMBER = re.compile(r"\d+(?:[.,]\d+)*%?")


def page_texts(raw) -> dict[int, str]:
    """Page → its text, white space collapsed, NFC, the PDF-font `ƣ` as `ư`."""
    pages: dict[int, list[str]] = {}
    for b in raw.blocks:
        pages.setdefault(b.page or 1, []).append(b.text)
    return {p: _norm(" ".join(ts)) for p, ts in pages.items()}


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("ƣ", "ư").replace("Ƣ", "Ư")
    return " ".join(text.split())


def levenshtein(a: str, b: str) -> int:
    """Edit distance, a row at a time with numpy (insertions through a running minimum)."""
    import numpy as np

    if not a or not b:
        return len(a) + len(b)
    codes = np.frombuffer(b.encode("utf-32-le"), dtype=np.uint32)
    idx = np.arange(len(b) + 1, dtype=np.int64)
    prev = idx.copy()
    for i, ch in enumerate(a, 1):
        step = np.empty_like(prev)
        step[0] = i
        step[1:] = np.minimum(prev[:-1] + (codes != ord(ch)), prev[1:] + 1)
        prev = idx + np.minimum.accumulate(step - idx)
    return int(prev[-1])


def char_error_rate(reference: dict[int, str], hypothesis: dict[int, str]) -> float:
    errors = sum(levenshtein(text, hypothesis.get(p, "")) for p, text in reference.items())
    return errors / max(sum(len(t) for t in reference.values()), 1)


def number_recall(reference: dict[int, str], hypothesis: dict[int, str]) -> tuple[int, int]:
    found = total = 0
    for p, text in reference.items():
        have = Counter(NUMBER.findall(hypothesis.get(p, "")))
        for n in NUMBER.findall(text):
            total += 1
            if have[n] > 0:
                have[n] -= 1
                found += 1
    return found, total


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def measure_ocr() -> None:
    from extractors.readers import read

    for scan in sorted((ROOT / "tests" / "fixtures" / "ocr").glob("*.*")):
        wall, cpu = time.perf_counter(), _cpu()
        raw = read(scan)
        wall, cpu = time.perf_counter() - wall, _cpu() - cpu
        reference = page_texts(read(ROOT / "corpus" / "fixtures" / f"{scan.stem}.pdf"))
        if scan.suffix != ".pdf":  # a photo of the first page
            reference = {1: reference[1]}
        found, total = number_recall(reference, page_texts(raw))
        print(f"{scan.name}: {raw.pages} pages, CER {char_error_rate(reference, page_texts(raw)):.2%}, "
              f"numbers {found}/{total}, confidence {min(raw.page_confidence):.1f}-{max(raw.page_confidence):.1f}, "
              f"{raw.pages / cpu:.2f} pages/s of CPU (one core), {raw.pages / wall:.2f} pages/s wall")


def measure_soffice() -> None:
    from extractors.readers import read

    files = sorted((ROOT / "tests" / "fixtures" / "office").glob("*")) + \
        sorted(p for p in (ROOT / "tests" / "fixtures" / "sheets").glob("*") if p.suffix != ".xlsx")
    for path in files:
        wall, cpu = time.perf_counter(), _cpu()
        read(path)
        print(f"{path.name}: LibreOffice conversion and reading {time.perf_counter() - wall:.2f} s wall, "
              f"{_cpu() - cpu:.2f} s CPU")


if __name__ == "__main__":
    what = sys.argv[1:] or ["ocr", "soffice"]
    if "ocr" in what:
        measure_ocr()
    if "soffice" in what:
        measure_soffice()
