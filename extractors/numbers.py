"""The one Vietnamese number parser: every numeral in running text, with its value and form.

`find_numbers(text)` returns every number mention in order, non-overlapping; it does not
decide what is a figure (dates, years and document numbers are the caller's to filter, with
the help of `shape`). `parse_vi_number(s)` reads one number.

Forms (word lists in extractors/lang/vi/numbers.yaml, rules in docs/numbers.md):
`6.107` → 6107, `98,37%` → 98.37 (percent), `05` → 5 (leading zero), `03 tỷ 200 triệu đồng`
→ 3 200 000 000 (money, scaled), `1.222,689 tỷ đồng`, `2 triệu rưỡi`, `500.000đ`,
`hai nghìn sáu trăm sáu mươi tám` → 2668 (words), word-segmented `6 , 7 triệu`, `hai_nghìn`.

Not returned: a lone `một` (an article: `một số`), vague `hàng trăm`, `hàng nghìn`, `vài ba`,
a scale word with no number before it, `năm` as "year".

Ambiguity rule: a digit form that breaks the Vietnamese convention (`.` thousands, `,`
decimal) is read the likeliest way and flagged `ambiguous=True` with a `reason`:
`comma-thousands` (`100,000,000`), `comma-three-digits` (`1,234` → 1.234),
`dot-decimal` (`1.5`), `irregular-grouping`; a colloquial abbreviated tail (`hai nghìn
tư` → 2400, `trăm mốt` → 110) has reason `abbreviated-tail`. `parse_vi_number` raises
`AmbiguousNumber` for all of them.

Shapes: `number`; `date` (`24/10/2014`), `slash` (`39/45`, `98/2014`: `parts` holds both),
`version` (`4.0`, section numbers `3.2.1`), `code` (digits glued to letters: `Covid-19`,
`QH14`, `98/2014/NĐ-CP`). Only `number` mentions compose with scales and units.
"""

from __future__ import annotations

import bisect
import logging
import math
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache

from extractors.number_phrases import (
    DIGIT,
    NUMERAL,
    SCALE,
    WORD_KINDS,
    Atom,
    Lexicon,
    digit_allowed,
    evaluate,
    load_lexicon,
    split_groups,
)
from extractors.numerals import SHAPE_CODE, SHAPE_NUMBER, SHAPE_VERSION, Numeral, read_numeral

logger = logging.getLogger(__name__)

ABBREVIATED_TAIL = "abbreviated-tail"
# Numbers that cannot be union figures. A numeral with more than MAX_DIGITS digits holds more than
# a float can (a 400-digit ratio once raised OverflowError and lost the file's figures): it is no
# figure, not returned. A value above PLAUSIBLE_VND (money, or scaled by a scale word: 10^15 đồng
# is a million tỷ, more than any union budget) or PLAUSIBLE_OTHER (anything else: 10^9 is ten
# times the country's population) is returned with `ambiguous=True`, reason IMPLAUSIBLE.
MAX_DIGITS = 18
PLAUSIBLE_VND = 1e15
PLAUSIBLE_OTHER = 1e9
IMPLAUSIBLE = "implausible-value"
_DIGIT = re.compile(r"\d")


class AmbiguousNumber(ValueError):
    """A number whose form the context cannot settle (see the module docstring for the rule)."""

    def __init__(self, text: str, value: float, reason: str) -> None:
        self.text, self.value, self.reason = text, value, reason
        super().__init__(f"{text!r}: ambiguous number ({reason}); read as {value:g}")


@dataclass(frozen=True)
class NumberMention:
    """One number in a text; `start`/`end` index the text given to `find_numbers`."""

    start: int
    end: int
    text: str
    value: float
    percent: bool = False
    money: bool = False
    words: bool = False
    scaled: bool = False
    leading_zero: bool = False
    ambiguous: bool = False
    reason: str | None = None
    shape: str = SHAPE_NUMBER  # "number" | "date" | "slash" | "version" | "code"
    parts: tuple[float, ...] = ()  # date (d, m, y) / slash (39, 45) / version (4, 0) pieces


