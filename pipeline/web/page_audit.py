"""Audit: findings by rule and severity; each with its arithmetic and both sentences, the
numbers highlighted, and links to the documents they come from."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import streamlit as st

from pipeline.audit import RULE_ORDER
from pipeline.audit.model import CONFIDENCES, SEVERITIES, Finding
from pipeline.web import reads
from pipeline.web.markup import findings_html
from pipeline.web.page_audit_reviews import review_controls, reviewer_name, reviews
from pipeline.web.page_frame import AUDIT, link_document, open_dataset

# Findings shown in full at once (the summary counts them all).
MAX_SHOWN = 100


def doc_id_of(figure_id: str) -> str:
    """`<sha16>:<doc_index>:<char_start>[:n]` → `<sha16>:<doc_index>` (rows.py builds the ids)."""
    return ":".join(figure_id.split(":")[:2])


def summary(findings: list[Finding]) -> pd.DataFrame:
    """Counts by rule (rows, in the audit's rule order) and severity (columns)."""
    counts = Counter((f.rule, f.severity) for f in findings)
    order = {r: i for i, r in enumerate(RULE_ORDER)}
    rules = sorted({f.rule for f in findings}, key=lambda r: order.get(r, 99))
    return pd.DataFrame([{"rule": r, **{s: counts.get((r, s), 0) for s in SEVERITIES}} for r in rules])


def _filters(findings: list[Finding]) -> list[Finding]:
    c1, c2, c3 = st.columns(3)
    rules = c1.multiselect("Quy tắc · rule", sorted({f.rule for f in findings}), key="rules")
    severities = c2.multiselect("Mức · severity", [s for s in SEVERITIES if any(f.severity == s for f in findings)],
                                key="severities")
    sure = c3.multiselect("Độ chắc · confidence", [c for c in CONFIDENCES if any(f.confidence == c for f in findings)],
                          key="confidence")
    return [f for f in findings if (not rules or f.rule in rules) and (not severities or f.severity in severities)
            and (not sure or f.confidence in sure)]


def _finding(f: Finding) -> None:
    st.html(findings_html([f]))
    st.caption(f"{f.confidence} · {f.finding_id}")
    seen: set[str] = set()
    for e in f.evidence:
        doc_id = doc_id_of(e.figure_id)
        if doc_id not in seen:
            seen.add(doc_id)
            link_document(doc_id, f"{e.path or '?'} #{e.doc_index}")


def render() -> None:
    st.title(AUDIT.title)
    db, stamp = open_dataset()
    findings = reads.findings(str(db), stamp)
    if not findings:
        st.info("Chưa có phát hiện nào: chạy `chiso audit --db …` để kiểm tra · no findings: "
                "run `chiso audit` on this dataset to check its numbers")
        return
    table = summary(findings)
    st.dataframe(table, hide_index=True, width="content")
    shown = _filters(findings)
    st.caption(f"{len(shown)} / {len(findings)} phát hiện · findings")
    marks, reviewer = reviews(str(db)), reviewer_name()
    for f in shown[:MAX_SHOWN]:
        _finding(f)
        review_controls(str(db), f, marks.get(f.finding_id), reviewer)


if __name__ == "__main__":
    render()
