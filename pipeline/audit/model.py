"""Records of the audit: the figures it reads (`AuditFigure`) and what it finds (`Finding`)."""

from __future__ import annotations

from dataclasses import dataclass

# Outcomes of one check. Only `consistent` checks are left out of the report by default.
CONSISTENT = "consistent"  # the numbers agree, allowing for rounding
TRUNCATED = "truncated"  # they agree only if the writer cut the decimals off (533.6 → 533)
INCONSISTENT = "inconsistent"  # no reading of the stated precision makes them agree
OUTCOMES = (CONSISTENT, TRUNCATED, INCONSISTENT)

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITIES = (ERROR, WARNING, INFO)
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}

# How sure a finding's pairing is: `sure` when the text states the relation in one sentence
# (`trong đó`, `gồm`, a breakdown in parentheses, `đạt 120% so với chỉ tiêu 5.000`, the same
# statement in two documents by their keys); `inferred` when the pairing rests on figures in
# different sentences or on an entity's wording alone. `chiso audit` shows the sure ones.
SURE, INFERRED = "sure", "inferred"
CONFIDENCES = (SURE, INFERRED)


@dataclass(frozen=True)
class AuditFigure:
    """One row of the `figures` table (schema.md), as the rules read it."""

    figure_id: str
    doc_id: str
    value: float
    unit: str
    text: str = ""
    path: str | None = None
    doc_index: int = 0
    organization: str | None = None
    organization_from: str | None = None  # clause | heading | document: where the key was read
    year_from: str | None = None
    doc_kind: str | None = None
    doc_date: str | None = None
    year: int | None = None
    page: int | None = None
    char_start: int = 0
    char_end: int = 0
    value_max: float | None = None
    entity: str | None = None
    indicator: str | None = None
    modality: str = "actual"
    comparator: str = "="
    aggregation: str = "total"
    period_years: float | None = None
    deadline_year: int | None = None
    recurrence: str | None = None
    relation: str = "level"
    denominator: float | None = None
    ambiguous: bool = False
    sentence: str = ""
    sentence_start: int = 0

    @property
    def sentence_end(self) -> int:
        return self.sentence_start + len(self.sentence)


@dataclass(frozen=True)
class Evidence:
    """A figure a finding rests on: where it is and the sentence that holds it."""

    figure_id: str
    path: str | None
    doc_index: int
    text: str
    value: float
    sentence: str
    char_start: int
    char_end: int
    sentence_start: int = 0

    @classmethod
    def of(cls, f: AuditFigure) -> Evidence:
        return cls(figure_id=f.figure_id, path=f.path, doc_index=f.doc_index, text=f.text, value=f.value,
                   sentence=f.sentence, char_start=f.char_start, char_end=f.char_end,
                   sentence_start=f.sentence_start)

    def as_dict(self) -> dict[str, object]:
        return {"figure_id": self.figure_id, "path": self.path, "doc_index": self.doc_index,
                "text": self.text, "value": self.value, "sentence": self.sentence,
                "char_start": self.char_start, "char_end": self.char_end,
                "sentence_start": self.sentence_start}


@dataclass(frozen=True)
class Finding:
    """One checked relation between reported numbers, with its arithmetic and evidence."""

    finding_id: str  # stable: a hash of rule + figure ids
    rule: str
    severity: str  # error | warning | info
    outcome: str  # consistent | truncated | inconsistent
    organization: str | None
    indicator: str | None
    message_vi: str
    message_en: str
    arithmetic: str
    figure_ids: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    confidence: str = SURE

    def as_dict(self) -> dict[str, object]:
        return {"finding_id": self.finding_id, "rule": self.rule, "severity": self.severity,
                "outcome": self.outcome, "organization": self.organization, "indicator": self.indicator,
                "message_vi": self.message_vi, "message_en": self.message_en,
                "arithmetic": self.arithmetic, "figure_ids": list(self.figure_ids),
                "evidence": [e.as_dict() for e in self.evidence], "confidence": self.confidence}


class AuditError(Exception):
    """The audit could not read its input (missing table, missing columns, bad rows)."""
