"""Plain typed records that cross stage boundaries: what readers, normalization, segmentation and
the NLP extractors produce, and what the pipeline stores (one record module for every stage)."""

from __future__ import annotations

import bisect
import os
from dataclasses import dataclass, field

# Block kinds a reader may produce.
HEADING = "heading"
PARAGRAPH = "paragraph"
TABLE_CELL = "table_cell"
CAPTION = "caption"
BLOCK_KINDS = (HEADING, PARAGRAPH, TABLE_CELL, CAPTION)

# RawDocument statuses.
STATUS_OK = "ok"
STATUS_NEEDS_OCR = "needs_ocr"
STATUS_GARBLED = "garbled_text"  # a PDF text layer that is not text (broken font) and could not be OCR'd


@dataclass(frozen=True)
class Block:
    """One block of text as a reader found it, in reading order."""

    text: str
    page: int | None = None  # 1-based page number; None where the format has no pages
    kind: str = PARAGRAPH
    # table cells only: which table of the file (0, 1, …), which row and column (from 0)
    table: int | None = None
    row: int | None = None
    col: int | None = None
    # spreadsheets: the sheet's name and the cell (`Biểu 01`, `F9`); `page` is the sheet's number
    sheet: str | None = None
    cell: str | None = None
    # OCR: the text was read from an image; the mean confidence (0-100) of its words
    ocr: bool = False
    confidence: float | None = None
    # table cells only: the source itself separates the row's cells with bars (`TT | Nội dung | Chỉ tiêu` in a
    # plain text): they are given out so, not with tabs
    bars: bool = False


@dataclass(frozen=True)
class RawDocument:
    """What a reader returns for one file: its blocks in reading order and its identity."""

    path: str
    sha256: str
    format: str  # "pdf" | "docx" | "html" | "txt" | "md" | "xlsx" | "image" (a .doc is read as "docx")
    blocks: tuple[Block, ...]
    status: str = STATUS_OK  # "ok" | "needs_ocr" | "garbled_text"
    size: int = 0
    pages: int | None = None
    title: str | None = None  # from the file's own metadata (HTML <title>, DOCX core props)
    date: str | None = None  # "YYYY-MM-DD" from metadata, when the format has it
    warnings: tuple[str, ...] = ()
    converted_from: str | None = None  # "doc", "rtf", "odt", "xls", "ods": converted by LibreOffice
    ocr_pages: tuple[int, ...] = ()  # pages read by OCR (1-based)
    page_confidence: tuple[float, ...] = ()  # their mean word confidence (0-100), same order


class ReadError(Exception):
    """A file could not be read. `str(err)` names the file and what is wrong."""

    def __init__(self, path: str, problem: str, hint: str | None = None) -> None:
        self.path = path
        self.problem = problem
        self.hint = hint
        msg = f"{path}: {problem}"
        if hint:
            msg += f"; {hint}"
        super().__init__(msg)


class UnsupportedFormat(ReadError):
    """The content is not one of the formats Chỉ Số reads."""


class CorruptFile(ReadError):
    """The file claims a format but is damaged or truncated."""


class EncryptedFile(ReadError):
    """The file is password protected."""


class TooLarge(ReadError):
    """The file (or what it unpacks to) is past a safety limit."""


@dataclass(frozen=True)
class Reference:
    """A cited legal or party document (`số 98/2014/NĐ-CP ngày 24/10/2014`)."""

    char_start: int
    char_end: int
    text: str
    number: str  # "98/2014/NĐ-CP", "02-NQ/TW", or an informal "02" with kind "Nghị quyết"
    kind: str | None  # "Nghị định", "Nghị quyết", ...
    date: str | None = None  # "YYYY-MM-DD"
    formal: bool = True  # False for informal mentions such as "Nghị quyết 02"


