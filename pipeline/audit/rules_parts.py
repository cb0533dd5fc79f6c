"""Rules about the size of one number: PART_WHOLE, SUM and OUT_OF_RANGE.

Parts and wholes come from `relations.links`: the text states them in one sentence (`trong đó`,
`gồm`, a breakdown in parentheses or after a colon). One inference across sentences is kept,
marked `inferred`: new members of a year are part of the members (`có 6.320 đoàn viên. …
kết nạp mới 1.215 đoàn viên`)."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.audit import pairing as pr
from pipeline.audit import relations as rel
from pipeline.audit.intervals import Interval, figure_interval, fmt, judge, rounded
from pipeline.audit.model import CONSISTENT, ERROR, INCONSISTENT, INFERRED, AuditFigure
from pipeline.audit.registry import Check, rule
from pipeline.audit.vocabulary import cue_list, fold, has_cue

# "phát triển mới 2.668 đoàn viên", "kết nạp 120 đoàn viên": the cue stands within a few
# words before the number.
NEW_CUE_WIDTH = 25
# New members of a year are part of the members: the whole may stand a few sentences away
# ("có 6.320 đoàn viên. Bình quân …. Trong năm kết nạp mới 1.215 đoàn viên"); 400 characters
# is about three sentences of a report, short of another section.
NEW_WHOLE_WINDOW = 400
# "Trong số đó, 4.200 đoàn viên": a subset cue a few words before a count makes it a part.
SUBSET_BEFORE_WIDTH = 30
# "hiện có 6.320": the stock cue is the word or two right before the number.
STOCK_CUE_WIDTH = 20


def _is_new(f: AuditFigure) -> bool:
    return has_cue(pr.before(f, NEW_CUE_WIDTH), "new_cues")


def _new_within_all(part: AuditFigure, doc: list[AuditFigure]) -> AuditFigure | None:
    """The members a year's new members join (same entity, not new, no period, nearby)."""
    if not _is_new(part) or (part.period_years or 0) > 1 or part.relation != "level":
        return None
    cands = [w for w in doc if rel.can_hold(w, part) and rel.entity(w) == rel.entity(part) and not _is_new(w)
             and not has_cue(pr.before(w, SUBSET_BEFORE_WIDTH), "subset_cues")  # "Trong số đó, 4.200 …" is a part
             and _ends_with_stock_cue(w)
             and w.period_years is None and rel.period_of(w) is None
             and abs(w.char_start - part.char_start) <= NEW_WHOLE_WINDOW]
    return min(cands, key=lambda w: abs(w.char_start - part.char_start), default=None)


def _ends_with_stock_cue(w: AuditFigure) -> bool:
    """`có 6.320`, `với 6.320`, `tổng số 6.320`: the members an organization has, not `hỗ trợ 87`."""
    words = fold(pr.before(w, STOCK_CUE_WIDTH)).split()
    return any(" ".join(words[-n:]) in cue_list("stock_cues") for n in (1, 2) if len(words) >= n)


def _part_check(whole: AuditFigure, part: AuditFigure, why: str, confidence: str = "sure") -> Check:
    bigger = rounded(part).lo > rounded(whole).hi
    return Check(INCONSISTENT if bigger else CONSISTENT, (whole, part),
                 f"part {fmt(part.value)} {'>' if bigger else '<='} whole {fmt(whole.value)} ({why})",
                 {"part": part.text, "whole": whole.text, "entity": part.entity or "", "link": why}, confidence)


@rule("PART_WHOLE", ERROR, "a part larger than the whole the text says it belongs to", order=30)
def part_whole(figs: list[AuditFigure]) -> Iterator[Check]:
    for doc in pr.by_document(figs).values():
        checked: set[str] = set()
        for f in doc:
            if f.relation == "ratio" and f.denominator:
                outcome = INCONSISTENT if f.value > f.denominator else CONSISTENT
                yield Check(outcome, (f,), f"{fmt(f.value)} / {fmt(f.denominator)}: part "
                            f"{'>' if outcome == INCONSISTENT else '<='} whole",
                            {"part": fmt(f.value), "whole": fmt(f.denominator), "entity": f.entity or "",
                             "link": "ratio"})
        for link in rel.all_links(doc):
            for part in link.parts:
                if part.relation == "level" and part.figure_id not in checked:
                    checked.add(part.figure_id)
                    yield _part_check(link.whole, part, f"{link.how}: {link.cue}")
        for part in doc:
            if part.figure_id in checked or not rel.is_count(part):
                continue
            whole = _new_within_all(part, doc)
            if whole is not None:
                yield _part_check(whole, part, "new within all", INFERRED)


@rule("SUM", ERROR, "the parts of a breakdown against the whole they make up", order=35)
def sums(figs: list[AuditFigure]) -> Iterator[Check]:
    for link in rel.all_links(figs):
        parts = [p for p in link.parts if p.relation == "level"]
        if link.how != "breakdown" or len(parts) < 2:
            continue
        ivs = [figure_interval(p) for p in parts]
        total = Interval(sum(i.lo for i in ivs), sum(i.hi for i in ivs))
        outcome = judge(link.whole, total)
        arithmetic = (f"{' + '.join(fmt(p.value) for p in parts)} = {total.show()}; "
                      f"written {link.whole.text} → {rounded(link.whole).show()}")
        yield Check(outcome, (link.whole, *parts), arithmetic,
                    {"whole": link.whole.text, "parts": " + ".join(p.text for p in parts),
                     "expected": total.show(2), "entity": link.whole.entity or ""})


@rule("OUT_OF_RANGE", ERROR, "a share outside 0-100 %, a negative count", order=70)
def out_of_range(figs: list[AuditFigure]) -> Iterator[Check]:
    kinds = rel.percent_kinds(figs)
    for f in figs:
        problem = _range_problem(f, kinds.get(f.figure_id))
        if problem:
            yield Check(INCONSISTENT, (f,), problem, {"value": f.text or fmt(f.value), "entity": f.entity or ""})


def _range_problem(f: AuditFigure, kind: str | None) -> str | None:
    top = max(f.value, f.value_max if f.value_max is not None else f.value)
    if f.unit == "percent":
        if kind != rel.SHARE:
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
