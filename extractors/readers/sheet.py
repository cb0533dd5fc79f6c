"""Spreadsheets (XLSX with openpyxl; XLS and ODS after LibreOffice converted them, office.py) → blocks.

Each visible sheet is laid out as a union office prints it: the title rows above the grid
(`BIỂU THỐNG KÊ KẾT QUẢ PHÁT TRIỂN ĐOÀN VIÊN`, `(Số liệu tính đến ngày 31/12/2024)`) become
paragraphs, the grid becomes table cells (its header row first: a header spread over two rows,
`Kết quả năm 2024` over `Kế hoạch | Thực hiện`, is joined into one header per column, and the
row of column numbers `(1) (2) (3)` under it is dropped), and the rows under the grid
(`Nghệ An, ngày 10 tháng 01 năm 2025`, signatures) become paragraphs again. Every block carries its
sheet's number as `page`, the sheet's name and the cell (`Biểu 01`, `F9`), so a figure found in the
grid leads back to its cell. The table extraction that reads tables in text then applies unchanged
(extractors/table_figures.py: header row, row labels, column modality).

Numbers are written the Vietnamese way so the number reader takes them whole: `1.234`, `98,37`;
a cell formatted as a percentage shows `%` (`0.9837` → `98,37%`). Formulas give their cached value
(what Excel or LibreOffice last computed); a formula never computed (a file written by a library,
not opened since) has none and is left empty.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from dataclasses import dataclass
from typing import Any

from extractors.readers.docx import check_zip
from extractors.records import HEADING, TABLE_CELL, Block, CorruptFile, TooLarge

logger = logging.getLogger(__name__)

MAX_CELLS = 2_000_000  # per workbook: a statistics form has a few hundred; a data dump is no document
HEADER_ROWS = 4  # a header spread over more rows than this is read as its last 4
DECIMALS = 2  # cached values of divisions (108.33333…) are shown as a person would print them
_COLUMN_NUMBERS = re.compile(r"^\(?(\d{1,2}|[A-Z])\)?$")  # `(1)`, `2`, `A`: the row that numbers columns
_NUMBER_TEXT = re.compile(r"^[\s\d.,%+\-–]+$")


@dataclass(frozen=True)
class SheetText:
    blocks: tuple[Block, ...]
    sheets: int
    title: str | None
    warnings: tuple[str, ...]


def format_number(value: float, percent: bool = False) -> str:
    """`1234` → `1.234`, `98.371` → `98,37`, (0.9837, percent) → `98,37%`."""
    if percent:
        value *= 100
    value = round(value, DECIMALS)
    whole = abs(value) == int(abs(value))
    text = f"{abs(value):,.0f}" if whole else f"{abs(value):,.{DECIMALS}f}".rstrip("0")
    text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return ("-" if value < 0 else "") + text + ("%" if percent else "")


def cell_text(cell: Any) -> str:
    value = cell.value
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, (int, float)):
        return format_number(float(value), "%" in str(cell.number_format or ""))
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return " ".join(str(value).split())


def _is_number(text: str) -> bool:
    return bool(text) and bool(_NUMBER_TEXT.match(text)) and any(ch.isdigit() for ch in text)


@dataclass
class _Grid:
    """One sheet's used range as text: `rows[r][c]` with the sheet's row and column numbers kept."""

    rows: list[list[str]]
    first_row: int  # sheet row number of rows[0]
    first_col: int  # sheet column number of rows[r][0]
    merged: dict[tuple[int, int], tuple[int, int]]  # a merged range's other cells → its first cell

    def text(self, r: int, c: int) -> str:
        """The cell's text; a cell under a merged range shows the range's text (`Tổng cộng` merged
        over the TT and Đơn vị columns stands in both)."""
        r, c = self.merged.get((r, c), (r, c))
        return self.rows[r][c] if c < len(self.rows[r]) else ""

    def coordinate(self, r: int, c: int) -> str:
        from openpyxl.utils import get_column_letter

        return f"{get_column_letter(self.first_col + c)}{self.first_row + r}"


def _grid(ws: Any) -> _Grid:
    rows = [[cell_text(c) for c in row] for row in ws.iter_rows()]
    merged_over: dict[tuple[int, int], tuple[int, int]] = {}
    for rng in ws.merged_cells.ranges:  # a merged cell's text belongs to each column it spans
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) != (rng.min_row, rng.min_col):
                    merged_over[(r - 1, c - 1)] = (rng.min_row - 1, rng.min_col - 1)
    return _Grid(rows, 1, 1, merged_over)


def _numeric(row: list[str]) -> int:
    return sum(1 for t in row if _is_number(t))


def _is_column_numbers(row: list[str]) -> bool:
    cells = [t for t in row if t]
    return len(cells) >= 3 and all(_COLUMN_NUMBERS.match(t) for t in cells)


def _layout(rows: list[list[str]]) -> tuple[int, int, int] | None:
    """(header start, body start, body end) row indexes of the sheet's grid, or None (no table):
    the body runs from the first row with two numbers to the last row with one; the header is
    the rows above it with two cells or more (up to HEADER_ROWS)."""
    data_rows = [i for i, row in enumerate(rows) if _numeric(row) >= 2 and not _is_column_numbers(row)]
    if not data_rows:
        return None
    body = data_rows[0]
    end = max(i for i, row in enumerate(rows) if _numeric(row) >= 1 and not _is_column_numbers(row)) + 1
    start = body
    while start > 0 and body - start < HEADER_ROWS + 1 and sum(1 for t in rows[start - 1] if t) >= 2:
        start -= 1
    if start == body:
        return None
    return start, body, end


def _header(grid: _Grid, start: int, body: int) -> list[str]:
    """One header text per column: the header rows' texts top to bottom (a merged parent spread over
    its columns), the column-number row left out."""
    width = max(len(r) for r in grid.rows)
    out = []
    for c in range(width):
        parts: list[str] = []
        for r in range(start, body):
            if _is_column_numbers(grid.rows[r]):
                continue
            text = grid.text(r, c)
            if text and text not in parts:
                parts.append(text)
        out.append(" - ".join(parts))
    return out


def _paragraphs(grid: _Grid, rows: range, page: int, sheet: str) -> list[Block]:
    """Each filled cell of `rows` is a line of its own (a header line, the title, the place and date):
    headings, so that normalization never joins two cells into one line."""
    blocks = []
    for r in rows:
        for c, text in enumerate(grid.rows[r]):
            if text and (r, c) not in grid.merged:
                blocks.append(Block(text=text, page=page, kind=HEADING, sheet=sheet,
                                    cell=grid.coordinate(r, c)))
    return blocks


def sheet_blocks(ws: Any, page: int, table: int) -> list[Block]:
    """The blocks of one worksheet; its grid is table number `table` of the file."""
    grid = _grid(ws)
    sheet = ws.title
    layout = _layout(grid.rows)
    if layout is None:
        return _paragraphs(grid, range(len(grid.rows)), page, sheet)
    start, body, end = layout
    blocks = _paragraphs(grid, range(start), page, sheet)
    header = _header(grid, start, body)
    used = [c for c in range(len(header)) if header[c] or any(
        c < len(grid.rows[r]) and grid.rows[r][c] for r in range(body, end))]
    first = used[0] if used else 0
    for c in used:
        if header[c]:
            blocks.append(Block(text=header[c], page=page, kind=TABLE_CELL, table=table, row=0, col=c - first,
                                sheet=sheet, cell=grid.coordinate(start, c)))
    row = 0
    for r in range(body, end):
        cells = [(c, text) for c in used if (text := grid.text(r, c))]
        if not cells or _is_column_numbers(grid.rows[r]):
            continue
        row += 1
        blocks.extend(Block(text=text, page=page, kind=TABLE_CELL, table=table, row=row, col=c - first,
                            sheet=sheet, cell=grid.coordinate(*grid.merged.get((r, c), (r, c))))
                      for c, text in cells)
    blocks.extend(_paragraphs(grid, range(end, len(grid.rows)), page, sheet))
    return blocks


def read_xlsx(data: bytes, name: str) -> SheetText:
    import openpyxl

    check_zip(data, name, kind="XLSX")
    try:
        # the sheets' sizes first, from their dimension records (read-only mode loads no cell), so a
        # data dump is refused before openpyxl builds millions of cell objects
        sizes = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        cells = sum((ws.max_row or 0) * (ws.max_column or 0) for ws in sizes.worksheets)
        sizes.close()
        if cells > MAX_CELLS:
            raise TooLarge(name, f"workbook of {cells:,} cells (limit {MAX_CELLS:,}): a data dump, not a document")
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except TooLarge:
        raise
    except Exception as err:  # openpyxl raises many types for broken packages
        raise CorruptFile(name, f"damaged XLSX ({type(err).__name__}: {err})") from err
    sheets = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
    blocks: list[Block] = []
    warnings: list[str] = []
    table = 0
    for page, ws in enumerate(sheets, start=1):
        got = sheet_blocks(ws, page, table)
        table += any(b.kind == TABLE_CELL for b in got)
        blocks.extend(got)
    hidden = len(wb.worksheets) - len(sheets)
    if hidden:
        warnings.append(f"{hidden} hidden sheet(s) not read")
    title = (wb.properties.title or "").strip() or None
    logger.debug("%s: %d sheets, %d blocks", name, len(sheets), len(blocks))
    return SheetText(tuple(blocks), len(sheets), title, tuple(warnings))
