"""OCR with Tesseract's Vietnamese model: image files (PNG, JPEG, TIFF) and the image-only pages of a
PDF (rendered by PDFium) → blocks with `ocr=True` and the mean confidence of their words.

Each page image is turned grey, deskewed (a projection-profile search: the angle whose rows of ink
are sharpest), and read by the `tesseract` binary (`-l vie --psm 4 tsv`: one column of text of
varying sizes, which keeps paragraphs and table rows whole; TSV gives every word with its
confidence). Tesseract's paragraphs become blocks, lines kept. Pages are read in parallel threads
(each a tesseract process limited to one core with OMP_THREAD_LIMIT=1); inside a worker process of
the ingest pool, one page at a time (the pool already uses the cores).

`CHISO_OCR=off` turns OCR off (scans then keep the status `needs_ocr`); without the `tesseract`
binary, or without its Vietnamese model, the status stays `needs_ocr` with the install hint.
"""

from __future__ import annotations

import io
import logging
import multiprocessing
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from extractors.records import PARAGRAPH, STATUS_NEEDS_OCR, STATUS_OK, Block, CorruptFile, TooLarge

logger = logging.getLogger(__name__)

OCR_ENV = "CHISO_OCR"  # auto (default) | off
THREADS_ENV = "CHISO_OCR_THREADS"
LANG = "vie"
PSM = "4"
INSTALL_HINT = "install Tesseract with its Vietnamese model (Debian: apt-get install tesseract-ocr tesseract-ocr-vie)"
# Rendering resolution of a PDF page: a scanned page is rendered at its image's own resolution
# (upsampling a noisy 200-dpi scan to 300 dpi raised the character error rate from 0.2% to 2.5% and
# lost 5 of 19 numbers on the fixture scan, at twice the time: docs/formats.md), kept within
# MIN_DPI..MAX_DPI; a page without an image (a garbage text layer) at RENDER_DPI.
RENDER_DPI = 300
MIN_DPI, MAX_DPI = 200, 400
MAX_PIXELS = 80_000_000  # a page image past this (e.g. 600 dpi A2) is scaled down before OCR
PAGE_TIMEOUT = 180.0  # seconds one page may take in tesseract
# A page whose mean word confidence is below this is listed in the file's warnings. Clean 300-dpi
# pages score 85-95 here; the noisy, tilted fixture scan 80-90; a blurred photo falls below 70.
LOW_CONFIDENCE = 70.0
# Deskew: angles tried (degrees), coarse then fine around the best; a page is turned only when
# the best angle is at least MIN_SKEW (smaller tilts do not disturb Tesseract's lines).
SKEW_RANGE, SKEW_STEP, SKEW_FINE = 5.0, 0.5, 0.1
MIN_SKEW = 0.3
DESKEW_WIDTH = 1000  # px: the page is searched at this width (the angle does not need more)


class OcrUnavailable(Exception):
    """Tesseract or its Vietnamese model is missing, or OCR is turned off; the message says why."""


@dataclass(frozen=True)
class OcrPage:
    number: int
    blocks: tuple[Block, ...]
    confidence: float  # mean confidence (0-100) of the page's words; 0 with no words
    words: int
    skew: float  # degrees the page was turned back
    failed: str | None = None  # why the page could not be OCR'd (tesseract failed or timed out)


def ocr_enabled() -> bool:
    return os.environ.get(OCR_ENV, "auto").strip().lower() not in ("off", "0", "no", "false")


def tesseract_path() -> str | None:
    return shutil.which(os.environ.get("CHISO_TESSERACT", "tesseract") or "tesseract")


def check_available() -> str:
    """The tesseract binary; raises OcrUnavailable saying what is missing (or that OCR is off)."""
    if not ocr_enabled():
        raise OcrUnavailable(f"OCR is turned off ({OCR_ENV}=off)")
    binary = tesseract_path()
    if binary is None:
        raise OcrUnavailable(f"Tesseract is not installed; {INSTALL_HINT}")
    if LANG not in _languages(binary):
        raise OcrUnavailable(f"Tesseract has no Vietnamese model ({LANG}); {INSTALL_HINT}")
    return binary


_LANGS: dict[str, frozenset[str]] = {}


def _languages(binary: str) -> frozenset[str]:
    if binary not in _LANGS:
        try:
            out = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        _LANGS[binary] = frozenset(line.strip() for line in out.splitlines()[1:] if line.strip())
    return _LANGS[binary]


