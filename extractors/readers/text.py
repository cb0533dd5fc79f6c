"""Plain text and Markdown → blocks.

A block is a run of lines between blank lines; the line breaks inside a block are kept
(joining broken lines is the normalizer's job). Markdown markup is removed, text kept:
`#`–`######` lines become `heading` blocks, `**b**` `*i*` `__b__` `` `c` `` lose their marks,
`[t](u)` becomes `t`, images are dropped, `| a | b |` table rows become `table_cell` blocks.
"""

from __future__ import annotations

import logging
import re

from extractors.readers.encoding import DecodedText, decode_text
from extractors.records import HEADING, PARAGRAPH, TABLE_CELL, Block

logger = logging.getLogger(__name__)

BLANK = re.compile(r"^[ \t\f\v\u00a0\u200b]*$")
ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
SETEXT_RULE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
HR = re.compile(r"^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|?[\s:|-]+\|[\s:|-]*$")
BULLET = re.compile(r"^(\s*)[*+][ \t]+")
QUOTE = re.compile(r"^\s*>[ \t]?")
INLINE = (  # order matters: images before links, strong before emphasis
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"\*\*(.+?)\*\*|__(.+?)__"), r"\1\2"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])|(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])"), r"\1\2"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"\*\*|__"), ""),  # unpaired strong marks left by a broken export
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])"), r"\1"),
)


def strip_inline_markdown(text: str) -> str:
    for pattern, repl in INLINE:
        text = pattern.sub(repl, text)
    return text


def split_lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def text_blocks(text: str) -> list[Block]:
    """Runs of lines between blank lines, lines kept as they are; a table whose cells are set apart
    by tabs (rows of three cells or more, a number among them) becomes table cells."""
    blocks: list[Block] = []
    run: list[str] = []
    tables = 0
    for line in split_lines(text) + [""]:
        if BLANK.match(line):
            if run:
                tables = _run_blocks(run, blocks, tables)
                run = []
        else:
            run.append(line.rstrip())
    return blocks


_NUMBER_CELL = re.compile(r"^[\d.,%]+$")


def _tab_row(line: str) -> bool:
    return line.count("\t") >= 2 and len([c for c in line.split("\t") if c.strip()]) >= 3 \
        or "\t" not in line and (line.count(" | ") >= 2 or len(_SPACED_CELL.findall(line)) >= 3)


# a table a plain text aligned with runs of spaces (`1    CĐCS Sở Tài chính        142        139`): its cells are
# the runs of words between gaps of two spaces or more
_SPACED_CELL = re.compile(r"\S+(?: \S+)*")


def _row_cells(line: str, header: str) -> list[tuple[int, str]]:
    """(column, text) of a table row's cells: by tabs, or, for a row aligned with spaces, by the header cell
    each one stands nearest to (numbers are set right under their headers; a total row leaves the first
    column empty)."""
    if "\t" in line:
        return [(col, c.strip()) for col, c in enumerate(line.split("\t")) if c.strip()]
    if " | " in line:  # a table a plain text wrote with bars and no rule under its header (`TT | Nội dung | Chỉ tiêu`)
        return [(col, c.strip()) for col, c in enumerate(line.strip().strip("|").split("|")) if c.strip()]
    starts = [m.start() for m in _SPACED_CELL.finditer(header)] if "\t" not in header else []
    out = []
    for m in _SPACED_CELL.finditer(line):
        col = min(range(len(starts)), key=lambda k: abs(starts[k] - m.start())) if starts else len(out)
        out.append((col, m.group(0)))
    return out


