"""Relations read from the text (issue 23), not from proximity.

A pair of figures is compared only when one sentence states how they relate:
- *subset*: a whole, a subset cue (`trong đó`, `gồm`, `bao gồm`, `riêng`) and its part(s):
  `tập hợp 5.400 người lao động, trong đó 4.700 người là đoàn viên`; or a part, `trong tổng số`
  and its whole;
- *breakdown*: a whole and the parts that make it up, in parentheses, after a colon or after
  `gồm`/`bao gồm`: `trao 40 nhà Mái ấm (sửa chữa 28 nhà, xây mới 12 nhà)` (the parts add up);
- siblings joined by `và`, `;` or a list (`32 CĐCS trực thuộc và 30 CĐCS thành viên`) are
  never part and whole, and an actual is never a part of a target.
Parts and wholes have compatible entities (canonical, the extractor's trailing time words cut),
the same modality, and the same organization and year (the per-figure keys).

Percentages are classified before any check (`percent_kind`): a share of a population, an
achievement against plan (`đạt 105% kế hoạch`, `26 CĐCS (đạt 120%)`), an excess (`vượt 5%`)
or a change (`tăng 12%`). The cue words are in extractors/lang/vi/audit_cues.yaml.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.audit.model import AuditFigure
from pipeline.audit.vocabulary import canonical_entity, cue_list, cues, fold, has_cue

SHARE, ACHIEVEMENT, EXCESS, CHANGE = "share", "achievement", "excess", "change"
NOT_COUNTS = ("percent", "rank")
# A target cue stands right before its number ("so với chỉ tiêu 5.000", "kế hoạch giao 3 tỷ
# đồng"): 30 characters hold the cue and a word or two, not another clause.
TARGET_CUE_WIDTH = 30
# "tăng 12%", "vượt 5%", "giảm 3,2%": the cue is the word or two before the number.
PERCENT_CUE_BEFORE = 14
# A percent's own words after it, up to the next number or clause ("% so với chỉ tiêu").
PERCENT_OWN_AFTER = 40
# A whole stands right before the parenthesis that breaks it down ("40 nhà Mái ấm công đoàn (");
# 40 characters hold an entity, not a second clause.
PAREN_WHOLE_GAP = 40


@dataclass(frozen=True)
class Link:
    """A whole and its parts, as one sentence states them."""

    whole: AuditFigure
    parts: tuple[AuditFigure, ...]
    how: str  # subset | breakdown
    cue: str


def by_sentence(figs: Iterable[AuditFigure]) -> dict[tuple[str, int], list[AuditFigure]]:
    """Figures grouped by (document, sentence), in text order."""
    groups: dict[tuple[str, int], list[AuditFigure]] = defaultdict(list)
    for f in figs:
        groups[(f.doc_id, f.sentence_start)].append(f)
    return {k: sorted(v, key=lambda f: f.char_start) for k, v in groups.items()}


@cache
def _tail_pattern() -> re.Pattern[str]:
    words = sorted(cue_list("entity_tail_words"), key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in words) + r")(?:\s.*)?$")


def entity(f: AuditFigure) -> str:
    """The canonical entity with trailing time words cut (`đoàn viên giai đoạn` → `đoàn viên`)."""
    return _tail_pattern().sub("", canonical_entity(f.entity))


def compatible(a: AuditFigure, b: AuditFigure, people: bool = False) -> bool:
    """The same thing counted, or one a narrower wording of the other (`người` / `người lao động`);
    a figure without an entity takes the one its sentence gives. With `people`, any two counts of
    people (`người lao động` / `đoàn viên`): a stated subset may name its part differently."""
    ea, eb = entity(a), entity(b)
    if not ea or not eb:
        return True
    if ea == eb or ea.startswith(eb + " ") or eb.startswith(ea + " "):
        return True
    return people and _is_people(ea) and _is_people(eb)


def _is_people(e: str) -> bool:
    return any(e == p or e.startswith(p + " ") for p in cue_list("person_entities"))


def same_org(a: AuditFigure, b: AuditFigure) -> bool:
    """The same organization, where both figures know it."""
    return not (a.organization and b.organization) or fold(a.organization) == fold(b.organization)


def same_keys(a: AuditFigure, b: AuditFigure) -> bool:
    """The same organization and year, where both figures know them."""
    return same_org(a, b) and (a.year is None or b.year is None or a.year == b.year)


def _sentence_text(f: AuditFigure, start: int, end: int) -> str:
    return f.sentence[max(0, start - f.sentence_start): max(0, end - f.sentence_start)]


def between(a: AuditFigure, b: AuditFigure) -> str:
    first, second = (a, b) if a.char_start < b.char_start else (b, a)
    return _sentence_text(a, first.char_end, second.char_start)


@cache
def _cue_regex(names: tuple[str, ...], end: bool = False) -> re.Pattern[str]:
    """One alternation of the cues of these lists, longest first, as whole words."""
    cues_ = sorted({c for n in names for c in cue_list(n)}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(c) for c in cues_) + r")" + ("$" if end else r"(?!\w)"))


def _ends_with_cue(text: str, name: str) -> str | None:
    t = re.sub(r"[\s(:,]+$", "", fold(text))
    m = _cue_regex((name,), end=True).search(t)
    return m.group(1) if m else None


@lru_cache(maxsize=200_000)
def is_target(f: AuditFigure) -> bool:
    """A target: named so right before the number (`so với chỉ tiêu 5.000`), or so marked unless
    a percent of plan follows it (`thành lập mới 18 CĐCS, vượt 20% kế hoạch`: a result)."""
    before = _sentence_text(f, f.char_start - TARGET_CUE_WIDTH, f.char_start)
    if _ends_with_cue(re.split(r"\d", before)[-1], "target_before") is not None:
        return True
    return f.modality == "target" and not _measured_against_plan(f)


def _measured_against_plan(f: AuditFigure) -> bool:
    """`18 CĐCS, vượt 20% …`, `7.100 đoàn viên (đạt 142% …)`: a percent of plan follows the number."""
    after = _sentence_text(f, f.char_end, f.char_end + TARGET_CUE_WIDTH + 10)
    m = re.match(r"([^\d;]*?)(\d+(?:[.,]\d+)?)\s*%", after)
    if not m:
        return False
    link = re.split(r"[(,]", fold(m.group(1)))
    word = link[-1].strip() if len(link) > 1 else ""
    return word in cue_list("achievement_link") or word in cue_list("excess_cues")


def is_count(f: AuditFigure) -> bool:
    return f.unit not in NOT_COUNTS and f.relation in ("level", "ratio") and f.aggregation == "total"


def can_hold(whole: AuditFigure, part: AuditFigure, people: bool = False) -> bool:
    """Whether `part` may be a part of `whole` at all (unit, modality, keys, entity)."""
    return (whole is not part and is_count(whole) and is_count(part) and whole.relation == "level"
            and whole.unit == part.unit and is_target(whole) == is_target(part)
            and same_keys(whole, part) and compatible(whole, part, people) and not _not_a_part(part))


def _not_a_part(f: AuditFigure) -> bool:
    """`nâng tổng số đoàn viên lên 6.500`, `cùng kỳ 5.900`: a number that a cue right before it
    makes a new total, another period's value or a change."""
    before = re.split(r"[\d(,;:]", _sentence_text(f, f.char_start - TARGET_CUE_WIDTH, f.char_start))[-1]
    words = fold(before).split()
    return any(" ".join(words[i:]) in cue_list("not_part_before") or words[i] in cue_list("not_part_before")
               for i in range(len(words)))


