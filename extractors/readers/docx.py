"""DOCX → blocks in body order (paragraphs and tables interleaved), with python-docx.

The zip directory is checked before python-docx opens anything (zip bombs). Text is taken
from the body XML directly: `w:t` runs, tabs and breaks; never deleted revisions
(`w:del`), moved-from text, field instructions (`w:instrText`), comments (they live in
comments.xml), bookmarks (no text) or the fallback copy of alternate content.
"""

from __future__ import annotations

import io
import itertools
import logging
import zipfile
from dataclasses import dataclass
from typing import Any

from extractors.records import HEADING, PARAGRAPH, TABLE_CELL, Block, CorruptFile, TooLarge

logger = logging.getLogger(__name__)

MAX_UNPACKED = 200 * 1024 * 1024  # bytes: a 1,000-page DOCX with images is well under this
MAX_RATIO = 200  # uncompressed/compressed for a member over RATIO_MIN_SIZE: XML packs 5-30×
RATIO_MIN_SIZE = 1024 * 1024
MAX_MEMBERS = 10_000

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
SKIP = {W + "del", W + "moveFrom", W + "instrText", W + "delInstrText", MC + "Fallback", W + "rPr",
        W + "pPr", W + "commentReference", W + "footnoteReference", W + "endnoteReference"}
HEADING_STYLES = ("heading", "title", "subtitle", "tiêu đề")


@dataclass(frozen=True)
class DocxText:
    blocks: tuple[Block, ...]
    title: str | None


def check_zip(data: bytes, name: str, kind: str = "DOCX") -> None:
    """Refuse archives that unpack past the limits, from the zip directory alone (`kind` names the
    format in messages: DOCX, XLSX)."""
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise CorruptFile(name, f"damaged {kind} (zip: {err})") from err
    if len(infos) > MAX_MEMBERS:
        raise TooLarge(name, f"{kind} with {len(infos)} archive members (limit {MAX_MEMBERS})")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED:
        raise TooLarge(name, f"{kind} unpacks to {total / 2**20:,.0f} MB (limit {MAX_UNPACKED // 2**20} MB): "
                             "refused as a possible zip bomb")
    for i in infos:
        if i.file_size > RATIO_MIN_SIZE and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise TooLarge(name, f"{i.filename} compressed {i.file_size // max(i.compress_size, 1):,}:1 "
                                 f"(limit {MAX_RATIO}:1): refused as a possible zip bomb")


def _field_state(el: Any, in_code: bool) -> bool:
    """Complex fields: text between `begin` and `separate` is field code (`PAGEREF _Toc… \\h`)."""
    kind = el.get(W + "fldCharType")
    if kind == "begin":
        return True
    if kind in ("separate", "end"):
        return False
    return in_code


def _collect(el: Any, out: list[str], state: list[bool]) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIP:
            continue
        if tag == W + "fldChar":
            state[0] = _field_state(child, state[0])
        elif tag == W + "t":
            if not state[0]:
                out.append(child.text or "")
        elif tag == W + "tab" and not state[0]:
            out.append("\t")
        elif tag in (W + "br", W + "cr") and not state[0]:
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "p" and out:  # a paragraph nested in a text box
            out.append("\n")
            _collect(child, out, state)
        else:
            _collect(child, out, state)


def paragraph_text(p: Any) -> str:
    out: list[str] = []
    _collect(p, out, [False])
    return "".join(out).strip()


def _style_names(document: Any) -> dict[str, str]:
    return {s.style_id: (s.name or "") for s in document.styles}


def _is_heading(p: Any, styles: dict[str, str]) -> bool:
    ppr = p.find(W + "pPr")
    if ppr is None:
        return False
    if ppr.find(W + "outlineLvl") is not None:
        return True
    style = ppr.find(W + "pStyle")
    if style is None:
        return False
    name = styles.get(style.get(W + "val"), style.get(W + "val") or "").lower()
    return name.startswith(HEADING_STYLES)


def _table_cells(tbl: Any, counter: itertools.count) -> list[Block]:
    """Cells row by row with their table, row and column; a merged cell once; nested tables inline."""
    blocks: list[Block] = []
    table = next(counter)
    for r, tr in enumerate(tbl.iterchildren(W + "tr")):
        for c, tc in enumerate(tr.iterchildren(W + "tc")):
            parts = []
            for child in tc:
                if child.tag == W + "p":
                    parts.append(paragraph_text(child))
                elif child.tag == W + "tbl":
                    blocks.extend(_table_cells(child, counter))
            text = "\n".join(p for p in parts if p)
            if text:
                blocks.append(Block(text=text, kind=TABLE_CELL, table=table, row=r, col=c))
    return blocks


def _body_blocks(container: Any, styles: dict[str, str], counter: itertools.count | None = None) -> list[Block]:
    counter = counter if counter is not None else itertools.count()
    blocks: list[Block] = []
    for child in container:
        if child.tag == W + "p":
            text = paragraph_text(child)
            if text:
                blocks.append(Block(text=text, kind=HEADING if _is_heading(child, styles) else PARAGRAPH))
        elif child.tag == W + "tbl":
            blocks.extend(_table_cells(child, counter))
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"):
            blocks.extend(_body_blocks(child, styles, counter))  # content controls wrap ordinary paragraphs
    return blocks


def read_docx(data: bytes, name: str) -> DocxText:
    import docx  # python-docx; imported here so the other readers do not pay for it

    check_zip(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except KeyError as err:
        raise CorruptFile(name, f"damaged DOCX (missing part {err})") from err
    except Exception as err:  # python-docx raises many types for broken packages
        raise CorruptFile(name, f"damaged DOCX ({type(err).__name__}: {err})") from err
    blocks = _body_blocks(document.element.body, _style_names(document))
    title = (document.core_properties.title or "").strip() or None
    return DocxText(tuple(blocks), title)