def threads() -> int:
    """Pages read at once: $CHISO_OCR_THREADS, else 1 inside a worker process of a pool, else a page
    per core this process may use."""
    explicit = os.environ.get(THREADS_ENV)
    if explicit and explicit.isdigit() and int(explicit) > 0:
        return int(explicit)
    if multiprocessing.parent_process() is not None:
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def skew_angle(img: Any) -> float:
    """Degrees to turn `img` (grey PIL image, dark text on light paper) so its lines run level: the
    angle whose horizontal projection of ink has the largest variance (sharp rows, clean gaps)."""
    import numpy as np
    from PIL import Image

    small = img.resize((DESKEW_WIDTH, max(1, round(img.height * DESKEW_WIDTH / img.width))), Image.Resampling.BILINEAR)
    arr = np.asarray(small, dtype=np.float32)
    threshold = (np.percentile(arr, 1) + np.median(arr)) / 2  # between ink and paper
    ink = Image.fromarray(((arr < threshold) * 255).astype(np.uint8))

    def sharpness(angle: float) -> float:
        rows = np.asarray(ink.rotate(angle, resample=Image.Resampling.NEAREST), dtype=np.float32).sum(axis=1)
        return float(np.var(rows))

    coarse = [k * SKEW_STEP for k in range(int(-SKEW_RANGE / SKEW_STEP), int(SKEW_RANGE / SKEW_STEP) + 1)]
    best = max(coarse, key=sharpness)
    fine = [best + k * SKEW_FINE for k in range(-4, 5)]
    return max(fine, key=sharpness)


def prepare(img: Any) -> tuple[Any, float]:
    """Grey, not oversized, deskewed: the image Tesseract gets, and the angle it was turned."""
    from PIL import Image

    img = img.convert("L")
    if img.width * img.height > MAX_PIXELS:
        f = (MAX_PIXELS / (img.width * img.height)) ** 0.5
        img = img.resize((int(img.width * f), int(img.height * f)), Image.Resampling.LANCZOS)
    angle = skew_angle(img)
    if abs(angle) >= MIN_SKEW:
        img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    return img, angle if abs(angle) >= MIN_SKEW else 0.0


def tesseract_tsv(binary: str, img: Any, dpi: int) -> str:
    """Tesseract's TSV for one prepared image."""
    with tempfile.TemporaryDirectory(prefix="chiso-ocr-") as tmp:
        path = os.path.join(tmp, "page.png")
        img.save(path, dpi=(dpi, dpi))
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        run = subprocess.run([binary, path, "stdout", "-l", LANG, "--psm", PSM, "--dpi", str(dpi), "tsv"],
                             capture_output=True, timeout=PAGE_TIMEOUT, env=env, check=False)
    if run.returncode != 0:
        said = run.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(said[-1] if said else f"tesseract exited with {run.returncode}")
    return run.stdout.decode("utf-8", "replace")


def tsv_blocks(tsv: str, page: int | None) -> tuple[list[Block], list[float]]:
    """Tesseract paragraphs → blocks (lines kept), and every word's confidence."""
    paragraphs: dict[tuple[int, int], dict[int, list[str]]] = {}
    para_conf: dict[tuple[int, int], list[float]] = {}
    confs: list[float] = []
    for line in tsv.splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) < 12 or cols[0] != "5":  # level 5: a word
            continue
        text = cols[11].strip()
        conf = float(cols[10]) if cols[10].replace(".", "", 1).lstrip("-").isdigit() else -1.0
        if not text or conf < 0:
            continue
        key = (int(cols[2]), int(cols[3]))  # block, paragraph
        paragraphs.setdefault(key, {}).setdefault(int(cols[4]), []).append(text)
        para_conf.setdefault(key, []).append(conf)
        confs.append(conf)
    blocks = []
    for key, lines in paragraphs.items():
        text = "\n".join(" ".join(_heading_number(words)) for _, words in sorted(lines.items()))
        c = para_conf[key]
        blocks.append(Block(text=text, page=page, kind=PARAGRAPH, ocr=True, confidence=round(sum(c) / len(c), 1)))
    return blocks, confs


_NUMBERING_COMMA = re.compile(r"^(\d{1,2}|[IVX]{1,4}),$")


def _heading_number(words: list[str]) -> list[str]:
    """The first word of an OCR'd line, repaired: a speck read as `_` before it is dropped; a section
    number read with a comma for its full stop (`1, Công đoàn` for `1. Công đoàn`) gets it back."""
    if words and words[0].startswith("_") and len(words[0]) > 1:  # a speck before the line: `_3.`
        words = [words[0].lstrip("_"), *words[1:]]
    if len(words) > 1 and _NUMBERING_COMMA.match(words[0]) and words[1][:1].isupper():
        return [words[0][:-1] + ".", *words[1:]]
    return words


def ocr_page(binary: str, img: Any, dpi: int, number: int) -> OcrPage:
    prepared, angle = prepare(img)
    blocks, confs = tsv_blocks(tesseract_tsv(binary, prepared, dpi), number)
    mean = round(sum(confs) / len(confs), 1) if confs else 0.0
    logger.debug("page %d: %d words, confidence %.1f, deskewed %.2f°", number, len(confs), mean, angle)
    return OcrPage(number, tuple(blocks), mean, len(confs), angle)