def _cue_spans(sentence: str, names: tuple[str, ...]) -> list[tuple[int, int, str, str]]:
    """(start, end, cue, list name) of every cue of the lists in the sentence."""
    t = fold(sentence)
    out = []
    for name in names:
        for m in _cue_regex((name,)).finditer(t):
            out.append((m.start(), m.end(), m.group(1), name))
    out.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    kept: list[tuple[int, int, str, str]] = []
    for span in out:  # the longest cue at a place: "gồm có", not "gồm"
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _clause_end(sentence: str, start: int, stop: str = ";") -> int:
    """Where the clause from `start` ends: the first of the `stop` characters, a `.` or `,` only when
    it is no thousands or decimal mark (`3.100`)."""
    alts = [re.escape(c) + (r"(?!\d)" if c in ".," else "") for c in stop]
    m = re.compile("|".join(alts)).search(sentence, start)
    return m.start() if m else len(sentence)


def _paren_end(sentence: str, start: int) -> int:
    end = sentence.find(")", start)
    return end if end >= 0 else len(sentence)


def links(sent: list[AuditFigure]) -> list[Link]:
    """Every whole → part(s) relation one sentence states (see the module doc)."""
    return list(_links(tuple(sent))) if sent else []


# Every rule asks for the links of the same sentences: read each sentence once per run.
@lru_cache(maxsize=100_000)
def _links(sent: tuple[AuditFigure, ...]) -> tuple[Link, ...]:
    return tuple(_read_links(list(sent)))


