"""PDF page lines → blocks: running headers/footers and page numbers dropped, paragraphs split.

Works on the small `Line` records of every page (a few KB a page), after pdfplumber's
objects are released, so a 1,000-page file never holds more than one parsed page.
"""

from __future__ import annotations

import logging
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache

from extractors.lang import load
from extractors.readers.pdf_lines import Line, PageContent
from extractors.records import HEADING, PARAGRAPH, TABLE_CELL, Block

logger = logging.getLogger(__name__)

PARA_GAP = 1.25  # a line pitch > 1.25 × the usual pitch starts a paragraph (Word: 1.4+, reportlab 1.33)
INDENT = 4.0  # pt: a first line indented more than this starts a paragraph
SHORT_LINE = 0.85  # a line ending before 85% of the text width ends its paragraph (with punctuation)
HEADING_SIZE = 1.15  # lines 15% larger than the body font are headings
MAX_HEADING_CHARS = 300
SENTENCE_END = tuple(".:;!?”\")")


@lru_cache(maxsize=1)
def _furniture() -> tuple[re.Pattern[str], float, float]:
    cfg = load("page_furniture.yaml")
    words = "|".join(re.escape(w) for w in cfg["page_words"])
    of = "|".join(re.escape(w) for w in cfg["of_words"])
    number = re.compile(rf"^[-–—\s]*(?:(?:{words})\s*)?\d{{1,4}}(?:\s*(?:{of})\s*\d{{1,4}})?[-–—\s]*$", re.I)
    return number, float(cfg["min_page_share"]), float(cfg["zone_share"])


@lru_cache(maxsize=1)
def _warn_share() -> float:
    return float(load("page_furniture.yaml")["warn_share"])


def is_page_number(text: str) -> bool:
    """`3`, `- 3 -`, `Trang 3`, `Trang 3/12`, `Page 3 of 12`."""
    return bool(_furniture()[0].match(text))


_NUMBER = re.compile(r"\d+")


def _key(text: str) -> str:
    """The line's shape: lower case, spaces collapsed, every number masked."""
    return _NUMBER.sub("#", " ".join(text.lower().split()))


def _numbers(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in _NUMBER.findall(text))


def _zone_lines(page: PageContent, zone: float) -> Iterator[tuple[str, Line]]:
    """Lines that sit in the top or bottom zone of the page, with which zone."""
    for line in page.lines:
        if line.bottom <= page.height * zone:
            yield "top", line
        elif line.top >= page.height * (1 - zone):
            yield "bottom", line


# A number of a running header or footer: the same on every page ("2024"), or the page's own
# number shifted by the same offset on every page ("Trang 5", "5/12" after a cover page).
Slot = tuple[str, int]  # ("same", value) or ("page", value - page number)
Furniture = dict[tuple[str, str], tuple[Slot, ...]]  # (zone, shape) → what each of its numbers is


def furniture_keys(pages: list[PageContent]) -> Furniture:
    """Running headers and footers: lines that repeat in the same margin zone of many pages with
    the same words, their numbers either the same on each page or the page's own number. Lines of
    the same shape whose numbers vary otherwise (a per-unit page opening with that unit's member
    count) are body text."""
    _, min_share, zone = _furniture()
    needed = max(2, min_share * len(pages))
    seen: dict[tuple[str, str], dict[int, tuple[int, ...]]] = {}  # shape → page → its numbers
    for page in pages:
        for where, line in _zone_lines(page, zone):
            seen.setdefault((where, _key(line.text)), {}).setdefault(page.number, _numbers(line.text))
    found: Furniture = {}
    for shape, on_pages in seen.items():
        if len(on_pages) < needed:
            continue
        slots: list[Slot] = []
        for i in range(len(next(iter(on_pages.values())))):
            same = Counter(numbers[i] for numbers in on_pages.values())
            shifted = Counter(numbers[i] - page for page, numbers in on_pages.items())
            (value, n_same), (offset, n_page) = same.most_common(1)[0], shifted.most_common(1)[0]
            slots.append(("same", value) if n_same >= n_page else ("page", offset))
        if sum(_fits(numbers, page, slots) for page, numbers in on_pages.items()) >= needed:
            found[shape] = tuple(slots)
    return found


def _fits(numbers: tuple[int, ...], page: int, slots: Iterable[Slot]) -> bool:
    return all(n == (value if kind == "same" else page + value)
               for n, (kind, value) in zip(numbers, slots, strict=True))


def furniture_shape(page: PageContent, where: str, line: Line, repeated: Furniture) -> str | None:
    """What the line is as page furniture, the same on every page it is dropped from: the shape of
    a running header/footer of `repeated` (furniture_keys), or "page number"; None: body text."""
    shape = (where, _key(line.text))
    slots = repeated.get(shape)
    if slots is not None and _fits(_numbers(line.text), page.number, slots):
        return f"{where}: {shape[1]}"
    return "page number" if is_page_number(line.text) and not _a_year_cut_off(line.text, page.number) else None