@dataclass(frozen=True)
class _Patterns:
    """Every regex of the parser, built once from numbers.yaml."""

    phrase: re.Pattern[str]  # a run of numerals and number words separated by spaces/underscores
    atom: re.Pattern[str]  # one atom inside a phrase (numeral or word)
    percent_after: re.Pattern[str]  # "%" / " %" / " phần trăm" right after a number
    money_after: re.Pattern[str]  # "đồng" / "VNĐ" / "đ" right after a number
    next_word: re.Pattern[str]  # the word after an atom
    prev_word: re.Pattern[str]  # the word before a phrase (anchored at its end)
    code_tail: re.Pattern[str]  # letters/digits glued after a numeral
    code_head: re.Pattern[str]  # letters glued before a numeral (anchored at its end)
    segmented_sep: re.Pattern[str]  # "6 , 7" -> "6,7"
    unit_head: re.Pattern[str]  # the letters (and one digit) glued after a numeral: "đ", "ha", "m2"
    line: re.Pattern[str]  # one line with its newline


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> _Patterns:
    lex = load_lexicon()
    numeral = r"\d{1,2}-\d{1,2}-\d{4}(?!\d)|\d+(?:(?:[.,]| [.,] )\d+)*(?:/\d+(?:[.,]\d+)*)*"
    word = rf"(?<![^\W_])(?:{_alternation(list(lex.kinds))})(?![^\W_])"
    atom = rf"(?P<num>{numeral})|(?P<word>{word})"
    plain_atom = rf"{numeral}|{word}"
    letter = r"[^\W\d_]"
    return _Patterns(
        phrase=re.compile(rf"(?:{plain_atom})(?:[ \t_]+(?:{plain_atom}))*", re.IGNORECASE),
        atom=re.compile(atom, re.IGNORECASE),
        percent_after=re.compile(rf"[ \t_]?(?:{_alternation(lex.percent_units)})(?![^\W_])", re.IGNORECASE),
        money_after=re.compile(rf"[ \t_]?(?P<unit>{_alternation(lex.money_units)})(?![^\W_])", re.IGNORECASE),
        next_word=re.compile(r"[ \t_]+([^\W\d_]+)"),
        prev_word=re.compile(r"([^\W\d_]+)[ \t_]+\Z"),
        code_tail=re.compile(rf"(?:{letter}|\d|[-/&](?=[^\W_]))+"),
        code_head=re.compile(rf"(?:{letter}[\w]*-?|{letter}-)\Z"),
        segmented_sep=re.compile(r"(?<=\d) ([.,]) (?=\d)"),
        unit_head=re.compile(r"[^\W\d_]+\d?"),
        line=re.compile(r"[^\n]*\n?"),
    )


@dataclass(frozen=True)
class _OffsetMap:
    """Maps offsets in the NFC text back to the text as given, line by line (NFC never spans a newline)."""

    text: str
    nfc_starts: list[int]  # where each line starts in the NFC text
    orig_starts: list[int]  # ... and in the text as given

    def original(self, pos: int, is_end: bool) -> int:
        k = bisect.bisect_right(self.nfc_starts, pos) - 1
        if is_end and k > 0 and pos == self.nfc_starts[k]:
            k -= 1  # an end offset at a line start belongs to the line before
        target = pos - self.nfc_starts[k]
        i, nfc_len = self.orig_starts[k], 0
        while nfc_len < target and i < len(self.text):
            j = i + 1
            while j < len(self.text) and unicodedata.combining(self.text[j]):
                j += 1
            nfc_len += len(unicodedata.normalize("NFC", self.text[i:j]))
            i = j
        return i