def _read_links(sent: list[AuditFigure]) -> list[Link]:
    s, base = sent[0].sentence, sent[0].sentence_start
    out: list[Link] = []
    spans = _cue_spans(s, ("subset_cues", "breakdown_cues", "whole_after_cues"))
    spans += [(m.start(), m.end(), m.group(0), "paren") for m in re.finditer(r"\(", s)]
    spans += [(m.start(), m.end(), ":", "colon") for m in re.finditer(r":", s)]
    for start, end, cue, name in sorted(spans):
        pos, after = base + start, base + end
        if name == "whole_after_cues":
            parts = [f for f in sent if f.char_end <= pos and ";" not in _sentence_text(f, f.char_end, pos)]
            wholes = [f for f in sent if f.char_start >= after]
            if parts and wholes and can_hold(wholes[0], parts[-1]) and not re.search(r"\d", _sentence_text(
                    f=parts[-1], start=after, end=wholes[0].char_start)):
                out.append(Link(wholes[0], (parts[-1],), "subset", cue))
            continue
        close = base + (_paren_end(s, end) if name == "paren" else _clause_end(s, end, ";.("))
        found = _whole_and_parts([f for f in sent if f.char_end <= pos], [f for f in sent if after <= f.char_start < close],
                                 pos, name, people=name == "subset_cues")
        if found is None:
            continue
        whole, parts = found
        inner = fold(s[end: close - base])
        subset_only = name in ("subset_cues",) and cue in cue_list("subset_only_cues")
        if has_cue(inner, "not_exhaustive_cues") or (name in ("paren", "colon") and has_cue(inner, "subset_only_cues")):
            subset_only = True
        how = "subset" if subset_only or name == "subset_cues" and cue not in cue_list("breakdown_cues") else "breakdown"
        out.append(Link(whole, parts, how, cue))
    return out


def _whole_and_parts(before: list[AuditFigure], after: list[AuditFigure], pos: int,
                     name: str, people: bool = False) -> tuple[AuditFigure, tuple[AuditFigure, ...]] | None:
    """The nearest figure before a cue (in its clause) that holds some of the figures after it."""
    for whole in reversed(before):
        gap = _sentence_text(whole, whole.char_end, pos)
        if ";" in gap or (name == "paren" and len(gap) > PAREN_WHOLE_GAP) or (name == "colon" and "," in gap):
            return None
        parts = tuple(f for f in after if can_hold(whole, f, people))
        if parts:
            return whole, parts
        if name in ("paren", "colon"):
            return None  # a parenthesis or colon breaks down the figure right before it only
    return None


def all_links(figs: Iterable[AuditFigure]) -> list[Link]:
    groups = by_sentence(figs)
    out = [lk for sent in groups.values() for lk in links(sent)]
    return out + _colon_links(groups)


# A sentence that ends with a colon opens the list after it, which a splitter may have cut into
# the next sentence ("56 cuộc đối thoại: - 12 cuộc …; - 40 cuộc …"): 8 characters between them
# hold white space and a list dash, not another sentence.
COLON_GAP = 8


