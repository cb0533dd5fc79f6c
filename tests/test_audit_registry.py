"""Audit rules are registered in one place (issue 16 item 4): id, severity, summary and report
order are declared with `@rule(...)` where the rule is defined; everything else derives from
the registry. A test fails when an id is named anywhere without a registered rule, or when a
registered rule does not run by default."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import audit_frames as af
import pytest

from extractors import lang
from pipeline.audit import RULE_ORDER, RULES, run_audit
from pipeline.audit.registry import rule

ROOT = Path(__file__).resolve().parents[1]


def test_rule_order_is_derived_from_the_registry():
    assert set(RULE_ORDER) == set(RULES)
    assert list(RULE_ORDER) == [r.id for r in sorted(RULES.values(), key=lambda r: r.order)]
    assert len({r.order for r in RULES.values()}) == len(RULES)


def test_every_registered_rule_runs_by_default(monkeypatch):
    called = []
    for rid, r in list(RULES.items()):
        def spy(figs, _rid=rid, _func=r.func):
            called.append(_rid)
            return _func(figs)
        monkeypatch.setitem(RULES, rid, replace(r, func=spy))
    run_audit(af.frame(af.seed_documents()))
    assert called == list(RULE_ORDER)


def test_messages_exist_for_exactly_the_registered_rules():
    assert set(lang.load("audit_messages.yaml")) == set(RULES)
    for rid in RULES:
        assert "inconsistent" in lang.load("audit_messages.yaml")[rid], rid


def _docs_table_ids() -> set[str]:
    text = (ROOT / "docs" / "audit.md").read_text("utf-8")
    section = text.split("## Rules", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| ([A-Z_]+) \|", section, flags=re.M))


def test_docs_name_exactly_the_registered_rules():
    assert _docs_table_ids() == set(RULES)


def test_no_id_is_named_without_a_registered_rule():
    named = {m["rule"] for m in __import__("yaml").safe_load(
        (ROOT / "tests" / "fixtures" / "audit" / "mutations.yaml").read_text("utf-8"))["relations"]}
    corpus_labels = ROOT / "corpus" / "audit" / "labels.yaml"
    if corpus_labels.exists():
        data = __import__("yaml").safe_load(corpus_labels.read_text("utf-8"))
        named |= {f["rule"] for d in data["documents"] for f in d.get("findings", [])}
    assert named <= set(RULES), named - set(RULES)


def test_an_id_or_an_order_is_registered_once():
    with pytest.raises(ValueError, match="registered twice"):
        rule("AVG_TOTAL", "error", "again", order=999)(lambda figs: iter(()))
    with pytest.raises(ValueError, match="order 10 is taken"):
        rule("NEW_RULE", "error", "clash", order=RULES["AVG_TOTAL"].order)(lambda figs: iter(()))
    assert "NEW_RULE" not in RULES


NOT_RULES = {"RULE_ORDER"}  # names in docs/audit.md that look like rule ids and are not


def test_every_rule_like_name_in_the_docs_is_registered():
    text = (ROOT / "docs" / "audit.md").read_text("utf-8")
    named = set(re.findall(r"\b[A-Z]+(?:_[A-Z]+)+\b", text)) - NOT_RULES
    assert named <= set(RULES), named - set(RULES)
