"""Format readers: `read(path)` → RawDocument (blocks with page and kind, sha256, size, pages).

The format is detected from the content (`detect.py`), then one reader per format:
`pdf.py` (pdfplumber), `docx.py` (python-docx), `html.py` (trafilatura), `text.py` (TXT and
Markdown, with `encoding.py`), `sheet.py` (XLSX, openpyxl), `ocr.py` (images and scanned PDF pages,
Tesseract); `.doc`, `.rtf`, `.odt`, `.xls` and `.ods` are converted by LibreOffice first (`office.py`)
and read as DOCX or XLSX (`converted_from` says so). Every failure is a `ReadError` subclass whose `str()` is
`name: problem` (and `; hint` when there is something to do); the error also carries the
file's `sha256` when the bytes could be read.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
from pathlib import Path
from typing import BinaryIO

from extractors.readers.detect import (
    DOC,
    DOCX,
    HTML,
    IMAGE,
    MD,
    ODS,
    ODT,
    PDF,
    RTF,
    TXT,
    XLS,
    XLSX,
    detect_format,
    name_mismatch,
)
from extractors.records import STATUS_OK, RawDocument, ReadError, TooLarge

logger = logging.getLogger(__name__)

MAX_FILE_BYTES = 1024 * 1024 * 1024  # 1 GB: a file that claims more is refused unread, one that reads more too
READ_CHUNK = 16 * 1024 * 1024
__all__ = ["read", "detect_format", "MAX_FILE_BYTES"]


def _load(path: str | Path, name: str) -> bytes:
    """The file's bytes. Only a regular file is read (a FIFO would wait for a writer forever, a
    device such as /dev/zero never ends), and the limit counts the bytes read, not the size the
    file claims (a file may grow while it is read; /proc files claim 0 bytes)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb", buffering=0) as fh:
            st = os.fstat(fd)
            if stat.S_ISDIR(st.st_mode):
                raise IsADirectoryError(path)
            if not stat.S_ISREG(st.st_mode):
                raise ReadError(name, f"{_file_kind(st.st_mode)}, not a regular file: not read")
            if st.st_size > MAX_FILE_BYTES:
                raise TooLarge(name, f"{st.st_size / 2**20:,.0f} MB file (limit {MAX_FILE_BYTES // 2**20} MB)")
            return _read_at_most(fh, st.st_size, name)
    except IsADirectoryError as err:
        raise ReadError(name, "is a folder, not a file") from err
    except FileNotFoundError as err:
        raise ReadError(name, "no such file") from err
    except PermissionError as err:
        raise ReadError(name, "permission denied") from err
    except OSError as err:
        raise ReadError(name, f"cannot read ({err.strerror or err})") from err


def _file_kind(mode: int) -> str:
    names = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))
    return next((name for test, name in names if test(mode)), "not a regular file")


def _read_at_most(fh: BinaryIO, size: int, name: str) -> bytes:
    """All of `fh` (which claims `size` bytes), or TooLarge once more than MAX_FILE_BYTES are read.
    One read of the claimed size: a file as large as it says is never copied."""
    first = fh.read(size) if size else b""
    more: list[bytes] = []
    total = len(first)
    while chunk := fh.read(min(READ_CHUNK, MAX_FILE_BYTES + 1 - total)):
        more.append(chunk)
        total += len(chunk)
        if total > MAX_FILE_BYTES:
            raise TooLarge(name, f"more than {MAX_FILE_BYTES // 2**20} MB read (the limit), though it "
                                 f"claimed {size / 2**20:,.0f} MB")
    return b"".join([first, *more]) if more else first


def _read_format(fmt: str, data: bytes, name: str) -> dict:
    """The format's reader; returns RawDocument fields (`format` when it is read as another)."""
    if fmt in (DOC, RTF, ODT, XLS, ODS):
        from extractors.readers.docx import check_zip
        from extractors.readers.office import TARGETS, convert

        if fmt in (ODT, ODS):  # zips: refused from their directory before LibreOffice unpacks them
            check_zip(data, name, kind=fmt.upper())

        fields = _read_format(TARGETS[fmt], convert(data, fmt, name), name)
        return {**fields, "format": TARGETS[fmt], "converted_from": fmt}
    if fmt == XLSX:
        from extractors.readers.sheet import read_xlsx

        book = read_xlsx(data, name)
        return {"blocks": book.blocks, "pages": book.sheets, "title": book.title, "warnings": book.warnings}
    if fmt == IMAGE:
        from extractors.readers.ocr import read_image

        return read_image(data, name)
    if fmt == PDF:
        from extractors.readers.pdf import read_pdf

        pdf = read_pdf(data, name)
        return {"blocks": pdf.blocks, "pages": pdf.pages, "status": pdf.status, "title": pdf.title,
                "warnings": pdf.warnings, "ocr_pages": pdf.ocr_pages, "page_confidence": pdf.page_confidence}
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
    fmt = fields.pop("format", fmt)
    raw = RawDocument(path=name, sha256=sha256, format=fmt, size=len(data), warnings=warnings, **fields)
    if raw.status == STATUS_OK and not raw.blocks:
        logger.info("%s: no text in the file", name)
    logger.debug("%s: %s, %d blocks, %s pages", name, fmt, len(raw.blocks), raw.pages)
    return raw


__all__ += ["PDF", "DOCX", "HTML", "MD", "TXT", "DOC", "RTF", "ODT", "XLSX", "XLS", "ODS", "IMAGE"]
