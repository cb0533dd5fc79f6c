"""Ratios: what a number with a slash reads (`ratio_of`: a share, a result against its plan, a rank among a whole;
no date or year), and the whole of a ratio as a figure of its own: `Có 138/152 doanh nghiệp có CĐCS ký thỏa ước` says that 152
enterprises have a union as well as that 138 of them signed. The part keeps the whole as its `denominator` (the
audit's parts and shares read it there); the whole is a level of what its head noun counts (`enterprises`).

The whole of a rank (`xếp thứ 3/11 huyện`) counts the ranked units, a count of no indicator.

No whole is given when it is the plan of what was done (`kết nạp 186/300 đoàn viên`: 300 to recruit), when it is
the part itself (`78/78 cơ quan`: one number), or for a target's ratio.

Language data: `ratio_plan_verbs`, `ratio_whole_not_level_after`, `ratio_units_before` (figure_cues.yaml), `ratio_wholes`
(indicators.yaml).
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from extractors import figure_cues as cue
from extractors.entity import COUNTABLE, expand_abbreviations
from extractors.lang import load, phrase_pattern
from extractors.numbers import NumberMention
from extractors.records import Figure
from extractors.settings import SETTINGS

_PLAN_REACH = 40  # characters before the ratio where its verb stands
_RANKED = re.compile(r"\s*([^\d.;:()\n]+?)(?=\s+(?:{})\b|[.;:()\n]|$)".format(  # what a rank's whole counts
    phrase_pattern(load("figure_cues.yaml")["rank_whole_ends_before"])))
_UNITS_BEFORE = re.compile(load("figure_cues.yaml")["ratio_units_before"], re.I)


@cache
def _plan_verb_re() -> re.Pattern[str]:
    return re.compile(phrase_pattern(load("figure_cues.yaml")["ratio_plan_verbs"])
                      + r"(?:\s+(?:được|mới|thêm))*\s*$", re.I)


@cache
def _not_level_re() -> re.Pattern[str]:
    return re.compile(phrase_pattern(load("figure_cues.yaml")["ratio_whole_not_level_after"]), re.I)


@cache
def _heads_re() -> re.Pattern[str]:
    return re.compile(phrase_pattern(list(_head_indicators())), re.I)


@cache
def _head_indicators() -> dict[str, str]:
    return {head.lower(): indicator for indicator, heads in load("indicators.yaml")["ratio_wholes"].items()
            for head in heads}


def ratio_of(m: NumberMention, before: str, after: str) -> tuple[float, float, str] | None:
    """The ratio a number with a slash reads: `39/45 CĐCS`, a share (value 39 of 45); `58/50 CĐCS`: more than a whole can hold, so a result
    against its plan (58 against a plan of 50, relation `achievement`); None for dates and years."""
    parts = [p.strip() for p in m.text.split("/")]
    if len(parts) != 2 or not all(re.fullmatch(r"\d+|\d{1,3}(?:\.\d{3})+", p) for p in parts):
        return None
    a, b = (int(p.replace(".", "")) for p in parts)  # "4.620/4.500": dots group thousands
    if cue.DAY_BEFORE.search(before[-12:]):
        return None
    if 1900 <= b <= 2100:
        return None  # month/year: "Tháng 6/2023"
    near = before[-SETTINGS.near_chars:]
    if cue.RANK_WORD_BEFORE.search(near) and cue.RANK_BEFORE.search(near) and 0 < a <= b:
        return float(a), float(b), "ratio"  # `xếp thứ 3/11 huyện`: a rank among 11, not the 3rd of November
    counted = COUNTABLE.match(cue.COUNT_DETERMINERS.sub("", after.lstrip()))
    if a <= b and b > 0 and (b > 12 or a > 31 or counted):
        return float(a), float(b), "ratio"
    if a > b > 0 and counted and (b > 12 or a > 31):
        return float(a), float(b), "achievement"
    return None



def whole_indicator(head: str, after: str = "") -> str | None:
    """The indicator the whole of a ratio counts, by its head noun (`doanh nghiệp` → `enterprises`), or None;
    `after`: the words after the head (`được triệu tập`: a meeting's whole, no indicator's level)."""
    if _not_level_re().search(after):
        return None
    return _head_indicators().get(" ".join(head.split()).lower())


def ratio_whole(text: str, m: NumberMention, part: Figure) -> Figure | None:
    """The figure of the whole of the ratio `m` whose part is `part`, or None (see the module docstring)."""
    if part.relation != "ratio" or part.denominator is None or part.denominator == part.value \
            or part.modality != "actual":
        return None
    clause = re.split(r"[,;:.()]", text[max(0, m.start - _PLAN_REACH):m.start])[-1]
    if _plan_verb_re().search(clause):
        return None
    start = m.start + m.text.index("/") + 1
    while start < m.end and text[start].isspace():
        start += 1
    after = text[m.end:m.end + 60]
    counted = cue.COUNT_DETERMINERS.sub("", after.lstrip())
    head = _heads_re().match(counted) or COUNTABLE.match(counted)
    indicator = whole_indicator(head.group(0), after[after.find(head.group(0)) + len(head.group(0)):][:30]) \
        if head else None
    entity = expand_abbreviations(head.group(0)) if head else part.entity
    if indicator is None and (units := _UNITS_BEFORE.search(clause)) is not None:
        # `Các CĐCS đã tổ chức 12/14 hội nghị người lao động`: one meeting each, the whole counts those units
        indicator, entity = whole_indicator(units.group("head")), expand_abbreviations(units.group("head"))
    if part.unit == "rank":
        indicator = None  # `xếp thứ 3/11 huyện`: how many were ranked, a count of no indicator
        if head is None and (ranked := _RANKED.match(after)):
            entity = ranked.group(1)  # `huyện, thị xã, thành phố`
    return dataclasses.replace(
        part, char_start=start, char_end=m.end, text=text[start:m.end], value=part.denominator, value_max=None,
        unit="count" if part.unit == "rank" else part.unit,
        comparator="=", relation="level", denominator=None, indicator=indicator, entity=entity)
