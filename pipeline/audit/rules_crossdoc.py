"""CROSS_DOC: one organization, one indicator, one period, two values in two documents."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from pipeline.audit import pairing as pr
from pipeline.audit.intervals import fmt, rounded
from pipeline.audit.model import CONSISTENT, INCONSISTENT, WARNING, AuditFigure
from pipeline.audit.registry import Check, rule
from pipeline.audit.vocabulary import fold

# Without an indicator id two figures must say nearly the same words to be one statement:
# stricter than within one document, where the context already ties them.
CROSS_DOC_OVERLAP = 0.6


def _key(f: AuditFigure) -> tuple[object, ...] | None:
    if not f.organization or f.year is None or f.relation != "level":
        return None
    return (fold(f.organization), f.year, f.modality, f.unit, f.aggregation, f.period_years, f.recurrence)


@rule("CROSS_DOC", WARNING, "one organization, indicator and period with different values in two documents")
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
                if a.doc_id == b.doc_id or not pr.same_statement(a, b, CROSS_DOC_OVERLAP):
                    continue
                agree = rounded(a).overlaps(rounded(b))
                yield Check(CONSISTENT if agree else INCONSISTENT, (a, b),
                            f"{fmt(a.value)} {'≈' if agree else '≠'} {fmt(b.value)} "
                            f"({a.organization}, {a.year}, {a.indicator or a.entity})",
                            {"first": a.text, "second": b.text, "organization": a.organization,
                             "year": a.year, "entity": _what(a)})


def _what(f: AuditFigure) -> str:
    if f.indicator and f.entity:
        return f"{f.entity} ({f.indicator})"
    return f.indicator or f.entity or ""
