"""The audit rules: each a function with an id and a severity, registered here in report order."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from pipeline.audit.model import INCONSISTENT, INFO, AuditFigure, Evidence, Finding
from pipeline.audit.vocabulary import message

RuleFunc = Callable[[list[AuditFigure]], Iterator["Check"]]


@dataclass(frozen=True)
class Check:
    """What a rule function yields: one relation it checked and how it came out."""

    outcome: str
    figures: tuple[AuditFigure, ...]
    arithmetic: str
    params: dict[str, object]  # values for the message templates


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str  # of an inconsistent outcome; truncated and consistent ones are info
    summary: str
    func: RuleFunc


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: str, summary: str) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule function under its id."""
    def register(func: RuleFunc) -> RuleFunc:
        RULES[rule_id] = Rule(rule_id, severity, summary, func)
        return func
    return register


def finding_id(rule_id: str, figure_ids: Iterable[str]) -> str:
    """Stable id: the same rule on the same figures gives the same id on every run."""
    key = rule_id + "\x1f" + "\x1f".join(sorted(figure_ids))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def to_finding(r: Rule, check: Check) -> Finding:
    templates = message(r.id, check.outcome)
    params = {k: ("" if v is None else v) for k, v in check.params.items()}
    first = check.figures[0]
    indicator = next((f.indicator for f in check.figures if f.indicator), None) or first.entity
    return Finding(
        finding_id=finding_id(r.id, (f.figure_id for f in check.figures)),
        rule=r.id,
        severity=r.severity if check.outcome == INCONSISTENT else INFO,
        outcome=check.outcome,
        organization=first.organization,
        indicator=indicator,
        message_vi=templates["vi"].format(**params),
        message_en=templates["en"].format(**params),
        arithmetic=check.arithmetic,
        figure_ids=tuple(f.figure_id for f in check.figures),
        evidence=tuple(Evidence.of(f) for f in check.figures),
    )
