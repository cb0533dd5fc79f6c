"""Figures in tables: a row's label says what is counted, the column header what kind of number
stands under it (plan or result, a share, the achievement against plan, a year, a money scale).

Tables reach the text as one line per row with cells separated by " | " (see
`extractors.normalize.normalize_document`); the first row of a table is its header.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from extractors.entity import COUNTABLE, expand_abbreviations
from extractors.figure_cues import (
    COMPARATOR_AFTER,
    COMPARATOR_BEFORE,
    CUES,
    MEASURE_UNIT_AFTER,
    MEASURE_UNIT_ALIASES,
    MONEY_AFTER,
)
from extractors.indicators import indicator_for
from extractors.lang import phrase_pattern
from extractors.numbers import IMPLAUSIBLE, PLAUSIBLE_OTHER, PLAUSIBLE_VND, NumberMention
from extractors.records import Figure

_SEP = " | "
_INDEX = {h.lower() for h in CUES["table_index_headers"]}
_UNITS = {h.lower() for h in CUES["table_unit_headers"]}
_TARGET = re.compile(phrase_pattern(CUES["table_target_headers"]), re.I)
_ACTUAL = re.compile(phrase_pattern(CUES["table_actual_headers"]), re.I)
_ACHIEVE = re.compile(phrase_pattern(CUES["table_achievement_headers"]), re.I)
_CHANGE = re.compile(phrase_pattern(CUES["table_change_headers"]), re.I)
_COMPARISON = re.compile(phrase_pattern(CUES["table_comparison_headers"]), re.I)
_PERCENT = re.compile(r"%|" + phrase_pattern([h for h in CUES["table_percent_headers"] if h not in ("%", "(%)")]), re.I)
_MONEY = sorted(CUES["table_money_headers"].items(), key=lambda kv: -len(kv[0]))
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_LABEL_VERB = re.compile(r"^\s*" + phrase_pattern(CUES["table_label_verbs"]) + r"\s+", re.I)
_NUMERIC_CELL = re.compile(r"^[\s\d.,%+\-–/]*$")
_WORDED_VALUE = re.compile(CUES["table_worded_value"], re.I)
_UNIT_GROUP = re.compile(CUES["table_unit_group"], re.I)


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Row:
    start: int
    end: int
    cells: tuple[Cell, ...]


def mentions_between(mentions: list[NumberMention], start: int, end: int) -> list[NumberMention]:
    """The mentions (in text order) that start in [start, end): a binary search, so that a table of
    many cells costs each cell no more than its own numbers."""
    lo = bisect.bisect_left(mentions, start, key=lambda m: m.start)
    hi = bisect.bisect_left(mentions, end, lo=lo, key=lambda m: m.start)
    return mentions[lo:hi]


def is_table_line(line: str) -> bool:
    return _SEP in line


def _row(text: str, start: int, end: int) -> Row:
    cells, pos = [], start
    line = text[start:end]
    bare = _SEP.lstrip()
    if line.startswith(bare):  # "| Tổng cộng | 135 | 153": an empty first cell left bare by normalization
        cells.append(Cell(start, start, ""))
        pos, line = start + len(bare), line[len(bare):]
    for part in line.split(_SEP):
        a = pos + len(part) - len(part.lstrip())
        b = pos + len(part.rstrip())
        cells.append(Cell(a, max(a, b), text[a:max(a, b)]))
        pos += len(part) + len(_SEP)
    return Row(start, end, tuple(cells))


def find_tables(text: str) -> list[list[Row]]:
    """Runs of table lines (blank lines between rows allowed)."""
    tables: list[list[Row]] = []
    current: list[Row] = []
    for m in re.finditer(r"[^\n]*", text):
        line = m.group(0)
        if not line.strip():
            continue
        if is_table_line(line):
            current.append(_row(text, m.start(), m.end()))
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


@dataclass(frozen=True)
class Column:
    index: bool
    modality: str | None
    relation: str
    percent: bool
    scale: float | None  # money scale named in the header
    year: int | None
    compares: bool = False  # `So sánh (%)`, `Tăng/giảm`: compares the table's year columns


def _column(header: str, cells: list[str]) -> Column:
    h = header.strip().lower()
    values = [c.strip().rstrip(".") for c in cells if c.strip()]
    # the numbering column: named so, or unnamed and holding only small numbers, roman numerals, "a)"
    index = h in _INDEX or (not h and bool(values) and all(
        re.fullmatch(r"\d{1,3}|[IVXLivxl]{1,5}|[a-zđ]\)?", v) for v in values))
    relation = "achievement" if _ACHIEVE.search(h) else "change" if _CHANGE.search(h) else "level"
    modality = "target" if _TARGET.search(h) and relation == "level" else "actual" if _ACTUAL.search(h) else None
    scale = next((f for word, f in _MONEY if re.search(rf"(?<![\wÀ-ỹ]){re.escape(word)}(?![\wÀ-ỹ])", h)), None)
    y = _YEAR.search(h)
    return Column(index=index, modality=modality, relation=relation,
                  percent=bool(_PERCENT.search(h)) or relation != "level", scale=scale,
                  year=int(y.group(1)) if y else None, compares=bool(_COMPARISON.search(h)))


def _columns(table: list[Row]) -> list[Column]:
    header, body = table[0], table[1:]
    width = max(len(r.cells) for r in table)
    columns = [_column(header.cells[k].text if k < len(header.cells) else "",
                       [r.cells[k].text for r in body if k < len(r.cells)]) for k in range(width)]
    # `Năm 2023 | Năm 2024 | So sánh (%)`: the comparison describes the latest year it compares
    latest = max((c.year for c in columns if c.year is not None and not c.compares), default=None)
    return [replace(c, year=latest) if c.year is None and c.compares and not c.index else c for c in columns]


@dataclass(frozen=True)
class ProseCell:
    """A table cell that is a sentence (`Phát triển mới ít nhất 1.500 đoàn viên`): its figures are read
    as running text, with `context` as what governs them: the header row (`TT | Chỉ tiêu | Thời hạn`)
    and the row's other cells (its deadline: `Đến năm 2028`, `Hằng năm`)."""

    cell: Cell
    context: tuple[str, ...]