def ocr_pages(binary: str, numbers: Sequence[int], image_of: Callable[[int], tuple[Any, int]]) -> list[OcrPage]:
    """OCR of pages `numbers` (image_of(n) gives page n's PIL image and its dpi), in parallel threads,
    in order."""
    def one(n: int) -> OcrPage:
        try:
            return ocr_page(binary, *image_of(n), n)
        except subprocess.TimeoutExpired:
            return OcrPage(n, (), 0.0, 0, 0.0, failed=f"Tesseract took more than {PAGE_TIMEOUT:.0f} s")
        except Exception as err:  # noqa: BLE001 - one bad page must not lose the others
            logger.warning("page %d: OCR failed (%s)", n, err)
            return OcrPage(n, (), 0.0, 0, 0.0, failed=f"{type(err).__name__}: {err}"[:160])

    workers = min(threads(), len(numbers))
    if workers <= 1:
        return [one(n) for n in numbers]
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr") as pool:
        return list(pool.map(one, numbers))


def low_confidence_warning(pages: Sequence[OcrPage]) -> str | None:
    low = [p for p in pages if p.words and p.confidence < LOW_CONFIDENCE and not p.failed]
    if not low:
        return None
    shown = ", ".join(f"{p.number} ({p.confidence:.0f})" for p in low[:10])
    return (f"OCR confidence below {LOW_CONFIDENCE:.0f} on page(s) {shown}: check its figures "
            "against the image")


def ocr_fields(pages: Sequence[OcrPage], total: int) -> dict:
    """RawDocument fields of an OCR'd file."""
    read = [p for p in pages if p.words]
    warnings = [f"read by OCR (Tesseract {LANG}): {len(pages)} of {total} page(s), mean confidence "
                f"{sum(p.confidence for p in read) / max(len(read), 1):.0f}"]
    if warning := low_confidence_warning(pages):
        warnings.append(warning)
    warnings.extend(f"page {p.number}: OCR failed ({p.failed})" for p in pages if p.failed)
    return {"blocks": tuple(b for p in pages for b in p.blocks), "warnings": tuple(warnings),
            "ocr_pages": tuple(p.number for p in pages), "page_confidence": tuple(p.confidence for p in pages)}


def _image_frames(data: bytes, name: str) -> list[Any]:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        img = Image.open(io.BytesIO(data))
        frames = []
        for k in range(getattr(img, "n_frames", 1)):  # a multi-page TIFF
            img.seek(k)
            frames.append(ImageOps.exif_transpose(img.copy()))  # a phone photo's orientation tag
    except Image.DecompressionBombError as err:
        raise TooLarge(name, f"image too large ({err})") from err
    except UnidentifiedImageError as err:
        raise CorruptFile(name, "damaged image (its data cannot be decoded)") from err
    except (OSError, SyntaxError, ValueError) as err:
        raise CorruptFile(name, f"damaged image ({err})") from err
    return frames


def _dpi(img: Any) -> int:
    dpi = img.info.get("dpi", (0, 0))[0] or 0
    # photos say 72 dpi (or nothing) whatever their size: take an A4 page's width instead
    return int(dpi) if dpi >= 150 else max(150, min(600, round(img.width / 8.27)))


def read_image(data: bytes, name: str) -> dict:
    """RawDocument fields of an image file (each frame of a TIFF a page)."""
    frames = _image_frames(data, name)
    try:
        binary = check_available()
    except OcrUnavailable as why:
        return {"blocks": (), "pages": len(frames), "status": STATUS_NEEDS_OCR,
                "warnings": (f"an image, not read: {why}",)}
    pages = ocr_pages(binary, range(1, len(frames) + 1), lambda n: (frames[n - 1], _dpi(frames[n - 1])))
    fields = ocr_fields(pages, len(frames))
    if not fields["blocks"]:  # a blank picture, or every page failed: no text is no success
        return {**fields, "pages": len(frames), "status": STATUS_NEEDS_OCR,
                "warnings": ("an image: OCR found no words", *fields["warnings"][1:])}
    return {**fields, "pages": len(frames), "status": STATUS_OK}


def scan_dpi(page: Any) -> int:
    """The resolution of the largest image on a PDF page (a scan's own dpi), within MIN_DPI..MAX_DPI;
    RENDER_DPI for a page without images."""
    import pypdfium2.raw as pdfium_c

    best = 0.0
    width_pt = page.get_size()[0] or 1.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=4):
        left, _, right, _ = obj.get_bounds()
        px = obj.get_px_size()[0]
        if right - left > 0.5 * width_pt:  # a logo or a stamp says nothing of the page
            best = max(best, px / ((right - left) / 72))
    return int(min(max(best, MIN_DPI), MAX_DPI)) if best else RENDER_DPI


def render_pdf_page(data: bytes, number: int, dpi: int | None = None) -> tuple[Any, int]:
    """Page `number` (1-based) of a PDF as a grey PIL image, and its dpi (the scan's own unless given)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        page = doc[number - 1]
        dpi = dpi or scan_dpi(page)
        width, height = page.get_size()
        scale = min(dpi / 72, (MAX_PIXELS / max(width * height, 1)) ** 0.5)
        return page.render(scale=scale, grayscale=True).to_pil(), dpi
    finally:
        doc.close()
