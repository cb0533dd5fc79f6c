"""PDF → page-aware blocks, page by page (bounded memory).

pdfplumber opens the file (damage and encryption are told apart there) and reads the pages whose
ruling may form a table; every other page is read by PDFium (pdf_pdfium.py, ≈ 13× faster). Each
page is turned into small line records and released; headers/footers and paragraphs are decided
over all pages' lines after.
Pages with images and no text (scans) are read by OCR (pdf_ocr.py, ocr.py); a text layer that is
garbage (a broken font: few Vietnamese syllables) is OCR'd instead. Without OCR (Tesseract missing,
`CHISO_OCR=off`) a PDF with no text on any page is returned with status `needs_ocr` and a garbage
text layer with `garbled_text`, never as an empty success or as text.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import os
import re
from dataclasses import dataclass
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from extractors.readers.ocr import ocr_fields
from extractors.readers.pdf_blocks import (
    Layout,
    furniture_keys,
    furniture_warning,
    page_blocks,
    strip_furniture,
)
from extractors.readers.pdf_lines import PageContent, read_page
from extractors.readers.pdf_ocr import is_garbled, merge_pages, ocr_scanned
from extractors.readers.pdf_pdfium import read_page_fast
from extractors.records import (
    STATUS_GARBLED,
    STATUS_NEEDS_OCR,
    STATUS_OK,
    Block,
    CorruptFile,
    EncryptedFile,
    TooLarge,
)

logger = logging.getLogger(__name__)

MAX_PAGES = 20_000  # past this a file is refused (a 1,000-page report reads in ~1-2 min)
EOF_WINDOW = 2048  # `%%EOF` must sit in the last 2 KB (incremental updates append after it)
PROGRESS_EVERY = 100  # pages between progress log lines, for files of more than that
JUNK_TITLE = re.compile(r"^(untitled|microsoft word\s*-.*|.*\.(docx?|pdf|rtf))$", re.I)
ENCRYPTED = (PDFPasswordIncorrect, PDFEncryptionError)
# CHISO_PDF_READER=pdfminer reads every page with pdfplumber/pdfminer (the slow path), for comparison.
READER_ENV = "CHISO_PDF_READER"


@dataclass(frozen=True)
class PdfText:
    blocks: tuple[Block, ...]
    pages: int
    status: str
    title: str | None
    warnings: tuple[str, ...]
    furniture_lines: int = 0  # lines dropped as running headers/footers and page numbers
    ocr_pages: tuple[int, ...] = ()  # pages read by OCR, and their mean word confidence
    page_confidence: tuple[float, ...] = ()


def _open(data: bytes, name: str) -> Any:
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise CorruptFile(name, "truncated PDF (no %%EOF marker at the end)")
    try:
        return pdfplumber.open(io.BytesIO(data))
    except PdfminerException as err:
        cause = err.args[0] if err.args else err
        if isinstance(cause, ENCRYPTED):
            raise EncryptedFile(name, "password-protected PDF",
                                hint="remove the password (e.g. print it to a new PDF) and try again") from err
        raise CorruptFile(name, f"damaged PDF ({type(cause).__name__}: {cause})") from err
    except Exception as err:  # pdfminer raises bare errors on some damaged trailers
        raise CorruptFile(name, f"damaged PDF ({type(err).__name__}: {err})") from err


def _title(pdf: Any) -> str | None:
    title = pdf.metadata.get("Title")
    if isinstance(title, str) and title.strip() and not JUNK_TITLE.match(title.strip()):
        return " ".join(title.split())
    return None


def _open_fast(data: bytes, name: str, pages: int) -> Any:
    """The PDFium document for the fast path, or None (turned off, or PDFium disagrees with pdfminer)."""
    if os.environ.get(READER_ENV, "pdfium") == "pdfminer":
        return None
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        logger.debug("%s: PDFium cannot open it (%s); reading with pdfminer", name, err)
        return None
    if len(doc) != pages:
        logger.debug("%s: PDFium sees %d pages, pdfminer %d; reading with pdfminer", name, len(doc), pages)
        doc.close()
        return None
    return doc


def _read_fast(doc: Any, index: int, name: str) -> PageContent | None:
    """Page `index` (0-based) through PDFium; None when it has a table or PDFium fails on it."""
    try:
        page = doc[index]
        try:
            return read_page_fast(page, index + 1)
        finally:
            page.close()
    except Exception as err:  # noqa: BLE001 - the pdfminer path reads it instead
        logger.debug("%s: page %d: PDFium failed (%s); reading with pdfminer", name, index + 1, err)
        return None


def _read_pages(pdf: Any, data: bytes, name: str) -> tuple[list[PageContent], list[int]]:
    """Every page's lines and tables; pages that fail to parse are listed, not fatal. Pages go
    through PDFium (fast, pdf_pdfium.py) unless they hold ruling that may be a table, which
    pdfplumber's table finder reads (pdf_lines.py)."""
    try:
        pages = pdf.pages
    except PdfminerException as err:
        raise CorruptFile(name, f"damaged PDF page tree ({err})") from err
    total = len(pages)
    if total > MAX_PAGES:
        raise TooLarge(name, f"{total} pages (limit {MAX_PAGES})")
    fast = _open_fast(data, name, total)
    contents: list[PageContent] = []
    failed: list[int] = []
    try:
        for i, page in enumerate(pages, start=1):
            try:
                content = _read_fast(fast, i - 1, name) if fast is not None else None
                contents.append(content if content is not None else read_page(page))
            except Exception as err:  # one bad page must not lose the document
                logger.warning("%s: page %d unreadable (%s)", name, i, err)
                failed.append(i)
            finally:
                page.close()
            if total > PROGRESS_EVERY and i % PROGRESS_EVERY == 0:
                logger.info("%s: %d/%d pages read", name, i, total)
    finally:
        if fast is not None:
            fast.close()
    pages.clear()  # drop the Page objects as well (pdfplumber keeps them in a list)
    return contents, failed