# A cell of at least this many words that holds a number is a sentence, not a label: the shortest
# target of a plan table reads "Xây dựng 10 nhà Mái ấm Công đoàn" (7 words).
MIN_PROSE_WORDS = 5


def prose_cells(table: list[Row]) -> list[ProseCell]:
    """The cells of a table whose rows are sentences: plans write their targets in `TT | Chỉ tiêu |
    Thời hạn` tables. Only a table with no number standing alone in a cell (the numbering column
    aside) is read so: a statistics table's numbers are its cells (`table_figures`)."""
    if len(table) < 2:
        return []
    cols = _columns(table)
    body = table[1:]
    values = [[c for k, c in enumerate(r.cells) if c.text and not (k < len(cols) and cols[k].index)] for r in body]
    if any(_NUMERIC_CELL.match(c.text) for row in values for c in row):
        return []
    header = " | ".join(c.text for c in table[0].cells if c.text)
    out = []
    for row in values:
        for cell in row:
            if len(cell.text.split()) >= MIN_PROSE_WORDS and re.search(r"\d", cell.text):
                out.append(ProseCell(cell, (header, *(o.text for o in row if o is not cell))))
    return out


def table_figures(text: str, table: list[Row], mentions: list[NumberMention], plan: bool = False) -> list[Figure]:
    """Figures of one table; `mentions` are the numbers found inside it; `plan`: the document is a plan."""
    if len(table) < 2:
        return []
    header, body = table[0], table[1:]
    width = max(len(r.cells) for r in table)
    cols = _columns(table)
    label_col = next((k for k in range(width) if not cols[k].index and
                      sum(1 for r in body if k < len(r.cells) and re.search(r"[^\W\d_]", r.cells[k].text)) * 2
                      >= len(body)), None)
    if label_col is None:
        return []
    units = label_col < len(header.cells) and header.cells[label_col].text.strip().lower() in _UNITS
    # `Chỉ tiêu | Năm 2025` in a plan: rows of targets (in a report's table `Chỉ tiêu` only names the rows' items)
    targets = plan and label_col < len(header.cells) and bool(_TARGET.search(header.cells[label_col].text))
    if targets:
        cols = [replace(c, modality="target") if c.modality is None and c.relation == "level" else c for c in cols]
    out = []
    for r in body:
        if label_col >= len(r.cells) or not re.search(r"[^\W\d_]", r.cells[label_col].text):
            continue
        label = expand_abbreviations(r.cells[label_col].text.strip(" :.-"))
        entity = _LABEL_VERB.sub("", label) or label
        lab = r.cells[label_col]
        group = _UNIT_GROUP.search(text, lab.start, lab.end)
        row_start = len(out)
        if group is not None:  # `Các CĐCS còn lại (10 đơn vị)`: the units the row's figures add up, counted
            for m in mentions_between(mentions, group.start(), group.end()):
                f = _cell_figure(text, r, header, lab, Column(index=False, modality=None, relation="level",
                                                              percent=False, scale=None, year=None, compares=False),
                                 label, _group_entity(label, group.group("unit")), m)
                out.append(replace(f, indicator=None))
        for k, cell in enumerate(r.cells):
            if k == label_col or cols[k].index or not cell.text \
                    or not (_NUMERIC_CELL.match(cell.text) or _WORDED_VALUE.match(cell.text)):
                continue
            counted = _counted_in(header.cells[k].text) if units and k < len(header.cells) else None
            own = header.cells[k].text if k < len(header.cells) else ""
            if units and counted is None and k < len(header.cells) and _PLAN_HEADER.match(header.cells[k].text):
                # `Chỉ tiêu 2024 | Kết nạp 6 tháng`: the plan of what the column after it counts
                planned = next((j for j in range(k + 1, len(header.cells)) if _counted_in(header.cells[j].text)), None)
                if planned is not None:
                    counted = _counted_in(header.cells[planned].text)
                    own = f"{own} {header.cells[planned].text}"
            if units and counted is None and k < len(header.cells) and header.cells[k].text.strip():
                # `Số đoàn viên | Kết nạp mới`: a header that names no noun counts what the one before it does
                counted = next((c for j in range(k - 1, label_col, -1) if j < len(header.cells)
                                and (c := _counted_in(header.cells[j].text))), None)
            for m in mentions_between(mentions, cell.start, cell.end):
                col = cols[k]
                if not col.percent and not units and _PERCENT.search(label):
                    col = replace(col, percent=True)  # a row of shares: `Tỷ lệ thu KPCĐ so với số phải thu (%)`
                out.append(_cell_figure(text, r, header, cell, col, own if counted else label, counted or entity, m))
        if group is not None:  # a group of units named by no body: its figures are a subset's, of no indicator
            out[row_start:] = [replace(f, indicator=None) for f in out[row_start:]]
    return out


