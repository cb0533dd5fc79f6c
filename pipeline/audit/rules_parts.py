"""Rules about the size of one number: PART_WHOLE and OUT_OF_RANGE."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.audit import pairing as pr
from pipeline.audit.intervals import fmt, rounded
from pipeline.audit.model import CONSISTENT, ERROR, INCONSISTENT, AuditFigure
from pipeline.audit.registry import Check, rule
from pipeline.audit.vocabulary import has_cue

NOT_COUNTS = ("percent", "rank", "vnd")
# "phát triển mới 2.668 đoàn viên", "kết nạp 120 đoàn viên": the cue stands within a few
# words before the number.
NEW_CUE_WIDTH = 25
# "tăng 150%", "đạt 105% kế hoạch": the cue stands within a few words of the number
# (a word or two before it, up to a short phrase after it).
SHARE_CUE_BEFORE = 12
# New members of a year are part of the members: the whole may stand a few sentences away
# ("có 6.320 đoàn viên. Bình quân …. Trong năm kết nạp mới 1.215 đoàn viên"); 400 characters
# is about three sentences of a report, short of another section.
NEW_WHOLE_WINDOW = 400
SHARE_CUE_AFTER = 20


def _is_count(f: AuditFigure) -> bool:
    return f.unit not in NOT_COUNTS and f.relation == "level" and f.aggregation == "total"


def _is_new(f: AuditFigure) -> bool:
    return has_cue(pr.before(f, NEW_CUE_WIDTH), "new_cues")


def _linked(whole: AuditFigure, part: AuditFigure) -> str | None:
    """Why `part` is a part of `whole`, or None (see docs/audit.md, PART_WHOLE)."""
    if whole.modality != part.modality or whole.unit != part.unit or whole.doc_id != part.doc_id:
        return None
    same = pr.same_entity(whole, part)
    if (same and _is_new(part) and not _is_new(whole) and whole.period_years is None
            and (part.period_years or 0) <= 1 and abs(whole.char_start - part.char_start) <= NEW_WHOLE_WINDOW):
        return "new within all"
    if not pr.near(whole, part):
        return None
    gap = pr.between(whole, part)
    if whole.char_start < part.char_start:
        cued = has_cue(gap, "subset_cues")
    else:  # "39 CĐCS trong tổng số 45 CĐCS", unless a subset cue says the first one is the whole
        cued = has_cue(gap, "whole_after_cues") and not has_cue(gap, "subset_cues")
    if (same or pr.is_specialization(part, whole)) and gap and cued:
        return "subset"
    if pr.is_specialization(part, whole) and whole.period_years == part.period_years:
        return "narrower entity"
    return None


@rule("PART_WHOLE", ERROR, "a part larger than its whole")
def part_whole(figs: list[AuditFigure]) -> Iterator[Check]:
    for doc in pr.by_document(figs).values():
        for f in doc:
            if f.relation == "ratio" and f.denominator:
                outcome = INCONSISTENT if f.value > f.denominator else CONSISTENT
                yield Check(outcome, (f,), f"{fmt(f.value)} / {fmt(f.denominator)}: part "
                            f"{'>' if outcome == INCONSISTENT else '<='} whole",
                            {"part": fmt(f.value), "whole": fmt(f.denominator), "entity": f.entity or "",
                             "link": "ratio"})
        counts = [f for f in doc if _is_count(f)]
        for part in counts:
            links = [(w, why) for w in counts if w is not part and (why := _linked(w, part)) is not None]
            if not links:
                continue
            whole, why = min(links, key=lambda x: abs(x[0].char_start - part.char_start))
            bigger = rounded(part).lo > rounded(whole).hi
            outcome = INCONSISTENT if bigger else CONSISTENT
            yield Check(outcome, (whole, part),
                        f"part {fmt(part.value)} {'>' if bigger else '<='} whole {fmt(whole.value)} ({why})",
                        {"part": part.text, "whole": whole.text, "entity": part.entity or "", "link": why})


@rule("OUT_OF_RANGE", ERROR, "a share outside 0-100 %, a negative count")
def out_of_range(figs: list[AuditFigure]) -> Iterator[Check]:
    for f in figs:
        problem = _range_problem(f)
        if problem:
            yield Check(INCONSISTENT, (f,), problem, {"value": f.text or fmt(f.value), "entity": f.entity or ""})


def _not_a_share(f: AuditFigure) -> bool:
    return (has_cue(pr.before(f, SHARE_CUE_BEFORE), "not_a_share_before")
            or has_cue(pr.after(f, SHARE_CUE_AFTER), "not_a_share_after"))


def _range_problem(f: AuditFigure) -> str | None:
    top = max(f.value, f.value_max if f.value_max is not None else f.value)
    if f.unit == "percent":
        if f.relation in ("achievement", "change") or _not_a_share(f):
            return None
        if f.value < 0:
            return f"{fmt(f.value)} % < 0 %"
        if top > 100:
            return f"{fmt(top)} % > 100 %"
        return None
    if f.relation == "change":
        return None
    if f.unit == "rank" and f.value < 1:
        return f"rank {fmt(f.value)} < 1"
    if f.value < 0:
        return f"{fmt(f.value)} < 0"
    return None
