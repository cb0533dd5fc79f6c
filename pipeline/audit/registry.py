"""The audit rules, registered in one place: each rule function declares its id, severity,
summary and report order where it is defined (`@rule(...)`). Everything else that names the
rules (RULE_ORDER, the CLI's `--rules` help, the web page's order, the default run) is derived
from `RULES`, so a registered rule always runs and an unregistered id cannot be asked for."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from pipeline.audit.model import INCONSISTENT, INFO, SURE, AuditFigure, Evidence, Finding
from pipeline.audit.vocabulary import message

RuleFunc = Callable[[list[AuditFigure]], Iterator["Check"]]


@dataclass(frozen=True)
class Check:
    """What a rule function yields: one relation it checked and how it came out."""

    outcome: str
    figures: tuple[AuditFigure, ...]
    arithmetic: str
    params: dict[str, object]  # values for the message templates
    confidence: str = SURE  # sure: the text states the relation in one sentence; inferred: otherwise


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str  # of an inconsistent outcome; truncated and consistent ones are info
    summary: str
    func: RuleFunc
    order: int  # place in the report: rules are listed (and run) by this number


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: str, summary: str, order: int) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule function under its id; `order` places it in the report."""
    def register(func: RuleFunc) -> RuleFunc:
        if rule_id in RULES and RULES[rule_id].func.__qualname__ != func.__qualname__:
            raise ValueError(f"audit rule {rule_id} is registered twice")
        if any(r.order == order and r.id != rule_id for r in RULES.values()):
            raise ValueError(f"audit rule {rule_id}: order {order} is taken")
        RULES[rule_id] = Rule(rule_id, severity, summary, func, order)
        return func
    return register


def rule_order() -> tuple[str, ...]:
    """Every registered rule id, in report order."""
    return tuple(r.id for r in sorted(RULES.values(), key=lambda r: r.order))


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
        confidence=check.confidence,
    )