def _no_text_pages(contents: list[PageContent]) -> list[int]:
    return [p.number for p in contents if not p.lines and not p.tables]


def _page_list(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:10])
    return shown + (f" and {len(numbers) - 10} more" if len(numbers) > 10 else "")


def read_pdf(data: bytes, name: str) -> PdfText:
    pdf = _open(data, name)
    try:
        title = _title(pdf)
        contents, failed = _read_pages(pdf, data, name)
    finally:
        pdf.close()
    total = len(contents) + len(failed)
    if total == 0:
        raise CorruptFile(name, "PDF without pages")
    if not contents:
        raise CorruptFile(name, f"no page of {total} could be parsed")
    warnings = [f"pages {_page_list(failed)} could not be parsed"] if failed else []
    empty = _no_text_pages(contents)
    if len(empty) == len(contents):
        return _all_scanned(data, contents, total, title, warnings)
    scanned = [p.number for p in contents if p.number in set(empty) and p.has_images]
    repeated = furniture_keys(contents)
    shapes: set[str] = set()
    kept = [strip_furniture(page, repeated, shapes) for page in contents]
    dropped = sum(len(page.lines) - len(lines) for page, lines in zip(contents, kept, strict=True))
    warning = furniture_warning(contents, shapes)
    if warning:
        warnings.append(warning)
    layout = Layout(kept)
    blocks = [b for page, lines in zip(contents, kept, strict=True) for b in page_blocks(page, lines, layout)]
    logger.debug("%s: %d pages, %d blocks, %d lines dropped as page furniture (%d kinds of running "
                 "header/footer)", name, total, len(blocks), dropped, len(repeated))
    garbled, share = is_garbled(blocks)
    if garbled:
        return _garbled(data, contents, total, title, warnings, share or 0.0)
    text = PdfText(tuple(blocks), total, STATUS_OK, title, tuple(warnings), furniture_lines=dropped)
    if not scanned:
        return text
    furniture = {line.text for page, lines in zip(contents, kept, strict=True)
                 for line in set(page.lines) - set(lines)}  # the text pages' running headers, for the scans
    return _with_scanned_pages(data, text, scanned, furniture)


def _all_scanned(data: bytes, contents: list[PageContent], total: int, title: str | None,
                 warnings: list[str]) -> PdfText:
    """A PDF without text on any page: OCR'd, or `needs_ocr` saying why not."""
    images = sum(p.has_images for p in contents)
    warnings.insert(0, f"no text on any of its {total} page(s), {images} with images: a scan?")
    done = ocr_scanned(data, [p.number for p in contents])
    if not done.blocks:
        why = done.unavailable or "OCR found no words"
        return PdfText((), total, STATUS_NEEDS_OCR, title, (*warnings, why))
    fields = ocr_fields(done.pages, total)
    return PdfText(done.blocks, total, STATUS_OK, title, (*warnings[1:], *fields["warnings"]),
                   ocr_pages=fields["ocr_pages"], page_confidence=fields["page_confidence"])


def _garbled(data: bytes, contents: list[PageContent], total: int, title: str | None, warnings: list[str],
             share: float) -> PdfText:
    """A text layer that is not text (broken font): OCR'd instead, or flagged `garbled_text`."""
    said = f"its text layer is garbage ({share:.0%} of its words are Vietnamese syllables; a broken font?)"
    done = ocr_scanned(data, [p.number for p in contents])
    if not done.blocks:
        why = done.unavailable or "OCR found no words"
        return PdfText((), total, STATUS_GARBLED, title, (said, *warnings, why))
    fields = ocr_fields(done.pages, total)
    return PdfText(done.blocks, total, STATUS_OK, title, (f"{said}: read by OCR instead", *warnings,
                                                          *fields["warnings"]),
                   ocr_pages=fields["ocr_pages"], page_confidence=fields["page_confidence"])


def _with_scanned_pages(data: bytes, text: PdfText, scanned: list[int], furniture: set[str]) -> PdfText:
    """A PDF with text on some pages and scans on others: the scans OCR'd (without the running
    header/footer lines found on the text pages) and put in their place."""
    done = ocr_scanned(data, scanned, furniture)
    if not done.blocks:
        why = done.unavailable or "OCR found no words"
        warning = f"pages {_page_list(scanned)} have images but no text (scanned?): not read ({why})"
        return dataclasses.replace(text, warnings=(*text.warnings, warning))
    fields = ocr_fields(done.pages, text.pages)
    return dataclasses.replace(text, blocks=merge_pages(text.blocks, done.blocks),
                               warnings=(*text.warnings, *fields["warnings"]), ocr_pages=fields["ocr_pages"],
                               page_confidence=fields["page_confidence"])
