"""CROSS_DOC: one organization, one indicator, one period, two values in two documents."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from pipeline.audit import pairing as pr
from pipeline.audit import relations as rel
from pipeline.audit.intervals import fmt, rounded
from pipeline.audit.model import CONSISTENT, INCONSISTENT, INFERRED, SURE, WARNING, AuditFigure
from pipeline.audit.registry import Check, rule
from pipeline.audit.vocabulary import fold, has_cue

# Without an indicator id two figures must say nearly the same words to be one statement:
# stricter than within one document, where the context already ties them.
CROSS_DOC_OVERLAP = 0.6
# Two documents written within this many days report one state of the organization (a year-end
# report and the news of its conference); farther apart, a count may have moved between them.
SAME_STATE_DAYS = 60
# "kết nạp mới 1.215 đoàn viên": the new-count cue stands within a few words before the number.
NEW_CUE_WIDTH = 25


def _key(f: AuditFigure) -> tuple[object, ...] | None:
    if not f.organization or f.year is None or f.relation != "level":
        return None
    new = has_cue(pr.before(f, NEW_CUE_WIDTH), "new_cues")  # `kết nạp mới 1.215 đoàn viên` is no level of members
    return (fold(f.organization), f.year, rel.is_target(f), new, f.unit, f.aggregation, f.period_years, f.recurrence)


@rule("CROSS_DOC", WARNING, "one organization, indicator and year with different values in two documents", order=50)
def cross_doc(figs: list[AuditFigure]) -> Iterator[Check]:
    groups: dict[tuple[object, ...], list[AuditFigure]] = defaultdict(list)
    for f in figs:
        key = _key(f)
        if key is not None:
            groups[key].append(f)
    for group in groups.values():
        if len({f.doc_id for f in group}) < 2:
            continue
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.doc_id == b.doc_id or not pr.same_statement(a, b, CROSS_DOC_OVERLAP, strict_entity=True):
                    continue
                agree = rounded(a).overlaps(rounded(b))
                # sure when both texts state the year of the figure ("tính đến cuối năm 2023") and
                # the two documents were written close together: a report of June and one of
                # December give two states of one year ("6 tháng đầu năm", "31/12")
                sure = a.year_from == b.year_from == "clause" and _close_dates(a.doc_date, b.doc_date)
                yield Check(CONSISTENT if agree else INCONSISTENT, (a, b),
                            f"{fmt(a.value)} {'≈' if agree else '≠'} {fmt(b.value)} "
                            f"({a.organization}, {a.year}, {a.indicator or a.entity})",
                            {"first": a.text, "second": b.text, "organization": a.organization,
                             "year": a.year, "entity": _what(a)}, SURE if sure else INFERRED)


def _close_dates(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    try:
        days = abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)
    except ValueError:
        return False
    return days <= SAME_STATE_DAYS


def _what(f: AuditFigure) -> str:
    if f.indicator and f.entity:
        return f"{f.entity} ({f.indicator})"
    return f.indicator or f.entity or ""