def _run_blocks(run: list[str], blocks: list[Block], tables: int) -> int:
    """The blocks of a run of lines: paragraphs, and tab tables of two rows or more (`TT<tab>Đơn vị<tab>
    Số lao động …` over `1<tab>CĐCS Công ty …<tab>412 …`). Returns the number of tables so far."""
    k = 0
    while k < len(run):
        j = k
        while j < len(run) and _tab_row(run[j]):
            j += 1
        rows = run[k:j]
        if len(rows) >= 2 and any(_NUMBER_CELL.match(c) for r in rows for _, c in _row_cells(r, rows[0])):
            for r, line in enumerate(rows):
                blocks.extend(Block(text=c, kind=TABLE_CELL, table=tables, row=r, col=col, bars=" | " in line)
                              for col, c in _row_cells(line, rows[0]))
            tables += 1
            k = j
            continue
        end = max(j, k + 1)
        while end < len(run) and not _tab_row(run[end]):
            end += 1
        blocks.append(Block(text="\n".join(run[k:end])))
        k = end
    return tables


_BR = re.compile(r"<br\s*/?>", re.I)


def _table_cells(line: str, table: int = 0, row: int = 0) -> list[Block]:
    # a cell's lines joined with `<br>` (a Word header table exported to Markdown) stay lines
    cells = ["\n".join(strip_inline_markdown(p.strip()) for p in _BR.split(c.strip()))
             for c in line.strip().strip("|").split("|")]
    return [Block(text=c, kind=TABLE_CELL, table=table, row=row, col=k) for k, c in enumerate(cells) if c]


def _markdown_line(line: str, nxt: str | None) -> tuple[str, str | None]:
    """(kind, text) of one Markdown line: kind is heading, paragraph, table, rule or skip."""
    if m := ATX_HEADING.match(line):
        return HEADING, strip_inline_markdown(m.group(2)).strip()
    if HR.match(line):
        return "rule", None
    if TABLE_ROW.match(line):
        return ("skip", None) if TABLE_RULE.match(line) else (TABLE_CELL, line)
    if nxt is not None and SETEXT_RULE.match(nxt) and not BLANK.match(line):
        return "setext", strip_inline_markdown(line).strip()
    line = BULLET.sub(r"\1- ", QUOTE.sub("", line))
    return PARAGRAPH, strip_inline_markdown(line).rstrip()


def markdown_blocks(text: str) -> list[Block]:
    """Markdown → blocks with the markup removed and the text kept."""
    lines = split_lines(text)
    blocks: list[Block] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            blocks.append(Block(text="\n".join(run)))
            run.clear()

    skip_next = False
    prev_row, tables, row = False, 0, 0  # Markdown table rows: which table, which row
    for i, line in enumerate(lines):
        if skip_next:
            skip_next = False
            continue
        if BLANK.match(line):
            flush()
            prev_row = False
            continue
        kind, body = _markdown_line(line, lines[i + 1] if i + 1 < len(lines) else None)
        is_row = kind == TABLE_CELL or (kind == "skip" and bool(TABLE_ROW.match(line)))
        if kind in (HEADING, "setext"):
            flush()
            if body:
                blocks.append(Block(text=body, kind=HEADING))
            skip_next = kind == "setext"
        elif kind == TABLE_CELL:
            flush()
            if prev_row:
                row += 1
            else:
                tables, row = tables + 1, 0
            blocks.extend(_table_cells(line, tables - 1, row))
        elif kind == PARAGRAPH and body and body.strip():
            run.append(body)
        elif kind == "rule":
            flush()
        prev_row = is_row
    flush()
    return blocks


def looks_like_markdown(text: str) -> bool:
    """A plain text file that is Markdown: a table row over its rule (`| … |` / `|---|---|`), as a Word
    file exported to text by a converter gives."""
    lines = split_lines(text)[:400]
    return any(TABLE_ROW.match(a) and TABLE_RULE.match(b) and "-" in b for a, b in zip(lines, lines[1:], strict=False))


def read_text(data: bytes, markdown: bool) -> tuple[list[Block], DecodedText]:
    decoded = decode_text(data)
    markdown = markdown or looks_like_markdown(decoded.text)
    blocks = markdown_blocks(decoded.text) if markdown else text_blocks(decoded.text)
    logger.debug("%d blocks from %s text (%s)", len(blocks), "markdown" if markdown else "plain",
                 decoded.encoding)
    return blocks, decoded
