"""PDF → page-aware blocks with pdfplumber, page by page (bounded memory).

Each page is parsed once (`page.chars`), turned into small line records and released
(`page.close()`); headers/footers and paragraphs are decided over all pages' lines after.
A PDF with no text on any page is returned with status `needs_ocr`, never as an empty success.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from extractors.readers.pdf_blocks import Layout, furniture_keys, page_blocks, strip_furniture
from extractors.readers.pdf_lines import PageContent, read_page
from extractors.records import STATUS_NEEDS_OCR, STATUS_OK, Block, CorruptFile, EncryptedFile, TooLarge

logger = logging.getLogger(__name__)

MAX_PAGES = 20_000  # past this a file is refused (a 1,000-page report reads in ~1-2 min)
EOF_WINDOW = 2048  # `%%EOF` must sit in the last 2 KB (incremental updates append after it)
PROGRESS_EVERY = 100  # pages between progress log lines, for files of more than that
JUNK_TITLE = re.compile(r"^(untitled|microsoft word\s*-.*|.*\.(docx?|pdf|rtf))$", re.I)
ENCRYPTED = (PDFPasswordIncorrect, PDFEncryptionError)


@dataclass(frozen=True)
class PdfText:
    blocks: tuple[Block, ...]
    pages: int
    status: str
    title: str | None
    warnings: tuple[str, ...]


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


def _read_pages(pdf: Any, name: str) -> tuple[list[PageContent], list[int]]:
    """Every page's lines and tables; pages that fail to parse are listed, not fatal."""
    try:
        pages = pdf.pages
    except PdfminerException as err:
        raise CorruptFile(name, f"damaged PDF page tree ({err})") from err
    total = len(pages)
    if total > MAX_PAGES:
        raise TooLarge(name, f"{total} pages (limit {MAX_PAGES})")
    contents: list[PageContent] = []
    failed: list[int] = []
    for i, page in enumerate(pages, start=1):
        try:
            contents.append(read_page(page))
        except Exception as err:  # one bad page must not lose the document
            logger.warning("%s: page %d unreadable (%s)", name, i, err)
            failed.append(i)
        finally:
            page.close()
        if total > PROGRESS_EVERY and i % PROGRESS_EVERY == 0:
            logger.info("%s: %d/%d pages read", name, i, total)
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
        contents, failed = _read_pages(pdf, name)
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
        images = sum(p.has_images for p in contents)
        warnings.insert(0, f"no text on any of its {total} page(s), {images} with images: a scan?")
        return PdfText((), total, STATUS_NEEDS_OCR, title, tuple(warnings))
    scanned = [p.number for p in contents if p.number in set(empty) and p.has_images]
    if scanned:
        warnings.append(f"pages {_page_list(scanned)} have images but no text (scanned?): not read")
    repeated = furniture_keys(contents)
    kept = [strip_furniture(page, repeated) for page in contents]
    layout = Layout(kept)
    blocks = [b for page, lines in zip(contents, kept, strict=True) for b in page_blocks(page, lines, layout)]
    logger.debug("%s: %d pages, %d blocks, %d running header/footer lines", name, total, len(blocks),
                 len(repeated))
    return PdfText(tuple(blocks), total, STATUS_OK, title, tuple(warnings))
