"""Line rejoining: lines broken inside a paragraph are joined; paragraph breaks are kept.

Evidence for "same paragraph" between line A and the next non-blank line B:
  * A does not end a sentence (`sentence_final` in `extractors/lang/vi/line_breaks.yaml`) and B starts
    with a lower-case letter, a digit or a continuation mark;
  * or the text is hard-wrapped (most lines are about as long as the page width) and A reaches
    the right margin, so that even an upper-case B (`Ban \\nChấp hành`) continues the sentence;
  * or the text's paragraphs are a PDF's layout blocks set apart by blank lines, no blank line
    stands between A and B, and A reaches about the typical line length (`… CĐCS Công ty` / `TNHH …`).
Evidence for a new paragraph: B starts a list item or a numbered/ordinal heading (`- `, `a)`,
`1.`, `II.`, `Thứ nhất`, `Một là`), A or B is an ALL-CAPS heading, A ends a sentence and B starts
upper-case, A is much shorter than the page width. Blank lines count as paragraph breaks only in
texts where they are not after nearly every line (seed 002 has one after each line) and only
when the two sides do not continue each other (seed 000: `bền \\n\\nchặt hơn`).
Paragraphs are separated by "\\n\\n"; consecutive list items by "\\n".
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from dataclasses import dataclass

from extractors.lang import load
from extractors.normalize.edits import Edit, MappedText, apply_edits, substitute

# Tuning constants, chosen on the five seeds (hard-wrapped 000 and 002; one-line paragraphs 003/004):
WRAPPED_SHARE = 0.45  # a text is hard-wrapped when this share of its lines are near the width
NEAR_WIDTH = 0.8  # "near the width": at least this fraction of the typical line length
SHORT_LINE = 0.82  # in wrapped text, a line shorter than this fraction of the width ends a paragraph
SHORT_LINE_AFTER_BLANK = 0.87  # … and when a (meaningful) blank line follows it, this fraction
BLANK_AFTER_EVERY_LINE = 0.6  # above this share of gaps with a blank line, blanks mean nothing
CAPS_JOIN = 0.5  # an ALL-CAPS line at least this long joins the next ALL-CAPS line (a wrapped title)

_SPACE_CLASS = r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\r\f\v]"
_SPACES = re.compile(rf"{_SPACE_CLASS}{{2,}}|[^\S \n]")  # runs, or one space-like char that is not " "
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Line:
    start: int  # content start (stripped)
    end: int  # content end
    text: str
    blank_before: bool


@functools.lru_cache(maxsize=1)
def _cues() -> tuple[tuple[str, ...], re.Pattern[str], re.Pattern[str]]:
    data = load("line_breaks.yaml")
    starts = re.compile("(?:" + "|".join(data["paragraph_starts"]) + ")")
    return tuple(data["sentence_final"]), starts, re.compile(data["joined_without_space"])


@functools.lru_cache(maxsize=1)
def _own_lines() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(load("line_breaks.yaml")["own_line_starts"]) + ")")


@functools.lru_cache(maxsize=1)
def _broken_name() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load("line_breaks.yaml")
    return re.compile(data["name_broken_at_end"]), re.compile(data["name_goes_on"])


@functools.lru_cache(maxsize=1)
def _broken_number() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load("line_breaks.yaml")
    return re.compile(data["number_broken_at_end"]), re.compile(data["unit_goes_on"])


@functools.lru_cache(maxsize=1)
def _whole_lines() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(load("line_breaks.yaml")["own_lines_whole"]) + ")")


@functools.lru_cache(maxsize=1)
def _kind_heading() -> re.Pattern[str]:
    """A line that opens with a document's kind word in capitals (`THAM LUẬN`, `KẾ HOẠCH`)."""
    kinds = sorted(load("segment.yaml")["kinds"], key=len, reverse=True)
    return re.compile(r"(?:{})(?![\wÀ-ỹ])".format("|".join(re.escape(k.upper()) for k in kinds)))