def _colon_links(groups: dict[tuple[str, int], list[AuditFigure]]) -> list[Link]:
    """`whole …:` ending one sentence and its parts in the next."""
    out = []
    keys = sorted(groups)
    for k, nxt in zip(keys, keys[1:], strict=False):
        sent, following = groups[k], groups[nxt]
        head = sent[-1]
        if k[0] != nxt[0] or not head.sentence.rstrip().endswith(":"):
            continue
        if following[0].sentence_start - head.sentence_end > COLON_GAP:
            continue
        gap = _sentence_text(head, head.char_end, head.sentence_end)
        if "," in gap or ";" in gap.rstrip(":"):
            continue
        close = following[0].sentence_start + _clause_end(following[0].sentence, 0, ".(")
        parts = tuple(f for f in following if f.char_start < close and can_hold(head, f))
        if parts:
            # a dashed list may go on in the sentences after: its first item alone is no breakdown
            dashed = following[0].sentence.lstrip()[:1] in ("-", "+", "•", "*", "–")
            out.append(Link(head, parts, "subset" if dashed else "breakdown", ":"))
    return out


def percent_kind(f: AuditFigure, sent: list[AuditFigure], parts: set[str] | None = None) -> str | None:
    """share | achievement | excess | change for a percent (None for other units); `sent` is the
    figures of its sentence, `parts` the ids of figures that are parts of a stated whole."""
    if f.unit != "percent":
        return None
    before = _sentence_text(f, f.char_start - PERCENT_CUE_BEFORE, f.char_start)
    own = re.split(r"[\d;]", _sentence_text(f, f.char_end, f.char_end + PERCENT_OWN_AFTER), maxsplit=1)[0]
    if f.relation == EXCESS or (f.relation == ACHIEVEMENT and has_cue(before, "excess_cues")):
        return EXCESS
    if f.relation in (CHANGE, ACHIEVEMENT):
        return f.relation
    if has_cue(before, "excess_cues"):
        return EXCESS
    if has_cue(before, "change_before") or has_cue(own, "change_after"):
        return CHANGE
    if has_cue(own, "not_a_share_after") or has_cue(own, "target_before"):
        return ACHIEVEMENT
    if has_cue(_sentence_text(f, f.char_start - 60, f.char_start), "share_before"):
        return SHARE
    prev = [g for g in sent if g.char_end <= f.char_start]
    if prev:
        p = prev[-1]
        # "26 CĐCS (đạt 120%)", "850 đoàn viên, đạt 106%": the words after the last ( or , before the percent
        parts_of_gap = re.split(r"[(,]", fold(between(p, f)))
        link = re.sub(r"[\s:]+", " ", parts_of_gap[-1]).strip() if len(parts_of_gap) > 1 else ""
        if (p.relation == "level" and is_count(p) and not is_target(p) and link in cue_list("achievement_link")
                and (parts is None or p.figure_id not in parts)):
            return ACHIEVEMENT
        if p.relation == "ratio" or (parts is not None and p.figure_id in parts):
            return SHARE
    # "Thu kinh phí công đoàn đạt 102%.": `đạt X%` that ends its clause, with no population named
    # (no `tỷ lệ`, `chiếm`, no noun after it), measures against a plan
    verb = re.findall(r"[^\W\d_]+", fold(before))[-1:]
    if verb and verb[0] in cue_list("achievement_link") and not re.match(r"\s*[^\W\d_]", own):
        return ACHIEVEMENT
    return SHARE


def percent_kinds(figs: Iterable[AuditFigure]) -> dict[str, str]:
    """figure_id → kind, for every percent."""
    figs = list(figs)
    parts = {p.figure_id for lk in all_links(figs) for p in lk.parts}
    out = {}
    for sent in by_sentence(figs).values():
        for f in sent:
            kind = percent_kind(f, sent, parts)
            if kind:
                out[f.figure_id] = kind
    return out


@cache
def _period_patterns() -> tuple[tuple[re.Pattern[str], bool], ...]:
    from extractors import lang

    return tuple((lang.compile_pattern("audit_cues.yaml", "period_spans", e["pattern"]), bool(e["inclusive"]))
                 for e in cues("period_spans"))


def period_of(f: AuditFigure) -> float | None:
    """The years the figure covers: its own, or a span its sentence states (`giai đoạn 2024 - 2028`)."""
    if f.period_years:
        return f.period_years
    for pat, inclusive in _period_patterns():
        m = pat.search(f.sentence)
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            if b > a:
                return float(b - a + (1 if inclusive else 0))
    return None