def _nfc_with_offsets(text: str) -> tuple[str, _OffsetMap | None]:
    """NFC text and, when normalizing changed it, the map back to the original offsets."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    out: list[str] = []
    omap = _OffsetMap(text, [], [])
    nfc_len = 0
    for m in _patterns().line.finditer(text):
        if not m.group() and m.start() == len(text) and omap.orig_starts:
            break
        line = unicodedata.normalize("NFC", m.group())
        omap.nfc_starts.append(nfc_len)
        omap.orig_starts.append(m.start())
        out.append(line)
        nfc_len += len(line)
    return "".join(out), omap


def _atoms(text: str, m: re.Match[str], lex: Lexicon, pat: _Patterns) -> list[Atom]:
    atoms = []
    for a in pat.atom.finditer(text, m.start(), m.end()):
        if a.group("num") is not None:
            surface = pat.segmented_sep.sub(r"\1", a.group())
            num = read_numeral(surface)
            atoms.append(Atom(NUMERAL, a.start(), a.end(), "", num.value, num))
        else:
            w = a.group().lower()
            rule = lex.positions.get(w)
            after_ok = rule.get("after", frozenset()) if rule is not None else None
            atoms.append(Atom(lex.kinds[w], a.start(), a.end(), w, lex.values[w], after_ok=after_ok))
    return atoms


def _blocked_context(text: str, atoms: list[Atom], i: int, lex: Lexicon, pat: _Patterns) -> bool:
    """A number word glued by `_` to a non-number word (`ba_lô`) or followed by a stop word (`tỷ lệ`)."""
    a = atoms[i]
    if a.kind == NUMERAL:
        return False
    glued_after = (
        a.end < len(text)
        and text[a.end] == "_"
        and not (i + 1 < len(atoms) and atoms[i + 1].start == a.end + 1)
    )
    glued_before = (
        a.start > 0 and text[a.start - 1] == "_" and not (i > 0 and atoms[i - 1].end == a.start - 1)
    )
    if glued_after or glued_before:
        return True
    stops = lex.stop_followers.get(a.word)
    if stops:
        nw = pat.next_word.match(text, a.end)
        return bool(nw and nw.group(1).lower() in stops)
    return False


def _adjacent_runs(text: str, atoms: list[Atom]) -> list[list[Atom]]:
    runs: list[list[Atom]] = []
    for a in atoms:
        if runs and text[runs[-1][-1].end : a.start].strip(" \t_") == "":
            runs[-1].append(a)
        else:
            runs.append([a])
    return runs


def _valid_runs(text: str, atoms: list[Atom], lex: Lexicon, pat: _Patterns) -> list[list[Atom]]:
    """Drop blocked words, then restricted digits out of place (`năm` as "year"), splitting the run."""
    kept = [a for i, a in enumerate(atoms) if not _blocked_context(text, atoms, i, lex, pat)]
    out: list[list[Atom]] = []
    for run in _adjacent_runs(text, kept):
        current: list[Atom] = []
        for i, a in enumerate(run):
            if a.kind == DIGIT and not digit_allowed(lex, run, i):
                if current:
                    out.append(current)
                current = []
            else:
                current.append(a)
        if current:
            out.append(current)
    return out


def _code_span(text: str, atom: Atom, lex: Lexicon, pat: _Patterns) -> tuple[int, int] | None:
    """The span of the glued token when a numeral is glued to letters (`Covid-19`, `QH14`, `02-NQ/TW`)."""
    start, end = atom.start, atom.end
    head = pat.code_head.search(text, max(0, start - 40), start)
    tail = pat.code_tail.match(text, end)
    tail_text = tail.group() if tail else ""
    if not any(c.isalpha() for c in tail_text):
        tail_text = ""
    if tail_text and tail_text[0].isalpha():
        letters = pat.unit_head.match(tail_text)
        unit = letters.group() if letters else ""  # "đ", "ha", "m2"
        rest = tail_text[len(unit) :]
        units = lex.glued_units | {u.lower() for u in lex.money_units}
        if unit.lower() in units and not rest[:1].isalnum():
            tail_text = ""  # "500.000đ/suất", "10ha", "10m2": a unit, not a code
    if not head and not tail_text:
        return None
    new_start = head.start() if head else start
    new_end = end + len(tail_text)
    while new_end > end and text[new_end - 1] in "-/&":
        new_end -= 1
    return new_start, new_end


def _unit_exponent(text: str, atom: Atom, lex: Lexicon) -> bool:
    """The `2` of `10m2`: digits right after a glued unit that follows a number."""
    i = atom.start
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return (
        i < atom.start and i > 0 and text[i - 1].isdigit() and text[i : atom.end].lower() in lex.glued_units
    )


def _is_version(text: str, atom: Atom, lex: Lexicon) -> bool:
    """`4.0`, `công nghiệp 4.0`, or a short dotted numeral opening a line as numbering (`3.2.`, `1.5)`)."""
    surface = text[atom.start : atom.end]
    if surface.endswith(".0"):
        return True
    before = text[max(0, atom.start - 30) : atom.start].lower().rstrip()
    if any(before.endswith(w) for w in lex.version_context):
        return True
    line_start = text.rfind("\n", 0, atom.start) + 1
    numbering = text[atom.end : atom.end + 1] in (".", ")")
    return numbering and text[line_start : atom.start].strip(" \t#*>_-|") == ""  # Markdown marks allowed


def _reshape(text: str, atoms: list[Atom], lex: Lexicon, pat: _Patterns) -> list[Atom]:
    """Numerals glued to letters become codes; short dotted ones in version context become versions."""
    out = []
    for a in atoms:
        num = a.numeral
        if num is not None and num.shape != "date":
            if _unit_exponent(text, a, lex):
                continue
            span = _code_span(text, a, lex, pat)
            if span is not None:
                num = Numeral(num.value, shape=SHAPE_CODE, parts=num.parts or (float(num.value),))
                a = Atom(NUMERAL, span[0], span[1], "", num.value, num)
            elif num.reason == "dot-decimal" and _is_version(text, a, lex):
                parts = tuple(float(p) for p in text[a.start : a.end].split("."))
                a = Atom(
                    NUMERAL,
                    a.start,
                    a.end,
                    "",
                    num.value,
                    Numeral(num.value, shape=SHAPE_VERSION, parts=parts),
                )
        out.append(a)
    return out


def _units_after(text: str, end: int, lex: Lexicon, pat: _Patterns) -> tuple[int, bool, bool]:
    """Extend a number's end over a percent or money unit: (end, percent, money)."""
    m = pat.percent_after.match(text, end)
    if m:
        return m.end(), True, False
    m = pat.money_after.match(text, end)
    if m:
        if m.group("unit").lower() == "đồng":
            nw = pat.next_word.match(text, m.end())
            if nw and nw.group(1).lower() in lex.dong_not_money:
                return end, False, False
        return m.end(), False, True
    return end, False, False


