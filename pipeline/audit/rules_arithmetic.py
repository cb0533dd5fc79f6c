"""Rules that recompute a number from others: AVG_TOTAL and SHARE_COUNTS."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.audit import pairing as pr
from pipeline.audit import relations as rel
from pipeline.audit.intervals import Interval, exact, figure_interval, fmt, judge, rounded, truncated
from pipeline.audit.model import ERROR, INFERRED, SURE, WARNING, AuditFigure
from pipeline.audit.registry import Check, rule
from pipeline.audit.vocabulary import abbreviations, canonical_entity, cue_list, cues, fold, has_cue

COUNTABLE_EXCLUDED = ("percent", "rank")
# A share belongs to the count written right before or after it: "39 CĐCS (đạt 86,7%)",
# "68.215 đoàn viên khối doanh nghiệp ngoài nhà nước (chiếm 54,4%)": 60 characters hold a
# long entity and the link word, not a second clause with a count of its own.
SHARE_LINK_GAP = 60


def _written(f: AuditFigure) -> str:
    """How a reported number could be read: `533 → [532.5, 533.5) rounded, [533, 534) truncated`."""
    return f"{f.text or fmt(f.value)} → {rounded(f).show()} rounded, {truncated(f).show()} truncated"


def _surfaces(entity: str) -> set[str]:
    """The ways a canonical entity may be written: itself and its abbreviations."""
    canon = canonical_entity(entity)
    return {canon, fold(entity)} | {k for k, v in abbreviations().items() if canonical_entity(v) == canon}


def _per_unit(avg: AuditFigure, figs: list[AuditFigure]) -> AuditFigure | None:
    """The count an average is per: `bình quân mỗi CĐCS có 74 đoàn viên` → the CĐCS count."""
    text = fold(pr.around(avg, 60))
    for u in figs:
        if (u is avg or u.aggregation != "total" or u.unit in COUNTABLE_EXCLUDED or not pr.near(avg, u)
                or pr.same_entity(u, avg) or not u.entity):
            continue
        for cue in cues("per_unit_cues"):
            sep = "" if cue == "/" else " "
            if any(f"{fold(cue)}{sep}{s}" in text for s in _surfaces(u.entity)):
                return u
    return None


def _nearest(f: AuditFigure, cands: list[AuditFigure]) -> AuditFigure | None:
    return min(cands, key=lambda c: abs(c.char_start - f.char_start), default=None)


@rule("AVG_TOTAL", WARNING, "an average per year or per unit against the total it comes from", order=10)
def avg_total(figs: list[AuditFigure]) -> Iterator[Check]:
    parts = {p.figure_id for lk in rel.all_links(figs) for p in lk.parts}
    for doc in pr.by_document(figs).values():
        for avg in doc:
            if avg.aggregation != "average" or avg.relation != "level":
                continue
            totals = [t for t in doc if t.aggregation == "total" and t.relation == "level" and t.unit == avg.unit
                      and rel.is_target(t) == rel.is_target(avg) and rel.same_keys(t, avg)
                      and rel.entity(t) and rel.entity(t) == rel.entity(avg) and pr.near(t, avg)]
            unit = _per_unit(avg, doc)
            if unit is not None:
                totals = [t for t in totals if t.period_years == unit.period_years]
                divisor, divisor_text = figure_interval(unit), f"{unit.text} {unit.entity}"
                extra: tuple[AuditFigure, ...] = (unit,)
            else:
                totals = [t for t in totals if _same_period(t, avg)]
                period = _avg_period(avg) or next((p for t in totals if (p := rel.period_of(t))), None)
                if not period or period <= 0:
                    continue
                divisor, divisor_text, extra = exact(period), f"{fmt(period)} năm", ()
            total = _total_of(avg, totals, parts)
            if total is None:
                continue
            expected = figure_interval(total) / divisor
            outcome = judge(avg, expected)
            arithmetic = (f"{fmt(total.value)} / {divisor.show()} = {expected.show()}; "
                          f"written {_written(avg)}")
            # sure: one sentence; `bình quân mỗi CĐCS` naming the units it divides by; or the one
            # total of its entity and period in the sentence before ("Trong 5 năm qua … 29 CĐCS.
            # Bình quân mỗi năm …")
            sure = (all(pr.same_sentence(avg, x) for x in (total, *extra)) or unit is not None
                    or len([t for t in totals if t.figure_id not in parts]) == 1)
            yield Check(outcome, (total, *extra, avg), arithmetic,
                        {"avg": avg.text, "total": total.text, "entity": avg.entity or "",
                         "divisor": divisor_text, "expected": expected.show(2)}, SURE if sure else INFERRED)


def _avg_period(avg: AuditFigure) -> float | None:
    """The years an average spreads over; `1` on an average per year is its step, not its span."""
    p = rel.period_of(avg)
    return None if p == 1 else p


def _total_of(avg: AuditFigure, totals: list[AuditFigure], parts: set[str]) -> AuditFigure | None:
    """The total an average divides: written before it ("35 bản thỏa ước (bình quân mỗi năm 7
    bản)"), the nearest such; one after it only when none is before; never a part of another
    figure ("…, trong đó năm 2023 ký 9 bản")."""
    totals = [t for t in totals if t.figure_id not in parts]
    before = [t for t in totals if t.char_start < avg.char_start]
    return _nearest(avg, before) if before else _nearest(avg, totals)


def _same_period(t: AuditFigure, avg: AuditFigure) -> bool:
    pt, pa = rel.period_of(t), _avg_period(avg)
    return not (pt and pa) or pt == pa


def _ratio_for(share: AuditFigure, doc: list[AuditFigure]) -> tuple[tuple[AuditFigure, ...], Interval, str] | None:
    """`39/45 CĐCS (đạt 86,7%)`: the ratio right before the share in its sentence (no count between)."""
    before = [f for f in doc if pr.same_sentence(f, share) and f.char_end <= share.char_start and f.unit != "percent"]
    after = [f for f in doc if pr.same_sentence(f, share) and f.char_start >= share.char_end]
    r = before[-1] if before else None
    if (r is None or r.relation != "ratio") and after and after[0].relation == "ratio" \
            and pr.between(share, after[0]).strip() in ("(", ""):
        r = after[0]  # "đạt 88,5% (6.320/7.140)": the ratio in the share's parentheses
    if r is None or r.relation != "ratio" or not r.denominator:
        return None
    expected = exact(r.value).scale(100 / r.denominator)
    return (r,), expected, f"{fmt(r.value)} / {fmt(r.denominator)} × 100 = {expected.show()}"


def _counts_for(share: AuditFigure, doc: list[AuditFigure],
                wholes: dict[str, AuditFigure]) -> tuple[tuple[AuditFigure, ...], Interval, str] | None:
    """`45 CĐCS, trong đó 39 CĐCS (chiếm 86,7%)`: the part right before the share, and the whole
    the text gives it (a subset cue, or `chiếm` before the share)."""
    parts = [c for c in doc if rel.is_count(c) and c.relation == "level" and pr.same_sentence(c, share)
             and c.char_end <= share.char_start and len(pr.between(c, share)) <= SHARE_LINK_GAP
             and (not share.entity or rel.compatible(c, share))]
    part = parts[-1] if parts else None
    if part is None:
        tight = [c for c in doc if rel.is_count(c) and c.relation == "level" and pr.same_sentence(c, share)
                 and c.char_end <= share.char_start and _tight_link(pr.between(c, share))]
        part = tight[-1] if tight else None  # "15.100 đoàn viên nữ (chiếm 53,2%)": the share is the part's
    if part is None:
        return None
    whole = wholes.get(part.figure_id)
    if whole is None and has_cue(pr.between(part, share), "share_link_cues"):
        cands = [w for w in doc if pr.same_sentence(w, part) and w.char_end <= part.char_start
                 and ";" not in pr.between(w, part) and rel.can_hold(w, part)]
        whole = cands[-1] if cands else None
    if whole is None:
        return None
    expected = figure_interval(part).scale(100) / figure_interval(whole)
    return (whole, part), expected, f"{fmt(part.value)} / {fmt(whole.value)} × 100 = {expected.show()}"


def _tight_link(gap: str) -> bool:
    """Only a share-link cue and punctuation between a count's entity and its share: `nữ (chiếm `."""
    tail = re.split(r"[(,]", gap)
    return len(tail) > 1 and fold(re.sub(r"[\s:]+", " ", tail[-1])).strip() in cue_list("share_link_cues")


@rule("SHARE_COUNTS", ERROR, "a stated share against the counts it comes from", order=20)
def share_counts(figs: list[AuditFigure]) -> Iterator[Check]:
    kinds = rel.percent_kinds(figs)
    wholes = {p.figure_id: lk.whole for lk in rel.all_links(figs) for p in lk.parts}
    for doc in pr.by_document(figs).values():
        for share in doc:
            if kinds.get(share.figure_id) != rel.SHARE or share.comparator not in ("=", "~"):
                continue
            found = _ratio_for(share, doc) or _counts_for(share, doc, wholes)
            if found is None:
                continue
            operands, expected, arithmetic = found
            outcome = judge(share, expected)
            sure = all(pr.same_sentence(o, share) for o in operands)
            yield Check(outcome, (*operands, share), f"{arithmetic}; written {_written(share)}",
                        {"share": share.text, "counts": " / ".join(o.text for o in operands),
                         "expected": expected.show(2), "entity": share.entity or ""}, SURE if sure else INFERRED)
