"""One PDF page → text lines and tables, from the page's layout (parsed once per page).

Lines are built here from the chars of pdfminer's layout (`page.layout`, which pdfplumber
parses and caches) instead of `extract_words`/`extract_text`: grouping ~3,000 chars by
baseline is a few ms, where pdfplumber's char dicts and word extractor cost as much again as
the parse. pdfplumber's table finder runs only on pages whose ruling could form a table.
A run of rows split into two columns by a wide gap (a header table) is read column by column.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from typing import Any

from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTLine, LTRect

logger = logging.getLogger(__name__)

LINE_TOLERANCE = 0.45  # chars whose tops differ by < 0.45 × font size share a line
SPACE_GAP = 0.2  # a horizontal gap > 0.2 × font size between two chars is a space
# A gap > 3 × the font size on one baseline separates columns: justified body text stretches its
# spaces to about 1 em at most; a header table's columns stand 5+ em apart (corpus/keys_renderings).
COLUMN_GAP = 3.0
MIN_EDGE = 4.0  # pt: shorter ruling lines/rect sides are decoration, not table borders
BOLD_MARKERS = ("bold", "black", "heavy", ",b")


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    # where the line stands in reading order when that is not its top: lines of a two-column band
    # are read column by column, and keep that order when blocks are sorted by position
    order: float | None = None

    @property
    def reading_top(self) -> float:
        return self.top if self.order is None else self.order


@dataclass(frozen=True)
class TableItem:
    top: float
    bottom: float
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class PageContent:
    number: int  # 1-based
    width: float
    height: float
    lines: tuple[Line, ...]
    tables: tuple[TableItem, ...]
    has_images: bool


def _line_text(chars: list[dict[str, Any]]) -> str:
    out: list[str] = []
    prev = None
    for c in chars:
        t = c["text"]
        if prev is not None:
            if t == prev["text"] and abs(c["x0"] - prev["x0"]) < 0.5:  # over-printed (fake bold)
                continue
            gap = c["x0"] - prev["x1"]
            if gap > SPACE_GAP * c["size"] and not t.isspace() and not prev["text"].isspace():
                out.append(" ")
        out.append(t)
        prev = c
    return " ".join("".join(out).split())


def _make_line(chars: list[dict[str, Any]]) -> Line | None:
    chars.sort(key=lambda c: c["x0"])
    text = _line_text(chars)
    if not text:
        return None
    visible = [c for c in chars if not c["text"].isspace()] or chars
    sizes = sorted(c["size"] for c in visible)
    bold = all(any(m in c["fontname"].lower() for m in BOLD_MARKERS) for c in visible)
    return Line(text=text, x0=visible[0]["x0"], x1=max(c["x1"] for c in visible),
                top=min(c["top"] for c in visible), bottom=max(c["bottom"] for c in visible),
                size=sizes[len(sizes) // 2], bold=bold)


def _gap_splits(chars: list[dict[str, Any]]) -> list[float]:
    """x positions where a gap wider than COLUMN_GAP × the font size separates a row's chars."""
    out = []
    prev = None
    for c in chars:
        if c["text"].isspace():
            continue
        if prev is not None and c["x0"] - prev["x1"] > COLUMN_GAP * max(c["size"], 1.0):
            out.append(c["x0"])
        prev = c
    return out


def _splittable(chars: list[dict[str, Any]], boundary: float) -> bool:
    """No visible char of the row straddles `boundary` (a centred heading or body text does)."""
    return not any(c["x0"] < boundary - 0.5 and c["x1"] > boundary + 0.5 for c in chars if not c["text"].isspace())


def _lines(chars: list[dict[str, Any]]) -> list[Line]:
    return [line] if chars and (line := _make_line(chars)) is not None else []


