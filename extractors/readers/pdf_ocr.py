"""The OCR side of the PDF reader: scanned pages (images, no text) and text layers that are garbage.

`ocr_scanned` reads the pages that have no text with Tesseract (ocr.py) and gives their blocks,
or says why it could not (not installed, turned off). `garbled_share` judges a text layer: a broken
font maps letters to other code points (`Cäng ¸oµn`, private-use glyphs), so few of its words are
Vietnamese syllables; legacy TCVN3/VNI text is not garbage (normalization decodes it), so a word
counts as valid when it or its TCVN3/VNI decoding is a syllable.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from extractors.normalize.legacy import decode_tcvn3, decode_vni
from extractors.normalize.syllables import is_vietnamese_syllable
from extractors.readers import ocr
from extractors.readers.pdf_blocks import is_page_number
from extractors.records import Block

logger = logging.getLogger(__name__)

# A text layer is garbage when fewer than this share of its words are Vietnamese syllables: the seeds
# and their renderings score 0.80-0.95 (English words, numbers, names and abbreviations are the
# rest); text through a broken font scores under 0.2.
MIN_VALID_SHARE = 0.45
MIN_WORDS = 40  # a page of a few words (a cover, a table of figures) is not judged
SAMPLE_WORDS = 3000
_WORD = re.compile(r"[^\W\d_]{2,}")
_PDFIUM = threading.Lock()  # PDFium is not thread-safe: one page rendered at a time
EDGE_BLOCKS = 2  # running headers and footers are looked for in a page's first and last 2 OCR blocks
_SHAPE_DROP = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class OcrResult:
    blocks: tuple[Block, ...]
    pages: tuple[ocr.OcrPage, ...]
    unavailable: str | None = None  # why no OCR was done


def _valid(word: str) -> bool:
    word = word.replace("ƣ", "ư").replace("Ƣ", "Ư")
    return is_vietnamese_syllable(word) or is_vietnamese_syllable(decode_tcvn3(word)) or \
        is_vietnamese_syllable(decode_vni(word))


def garbled_share(blocks: Sequence[Block]) -> float | None:
    """The share of the text's words that are Vietnamese syllables; None with too few words to judge."""
    words: list[str] = []
    for b in blocks:
        words.extend(_WORD.findall(b.text))
        if len(words) >= SAMPLE_WORDS:
            break
    if len(words) < MIN_WORDS:
        return None
    return sum(map(_valid, words)) / len(words)


def is_garbled(blocks: Sequence[Block]) -> tuple[bool, float | None]:
    share = garbled_share(blocks)
    return share is not None and share < MIN_VALID_SHARE, share


def ocr_scanned(data: bytes, numbers: Sequence[int], furniture: Iterable[str] = ()) -> OcrResult:
    """OCR of PDF pages `numbers` (1-based), without page numbers and running headers/footers (those
    repeated on the OCR'd pages, and the `furniture` lines dropped from the text pages); `unavailable`
    says why there was none."""
    if not numbers:
        return OcrResult((), ())
    try:
        binary = ocr.check_available()
    except ocr.OcrUnavailable as why:
        return OcrResult((), (), unavailable=str(why))

    def image_of(n: int) -> tuple[Any, int]:
        with _PDFIUM:
            return ocr.render_pdf_page(data, n)

    pages = strip_ocr_furniture(ocr.ocr_pages(binary, list(numbers), image_of), {_shape(t) for t in furniture})
    return OcrResult(tuple(b for p in pages for b in p.blocks), tuple(pages))


def _shape(line: str) -> str:
    """A line's shape for comparing OCR'd running headers: letters only (OCR varies the punctuation:
    `Chỉ Số - bản in`, `Chỉ Số : bản in`), lower case, every number masked."""
    return re.sub(r"\d+", "#", _SHAPE_DROP.sub("", line.lower()))


def strip_ocr_furniture(pages: list[ocr.OcrPage], known: set[str] | None = None) -> list[ocr.OcrPage]:
    """Drop the page numbers and the running header/footer (a line of the same shape at the edge of
    at least half the pages, two or more, or one of the `known` shapes) from OCR'd pages, as the text
    path does for text pages."""
    def edges(p: ocr.OcrPage) -> list[Block]:
        return list(p.blocks[:EDGE_BLOCKS]) + list(p.blocks[-EDGE_BLOCKS:])

    seen: dict[str, set[int]] = {}
    for p in pages:
        for b in edges(p):
            for line in b.text.split("\n"):
                seen.setdefault(_shape(line), set()).add(p.number)
    repeated = {k for k, on in seen.items() if k and len(on) >= max(2, (len(pages) + 1) // 2)}
    repeated |= {k for k in known or () if k}
    out = []
    for p in pages:
        edge = {id(b) for b in edges(p)}
        blocks = []
        for b in p.blocks:
            if id(b) in edge:
                kept = [ln for ln in b.text.split("\n")
                        if _shape(ln) not in repeated and not is_page_number(ln.strip(" .:-|"))]
                if not kept:
                    continue
                b = dataclasses.replace(b, text="\n".join(kept))
            blocks.append(b)
        out.append(dataclasses.replace(p, blocks=tuple(blocks)))
    return out


def merge_pages(text_blocks: Sequence[Block], ocr_blocks: Sequence[Block]) -> tuple[Block, ...]:
    """Blocks of the text pages and the OCR'd pages in page order (each page's own order kept)."""
    return tuple(sorted([*text_blocks, *ocr_blocks], key=lambda b: b.page or 0))