_HEADER_VERB = re.compile(r"^\s*(" + phrase_pattern(list(CUES["table_header_verbs"])) + r")(?![\wÀ-ỹ])", re.I)
_PLAN_HEADER = re.compile(r"^\s*" + phrase_pattern(CUES["table_plan_headers"]) + r"(?:\s+(?:năm\s+)?(?:19|20)\d\d)?\s*$",
                          re.I)


def _group_entity(label: str, unit: str) -> str:
    """What a group row counts (`Các CĐCS còn lại (10 đơn vị)`): the units its label names (`công đoàn cơ sở`), else
    the word in its parenthesis."""
    m = COUNTABLE.search(label.split("(")[0])
    return expand_abbreviations(m.group(0) if m else unit).lower()


def _counted_in(header: str) -> str | None:
    """What a column counts when the rows are units: the countable noun its header names, or what its verb
    counts (`Kết nạp 6 tháng`: new members); none for a plan's column (`Chỉ tiêu 2024`)."""
    if _PLAN_HEADER.match(header):
        return None
    if (v := _HEADER_VERB.match(header)) is not None:
        return CUES["table_header_verbs"][v.group(1).lower()]
    m = COUNTABLE.search(header)
    return expand_abbreviations(m.group(0)).lower() if m else None


def _cell_comparator(before: str, after: str) -> str:
    """`Từ 90% trở lên`, `Ít nhất 03 người`: the comparator the words of a value's cell give it."""
    for op, pat in COMPARATOR_BEFORE.items():
        if pat.search(before):
            return op
    return next((op for op, pat in COMPARATOR_AFTER.items() if pat.search(after)), "=")


def _cell_figure(text: str, row: Row, header: Row, cell: Cell, col: Column, label: str, entity: str,
                 m: NumberMention) -> Figure:
    percent = m.percent or col.percent
    after = text[m.end:cell.end]
    measure = MEASURE_UNIT_AFTER.match(after)  # `350 lượt cán bộ`
    unit = "percent" if percent else "vnd" if col.scale or m.money or MONEY_AFTER.match(after) \
        else MEASURE_UNIT_ALIASES.get(measure.group(1).lower(), measure.group(1).lower()) if measure else "count"
    value = m.value * (col.scale or 1) if unit == "vnd" and not m.money else m.value
    # plausible for the unit the column gives (numbers.py judged the number without the header)
    implausible = value > (PLAUSIBLE_VND if unit == "vnd" else PLAUSIBLE_OTHER)
    ambiguous = implausible or (m.ambiguous and m.reason != IMPLAUSIBLE)
    modality = col.modality or "actual"
    sentence = text[row.start:row.end]
    context = f"{text[header.start:header.end]}\n{sentence}"
    return Figure(
        char_start=m.start, char_end=m.end, text=text[m.start:m.end], value=value, unit=unit, entity=entity,
        indicator=indicator_for(entity, label, unit, modality),
        modality=modality, comparator=_cell_comparator(text[cell.start:m.start], text[m.end:cell.end]),
        aggregation="total", period_years=None,
        deadline_year=col.year if modality == "target" else None, recurrence=None,
        sentence=sentence, sentence_start=row.start, relation=col.relation,
        ambiguous=ambiguous, extras={"table_header": context.split("\n")[0], "column_year": col.year})
