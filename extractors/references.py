"""Cited legal and party documents: `Nghị định số 98/2014/NĐ-CP ngày 24/10/2014` → a Reference.

Rules (patterns in extractors/lang/vi/references.yaml):

- A formal number is digits, an optional `/year`, then a code of letters with `-` or `/`
  parts: `98/2014/NĐ-CP`, `02-NQ/TW`, `348/QĐ-CĐN`, `24/2018/QH14`. Spaces around the
  separators are dropped (`34- CT/TW` → `34-CT/TW`) and codes written without Đ are
  restored (`217-QD/TW` → `217-QĐ/TW`).
- The kind comes from kind words before the number (`Quy định số 08-QĐ/TW` → Quy định,
  `Luật An ninh mạng số 24/2018/QH14` → Luật) when they stand within `kind_words_reach`
  characters with no comma or sentence end between; else from the number's kind code
  (`NĐ` → Nghị định, `QH14` → Luật). A number with neither is not a reference.
- A date right after the number (`ngày 24/10/2014`, `, ngày 12/6/2021`, `ngày 12 tháng 9
  năm 2024`) is the document's date.
- Informal mentions (`Nghị quyết 02`, `Nghị quyết số 02 của Bộ Chính trị`, `NQ 29`) give a
  Reference with `formal=False` for the kinds listed in `informal_kinds` only
  (`Chương trình 3` is a programme title).
- Every citation is reported where it stands; the caller may dedupe by number.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from extractors.lang import load
from extractors.records import Reference

logger = logging.getLogger(__name__)



class ReferenceDataError(ValueError):
    """extractors/lang/vi/references.yaml is malformed."""


@dataclass(frozen=True)
class _Rules:
    formal: re.Pattern[str]  # a formal document number
    informal: re.Pattern[str]  # "Nghị quyết 02", "NQ 29"
    kind_words: re.Pattern[str]  # any kind word
    date_after: re.Pattern[str]  # "ngày 24/10/2014" / "ngày 12 tháng 9 năm 2024" right after a number
    code_kinds: dict[str, str]
    code_patterns: tuple[tuple[re.Pattern[str], str], ...]
    aliases: dict[str, str]
    informal_abbreviations: dict[str, str]
    canonical_kinds: dict[str, str]  # lowercase kind words -> as written in the data
    reach: int


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _rules() -> _Rules:
    data = load("references.yaml")
    code = r"[A-ZĐ][A-Za-zĐđ]{0,5}\d{0,2}"
    org = r"[A-ZĐ][A-Za-zĐđ0-9&]*"
    formal = (
        rf"(?<![\w/.,-])(?P<number>\d{{1,5}}(?:/\d{{4}})?[ \t]?[-/][ \t]?(?P<code>{code})"
        rf"(?:[ \t]?[-/][ \t]?{org})*)(?![\w/])"
    )
    informal_words = _alternation(data["informal_kinds"])
    abbrevs = _alternation(list(data["informal_abbreviations"]))
    informal = (
        rf"(?<!\w)(?P<kind>(?i:{informal_words})|{abbrevs})[ \t]+(?:(?i:số)[ \t]*:?[ \t]*)?"
        rf"(?P<number>\d{{1,4}})(?![\w]|[ \t]?[-/][ \t]?[\wĐ]|[.,]\d)"
    )
    dmy = r"(?P<d>\d{1,2})[ \t]*[/.-][ \t]*(?P<m>\d{1,2})[ \t]*[/.-][ \t]*(?P<y>\d{4})"
    words_date = data["words_date"]
    return _Rules(
        formal=re.compile(formal),
        informal=re.compile(informal),
        kind_words=re.compile(rf"(?<!\w)(?:{_alternation(data['kind_words'])})(?!\w)", re.IGNORECASE),
        date_after=re.compile(rf"[ \t]*,?[ \t]*(?i:{data['date_word']})[ \t]+(?:{dmy}|{words_date})(?!\d)"),
        code_kinds=dict(data["kind_codes"]),
        code_patterns=tuple((re.compile(p), k) for p, k in data["kind_code_patterns"].items()),
        aliases=dict(data["code_aliases"]),
        informal_abbreviations=dict(data["informal_abbreviations"]),
        canonical_kinds={w.lower(): w for w in data["kind_words"]},
        reach=int(data["kind_words_reach"]),
    )


def _code_kind(rules: _Rules, code: str) -> str | None:
    code = rules.aliases.get(code, code)
    if code in rules.code_kinds:
        return rules.code_kinds[code]
    for pattern, kind in rules.code_patterns:
        if pattern.fullmatch(code):
            return kind
    return None


def _kind_words_before(rules: _Rules, text: str, pos: int, floor: int) -> tuple[str, int] | None:
    """The nearest kind words before `pos` in the same clause: (kind, start)."""
    lo = max(floor, pos - rules.reach)
    window = text[lo:pos]
    cut = max(window.rfind(c) for c in ",;.!?\n")
    if cut >= 0:
        window, lo = window[cut + 1 :], lo + cut + 1
    found = list(rules.kind_words.finditer(window))
    if not found:
        return None
    last = found[-1]
    return rules.canonical_kinds[last.group().lower()], lo + last.start()


def _normalize_number(rules: _Rules, number: str, code: str) -> str:
    number = re.sub(r"[ \t]+", "", number.replace("–", "-"))
    alias = rules.aliases.get(code)
    if alias:
        number = re.sub(rf"(?<=[-/]){re.escape(code)}(?![A-Za-z])", alias, number, count=1)
    return number


def _date_after(rules: _Rules, text: str, pos: int) -> tuple[str | None, int]:
    m = rules.date_after.match(text, pos)
    if not m:
        return None, pos
    d, mo, y = (
        (m.group("d"), m.group("m"), m.group("y"))
        if m.group("d")
        else (m.group("d2"), m.group("m2"), m.group("y2"))
    )
    try:
        return date(int(y), int(mo), int(d)).isoformat(), m.end()
    except ValueError:
        logger.debug("not a date after a document number: %r", m.group())
        return None, pos


def _formal(rules: _Rules, text: str) -> list[Reference]:
    refs: list[Reference] = []
    floor = 0
    for m in rules.formal.finditer(text):
        code = m.group("code")
        if "/" not in m.group("number"):
            continue  # every formal number has a "/": "2023 - CĐ" is a year and an abbreviation
        words = _kind_words_before(rules, text, m.start(), floor)
        kind = words[0] if words else _code_kind(rules, code)
        if kind is None:
            continue
        start = words[1] if words else m.start()
        iso, end = _date_after(rules, text, m.end())
        number = _normalize_number(rules, m.group("number"), code)
        refs.append(Reference(start, end, text[start:end], number, kind, iso, formal=True))
        floor = end
    return refs


def _informal(rules: _Rules, text: str, taken: list[tuple[int, int]]) -> list[Reference]:
    refs = []
    for m in rules.informal.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        word = m.group("kind")
        kind = rules.informal_abbreviations.get(word) or rules.canonical_kinds.get(word.lower(), word)
        iso, end = _date_after(rules, text, m.end())
        refs.append(
            Reference(m.start(), end, text[m.start() : end], m.group("number"), kind, iso, formal=False)
        )
    return refs


def extract_references(text: str) -> list[Reference]:
    """Every cited document in `text` (formal numbers and informal mentions), in order."""
    rules = _rules()
    formal = _formal(rules, text)
    informal = _informal(rules, text, [(r.char_start, r.char_end) for r in formal])
    return sorted(formal + informal, key=lambda r: r.char_start)