def _unweave(rows: list[list[dict[str, Any]]]) -> list[Line]:
    """Rows (chars sorted by x) in reading order. A row split by a wide gap marks a two-column
    band (a header table: bodies and number on the left, motto and date on the right); the band
    takes in the rows around it, up and down, while no char straddles the column boundary, and is
    read column by column, left first, so a name wrapped over two rows stays whole (the two
    columns' lines need not share baselines). Every other row is one line."""
    out: list[Line] = []
    done = 0  # rows before this index are emitted
    k = 0
    while k < len(rows):
        splits = _gap_splits(rows[k])
        if not splits:
            k += 1
            continue
        boundary = splits[0]
        first = k
        while first > done and _splittable(rows[first - 1], boundary):
            first -= 1
        last = k + 1
        while last < len(rows) and _splittable(rows[last], boundary):
            last += 1
        for row in rows[done:first]:
            out.extend(_lines(row))
        band = rows[first:last]
        start = min(c["top"] for c in band[0])
        read = [line for right in (False, True)
                for row in band for line in _lines([c for c in row if (c["x0"] >= boundary) == right])]
        out.extend(dataclasses.replace(line, order=start + n * 1e-3) for n, line in enumerate(read))
        done = k = last
    for row in rows[done:]:
        out.extend(_lines(row))
    return out


def group_lines(chars: list[dict[str, Any]]) -> list[Line]:
    """Chars → lines in reading order (chars sorted by top, clustered by baseline; columns apart)."""
    rows: list[list[dict[str, Any]]] = []
    current: list[dict[str, Any]] = []
    line_top = 0.0
    for c in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        if current and c["top"] - line_top > LINE_TOLERANCE * max(c["size"], 1.0):
            rows.append(sorted(current, key=lambda c: c["x0"]))
            current = []
        if not current:
            line_top = c["top"]
        current.append(c)
    if current:
        rows.append(sorted(current, key=lambda c: c["x0"]))
    return _unweave(rows)


def _is_ruling(obj: Any) -> tuple[bool, bool]:
    """(across, down): whether a pdfminer line/rect/curve could be a table border."""
    w, h = obj.x1 - obj.x0, obj.y1 - obj.y0
    if isinstance(obj, LTRect) and w >= MIN_EDGE and h >= MIN_EDGE:
        return True, True  # a bordered box: its sides run both ways
    return w >= MIN_EDGE, h >= MIN_EDGE


def _scan_layout(page: Any) -> tuple[list[dict[str, Any]], bool, bool]:
    """Chars (as small dicts), whether ruling may form a table, whether the page has images.

    Walks pdfminer's layout tree directly: pdfplumber's `page.chars` converts every
    attribute of every char and costs as much again as parsing the page.
    """
    layout = page.layout
    top_y = layout.y1
    chars: list[dict[str, Any]] = []
    across = down = images = False
    stack = [layout]
    while stack:
        for obj in stack.pop():
            if isinstance(obj, LTChar):
                chars.append({"text": obj.get_text(), "x0": obj.x0, "x1": obj.x1, "top": top_y - obj.y1,
                              "bottom": top_y - obj.y0, "size": obj.size, "fontname": obj.fontname})
            elif isinstance(obj, (LTRect, LTLine, LTCurve)):
                a, d = _is_ruling(obj)
                across, down = across or a, down or d
            elif isinstance(obj, LTImage):
                images = True
            elif isinstance(obj, LTContainer):
                stack.append(obj)
    return chars, across and down, images


def _inside(c: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (c["x0"] + c["x1"]) / 2
    y = (c["top"] + c["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _table_items(page: Any) -> list[Any]:
    tables = [t for t in page.find_tables() if len(t.rows) * len(t.columns) >= 2]
    return tables


def read_page(page: Any) -> PageContent:
    """Lines outside tables and the tables' cell text of one pdfplumber page."""
    chars, ruled, images = _scan_layout(page)
    items: list[TableItem] = []
    if ruled and chars:
        tables = _table_items(page)  # pdfplumber's table finder (only on pages with ruling)
        boxes = [t.bbox for t in tables]
        for t in tables:
            rows = tuple(tuple((cell or "").strip() for cell in row) for row in t.extract())
            items.append(TableItem(top=t.bbox[1], bottom=t.bbox[3], rows=rows))
        if boxes:
            chars = [c for c in chars if not _inside(c, boxes)]
    return PageContent(number=page.page_number, width=float(page.width), height=float(page.height),
                       lines=tuple(group_lines(chars)), tables=tuple(items), has_images=images)
