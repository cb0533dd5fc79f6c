"""The whole of a ratio as a figure of its own: `Có 138/152 doanh nghiệp có CĐCS ký thỏa ước` says that 152
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

_PLAN_REACH = 40  # characters before the ratio where its verb stands
_RANKED = re.compile(r"\s*([^\d.;:()\n]+?)(?=\s+(?:trong|của|năm|toàn)\b|[.;:()\n]|$)")  # what a rank's whole counts
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
