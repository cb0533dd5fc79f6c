"""Rules that recompute a number from others: AVG_TOTAL and SHARE_COUNTS."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.audit import pairing as pr
from pipeline.audit.intervals import Interval, exact, figure_interval, fmt, judge, rounded, truncated
from pipeline.audit.model import ERROR, WARNING, AuditFigure
from pipeline.audit.registry import Check, rule
from pipeline.audit.vocabulary import abbreviations, canonical_entity, cues, fold

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


@rule("AVG_TOTAL", WARNING, "an average per year or per unit against the total it comes from")
def avg_total(figs: list[AuditFigure]) -> Iterator[Check]:
    for doc in pr.by_document(figs).values():
        for avg in doc:
            if avg.aggregation != "average" or avg.relation != "level":
                continue
            totals = [t for t in doc if t.aggregation == "total" and t.relation == "level" and t.unit == avg.unit
                      and t.modality == avg.modality and pr.same_entity(t, avg) and pr.near(t, avg)]
            unit = _per_unit(avg, doc)
            if unit is not None:
                totals = [t for t in totals if t.period_years == unit.period_years]
                divisor, divisor_text = figure_interval(unit), f"{unit.text} {unit.entity}"
                extra: tuple[AuditFigure, ...] = (unit,)
            else:
                totals = [t for t in totals if _same_period(t, avg)]
                period = avg.period_years or next((t.period_years for t in totals if t.period_years), None)
                if not period or period <= 0:
                    continue
                divisor, divisor_text, extra = exact(period), f"{fmt(period)} năm", ()
            total = _nearest(avg, totals)
            if total is None:
                continue
            expected = figure_interval(total) / divisor
            outcome = judge(avg, expected)
            arithmetic = (f"{fmt(total.value)} / {divisor.show()} = {expected.show()}; "
                          f"written {_written(avg)}")
            yield Check(outcome, (total, *extra, avg), arithmetic,
                        {"avg": avg.text, "total": total.text, "entity": avg.entity or "",
                         "divisor": divisor_text, "expected": expected.show(2)})


def _same_period(t: AuditFigure, avg: AuditFigure) -> bool:
    return not (t.period_years and avg.period_years) or t.period_years == avg.period_years


def _ratio_for(share: AuditFigure, doc: list[AuditFigure]) -> tuple[tuple[AuditFigure, ...], Interval, str] | None:
    """`39/45 CĐCS (đạt 86,7%)`: a ratio figure near the share."""
    ratios = [r for r in doc if r.relation == "ratio" and r.denominator and pr.near(r, share) and r is not share]
    r = _nearest(share, ratios)
    if r is None or not r.denominator:
        return None
    expected = exact(r.value).scale(100 / r.denominator)
    return (r,), expected, f"{fmt(r.value)} / {fmt(r.denominator)} × 100 = {expected.show()}"


def _counts_for(share: AuditFigure, doc: list[AuditFigure]) -> tuple[tuple[AuditFigure, ...], Interval, str] | None:
    """`45 CĐCS, trong đó 39 CĐCS (chiếm 86,7%)`: the part next to the share and its whole before it."""
    parts = [c for c in doc if c.unit not in COUNTABLE_EXCLUDED and c.aggregation == "total"
             and c.relation == "level" and pr.same_sentence(c, share)
             and len(pr.between(c, share)) <= SHARE_LINK_GAP
             and (not share.entity or pr.same_entity(c, share) or pr.is_specialization(c, share))]
    part = _nearest(share, parts)
    if part is None:
        return None
    wholes = [w for w in doc if w is not part and w.char_start < part.char_start and w.unit == part.unit
              and w.aggregation == "total" and w.relation == "level" and pr.near(w, part)
              and (pr.same_entity(w, part) or pr.is_specialization(part, w))]
    whole = _nearest(part, wholes)
    if whole is None:
        return None
    expected = figure_interval(part).scale(100) / figure_interval(whole)
    return (whole, part), expected, f"{fmt(part.value)} / {fmt(whole.value)} × 100 = {expected.show()}"


@rule("SHARE_COUNTS", ERROR, "a stated share against the counts it comes from")
def share_counts(figs: list[AuditFigure]) -> Iterator[Check]:
    for doc in pr.by_document(figs).values():
        for share in doc:
            if share.unit != "percent" or share.relation not in ("level", "ratio") or share.comparator not in ("=", "~"):
                continue
            found = _ratio_for(share, doc) or _counts_for(share, doc)
            if found is None:
                continue
            operands, expected, arithmetic = found
            outcome = judge(share, expected)
            yield Check(outcome, (*operands, share), f"{arithmetic}; written {_written(share)}",
                        {"share": share.text, "counts": " / ".join(o.text for o in operands),
                         "expected": expected.show(2), "entity": share.entity or ""})
