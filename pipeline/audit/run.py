"""Audit and store the findings: the one step that `chiso audit`, the Prefect flow and the
benchmarks run after an ingest."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.audit import run_audit
from pipeline.audit.model import CONSISTENT, Finding
from pipeline.audit.storage import read_findings, replace_findings


@dataclass(frozen=True)
class AuditRun:
    findings: tuple[Finding, ...]  # every finding the rules returned (consistent ones when asked)
    stored: int  # findings stored (consistent ones never are)
    new: int  # stored findings the previous audit had not reported


def audit_and_store(con: Any, rules: Sequence[str] | None = None, include_consistent: bool = False) -> AuditRun:
    """Run the audit over the dataset of `con` and replace the stored findings with its own."""
    before = {f.finding_id for f in read_findings(con)}
    findings = run_audit(con, rules=rules, include_consistent=include_consistent)
    kept = [f for f in findings if f.outcome != CONSISTENT]
    replace_findings(con, kept)
    return AuditRun(tuple(findings), len(kept), sum(1 for f in kept if f.finding_id not in before))
