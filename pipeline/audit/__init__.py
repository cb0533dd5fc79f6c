"""Consistency audit of reported numbers (issue 6): rules over the stored figures → findings.

    from pipeline.audit import run_audit
    findings = run_audit(con)            # a duckdb connection with a `figures` table
    findings = run_audit(figures_df)     # or a DataFrame with the contract's columns

Rules live one family per module (`rules_*.py`) and register themselves in `registry.RULES`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

import duckdb
import pandas as pd

from pipeline.audit import (  # noqa: F401 (importing a rules module registers its rules)
    rules_arithmetic,
    rules_change,
    rules_crossdoc,
    rules_parts,
    rules_targets,
)
from pipeline.audit.figures_input import figures_from_db, figures_from_frame
from pipeline.audit.model import (
    CONSISTENT,
    INCONSISTENT,
    INFERRED,
    SEVERITY_ORDER,
    SURE,
    TRUNCATED,
    AuditError,
    AuditFigure,
    Evidence,
    Finding,
)
from pipeline.audit.registry import RULES, Rule, rule_order, to_finding

logger = logging.getLogger(__name__)

# Every registered rule, in report order (each rule's `order`, declared where it is registered).
RULE_ORDER = rule_order()

__all__ = ["RULES", "RULE_ORDER", "AuditError", "AuditFigure", "Evidence", "Finding", "Rule", "run_audit",
           "CONSISTENT", "TRUNCATED", "INCONSISTENT", "SURE", "INFERRED"]


def _figures(source: pd.DataFrame | duckdb.DuckDBPyConnection | Sequence[AuditFigure]) -> list[AuditFigure]:
    if isinstance(source, pd.DataFrame):
        return figures_from_frame(source)
    if isinstance(source, duckdb.DuckDBPyConnection):
        return figures_from_db(source)
    return list(source)


def run_audit(source: pd.DataFrame | duckdb.DuckDBPyConnection | Sequence[AuditFigure],
              rules: Iterable[str] | None = None, include_consistent: bool = False) -> list[Finding]:
    """Run the rules over the figures; findings sorted by severity, rule and place.

    Checks whose numbers agree are left out unless `include_consistent`.
    """
    figs = [f for f in _figures(source) if not f.ambiguous]
    wanted = list(rules) if rules is not None else list(RULE_ORDER)
    unknown = [r for r in wanted if r not in RULES]
    if unknown:
        raise AuditError(f"unknown rule(s): {', '.join(unknown)}; known: {', '.join(RULE_ORDER)}")
    found: dict[str, Finding] = {}
    for rule_id in wanted:
        r = RULES[rule_id]
        for check in r.func(figs):
            if check.outcome == CONSISTENT and not include_consistent:
                continue
            f = to_finding(r, check)
            found.setdefault(f.finding_id, f)
        logger.debug("%s: %d findings so far", rule_id, len(found))
    order = {r: i for i, r in enumerate(RULE_ORDER)}
    return sorted(found.values(), key=lambda f: (SEVERITY_ORDER[f.severity], order.get(f.rule, 99),
                                                 f.evidence[0].path or "", f.evidence[0].char_start))