def _mention(text: str, group: list[Atom], lex: Lexicon, pat: _Patterns) -> NumberMention | None:
    first = group[0]
    if len(group) == 1 and first.kind == DIGIT and first.word == "một":
        return None  # an article: "một số", "một trong"
    if first.kind != NUMERAL:
        pw = pat.prev_word.search(text, max(0, first.start - 20), first.start)
        if pw and pw.group(1).lower() in lex.vague_before:
            return None  # "hàng trăm", "vài ba"
    if any(len(_DIGIT.findall(text, a.start, a.end)) > MAX_DIGITS for a in group if a.kind == NUMERAL):
        logger.debug("%r: more than %d digits, not a figure", text[first.start:group[-1].end][:60], MAX_DIGITS)
        return None
    num = first.numeral if len(group) == 1 else None
    shape = num.shape if num is not None else SHAPE_NUMBER
    value, abbreviated = evaluate(group)
    if not math.isfinite(float(value)):
        return None
    end, percent, money = (group[-1].end, False, False)
    if shape == SHAPE_NUMBER:
        end, percent, money = _units_after(text, end, lex, pat)
    numerals = [a.numeral for a in group if a.numeral is not None]
    flagged = next((n for n in numerals if n.ambiguous), None)
    reason = flagged.reason if flagged else (ABBREVIATED_TAIL if abbreviated else None)
    scaled = any(a.kind == SCALE for a in group)
    if shape == SHAPE_NUMBER and float(value) > (PLAUSIBLE_VND if money or scaled else PLAUSIBLE_OTHER):
        reason = IMPLAUSIBLE
    return NumberMention(
        start=first.start,
        end=end,
        text=text[first.start : end],
        value=float(value),
        percent=percent,
        money=money,
        words=any(a.kind in WORD_KINDS for a in group),
        scaled=scaled,
        leading_zero=bool(numerals) and group[0].kind == NUMERAL and numerals[0].leading_zero,
        ambiguous=reason is not None,
        reason=reason,
        shape=shape,
        parts=num.parts if num is not None else (),
    )


def _find_nfc(text: str) -> list[NumberMention]:
    lex, pat = load_lexicon(), _patterns()
    mentions: list[NumberMention] = []
    last_end = 0
    for m in pat.phrase.finditer(text):
        if m.start() < last_end:
            continue
        atoms = _reshape(text, _atoms(text, m, lex, pat), lex, pat)
        for run in _valid_runs(text, atoms, lex, pat):
            for group in split_groups(run):
                mention = _mention(text, group, lex, pat)
                if mention is not None and mention.start >= last_end:
                    mentions.append(mention)
                    last_end = mention.end
    return mentions


def find_numbers(text: str) -> list[NumberMention]:
    """Every number mention in `text`, in order, non-overlapping (see the module docstring).

    NFD input is read as NFC; spans always index the text as given.
    """
    nfc, origin = _nfc_with_offsets(text)
    mentions = _find_nfc(nfc)
    if origin is None:
        return mentions
    out = []
    for mt in mentions:
        start, end = origin.original(mt.start, False), origin.original(mt.end, True)
        out.append(replace(mt, start=start, end=end, text=text[start:end]))
    return out


def parse_vi_number(s: str) -> float:
    """Read one Vietnamese number (`6.107`, `98,37`, `03 tỷ 200 triệu`, `hai nghìn sáu trăm sáu mươi tám`).

    Accepts word-segmented input (`6 , 7 triệu`, `hai_nghìn`), a trailing `%` or money unit,
    and NFD. Raises `AmbiguousNumber` for a flagged form and `ValueError` for anything that is
    not exactly one number.
    """
    text = unicodedata.normalize("NFC", s).replace("_", " ").strip()
    text = _patterns().segmented_sep.sub(r"\1", text)
    lex = load_lexicon()
    word = text.lower()
    if lex.kinds.get(word) == DIGIT and word not in ("không",):
        return float(lex.values[word])  # a lone "một", "năm", "tư": standalone, it is the number
    mentions = _find_nfc(text)
    if len(mentions) != 1 or mentions[0].start != 0 or mentions[0].end != len(text):
        raise ValueError(f"{s!r}: not one Vietnamese number")
    mt = mentions[0]
    if mt.shape != SHAPE_NUMBER:
        raise ValueError(f"{s!r}: a {mt.shape}, not a number")
    if mt.ambiguous:
        raise AmbiguousNumber(s, mt.value, mt.reason or "ambiguous")
    return mt.value
