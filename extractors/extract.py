"""One file in, its documents, figures and references out: read → normalize → segment → extract."""

from __future__ import annotations

import bisect
import dataclasses
import logging
from pathlib import Path

from extractors.doc_header import read_month_line
from extractors.document_years import coming_tet, plan_year, reported_year
from extractors.figure_keys import assign_keys
from extractors.figure_scope import KeyContext, document_topic
from extractors.figures import extract_figures
from extractors.normalize import normalize_document
from extractors.readers import read
from extractors.records import (
    STATUS_OK,
    Document,
    DocumentExtract,
    Figure,
    FileResult,
    NormalizedText,
    RawDocument,
    ReadError,
    Reference,
)
from extractors.references import extract_references
from extractors.segment import segment_documents
from extractors.settings import SETTINGS

logger = logging.getLogger(__name__)

# A sentence that goes through every extractor, loading underthesea's models on the way.
WARM_UP_SENTENCE = "Toàn huyện hiện có 312 công đoàn cơ sở với 24.560 đoàn viên, đạt 95%."


def warm_up() -> None:
    """Import the readers and load the NLP models now rather than on the first file (3–6 s here).
    The worker pool's forkserver calls it once (pipeline/extract_preload.py), so every worker is
    forked with them already in memory."""
    import docx  # noqa: F401 - python-docx, imported by the DOCX reader on first use

    import extractors.readers.html  # noqa: F401
    import extractors.readers.pdf  # noqa: F401

    extract_figures(WARM_UP_SENTENCE)


def key_context(doc: Document, refs: tuple[Reference, ...]) -> KeyContext:
    """What a document says of itself, for its figures' organization and year."""
    month = int(doc.date[5:7]) if doc.date else None
    if month is None and (found := read_month_line(doc.text)) is not None and found[0] == doc.year:
        month = found[1]  # `Đà Nẵng, tháng 01 năm 2025`: no day, but the month says what `năm qua` is
    return KeyContext(organization=doc.organization, superior=doc.superior, year=doc.year, month=month,
                      reported_year=reported_year(doc.text, doc.title, doc.year, month, doc.kind),
                      reference_spans=tuple((r.char_start, r.char_end) for r in refs),
                      topic=document_topic(doc.title, doc.text[:SETTINGS.head_zone_chars]),
                      tet_year=coming_tet(doc.title, doc.text[:SETTINGS.head_zone_chars], doc.year, month),
                      plan_year=plan_year(doc.title, doc.year))


def with_block_provenance(raw: RawDocument, norm: NormalizedText, doc: Document,
                          figures: list[Figure]) -> list[Figure]:
    """Each figure with what its block says of where it was read: `ocr` and the mean confidence of
    the block's words for text read from an image, the sheet and cell (`Biểu 01!F9`) of a workbook."""
    if not any(b.ocr or b.cell for b in raw.blocks):
        return figures
    out = []
    for f in figures:
        k = bisect.bisect_right(norm.block_starts, norm.raw_offset(doc.start + f.char_start)) - 1
        block = raw.blocks[k] if 0 <= k < len(raw.blocks) else None
        extras = dict(f.extras)
        if block is not None and block.ocr:
            extras.update(ocr=True, ocr_confidence=block.confidence)
        if block is not None and block.cell:
            extras["cell"] = f"{block.sheet}!{block.cell}" if block.sheet else block.cell
        out.append(dataclasses.replace(f, extras=extras))
    return out


def _cells_tab_separated(doc: Document, norm: NormalizedText, fmt: str | None) -> Document:
    """The document as it is given out: a table row's cells separated by a tab (` \t `), as a copy of the table
    writes them, so that a quote of two cells (`Lương Sơn<TAB>1.420`) is found in its text. Stages work on
    ` | `; a Markdown file keeps its own bars. The tab takes the bar's place: every offset holds."""
    if fmt == "md" or not norm.cell_bars or doc.text != norm.text[doc.start:doc.end]:
        return doc
    at = [p - doc.start for p in norm.cell_bars if doc.start <= p < doc.end]
    if not at:
        return doc
    chars = list(doc.text)
    for p in at:
        chars[p] = "\t"
    return dataclasses.replace(doc, text="".join(chars))


def extract_file(path: str | Path, source: str | None = None, data: bytes | None = None) -> FileResult:
    """Run every stage on one file. Never raises for a bad file: the result says what failed.

    `source` is the name recorded for the file (defaults to the path as given); `data`
    lets a caller pass the bytes (standard input, an upload) instead of a path on disk.
    """
    source = source if source is not None else str(path)
    try:
        raw = read(path, data=data, name=source)
    except ReadError as err:
        return FileResult(source=source, sha256=getattr(err, "sha256", None), size=0, format=None,
                          status="failed", error=str(err))
    if raw.status != STATUS_OK:
        return FileResult(source=source, sha256=raw.sha256, size=raw.size, format=raw.format,
                          status=raw.status, pages=raw.pages, warnings=raw.warnings,
                          error=f"{source}: {raw.status.replace('_', ' ')}" + (f" ({raw.warnings[0]})" if raw.warnings else ""))
    norm = normalize_document(raw)
    docs = segment_documents(norm, source=source, meta_title=raw.title, meta_date=raw.date, fmt=raw.format)
    extracts = []
    for doc in docs:
        refs = tuple(extract_references(doc.text))
        figures = tuple(with_block_provenance(raw, norm, doc, assign_keys(
            doc.text, extract_figures(doc.text, doc_kind=doc.kind, references=refs), key_context(doc, refs))))
        pages = tuple(norm.page_at(doc.start + f.char_start) for f in figures)
        doc = _cells_tab_separated(doc, norm, raw.format)
        extracts.append(DocumentExtract(document=doc, figures=figures, references=refs, figure_pages=pages))
    return FileResult(source=source, sha256=raw.sha256, size=raw.size, format=raw.format, status="ok",
                      documents=tuple(extracts), pages=raw.pages, warnings=raw.warnings)
