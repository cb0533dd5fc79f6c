"""Rules about targets: TARGET_MONOTONE (one plan) and ACHIEVEMENT (target against result)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import replace

from pipeline.audit import pairing as pr
from pipeline.audit import relations as rel
from pipeline.audit.intervals import exact, figure_interval, fmt, judge, rounded, truncated
from pipeline.audit.model import CONSISTENT, ERROR, INCONSISTENT, INFERRED, SURE, AuditFigure
from pipeline.audit.registry import Check, rule
from pipeline.audit.vocabulary import achievement_claim


def _deadline_key(f: AuditFigure) -> float | None:
    """Where a target sits in time: an annual target holds from the start (a floor for all)."""
    if f.deadline_year:
        return float(f.deadline_year)
    if f.recurrence == "annual":
        return -math.inf
    return None


def _statements(targets: list[AuditFigure]) -> list[list[AuditFigure]]:
    """Targets of one document grouped by statement (pairing.same_statement), greedy in text order."""
    groups: list[list[AuditFigure]] = []
    for t in targets:
        group = next((g for g in groups if any(pr.same_statement(t, m) for m in g)), None)
        if group is None:
            groups.append([t])
        else:
            group.append(t)
    return groups


def _successors(a: AuditFigure, nexts: list[AuditFigure]) -> list[AuditFigure]:
    """The next deadline's target of a's own statement: among those that are one statement with it,
    the ones whose clause says most nearly the same words (`80% CĐCS khu vực nhà nước …` goes
    on as `85% CĐCS khu vực nhà nước …`, not as `65% CĐCS ngoài nhà nước …`)."""
    same = [b for b in nexts if pr.same_statement(a, b)]
    if len(same) <= 1:
        return same
    best = max(pr.overlap(a, b) for b in same)
    return [b for b in same if pr.overlap(a, b) == best]


def _goes_down(group: list[AuditFigure]) -> bool:
    """A target that should fall over time: every member says `không quá`, `dưới`, …"""
    return all(f.comparator in ("<=", "<") for f in group)


@rule("TARGET_MONOTONE", ERROR, "targets of one indicator in one plan that go the wrong way as deadlines move out",
      order=40)
def target_monotone(figs: list[AuditFigure]) -> Iterator[Check]:
    kinds = rel.percent_kinds(figs)
    for doc in pr.by_document(figs).values():
        targets = [f for f in doc if f.modality == "target" and f.relation == "level"
                   and kinds.get(f.figure_id, rel.SHARE) == rel.SHARE
                   and f.aggregation == "total" and _deadline_key(f) is not None]
        for group in _statements(targets):
            keys = sorted({k for f in group if (k := _deadline_key(f)) is not None})
            if len(keys) < 2:
                continue
            down = _goes_down(group)
            for k_prev, k_next in zip(keys, keys[1:], strict=False):
                for a in (f for f in group if _deadline_key(f) == k_prev):
                    for b in _successors(a, [f for f in group if _deadline_key(f) == k_next]):
                        wrong = b.value > a.value if down else b.value < a.value
                        yield Check(INCONSISTENT if wrong else CONSISTENT, (a, b),
                                    f"{_when(a)}: {fmt(a.value)} → {_when(b)}: {fmt(b.value)} "
                                    f"({'should not rise' if down else 'should not fall'})",
                                    {"first": a.text, "first_when": _when(a), "second": b.text,
                                     "second_when": _when(b), "entity": a.entity or ""})


def _when(f: AuditFigure) -> str:
    return str(f.deadline_year) if f.deadline_year else "hằng năm/annual"


def _target_for(actual: AuditFigure, by_doc: dict[str, list[AuditFigure]],
                by_key: dict[tuple[object, ...], list[AuditFigure]]) -> tuple[AuditFigure, str] | None:
    """The target an actual result answers, and how sure: named in its sentence (`so với chỉ
    tiêu 5.000`: sure), in the next sentence, or the same organization, indicator and year in
    another document (inferred)."""
    near = [t for t in by_doc.get(actual.doc_id, ()) if pr.near(t, actual) and rel.entity(t)
            and rel.compatible(t, actual)]
    other = [t for t in by_key.get((actual.indicator, actual.organization, actual.year), ())
             if t.doc_id != actual.doc_id] if actual.indicator and actual.organization else []
    cands = [t for t in near + other if t is not actual and t.unit == actual.unit
             and t.aggregation == actual.aggregation and rel.same_org(t, actual)]
    t = min(cands, key=lambda t: (not pr.same_sentence(t, actual), t.doc_id != actual.doc_id,
                                  abs(t.char_start - actual.char_start)), default=None)
    if t is None:
        return None
    # sure: named in the result's sentence, or the one target of its entity in the sentence next to it
    sure = pr.same_sentence(t, actual) or (t.doc_id == actual.doc_id and len(near) == 1)
    return t, SURE if sure else INFERRED


def _targets(figs: list[AuditFigure]) -> tuple[dict[str, list[AuditFigure]], dict[tuple[object, ...], list[AuditFigure]]]:
    """Level targets by document, and by (indicator, organization, deadline) for other documents."""
    by_doc: dict[str, list[AuditFigure]] = {}
    by_key: dict[tuple[object, ...], list[AuditFigure]] = {}
    for t in figs:
        if t.relation != "level" or not rel.is_target(t):
            continue
        by_doc.setdefault(t.doc_id, []).append(t)
        if t.indicator and t.organization and t.deadline_year is not None:
            by_key.setdefault((t.indicator, t.organization, t.deadline_year), []).append(t)
    return by_doc, by_key


@rule("ACHIEVEMENT", ERROR, "a stated achievement (`đạt 105% kế hoạch`, `vượt chỉ tiêu`) against target and result",
      order=60)
def achievement(figs: list[AuditFigure]) -> Iterator[Check]:
    kinds = rel.percent_kinds(figs)
    targets = _targets(figs)
    with_percent: set[str] = set()
    for sent in rel.by_sentence(figs).values():
        for a in sent:
            if kinds.get(a.figure_id) not in (rel.ACHIEVEMENT, rel.EXCESS):
                continue
            over = _over_plan(a, sent)
            if over is not None:  # "58/50 CĐCS (đạt 116%)": result over plan in one figure
                target = replace(over, figure_id=over.figure_id, value=over.denominator or 0, text=over.text)
                yield _check_percent(a, over, target, kinds.get(a.figure_id) == rel.EXCESS, SURE, one=True)
                continue
            actual = _result_of(a, sent)
            if actual is None:
                continue
            found = _target_for(actual, *targets)
            if found is None or found[0].value <= 0:
                continue
            with_percent.add(actual.figure_id)
            yield _check_percent(a, actual, found[0], kinds.get(a.figure_id) == rel.EXCESS, found[1])
    for actual in figs:
        if actual.figure_id in with_percent or not _is_result(actual):
            continue
        claim = achievement_claim(actual.sentence)
        found = _target_for(actual, *targets) if claim is not None else None
        if claim is not None and found is not None and found[0].value > 0:
            yield _check_claim(claim, actual, found[0], found[1])


def _is_result(f: AuditFigure) -> bool:
    return not rel.is_target(f) and f.relation == "level" and f.unit not in ("rank", "percent")


def _result_of(a: AuditFigure, sent: list[AuditFigure]) -> AuditFigure | None:
    """The result a stated percent of plan belongs to: the result right before it in its sentence
    (`phát triển mới 7.100 đoàn viên (đạt 142% …)`), else the first one after it."""
    before = [f for f in sent if f.char_end <= a.char_start and f is not a]
    if before and _is_result(before[-1]):
        return before[-1]
    after = [f for f in sent if f.char_start >= a.char_end and _is_result(f)]
    return after[0] if after and not before else None


def _over_plan(a: AuditFigure, sent: list[AuditFigure]) -> AuditFigure | None:
    """A result written over its plan right before the percent (`58/50 CĐCS (đạt 116%)`)."""
    before = [f for f in sent if f.char_end <= a.char_start and f is not a]
    f = before[-1] if before else None
    return f if f is not None and f.relation == "achievement" and f.unit != "percent" and f.denominator else None


def _check_percent(a: AuditFigure, actual: AuditFigure, target: AuditFigure, excess: bool, confidence: str,
                   one: bool = False) -> Check:
    ratio = figure_interval(actual).scale(100) / exact(target.value)
    expected = ratio if not excess else type(ratio)(ratio.lo - 100, ratio.hi - 100)
    if excess:  # "vượt 21%": the excess itself, not a lower bound (the extractor may read `vượt` as `>`)
        a = replace(a, comparator="=")
    outcome = judge(a, expected)
    what = "excess over the target" if excess else "result / target"
    arithmetic = (f"{what}: {fmt(actual.value)} / {fmt(target.value)} × 100{' - 100' if excess else ''}"
                  f" = {expected.show()}; written {a.text} → {rounded(a).show()} rounded, "
                  f"{truncated(a).show()} truncated")
    return Check(outcome, (actual, a) if one else (target, actual, a), arithmetic,
                 {"stated": a.text, "actual": actual.text, "target": target.text, "expected": f"(= {expected.show(2)}%)",
                  "claim": a.text}, confidence)


def _check_claim(claim: tuple[str, str], actual: AuditFigure, target: AuditFigure, confidence: str) -> Check:
    cue, comparator = claim
    lo, hi = rounded(actual).lo, rounded(actual).hi
    ok = {">=": hi >= target.value, ">": hi > target.value, "<": lo < target.value}[comparator]
    arithmetic = f"'{cue}' needs result {comparator} target: {fmt(actual.value)} {comparator} {fmt(target.value)} is {ok}"
    return Check(CONSISTENT if ok else INCONSISTENT, (target, actual), arithmetic,
                 {"stated": cue, "actual": actual.text, "target": target.text, "expected": "", "claim": cue}, confidence)


