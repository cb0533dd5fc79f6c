"""Sentences, clauses and the headings that govern them, with offsets into the text.

A heading (`II. MỘT SỐ CHỈ TIÊU`, `1. Chỉ tiêu hàng năm`, `* Đến năm 2025:`) governs the
lines under it until a heading of the same or a higher level; figures read their
deadline, recurrence and modality from the headings that govern them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.lang import entry

_ROMAN = re.compile(r"^(?:#+\s*)?[IVXL]{1,5}\s*[.)/-]\s*\S")
_DIGIT = re.compile(r"^(?:#+\s*)?(\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)/]?\s+\S")
_LETTER = re.compile(r"^[a-zđ]\s*\)\s*\S")
_STAR = re.compile(r"^[*•]\s*\S")
_ORDINAL = re.compile(entry("segment.yaml", "ordinal_heading"))  # case matters: a line's first word
_ROMAN_ITEM = re.compile(r"^[IVXLC]{1,5}\s*[.)]\s+\S")  # "III. Đại hội bầu …", not "V/v …"
_ARTICLE = re.compile(entry("segment.yaml", "article_heading"))  # case matters: `Điều 2.`, not `điều 2`
# a sentence ends at . ! ? … followed by a capital, a quote, a bullet or the end of the line
_SENT_END = re.compile(r"(?<=[.!?…])[\s]+(?=[A-ZĐÀ-Ỹ“\"(\-–+*•0-9])")
_ABBREV_BEFORE_DOT = re.compile(r"(?:\b(?:TP|Tp|TS|ThS|PGS|GS|BS|KS|St|v\.v)|\b[A-ZĐ])\.$")

MAX_HEADING_WORDS = 20
COLON_LEVEL = 7  # a short line that ends with ":" (see heading_level)


@dataclass(frozen=True)
class Heading:
    start: int
    end: int
    level: int
    text: str


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    headings: tuple[Heading, ...]  # governing headings, outermost first
    paragraph_start: int


def heading_level(line: str) -> int | None:
    """Level of a heading line (1 outermost), or None for a line that is not a heading."""
    s = line.strip()
    words = s.split()
    if words and _ARTICLE.match(s) and s.endswith(":") and " | " not in s:
        return 1  # an article governs the list it opens, however long its line (`Điều 1. Giao chỉ tiêu …, cụ thể:`)
    if not words or len(words) > MAX_HEADING_WORDS or " | " in s:
        return None  # a table row (cells joined by " | ") is never a heading
    letters = [c for c in s if c.isalpha()]
    if _ROMAN.match(s) or _ARTICLE.match(s):
        return 1
    if letters and all(c.isupper() for c in letters) and len(words) >= 2:
        return 1
    m = _DIGIT.match(s)
    if m and not re.match(r"^\d+[.,]\d{3}", s):
        return 2 + m.group(1).count(".")
    if _STAR.match(s) or _LETTER.match(s):
        return 5
    if _ORDINAL.match(s) and len(words) <= 14:
        return 6
    if s.endswith(":") and len(words) <= 12 and not s.startswith(("-", "+")):
        return COLON_LEVEL
    return None


def list_item_level(line: str) -> int | None:
    """The level a numbered or bulleted line would have as a heading, whatever its length: a long
    `III. Đại hội bầu … gồm 27 đồng chí.` still ends the section `II. Các chỉ tiêu …:` above it."""
    s = line.strip()
    if _ROMAN_ITEM.match(s) or _ARTICLE.match(s):
        return 1
    m = _DIGIT.match(s)
    if m and not re.match(r"^\d+[.,]\d{3}", s):
        return 2 + m.group(1).count(".")
    if _STAR.match(s) or _LETTER.match(s):
        return 5
    return None


def _is_item(line: str, level: int) -> bool:
    """A numbered line that is a whole sentence (ends with `.` or `;` and says something) is a list
    item, not a heading: "1. Hằng năm có 100% cơ quan tổ chức hội nghị." governs no next line."""
    s = line.strip()
    return 2 <= level <= 5 and s.endswith((".", ";")) and len(s.split()) > 6 and not s.endswith("..")


def _pop(stack: list[Heading], level: int) -> None:
    """Close the headings a new one of `level` ends. A line that ends with a colon ("Các chỉ tiêu
    chủ yếu nhiệm kỳ 2023 - 2028:") governs the numbered list under it until a heading of its own
    kind or a section heading."""
    while stack and stack[-1].level >= level:
        top = stack[-1]
        if top.level == COLON_LEVEL and top.text.endswith(":") and 2 <= level < COLON_LEVEL:
            return
        stack.pop()


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        if _ABBREV_BEFORE_DOT.search(text[max(start, m.start() - 6):m.start()]):
            continue
        out.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of the text with the headings that govern it."""
    stack: list[Heading] = []
    sentences: list[Sentence] = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0)
        if not line.strip():
            continue
        lead = len(line) - len(line.lstrip())
        a, b = m.start() + lead, m.end()
        level = heading_level(line)
        item = list_item_level(line) if level is None or _is_item(line, level) else None
        if item is not None:
            # a numbered or bulleted sentence ("2. Trong nhiệm kỳ, phát triển … ."): it ends its
            # siblings' reach but governs nothing itself
            _pop(stack, item)
        elif level is not None:
            _pop(stack, level)
            heading = Heading(a, b, level, text[a:b].strip())
            # a heading line is also a sentence (it may hold figures: "1. Quý 3 năm 2024: …")
            sentences.append(Sentence(a, b, text[a:b], tuple(stack), a))
            stack.append(heading)
            continue
        for s, e in _split_sentences(text, a, b):
            while e > s and text[e - 1].isspace():
                e -= 1
            sentences.append(Sentence(s, e, text[s:e], tuple(stack), a))
    return sentences
