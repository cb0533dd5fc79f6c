"""Plain typed records that cross stage boundaries (produced by `extractors`)."""

from __future__ import annotations

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


@dataclass(frozen=True)
class RawDocument:
    """What a reader returns for one file: its blocks in reading order and its identity."""

    path: str
    sha256: str
    format: str  # "pdf" | "docx" | "html" | "txt" | "md"
    blocks: tuple[Block, ...]
    status: str = STATUS_OK  # "ok" | "needs_ocr"
    size: int = 0
    pages: int | None = None
    title: str | None = None  # from the file's own metadata (HTML <title>, DOCX core props)
    date: str | None = None  # "YYYY-MM-DD" from metadata, when the format has it
    warnings: tuple[str, ...] = ()


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
