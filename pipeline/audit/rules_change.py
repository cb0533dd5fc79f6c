"""CHANGE: a stated increase or decrease against the two values it joins, when one sentence
gives both: `tăng từ 5.100.000 đồng lên 5.600.000 đồng, tăng 12%` (12 % against 9.8 %).
`tăng 12% so với cùng kỳ` with one value (or none) is left alone."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.audit import relations as rel
from pipeline.audit.intervals import Interval, exact, fmt, is_exact_count, judge, rounded, step_of, truncated
from pipeline.audit.model import ERROR, AuditFigure
from pipeline.audit.registry import Check, rule
from pipeline.audit.vocabulary import cue_list, fold, has_cue

# "từ 5.100.000 đồng lên 5.600.000 đồng": between the two values stand the unit and the link
# word; 40 characters hold "đoàn viên năm 2022 lên", not a second clause.
LINK_WIDTH = 40
# "tăng 12%", "tăng thêm 500 đoàn viên": the change cue is the word or two before the number.
CHANGE_CUE_WIDTH = 12
# A year between the two values dates the first one; it is no number of the change.
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _plain(f: AuditFigure) -> Interval:
    """The value as written, without its comparator (`từ 5.100` is the start of a change, not `>=`)."""
    if is_exact_count(f) or (f.unit not in ("percent", "vnd") and float(f.value).is_integer()
                             and f.aggregation == "total"):
        return exact(f.value)
    half = 0.5 * step_of(f.text, f.value)
    return Interval(f.value - half, f.value + half)


def _direction(link: str) -> str | None:
    words = re.sub(r"[^\w]+", " ", fold(link))
    t = f" {words} "
    for name, d in (("change_up", "up"), ("change_down", "down")):
        if any(f" {c} " in t for c in cue_list(name)):
            return d
    return None


def _pairs(sent: list[AuditFigure]) -> Iterator[tuple[AuditFigure, AuditFigure, str]]:
    """(from, to, direction) of every `từ A lên/xuống B` in a sentence, and of `B, tăng từ A`
    (`đạt 18,6 tỷ đồng, tăng từ 16,2 tỷ đồng năm 2022`)."""
    for i, a in enumerate(sent):
        if a.unit == "percent" and a.relation != "level":
            continue
        head = fold(a.sentence[max(0, a.char_start - a.sentence_start - 20): a.char_start - a.sentence_start])
        if not re.search(r"(?<!\w)(" + "|".join(map(re.escape, cue_list("change_from"))) + r")\s*$", head):
            continue
        for b in sent[i + 1: i + 2]:
            gap = _YEAR.sub(" ", rel.between(a, b))  # "từ 5,2 triệu đồng năm 2018 lên 7,8 triệu đồng"
            d = _direction(gap)
            if b.unit == a.unit and d and len(gap) <= LINK_WIDTH and not re.search(r"[\d;]", gap):
                yield a, b, d
                break
        else:
            verb = re.sub(r"\s*(" + "|".join(map(re.escape, cue_list("change_from"))) + r")\s*$", "", head)
            d = "up" if has_cue(verb[-8:], "increase_cues") else "down" if has_cue(verb[-8:], "decrease_cues") else None
            b = sent[i - 1] if i > 0 else None
            if d and b is not None and b.unit == a.unit and len(rel.between(b, a)) <= LINK_WIDTH \
                    and not re.search(r"[\d;]", rel.between(b, a)):
                yield a, b, d


def _stated(sent: list[AuditFigure], a: AuditFigure, b: AuditFigure) -> tuple[AuditFigure, str] | None:
    """The stated change of the pair: a percent or an amount right after `tăng`/`giảm`."""
    for c in sorted(sent, key=lambda c: abs(c.char_start - max(a.char_start, b.char_start))):
        if c is a or c is b or (c.unit != "percent" and c.unit != a.unit):
            continue
        cue = fold(c.sentence[max(0, c.char_start - c.sentence_start - CHANGE_CUE_WIDTH): c.char_start - c.sentence_start])
        if has_cue(cue, "decrease_cues"):
            return c, "down"
        if has_cue(cue, "increase_cues"):
            return c, "up"
    return None


def _expected(a: AuditFigure, b: AuditFigure, c: AuditFigure, said: str) -> Interval:
    ia, ib = _plain(a), _plain(b)
    if c.unit == "percent":
        r = (ib / ia).scale(100)
        return Interval(r.lo - 100, r.hi - 100) if said == "up" else Interval(100 - r.hi, 100 - r.lo)
    return Interval(ib.lo - ia.hi, ib.hi - ia.lo) if said == "up" else Interval(ia.lo - ib.hi, ia.hi - ib.lo)


@rule("CHANGE", ERROR, "a stated increase or decrease against the two values it joins", order=45)
def change(figs: list[AuditFigure]) -> Iterator[Check]:
    for sent in rel.by_sentence(figs).values():
        for a, b, direction in _pairs(sent):
            stated = _stated(sent, a, b)
            if stated is None:
                continue
            c, said = stated
            expected = _expected(a, b, c, said)
            outcome = judge(c, expected)
            what = "%" if c.unit == "percent" else ""
            arithmetic = (f"{'increase' if said == 'up' else 'decrease'} from {fmt(a.value)} to {fmt(b.value)} "
                          f"= {expected.show()}{what}; written {c.text} → {rounded(c).show()} rounded, "
                          f"{truncated(c).show()} truncated ({'up' if direction == 'up' else 'down'} in words)")
            yield Check(outcome, (a, b, c), arithmetic,
                        {"stated": c.text, "first": a.text, "second": b.text, "expected": expected.show(2) + what})
