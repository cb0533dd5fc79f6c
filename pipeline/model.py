"""Plain typed records of the pipeline stages (Document, NormalizedText, FileResult)."""

from __future__ import annotations

import bisect
import os
from dataclasses import dataclass, field

from extractors.records import Figure, Reference


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