@dataclass(frozen=True)
class Figure:
    """A quantity that reports a result, a state or a target, with its meaning.

    Offsets index the normalized text of the document the figure was found in.
    """

    char_start: int
    char_end: int
    text: str
    value: float
    unit: str  # "count" | "percent" | "vnd" | "rank" | a short unit word ("lượt", "ha")
    entity: str | None = None
    indicator: str | None = None
    modality: str = "actual"  # "actual" | "target"
    comparator: str = "="  # "=" ">=" ">" "<=" "<" "~"
    aggregation: str = "total"  # "total" | "average"
    period_years: float | None = None
    deadline_year: int | None = None
    recurrence: str | None = None  # "annual" | None
    sentence: str = ""
    sentence_start: int = 0
    value_max: float | None = None  # a range's upper bound
    relation: str = "level"  # "level" | "ratio" | "achievement" | "change"
    denominator: float | None = None  # ratios: 39/45 -> value 39, denominator 45
    ambiguous: bool = False  # the number's form could not be read for sure (see numbers.py)
    # comparison keys (COMPARABLE.md), set by extractors.figure_keys.assign_keys
    organization: str | None = None  # canonical spelling
    organization_from: str | None = None  # "clause" | "heading" | "document"
    year: int | None = None  # end of the period an actual describes; a target's deadline
    year_from: str | None = None  # "clause" | "heading" | "document"
    extras: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

@dataclass(frozen=True)
class NormalizedText:
    """Normalized text plus the map from each of its characters back to the raw text.

    `raw` is the reader's blocks joined by blank lines ("\\n\\n"); `block_starts[k]` is the
    raw offset where block k starts and `block_pages[k]` its page (None without pages).
    `origins[i]` is the raw offset of normalized character i.
    """

    text: str
    origins: tuple[int, ...]
    raw: str = ""
    block_starts: tuple[int, ...] = ()
    block_pages: tuple[int | None, ...] = ()
    cell_bars: tuple[int, ...] = ()  # where a `|` between two table cells stands (normalized offsets)

    def raw_offset(self, i: int) -> int:
        if not self.origins:
            return i
        i = min(max(i, 0), len(self.origins) - 1)
        return self.origins[i]

    def page_at(self, i: int) -> int | None:
        """Page of normalized character i (None when the format has no pages)."""
        if not self.block_starts:
            return None
        k = bisect.bisect_right(self.block_starts, self.raw_offset(i)) - 1
        return self.block_pages[max(k, 0)]


@dataclass(frozen=True)
class Document:
    """One document found in a file (a file may hold several speeches)."""

    source: str
    doc_index: int
    kind: str
    title: str | None
    organization: str | None
    date: str | None  # "YYYY-MM-DD"
    text: str
    start: int = 0  # offset of `text` in the file's normalized text
    end: int = 0
    number: str | None = None  # `41/KH-LĐLĐ` (`Số: 41/KH-LĐLĐ`)
    issuer: str | None = None  # the header's issuing body (= organization when the header names it)
    superior: str | None = None  # the header's superior body
    place: str | None = None  # of the place-and-date line
    year: int | None = None  # the year the document speaks of: its date's, else one its text makes plain
    organization_as_written: str | None = None  # before canonical spelling (an alias)


@dataclass(frozen=True)
class DocumentExtract:
    """A document with what was extracted from it."""

    document: Document
    figures: tuple[Figure, ...] = ()
    references: tuple[Reference, ...] = ()
    figure_pages: tuple[int | None, ...] = ()  # page of each figure, same order


@dataclass(frozen=True)
class FileStat:
    """What `os.stat` said of a file when it was hashed. A later run that finds the same size,
    modification time and inode takes the file as unchanged without reading it (the quick check of
    make, rsync and git; `chiso ingest --rehash` reads every file anyway)."""

    size: int
    mtime_ns: int
    inode: int

    @classmethod
    def of(cls, path: str) -> FileStat:
        """The stat of `path` now (raises OSError)."""
        st = os.stat(path)
        return cls(st.st_size, st.st_mtime_ns, st.st_ino)


@dataclass(frozen=True)
class FileResult:
    """Everything extracted from one file, or the reason it failed."""

    source: str
    sha256: str | None
    size: int
    format: str | None
    status: str  # "ok" | "needs_ocr" | "failed"
    error: str | None = None
    documents: tuple[DocumentExtract, ...] = ()
    pages: int | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)
    stat: FileStat | None = None  # set by the ingest (pipeline/ingest.py), not by the readers
