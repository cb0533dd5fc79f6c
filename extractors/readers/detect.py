"""Which format a file is, from its bytes (magic numbers and sniffing), not its name.

The name's extension is used only to word the error when the content contradicts it
(`corrupt.pdf: not a PDF (starts with 'PK': a zip archive without word/document.xml)`).
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from pathlib import PurePath

from extractors.records import CorruptFile, UnsupportedFormat

logger = logging.getLogger(__name__)

PDF, DOCX, HTML, TXT, MD = "pdf", "docx", "html", "txt", "md"
# Formats read through a conversion (office.py) or OCR (ocr.py), and spreadsheets (sheet.py).
DOC, RTF, ODT, XLSX, XLS, ODS, IMAGE = "doc", "rtf", "odt", "xlsx", "xls", "ods", "image"

PDF_MAGIC = b"%PDF-"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
OLE2_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
DOC_HINT = 'if Word opens it, convert it with "soffice --headless --convert-to docx {name}"'
# OLE2 directory entries (UTF-16LE names) that say which Office 97-2003 program wrote the file.
OLE2_STREAMS = ((DOC, "WordDocument".encode("utf-16-le")), (XLS, "Workbook".encode("utf-16-le")),
                (XLS, "Book\x00".encode("utf-16-le")))
RTF_MAGIC = b"{\\rtf"
# Images read by OCR (ocr.py): magic → what to call it.
IMAGES = {b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"II*\x00": "a TIFF image",
          b"MM\x00*": "a TIFF image"}
# Binary formats a user may hand us by mistake: magic → what to call it.
OTHER_BINARIES = {
    b"GIF8": "a GIF image", b"Rar!": "a RAR archive",
    b"\x1f\x8b": "a gzip archive", b"7z\xbc\xaf": "a 7-Zip archive",
}
ZIP_KINDS = {"ppt/presentation.xml": "a PowerPoint file (PPTX)", "content.xml": "an OpenDocument file"}
ODF_MIMETYPES = {b"application/vnd.oasis.opendocument.text": ODT,
                 b"application/vnd.oasis.opendocument.spreadsheet": ODS}
BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
HTML_SNIFF = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s+charset", re.I)
MD_SNIFF = re.compile(r"^#{1,6}\s+\S|\*\*[^*\n]+\*\*|^\s*\[[^\]\n]+\]\([^)\n]+\)", re.M)
# Bytes that never occur in text files (NUL and C0 controls other than \t \n \f \r, ESC aside).
CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
MAX_CONTROL_SHARE = 0.01  # real text has none; random bytes have ~11%
# Extensions that promise a binary format: text or another archive under such a name is an error.
BINARY_EXTS = {".pdf": "PDF", ".docx": "DOCX"}


def _starts(data: bytes) -> str:
    """The first bytes of a file, for an error message: `'PK'`, `'Đây khô'`, `b'\\x8f\\x12…'`."""
    head = data[:24].decode("utf-8", errors="ignore")
    if head and all(ch.isprintable() or ch.isspace() for ch in head):
        return repr(head.strip()[:8])
    return repr(data[:8])


def _zip_kind(data: bytes, name: str) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        mimetype = archive.read("mimetype")[:100].strip() if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError) as err:
        raise CorruptFile(name, f"damaged zip archive ({err})") from err
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    if mimetype in ODF_MIMETYPES:
        return ODF_MIMETYPES[mimetype]
    what = next((v for k, v in ZIP_KINDS.items() if k in names), "a zip archive without word/document.xml")
    claimed = BINARY_EXTS.get(PurePath(name).suffix.lower())
    if claimed:
        raise UnsupportedFormat(name, f"not a {claimed} (starts with 'PK': {what})")
    raise UnsupportedFormat(name, f"not a document: {what}")


def _is_text(data: bytes) -> bool:
    if data.startswith(BOMS):
        return True
    sample = data[:8192]
    if b"\x00" in sample:
        # UTF-16 without BOM: every other byte is NUL for Latin text
        return sample[1::2].count(0) > 0.4 * len(sample) // 2 or sample[0::2].count(0) > 0.4 * len(sample) // 2
    controls = sum(sample.count(bytes([b])) for b in CONTROL_BYTES)
    return controls <= MAX_CONTROL_SHARE * len(sample)


def _text_kind(data: bytes, name: str) -> str:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if HTML_SNIFF.search(head[:1024]) or (head[:1] == b"<" and b"</p>" in data[:65536].lower()):
        return HTML
    suffix = PurePath(name).suffix.lower()
    if suffix in (".md", ".markdown"):
        return MD
    sample = data[:65536].decode("utf-8", errors="ignore")
    return MD if len(MD_SNIFF.findall(sample)) >= 2 else TXT


def _ole2_kind(data: bytes, name: str) -> str:
    """`doc` or `xls` from the OLE2 directory's stream names; an OLE2 file with neither is refused."""
    # the first name in the directory: a .doc embedding a chart also holds a Workbook stream, further on
    found = sorted((pos, k) for k, stream in OLE2_STREAMS if (pos := data.find(stream)) >= 0)
    kind = found[0][1] if found else None
    if kind is None:
        raise UnsupportedFormat(name, "Office 97-2003 file (OLE2) with no Word or Excel stream: damaged, "
                                      "or another Office program's", hint=DOC_HINT.format(name=name))
    return kind


def _image_kind(data: bytes, name: str, what: str) -> str:
    """IMAGE when PIL can open the image's header; a broken image is no document."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as img:
            img.verify()
    except UnidentifiedImageError as err:
        raise UnsupportedFormat(name, f"not a document: {what} that cannot be decoded") from err
    except (OSError, SyntaxError, ValueError) as err:
        raise UnsupportedFormat(name, f"not a document: {what} that cannot be decoded ({err})") from err
    return IMAGE


def detect_format(data: bytes, name: str) -> str:
    """`pdf`, `docx`, `html`, `md`, `txt`, the office formats (`doc`, `rtf`, `odt`, `xlsx`, `xls`,
    `ods`) or `image` (PNG, JPEG, TIFF); raises a ReadError for anything else."""
    if not data:
        raise CorruptFile(name, "empty file (0 bytes)")
    if PDF_MAGIC in data[:1024]:
        fmt = PDF
    elif data.startswith(ZIP_MAGICS):
        fmt = _zip_kind(data, name)
    elif data.startswith(OLE2_MAGIC):
        fmt = _ole2_kind(data, name)
    elif data.startswith(RTF_MAGIC):
        fmt = RTF
    elif image := next((v for k, v in IMAGES.items() if data.startswith(k)), None):
        fmt = _image_kind(data, name, image)
    elif kind := next((v for k, v in OTHER_BINARIES.items() if data.startswith(k)), None):
        raise UnsupportedFormat(name, f"not a document: {kind}")
    elif _is_text(data):
        fmt = _text_kind(data, name)
        claimed = BINARY_EXTS.get(PurePath(name).suffix.lower())
        if claimed:  # a binary format's name on text: a damaged file, not a text file
            raise CorruptFile(name, f"not a {claimed}: no {claimed} signature (starts with {_starts(data)})")
    else:
        raise UnsupportedFormat(name, f"not a document (starts with {_starts(data)})")
    return fmt


def name_mismatch(fmt: str, name: str) -> str | None:
    """A warning when the name promises another binary format than the content is."""
    claimed = BINARY_EXTS.get(PurePath(name).suffix.lower())
    if claimed and claimed != fmt.upper():
        return f"the name says {claimed} but the content is {fmt.upper()}: read as {fmt.upper()}"
    return None
