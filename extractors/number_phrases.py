"""Compose a run of number atoms (digit numerals, number words, scales) into values.

An atom is one token of a number phrase: `03`, `tỷ`, `hai`, `mươi`, `linh`, `rưỡi`. The
grammar (which atom may follow which) and the evaluation live here; the word lists come
from extractors/lang/vi/numbers.yaml through `Lexicon`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from extractors.lang import load
from extractors.numerals import SHAPE_NUMBER, Numeral

# Atom kinds.
NUMERAL = "numeral"
DIGIT = "digit"
TEN = "ten"
TENS_SUFFIX = "tens_suffix"
TENS_NOUN = "tens_noun"
HUNDRED = "hundred"
SCALE = "scale"
HALF = "half"
ZERO_LINK = "zero_link"

WORD_KINDS = frozenset({DIGIT, TEN, TENS_SUFFIX, TENS_NOUN, HUNDRED, ZERO_LINK})
START_KINDS = frozenset({NUMERAL, DIGIT, TEN})

# Which atom kind may follow which (scale after scale only when larger; numeral after a
# scale only when a smaller scale follows it: checked in `_may_follow`).
_NEXT = {
    NUMERAL: {SCALE, HUNDRED},
    DIGIT: {TENS_SUFFIX, TENS_NOUN, HUNDRED, SCALE},
    TEN: {DIGIT, SCALE},
    TENS_SUFFIX: {DIGIT, SCALE},
    TENS_NOUN: {SCALE},
    HUNDRED: {ZERO_LINK, DIGIT, TEN, SCALE, HALF},
    ZERO_LINK: {DIGIT},
    SCALE: {NUMERAL, DIGIT, TEN, SCALE, HALF, ZERO_LINK},
    HALF: set(),
}


class NumberDataError(ValueError):
    """extractors/lang/vi/numbers.yaml is malformed."""


@dataclass(frozen=True)
class Lexicon:
    """The word lists of numbers.yaml, keyed by lowercase NFC word."""

    kinds: dict[str, str]  # word -> atom kind
    values: dict[str, Decimal]  # word -> digit value or multiplier
    positions: dict[str, dict[str, frozenset[str]]]  # restricted digit words
    stop_followers: dict[str, frozenset[str]]
    vague_before: frozenset[str]
    percent_units: tuple[str, ...]
    money_units: tuple[str, ...]
    dong_not_money: frozenset[str]
    glued_units: frozenset[str]
    version_context: tuple[str, ...]


@cache
def load_lexicon() -> Lexicon:
    """Read numbers.yaml once (extractors.lang: parse and key errors name the file)."""
    data = load("numbers.yaml")
    kinds: dict[str, str] = {}
    values: dict[str, Decimal] = {}
    for word, value in data["digits"].items():
        kinds[word], values[word] = DIGIT, Decimal(value)
    for kind, mult in (
        (TEN, 10),
        (TENS_SUFFIX, 10),
        (TENS_NOUN, 10),
        (HUNDRED, 100),
        (HALF, 0),
        (ZERO_LINK, 0),
    ):
        for word in data[kind]:
            kinds[word], values[word] = kind, Decimal(mult)
    for word, value in data["scales"].items():
        kinds[word], values[word] = SCALE, Decimal(value)
    positions = {
        w: {side: frozenset(v) for side, v in rule.items()} for w, rule in data["digit_positions"].items()
    }
    for w in positions:
        if kinds.get(w) != DIGIT:
            raise NumberDataError(f"extractors/lang/vi/numbers.yaml: digit_positions names {w!r}, which is not a digit word")
    return Lexicon(
        kinds=kinds,
        values=values,
        positions=positions,
        stop_followers={w: frozenset(v) for w, v in data["not_number_when_followed_by"].items()},
        vague_before=frozenset(data["vague_before"]),
        percent_units=tuple(data["percent_units"]),
        money_units=tuple(data["money_units"]),
        dong_not_money=frozenset(data["dong_not_money_when_followed_by"]),
        glued_units=frozenset(data["glued_units"]),
        version_context=tuple(data["version_context"]),
    )


@dataclass(frozen=True)
class Atom:
    """One token of a number phrase, with its span in the scanned text."""

    kind: str
    start: int
    end: int
    word: str  # lowercase surface ("" for numerals)
    value: Decimal
    numeral: Numeral | None = None
    after_ok: frozenset[str] | None = None  # restricted digit words: the atom kinds they may follow


def digit_allowed(lex: Lexicon, atoms: list[Atom], i: int) -> bool:
    """A restricted digit word (`năm`, `tư`, `mốt`, `lăm`, `không`) stands only where the data allows."""
    rule = lex.positions.get(atoms[i].word)
    if rule is None:
        return True
    prev_kind = atoms[i - 1].kind if i > 0 else None
    next_kind = atoms[i + 1].kind if i + 1 < len(atoms) else None
    return next_kind in rule.get("before", ()) or prev_kind in rule.get("after", ())


def _may_follow(atoms: list[Atom], group: list[Atom], nxt: Atom, after: Atom | None) -> bool:
    prev = group[-1]
    if prev.kind == NUMERAL and prev.numeral is not None and prev.numeral.shape != SHAPE_NUMBER:
        return False
    if nxt.kind == NUMERAL and nxt.numeral is not None and nxt.numeral.shape != SHAPE_NUMBER:
        return False
    if nxt.kind not in _NEXT[prev.kind]:
        return False
    if prev.kind == NUMERAL and nxt.kind == HUNDRED:
        return prev.value < 10 and prev.value == prev.value.to_integral_value()
    units_slot = prev.kind in (TEN, TENS_SUFFIX, ZERO_LINK)
    if nxt.kind == DIGIT and units_slot and nxt.after_ok is not None and prev.kind not in nxt.after_ok:
        return False  # "hai mươi năm": "năm" is "year" here (25 is "hai mươi lăm")
    if not _fits_segment(group, nxt):
        return False
    scales = [a.value for a in group if a.kind == SCALE]
    if nxt.kind == SCALE and prev.kind == SCALE:
        return nxt.value > prev.value
    if nxt.kind == SCALE and scales and group[-1].kind != SCALE:
        return nxt.value < min(scales)  # "03 tỷ 200 triệu": each later group is smaller
    if prev.kind == SCALE and nxt.kind == NUMERAL:
        return after is not None and after.kind == SCALE and after.value < prev.value
    return True


def _fits_segment(group: list[Atom], nxt: Atom) -> bool:
    """Below a scale word, hundreds, tens and units each stand once and in that order."""
    if nxt.kind == SCALE:
        return True
    last_scale = max((i for i, a in enumerate(group) if a.kind == SCALE), default=-1)
    seen = [a.kind for a in group[last_scale + 1 :]]
    tens = (TEN, TENS_SUFFIX, TENS_NOUN)
    if nxt.kind == HUNDRED:
        return not any(k in seen for k in (HUNDRED, *tens, ZERO_LINK))
    if nxt.kind in tens:
        return not any(k in seen for k in (*tens, ZERO_LINK))
    return True


def split_groups(atoms: list[Atom]) -> list[list[Atom]]:
    """Cut a run of valid atoms into the longest groups the grammar accepts, left to right."""
    groups: list[list[Atom]] = []
    i = 0
    while i < len(atoms):
        if atoms[i].kind not in START_KINDS:
            i += 1
            continue
        group = [atoms[i]]
        j = i + 1
        while j < len(atoms) and _may_follow(
            atoms, group, atoms[j], atoms[j + 1] if j + 1 < len(atoms) else None
        ):
            group.append(atoms[j])
            j += 1
        while group and group[-1].kind == ZERO_LINK:
            group.pop()
        groups.append(group)
        i = j
    return groups


@dataclass
class _State:
    total: Decimal = Decimal(0)
    small: Decimal = Decimal(0)
    pending: Decimal | None = None
    largest: Decimal = Decimal(1)
    last_mult: Decimal = Decimal(1)
    abbreviated: bool = False


def _add_digit(st: _State, atom: Atom, prev: Atom | None, nxt: Atom | None) -> None:
    units_slot = prev is not None and prev.kind in (TEN, TENS_SUFFIX, ZERO_LINK)
    multiplied = nxt is not None and nxt.kind in (TENS_SUFFIX, TENS_NOUN, HUNDRED, SCALE)
    if units_slot:
        st.small += atom.value
    elif prev is not None and prev.kind in (HUNDRED, SCALE) and not multiplied:
        st.abbreviated = True  # "trăm mốt" = 110, "hai nghìn tư" = 2400
        if prev.kind == HUNDRED:
            st.small += atom.value * 10
        else:
            st.total += atom.value * prev.value / 10
    else:
        st.pending = atom.value


def evaluate(group: list[Atom]) -> tuple[Decimal, bool]:
    """The value of a grammatical group, and whether it used the abbreviated colloquial tail."""
    st = _State()
    for i, atom in enumerate(group):
        prev = group[i - 1] if i else None
        nxt = group[i + 1] if i + 1 < len(group) else None
        k = atom.kind
        if k in (NUMERAL,):
            st.pending = atom.value
        elif k == DIGIT:
            _add_digit(st, atom, prev, nxt)
        elif k == TEN:
            st.small += 10
        elif k in (TENS_SUFFIX, TENS_NOUN):
            st.small += (st.pending or Decimal(0)) * 10
            st.pending = None
        elif k == HUNDRED:
            st.small += (st.pending if st.pending is not None else Decimal(1)) * 100
            st.pending, st.last_mult = None, Decimal(100)
        elif k == SCALE:
            part = st.small + (st.pending or Decimal(0))
            if atom.value > st.largest:
                st.total = (st.total + part) * atom.value
                st.largest = atom.value
            else:
                st.total += part * atom.value
            st.small, st.pending, st.last_mult = Decimal(0), None, atom.value
        elif k == HALF:
            if st.last_mult == 100:
                st.small += 50
            else:
                st.total += st.last_mult / 2
    return st.total + st.small + (st.pending or Decimal(0)), st.abbreviated
