"""Format readers: `read(path)` → RawDocument (blocks with page and kind, sha256, size, pages).

The format is detected from the content (`detect.py`), then one reader per format:
`pdf.py` (pdfplumber), `docx.py` (python-docx), `html.py` (trafilatura), `text.py` (TXT and
Markdown, with `encoding.py`). Every failure is a `ReadError` subclass whose `str()` is
`name: problem` (and `; hint` when there is something to do); the error also carries the
file's `sha256` when the bytes could be read.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from extractors.readers.detect import DOCX, HTML, MD, PDF, TXT, detect_format, name_mismatch
from extractors.records import STATUS_OK, RawDocument, ReadError, TooLarge

logger = logging.getLogger(__name__)

MAX_FILE_BYTES = 1024 * 1024 * 1024  # 1 GB: past this a file is refused before it is read
__all__ = ["read", "detect_format", "MAX_FILE_BYTES"]


def _load(path: str | Path, name: str) -> bytes:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise TooLarge(name, f"{size / 2**20:,.0f} MB file (limit {MAX_FILE_BYTES // 2**20} MB)")
        return p.read_bytes()
    except IsADirectoryError as err:
        raise ReadError(name, "is a folder, not a file") from err
    except FileNotFoundError as err:
        raise ReadError(name, "no such file") from err
    except PermissionError as err:
        raise ReadError(name, "permission denied") from err
    except OSError as err:
        raise ReadError(name, f"cannot read ({err.strerror or err})") from err


def _read_format(fmt: str, data: bytes, name: str) -> dict:
    """The format's reader; returns RawDocument fields."""
    if fmt == PDF:
        from extractors.readers.pdf import read_pdf

        pdf = read_pdf(data, name)
        return {"blocks": pdf.blocks, "pages": pdf.pages, "status": pdf.status, "title": pdf.title,
                "warnings": pdf.warnings}
    if fmt == DOCX:
        from extractors.readers.docx import read_docx

        doc = read_docx(data, name)
        return {"blocks": doc.blocks, "title": doc.title}
    if fmt == HTML:
        from extractors.readers.html import read_html

        page = read_html(data, name)
        return {"blocks": page.blocks, "title": page.title, "date": page.date, "warnings": page.warnings}
    from extractors.readers.text import read_text

    blocks, decoded = read_text(data, markdown=fmt == MD)
    return {"blocks": tuple(blocks), "warnings": decoded.warnings}


def read(path: str | Path, data: bytes | None = None, name: str | None = None) -> RawDocument:
    """Read one file (or its bytes) into a RawDocument; raises a ReadError subclass on failure.

    `name` is how the file is named in the result and in errors (defaults to `path`).
    """
    name = name or str(path)
    if data is None:
        data = _load(path, name)
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        fmt = detect_format(data, name)
        fields = _read_format(fmt, data, name)
    except ReadError as err:
        err.sha256 = sha256  # type: ignore[attr-defined]  # extract_file records it
        raise
    warnings = tuple(w for w in (name_mismatch(fmt, name),) if w) + tuple(fields.pop("warnings", ()))
    raw = RawDocument(path=name, sha256=sha256, format=fmt, size=len(data), warnings=warnings, **fields)
    if raw.status == STATUS_OK and not raw.blocks:
        logger.info("%s: no text in the file", name)
    logger.debug("%s: %s, %d blocks, %s pages", name, fmt, len(raw.blocks), raw.pages)
    return raw


__all__ += ["PDF", "DOCX", "HTML", "MD", "TXT"]