@functools.lru_cache(maxsize=1)
def _opening_lines() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Lines in capitals that open something of their own: a document's kind, an event's name."""
    return _kind_heading(), re.compile(load("segment.yaml")["event_line"], re.I)


_WHOLE_PARENTHESIS = re.compile(r"\([^()]{3,}\)")


_COLUMN_GAP = re.compile(r"\S(?: {3,}|\t)\s*\S")


def collapse_spaces(mt: MappedText) -> MappedText:
    """Runs of spaces/tabs (and NBSP, CR) become one space."""
    return substitute(mt, _SPACES, lambda m: None if m.group(0) == " " else " ")


def _lines(text: str) -> list[Line]:
    out, prev_end = [], 0
    for m in _LINE.finditer(text):
        content = m.group(0).strip(" ")
        if not content:
            continue
        lead = len(m.group(0)) - len(m.group(0).lstrip(" "))
        start = m.start() + lead
        gap = text[prev_end:start]
        out.append(Line(start, start + len(content), content, gap.count("\n") >= 2))
        prev_end = start + len(content)
    return out


_LOWER = re.compile(r"[^\W\d_A-ZÀ-ÝĂĐĨŨƠƯẠ-Ỹ]")  # a lower-case letter (the upper ranges are skipped)
_CAPS_WORD = re.compile(r"[^\W\d_]+")


def is_caps_heading(text: str) -> bool:
    """At least two words, 6 letters, and (almost) no lower-case letter: `KẾ HOẠCH`."""
    if len(text) > 400 or len(_LOWER.findall(text[:200])) > 2:
        return False
    words = _CAPS_WORD.findall(text)
    letters = sum(len(w) for w in words)
    lower = sum(1 for w in words for c in w if c.islower())
    return len(words) >= 2 and letters >= 6 and lower <= 0.1 * letters


@dataclass(frozen=True)
class Layout:
    width: float
    wrapped: bool
    blanks_meaningful: bool
    blank_paragraphs: bool = False  # blank lines set the paragraphs apart (a PDF's layout blocks)


def measure_layout(lines: list[Line]) -> Layout:
    lengths = sorted(len(ln.text) for ln in lines if len(ln.text) >= 20)
    if not lengths:
        return Layout(0.0, False, True)
    width = float(lengths[int(0.75 * (len(lengths) - 1))])
    near = sum(1 for n in lengths if width * NEAR_WIDTH <= n <= width * 1.15)
    wrapped = near >= WRAPPED_SHARE * len(lines) and width < 200
    blank_share = sum(ln.blank_before for ln in lines[1:]) / max(len(lines) - 1, 1)
    return Layout(width, wrapped, blank_share < BLANK_AFTER_EVERY_LINE)


def _starts_lower(text: str) -> bool:
    c = text[0]
    return c.islower() or c.isdigit() or c in "(,;%)–-…/”\"“"


def decide_break(a: Line, b: Line, layout: Layout, a_paragraph: str = "") -> str:
    """The separator between lines a and b: "" (hyphen join), " ", "\\n" or "\\n\\n".

    `a_paragraph` is the first line of the paragraph a belongs to (list items stay together)."""
    final, starts, nospace = _cues()
    if _whole_lines().match(a.text) or _whole_lines().match(b.text):
        return "\n\n"  # `Đăng ngày: 14/01/2025 | Lượt xem: 1.215`: a page's line of its own
    if _own_lines().match(b.text):
        return "\n\n"  # `Đơn vị: …` / `Người trình bày: …` opens a line of its own (a PDF may wrap it: it goes on)
    if starts.match(b.text):
        in_list = starts.match(a_paragraph or a.text) or a.text.endswith(":")
        return "\n" if in_list and not is_caps_heading(b.text) else "\n\n"
    if _WHOLE_PARENTHESIS.fullmatch(a.text) and not _starts_lower(b.text):
        return "\n\n"  # a line wholly in parentheses stands alone: `(Công đoàn cơ sở Công ty …)`
    if _broken_number()[0].search(a.text) and _broken_number()[1].match(b.text) and not b.blank_before \
            and not is_caps_heading(a.text):
        return " "  # `… thành lập mới 02` / `CĐCS tại Công ty …`: a number a PDF line parted from what it counts
    ends_in_name, goes_on = _broken_name()
    if ends_in_name.search(a.text) and goes_on.match(b.text) and not b.blank_before and not is_caps_heading(a.text):
        return " "  # `… CĐCS Công ty TNHH Thủy sản` / `Thạch Kim kết nạp 86 đoàn viên`: a name a PDF line broke
    a_caps, b_caps = is_caps_heading(a.text), is_caps_heading(b.text)
    if a_caps and b_caps and any(rx.match(b.text) and not rx.match(a.text) for rx in _opening_lines()):
        # the kind word under a congress line opens a document (`… NHIỆM KỲ 2023 - 2028` / `THAM LUẬN`);
        # an event's name under its host's (`LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ ĐÀ NẴNG` / `HỘI NGHỊ TỔNG KẾT …`)
        return "\n\n"
    if a_caps and b_caps and not a.text.endswith(final) and len(a.text) >= CAPS_JOIN * layout.width:
        return " "  # a wrapped title goes on
    if a_caps != b_caps and not b.text[0].islower():
        return "\n\n"
    if nospace.search(a.text) and b.text[0].isalnum():
        return ""
    if a.text.endswith((":", ";")):  # an enumeration goes on in lower case or with a number
        return " " if _starts_lower(b.text) and not b.text.startswith("“") else "\n\n"
    if a.text.endswith(final) and not a.text.endswith(("...", "…")):
        if layout.blank_paragraphs and not b.blank_before and len(a.text) >= NEAR_WIDTH * layout.width \
                and a.text.endswith((".", ";")):
            return " "  # a PDF block's line that reached the margin as its sentence ended: the paragraph goes on
        return " " if b.text[0].islower() else "\n\n"
    if b.text[0].islower():
        return " "
    if layout.blank_paragraphs and not b.blank_before and len(a.text) >= NEAR_WIDTH * layout.width:
        return " "  # a line that reached the margin, in a paragraph that goes on (`CĐCS Công ty` / `TNHH …`)
    if layout.wrapped:  # the line's length says whether the paragraph went on
        short = SHORT_LINE_AFTER_BLANK if b.blank_before and layout.blanks_meaningful else SHORT_LINE
        return " " if len(a.text) >= short * layout.width else "\n\n"
    if _starts_lower(b.text) and not (b.blank_before and layout.blanks_meaningful):
        return " "
    return "\n\n"


def join_lines(mt: MappedText, hard_breaks: tuple[int, ...] = (), layout_blocks: bool = False) -> MappedText:
    """Join broken lines and strip line ends. `hard_breaks`: raw offsets where a block that must
    stay apart (heading, table cell, caption) starts or ends. `layout_blocks`: the blank lines are
    the paragraphs a PDF's layout found, so a line break without one is inside a paragraph."""
    columns = [bool(_COLUMN_GAP.search(ln.text)) for ln in _lines(mt.text)]  # a header row's two columns
    mt = collapse_spaces(mt)
    lines = _lines(mt.text)
    if not lines:
        return MappedText("", ())
    if len(columns) != len(lines):
        columns = [False] * len(lines)
    layout = measure_layout(lines)
    if layout_blocks:
        layout = dataclasses.replace(layout, blank_paragraphs=True)
    edits = [Edit(0, lines[0].start, "")]
    paragraph = lines[0].text
    for k, (a, b) in enumerate(zip(lines, lines[1:], strict=False)):
        sep = decide_break(a, b, layout, paragraph)
        if sep == " " and (columns[k] or columns[k + 1]) and is_caps_heading(a.text) and is_caps_heading(b.text):
            sep = "\n\n"  # rows of a header's two columns (`LĐLĐ TỈNH …   UBND THÀNH PHỐ …`) are no wrapped title
        if sep in (" ", "") and _crosses(mt, a, b, hard_breaks):
            sep = "\n\n"
        if "\n" in sep:
            paragraph = b.text
        edits.append(Edit(a.end, b.start, sep))
    edits.append(Edit(lines[-1].end, len(mt.text), ""))
    return apply_edits(mt, edits)


def _crosses(mt: MappedText, a: Line, b: Line, hard_breaks: tuple[int, ...]) -> bool:
    if not hard_breaks:
        return False
    lo, hi = mt.origins[a.end - 1], mt.origins[b.start]
    k = bisect.bisect_right(hard_breaks, lo)
    return k < len(hard_breaks) and hard_breaks[k] <= hi