def _a_year_cut_off(text: str, page_no: int) -> bool:
    """A bare year (`2028`) at the top of a page far from its number is the end of a wrapped heading
    (`… NHIỆM KỲ 2023 -` / `2028`), not a page number."""
    numbers = _numbers(text)
    return len(numbers) == 1 and 1900 <= numbers[0] <= 2100 and abs(numbers[0] - page_no) > 50


def strip_furniture(page: PageContent, repeated: Furniture, dropped: set[str] | None = None) -> list[Line]:
    """The page's lines without running headers/footers and page-number lines; `dropped` gets the
    furniture_shape of each line dropped."""
    _, _, zone = _furniture()
    drop: set[int] = set()
    for where, line in _zone_lines(page, zone):
        shape = furniture_shape(page, where, line, repeated)
        if shape is not None:
            drop.add(id(line))
            if dropped is not None:
                dropped.add(shape)
    return [line for line in page.lines if id(line) not in drop]


def furniture_warning(pages: list[PageContent], dropped: set[str]) -> str | None:
    """A warning when the text dropped as page furniture is more than `warn_share` of the file's
    characters. A running header counts once, as it is one piece of text printed on every page:
    what matters is how much the file's text loses, and a rule that took body text for furniture
    (lines that differ from page to page) drops many distinct lines."""
    total = sum(len(line.text) for page in pages for line in page.lines)
    lost = sum(len(shape.split(": ", 1)[-1]) for shape in dropped)
    if total and lost > _warn_share() * total:
        return (f"{len(dropped)} distinct lines ({lost / total:.0%} of the text) dropped as running headers, "
                "footers and page numbers: check that they are not body text")
    return None


class Layout:
    """Document-wide measures the paragraph rules compare against."""

    def __init__(self, pages: list[list[Line]]) -> None:
        lines = [ln for page in pages for ln in page]
        sizes = Counter(round(ln.size, 1) for ln in lines)
        self.body_size = sizes.most_common(1)[0][0] if sizes else 10.0
        lefts = Counter(round(ln.x0) for ln in lines if abs(ln.size - self.body_size) < 0.5)
        self.left = lefts.most_common(1)[0][0] if lefts else 0.0
        rights = sorted(ln.x1 for ln in lines)
        self.right = rights[int(len(rights) * 0.95)] if rights else 0.0
        pitches = [b.top - a.top for page in pages for a, b in zip(page, page[1:], strict=False)
                   if 0 < b.top - a.top < 2.5 * self.body_size and abs(a.size - self.body_size) < 0.5]
        self.pitch = statistics.median(pitches) if pitches else 1.2 * self.body_size

    def starts_paragraph(self, prev: Line, line: Line) -> bool:
        if line.top - prev.top > PARA_GAP * self.pitch or line.top < prev.top:
            return True
        if prev.bold != line.bold or abs(prev.size - line.size) > 0.5:
            return True
        indented = line.x0 > prev.x0 + INDENT and line.x0 > self.left + INDENT
        width = max(self.right - self.left, 1.0)
        prev_short = prev.x1 < self.left + SHORT_LINE * width
        return indented and (prev_short or prev.text.endswith(SENTENCE_END))

    def kind(self, lines: list[Line]) -> str:
        text_len = sum(len(ln.text) for ln in lines)
        big = all(ln.size >= HEADING_SIZE * self.body_size for ln in lines)
        bold = all(ln.bold for ln in lines)
        return HEADING if (big or bold) and text_len <= MAX_HEADING_CHARS else PARAGRAPH


def _paragraphs(lines: list[Line], layout: Layout, page_no: int) -> Iterator[tuple[float, Block]]:
    run: list[Line] = []
    for line in lines + [None]:  # type: ignore[list-item]
        if run and (line is None or layout.starts_paragraph(run[-1], line)):
            yield run[0].reading_top, Block(text="\n".join(ln.text for ln in run), page=page_no, kind=layout.kind(run))
            run = []
        if line is not None:
            run.append(line)


def page_blocks(page: PageContent, lines: list[Line], layout: Layout) -> list[Block]:
    """Paragraph and table-cell blocks of one page, in reading order (top to bottom)."""
    items: list[tuple[float, int, Iterable[Block]]] = []
    for t, table in enumerate(page.tables):
        table_id = page.number * 100 + t  # unique in the file: page number and place on the page
        cells = [Block(text=cell, page=page.number, kind=TABLE_CELL, table=table_id, row=r, col=c)
                 for r, row in enumerate(table.rows) for c, cell in enumerate(row) if cell]
        items.append((table.top, 0, cells))
    bounds = sorted(t.top for t in page.tables)
    segments: list[list[Line]] = [[] for _ in range(len(bounds) + 1)]
    for ln in lines:  # a table ends the paragraph above it: never join lines across a table
        segments[sum(1 for b in bounds if ln.top >= b)].append(ln)
    for seg in segments:
        for top, block in _paragraphs(seg, layout, page.number):
            items.append((top, 1, [block]))
    items.sort(key=lambda it: (it[0], it[1]))
    return [b for _, _, blocks in items for b in blocks]
