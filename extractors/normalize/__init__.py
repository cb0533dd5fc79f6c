"""Normalization: raw reader text → clean Vietnamese text with a map back to the raw offsets.

Steps (each `MappedText -> MappedText`, see `edits.py`): legacy TCVN3/VNI decoding, Word
leftovers, NFC, one tone placement, font-glyph repair, page-number lines, line rejoining,
web boilerplate. `normalize_document(raw)` works on a reader's RawDocument, `normalize_text(s)`
on a plain string.
"""

from __future__ import annotations

import logging
import re

from extractors.lang import load
from extractors.normalize.boilerplate import remove_related_news, remove_unaccented_captions
from extractors.normalize.edits import MappedText
from extractors.normalize.glyphs import repair_glyphs
from extractors.normalize.leftovers import remove_page_numbers, remove_word_leftovers
from extractors.normalize.legacy import decode_legacy
from extractors.normalize.lines import join_lines
from extractors.normalize.unicode_forms import compose_nfc, unify_tone_placement
from extractors.records import PARAGRAPH, TABLE_CELL, Block, NormalizedText, RawDocument

logger = logging.getLogger(__name__)

__all__ = ["normalize_document", "normalize_text", "normalize_mapped"]


def normalize_mapped(mt: MappedText, hard_breaks: tuple[int, ...] = (), title: str | None = None,
                     layout_blocks: bool = False) -> MappedText:
    """Run every step on a mapped text (the order matters: legacy decoding needs the soft
    hyphens that the leftovers step removes; line joining needs the page numbers gone).
    `layout_blocks`: the text's paragraphs are a PDF's layout blocks (see join_lines)."""
    mt = decode_legacy(mt)
    mt = remove_word_leftovers(mt)
    mt = compose_nfc(mt)
    mt = unify_tone_placement(mt)
    mt = repair_glyphs(mt)
    mt = remove_page_numbers(mt)
    mt = remove_unaccented_captions(mt, title)
    mt = remove_related_news(mt)
    mt = join_lines(mt, hard_breaks, layout_blocks)
    return mt


def normalize_text(raw_text: str) -> NormalizedText:
    """Normalize a plain string (one block without page)."""
    mt = normalize_mapped(MappedText.identity(raw_text))
    return NormalizedText(text=mt.text, origins=mt.origins, raw=raw_text,
                          block_starts=(0,), block_pages=(None,))


# Formats whose blocks are the writer's own paragraphs (a Word paragraph, an HTML <p>): a line is
# never joined across them. PDF and plain-text blocks come from layout or blank lines, which
# also fall inside sentences (seed 000: "bền \n\nchặt hơn"), so those may be joined.
PARAGRAPH_FORMATS = frozenset({"docx", "html"})


def normalize_document(raw: RawDocument) -> NormalizedText:
    """Normalize a reader's document. `raw` of the result is its blocks joined by blank lines,
    except table cells: the cells of one row stand on one line separated by " | " (an empty
    cell keeps its place), and the rows of one table on consecutive lines."""
    starts: list[int] = []
    pages: list[int | None] = []
    parts: list[str] = []
    hard: list = []
    pos = 0
    prev: Block | None = None
    bars: set[int] = set()  # raw offsets of the `|` that stand between two cells
    soft = _runs_on(raw)
    for k, block in enumerate(raw.blocks):
        sep = _separator(prev, block) if prev is not None else ""
        if not (block.bars and prev is not None and prev.bars):
            bars.update(pos + k for k, c in enumerate(sep) if c == "|")
        parts.append(sep)
        pos += len(sep)
        text = block.text.replace("\n", " ") if block.kind == TABLE_CELL else block.text
        starts.append(pos)
        pages.append(block.page)
        parts.append(text)
        if block.kind != PARAGRAPH or raw.format in PARAGRAPH_FORMATS:
            # a paragraph that runs on into the next (text pasted from a PDF into Word: a paragraph a line) is
            # no hard break there; line joining decides
            hard.extend(([] if k and soft[k - 1] else [pos]) + ([] if soft[k] else [pos + len(text)]))
        pos += len(text)
        prev = block
    raw_text = "".join(parts)
    mt = normalize_mapped(MappedText.identity(raw_text), tuple(hard), raw.title, raw.format == "pdf")
    cell_bars = tuple(i for i, o in enumerate(mt.origins) if o in bars and mt.text[i] == "|") if bars else ()
    return NormalizedText(text=mt.text, origins=mt.origins, raw=raw_text,
                          block_starts=tuple(starts), block_pages=tuple(pages), cell_bars=cell_bars)


def _runs_on(raw: RawDocument) -> list[bool]:
    """For each block of a Word or web document: a paragraph that stops mid-sentence (no sentence-final mark)
    before a paragraph that opens in lower case (`… CĐCS Công ty TNHH May` / `mặc Hiệp Mỹ kết nạp …`)."""
    data = load("line_breaks.yaml")
    final = tuple(data["sentence_final"])
    starts = re.compile("(?:" + "|".join(data["paragraph_starts"]) + ")")
    blocks = raw.blocks
    if raw.format not in PARAGRAPH_FORMATS:
        return [False] * len(blocks)

    def opens_on(text: str) -> bool:  # lower case, or a number that is no list item (`30/6/2024, toàn huyện …`)
        return text[:1].islower() or (text[:1].isdigit() and not starts.match(text))

    return [k + 1 < len(blocks) and b.kind == PARAGRAPH and blocks[k + 1].kind == PARAGRAPH
            and bool(b.text.strip()) and not b.text.rstrip().endswith(final) and (b.text.rstrip()[-1:].islower() or b.text.rstrip().endswith(","))
            and opens_on(blocks[k + 1].text) for k, b in enumerate(blocks)]


def _separator(prev: Block, block: Block) -> str:
    """What stands between two blocks in the raw text (see normalize_document)."""
    if prev.kind == TABLE_CELL and block.kind == TABLE_CELL and prev.table is not None \
            and prev.table == block.table:
        if prev.row == block.row:
            return " | " * max(1, (block.col or 0) - (prev.col or 0))
        return "\n" + " | " * (block.col or 0)
    if block.kind == TABLE_CELL and (block.col or 0) > 0:
        return "\n\n" + " | " * (block.col or 0)
    return "\n\n"
