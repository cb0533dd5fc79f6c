"""Which figures a rule may compare: the pairing rules, in one place.

Documented in docs/audit.md ("Pairing"):
- *near*: same document, and the same sentence or adjacent sentences (at most
  `ADJACENT_GAP` characters between the end of one and the start of the next);
- *same entity*: the canonical entities are equal (`CĐCS` = `công đoàn cơ sở`);
- *same statement*: the same indicator when both figures carry one; otherwise the same
  entity and clauses that say nearly the same thing (word overlap at least
  `SAME_STATEMENT_OVERLAP`): `tỷ lệ đoàn viên đạt từ 95% trở lên trong tổng số CBNGNLĐ`
  and `tỷ lệ đoàn viên trong tổng số CBNGNLĐ đạt ít nhất 98%` are one statement;
  `100% cơ quan … tổ chức đối thoại` and `80% cơ quan … xây dựng quy chế phối hợp` are not.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from pipeline.audit.model import AuditFigure
from pipeline.audit.relations import compatible, entity, same_org
from pipeline.audit.vocabulary import canonical_entity, fold

# Between two sentences of one paragraph or list there is white space and at most a list
# dash or bullet ("; \n- "): 8 characters cover those without reaching over a sentence.
ADJACENT_GAP = 8
# Chosen on seed 002: the yearly rephrasings of one target overlap 0.72-1.0; different
# targets about the same entity overlap 0.42 at most.
SAME_STATEMENT_OVERLAP = 0.55

_WORD = re.compile(r"[^\W\d_]+")


def by_document(figs: Iterable[AuditFigure]) -> dict[str, list[AuditFigure]]:
    """Figures grouped by doc_id, each group in text order."""
    groups: dict[str, list[AuditFigure]] = defaultdict(list)
    for f in figs:
        groups[f.doc_id].append(f)
    return {k: sorted(v, key=lambda f: f.char_start) for k, v in groups.items()}


def near(a: AuditFigure, b: AuditFigure) -> bool:
    """Same document and the same or an adjacent sentence."""
    if a.doc_id != b.doc_id:
        return False
    if a.sentence_start == b.sentence_start:
        return True
    first, second = (a, b) if a.sentence_start < b.sentence_start else (b, a)
    return 0 <= second.sentence_start - first.sentence_end <= ADJACENT_GAP


def same_sentence(a: AuditFigure, b: AuditFigure) -> bool:
    return a.doc_id == b.doc_id and a.sentence_start == b.sentence_start


def same_entity(a: AuditFigure, b: AuditFigure) -> bool:
    ea, eb = canonical_entity(a.entity), canonical_entity(b.entity)
    return bool(ea) and ea == eb


def is_specialization(part: AuditFigure, whole: AuditFigure) -> bool:
    """`đoàn viên khối doanh nghiệp` narrows `đoàn viên`: a subset of it."""
    ep, ew = canonical_entity(part.entity), canonical_entity(whole.entity)
    return bool(ew) and ep.startswith(ew + " ")


def between(a: AuditFigure, b: AuditFigure) -> str:
    """Sentence text between two figures of one sentence (empty otherwise)."""
    if not same_sentence(a, b):
        return ""
    first, second = (a, b) if a.char_start < b.char_start else (b, a)
    return a.sentence[first.char_end - a.sentence_start: second.char_start - a.sentence_start]


def before(f: AuditFigure, width: int) -> str:
    """Up to `width` characters of the sentence just before the figure."""
    i = f.char_start - f.sentence_start
    return f.sentence[max(0, i - width): max(0, i)]


def after(f: AuditFigure, width: int) -> str:
    """Up to `width` characters of the sentence just after the figure."""
    j = f.char_end - f.sentence_start
    return f.sentence[j: j + width]


def around(f: AuditFigure, width: int) -> str:
    """The figure with up to `width` characters of its sentence either side."""
    i, j = f.char_start - f.sentence_start, f.char_end - f.sentence_start
    return f.sentence[max(0, i - width): j + width]


def clause_words(f: AuditFigure) -> frozenset[str]:
    """Words of the clause (between `;`) that holds the figure, numbers left out."""
    i = max(0, f.char_start - f.sentence_start)
    start = f.sentence.rfind(";", 0, i) + 1
    end = f.sentence.find(";", i)
    clause = f.sentence[start: end if end >= 0 else len(f.sentence)]
    return frozenset(_WORD.findall(fold(clause)))


def overlap(a: AuditFigure, b: AuditFigure) -> float:
    wa, wb = clause_words(a), clause_words(b)
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def same_statement(a: AuditFigure, b: AuditFigure, min_overlap: float = SAME_STATEMENT_OVERLAP,
                   strict_entity: bool = False) -> bool:
    """Both figures report the same indicator about the same thing (see the module doc): one
    indicator id does not make `70% doanh nghiệp có … TƯLĐTT` and `60% bản thỏa ước xếp loại A`
    one target (issue 23); across documents the entities must be equal (`strict_entity`)."""
    if a.unit != b.unit or not same_org(a, b):
        return False
    if strict_entity and entity(a) != entity(b):
        return False
    if a.indicator and b.indicator:
        return a.indicator == b.indicator and compatible(a, b)
    return same_entity(a, b) and overlap(a, b) >= min_overlap


def pairs_near(figs: list[AuditFigure]) -> Iterator[tuple[AuditFigure, AuditFigure]]:
    """Every ordered pair of distinct figures of one document that are near each other."""
    for a in figs:
        for b in figs:
            if a is not b and near(a, b):
                yield a, b
