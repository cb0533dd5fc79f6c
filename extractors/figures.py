"""Figures with their meaning, from a document's normalized text.

For every number the number finder sees, decide whether it is a figure (dates, years,
period lengths, document numbers, ordinals, list numbering and names with digits are not),
then read its unit, entity, modality, comparator, aggregation, period, deadline, recurrence
and relation (level, ratio, achievement against plan, excess over plan, change) from the
words around it, the sentence that holds it and the headings that govern it.
Cue phrases: `extractors/lang/vi/figure_cues.yaml`.
"""

from __future__ import annotations

import bisect
import dataclasses
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

from extractors import figure_cues as cue
from extractors.docmeta import HEAD_RE
from extractors.entity import (
    COUNTABLE,
    PERSON_CLASSIFIERS,
    each_ones_purpose,
    entity_adjacent,
    entity_after,
    entity_before,
    expand_abbreviations,
    money_entity,
    purpose_after,
)
from extractors.figure_lists import figure_indicator, list_entity, listed_before
from extractors.numbers import NumberMention, find_numbers
from extractors.ratios import ratio_of, ratio_whole
from extractors.records import Figure, Reference
from extractors.running_lines import in_running_line
from extractors.sentences import COLON_LEVEL, Heading, Sentence, split_sentences
from extractors.settings import SETTINGS
from extractors.table_figures import find_tables, mentions_between, prose_cells, table_figures

logger = logging.getLogger(__name__)


_LIST_NUMBER_AFTER = re.compile(r"^[.)/]?\s*[.)]|^\.(?=\s|[A-ZĐÀ-Ỹa-zà-ỹ])|^\)")
_LIST_NUMBER_COLON = re.compile(r"^:\s+\S")  # "1: Địa bàn …" opening a line


@dataclass
class _Scope:
    """Period that a lead sentence (`Qua 03 năm triển khai …, kết quả như sau:`) sets for what follows."""

    period: float | None = None


NOT_LEVELS = ("change", "achievement", "excess")
# How far before and after a number its words are read (clause, entity, comparator, indicator
# context): twice figure_keys' clause reach; every sentence of the seeds and corpus/keys reads
# the same within it, and a sentence of thousands of characters costs each figure no more.
REACH = 2 * SETTINGS.clause_reach


def _period_years(m: re.Match[str]) -> float | None:
    g = m.groupdict()
    if g.get("n1") or g.get("n2"):
        return float(int(g.get("n1") or g["n2"]))
    if g.get("m1"):
        return round(int(g["m1"]) / 12, 4)
    if g.get("y1"):
        y1, y2 = int(g["y1"]), int(g["y2"])
        return float(y2 - y1 if m.group(0).lower().startswith("nhiệm kỳ") else y2 - y1 + 1)
    return None


_QUOTE_OPENING = re.compile("[" + re.escape("".join(cue.QUOTES)) + "]")


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans merged where they overlap."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Short quotations of a sentence ('Chương trình "Mỗi đoàn viên 1 sáng kiến"'): names, whose digits
    are no figures (a longer quotation is speech, read as text). One pass over the sentence."""
    spans: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        found = _QUOTE_OPENING.search(text, pos, end)
        if found is None:
            break
        opening = found.start()
        closing = text.find(cue.QUOTES[text[opening]], opening + 1, min(end, opening + 1 + cue.MAX_QUOTED_NAME))
        if closing < 0:
            pos = opening + 1
            continue
        if len(text[opening + 1:closing].split()) <= cue.MAX_QUOTED_NAME_WORDS:
            spans.append((opening, closing + 1))
        pos = closing + 1
    return spans


def _in_spans(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps one of `spans` (sorted by start, not overlapping each other): a
    binary search, so that a document's many references cost each number no more than a few."""
    k = bisect.bisect_left(spans, (end, end))
    return k > 0 and spans[k - 1][1] > start


def _line_prefix(text: str, pos: int) -> str:
    """What stands before `pos` on its line (at most the last 80 characters: a long line's prefix is
    never blank, and reading it whole for every figure would make a long line cost its square)."""
    lo = max(0, pos - 80)
    nl = text.rfind("\n", lo, pos)
    return text[nl + 1 if nl >= 0 or lo == 0 else lo:pos]


def _is_not_figure(text: str, m: NumberMention, before: str, after: str) -> bool:
    shape = getattr(m, "shape", "number")
    if shape in ("date", "code", "version"):
        return True
    if m.money and m.value == 0:
        return True  # "Chuyến xe 0 đồng", "siêu thị 0 đồng": a free-of-charge event's name
    if after.startswith(")") and re.search(r"(?:^|[:;,])\s*$", before):
        return True  # "gồm: 1) tuyên truyền; 2) tổ chức …": a clause number inside a sentence
    near = before[-SETTINGS.near_chars:]
    if not (m.percent or m.money) and cue.NOT_FIGURE_AFTER.match(after):
        return True
    if cue.NOT_FIGURE_BEFORE.search(near) and not cue.TOTAL_COUNT_BEFORE.search(near) \
            and not cue.FIGURE_AFTER_PERIOD.search(near) and not cue.EACH_BEFORE.search(near):
        return True  # (`mỗi phần 700.000 đồng`: each gift's value, no section `Phần 2`: corpus/keys_blind72)
    digits = re.sub(r"\D", "", m.text)
    if before.endswith("(") and re.match(r"^\s*\)", after) and not (m.percent or m.money):
        return True  # "(1)": a footnote, a list mark, a call like "alert(1)"
    if len(digits) <= 2 and cue.DAY_MONTH_BEFORE.search(before[-20:]):
        return True  # "Ngày 11-12": the month of a date
    if in_running_line(text, m.start):
        return True  # a booklet's running footer `Kỷ yếu Đại hội … lần thứ XI   46`: the page's number
    nl = text.rfind("\n", max(0, m.start - 200), m.start)
    if (nl >= 0 or m.start <= 200) and cue.MESSAGE_HEADER_LINE.match(text, nl + 1):
        return True  # a forwarded e-mail's `Subject: CV 412 …`, `Date: …` (a short line)
    eol = text.find("\n", m.start) % (len(text) + 1)  # the line's end (the text's, on its last line)
    if (nl >= 0 or m.start <= 200) and eol - nl <= 120 and cue.SOCIAL_COUNTS_LINE.fullmatch(text, nl + 1, eol):
        return True  # a post's `327 · 41 bình luận · 19 lượt chia sẻ`
    if cue.CONTACT.search(before[-60:]) or re.match(r"^\s*:\s*\d", after):
        return True  # a phone or account number, a time "8:30", a standard "9001:2015"
    if len(digits) == 2 and not (m.percent or m.money) and re.search(r"(?<!\d)\d{1,2}\s*[:h]\s*$", before):
        return True  # the minutes of a time: "10:30", "8h30" (a news byline)
    if m.text[:1] == "0" and len(digits) >= 4 and not (m.percent or m.money):
        return True  # "0238 …": leading zeros pad small counts ("05"), not long numbers
    if shape == "number" and cue.YEAR_BARE.match(m.text.strip()) and not m.money and not m.percent:
        return True  # a year
    if len(digits) > SETTINGS.max_plain_digits and not (m.money or m.scaled or "." in m.text or "," in m.text):
        return True
    if not (m.percent or m.money) and cue.PERIOD_UNIT_AFTER.match(after) and not cue.MEASURE_UNIT_AFTER.match(after):
        return True  # "5 năm", "03 tháng": a period length or a date part
    prefix = _line_prefix(text, m.start)
    if not prefix.strip(" \t#*-+") and (_LIST_NUMBER_AFTER.match(after) or (
            _LIST_NUMBER_COLON.match(after) and not (m.percent or m.money or m.words))):
        return True  # list numbering "1.", "3.2.", "2)", "1:"
    if cue.ORDINAL_BEFORE.search(near) or (cue.RANK_WORD_BEFORE.search(near) and not cue.RANK_BEFORE.search(near)):
        return True  # an ordinal
    if m.words and not (m.scaled or m.money or m.percent):
        # number words alone ("ba khâu", "hai bên") are figures only before a countable noun
        if not COUNTABLE.match(after.lstrip()):
            return True
    return False


def _comparator(before: str, after: str) -> tuple[str, int, int]:
    """Comparator, and how far the figure's span reaches before and after the number."""
    near = before[-SETTINGS.near_chars:]
    for op in (">=", "<=", "~", "<", ">"):
        pat = cue.COMPARATOR_BEFORE.get(op)
        if pat and (mm := pat.search(near)):
            if cue.EXCESS_BEFORE.search(near) and cue.EXCEEDED_COUNT_AFTER.match(after):
                return "=", 0, 0  # "vượt 12 chỉ tiêu": twelve targets exceeded, not more than twelve
            return op, len(near) - mm.start(), 0
    tail = re.split(r"[;,.()\d]", after, maxsplit=1)[0][:60]
    for op, pat in cue.COMPARATOR_AFTER.items():
        if mm := pat.search(tail):
            reach_back = len(near) - near.rfind("từ") if cue.FROM_BEFORE.search(near) else 0
            return op, reach_back, mm.end()
    return "=", 0, 0


def _relation(m: NumberMention, before: str, after: str) -> str:
    near = before[-SETTINGS.near_chars:]
    if m.percent and cue.EXCESS_BEFORE.search(near):
        return "excess"
    own = re.split(r"[\d;,]", after, maxsplit=1)[0][:40]  # up to the next number or clause
    if m.percent and cue.ACHIEVEMENT_BEFORE.search(near) and cue.ACHIEVEMENT_AFTER.search(own):
        return "achievement"
    if m.percent and m.value > 100 and (a := cue.ACHIEVEMENT_BEFORE.search(near)) \
            and near[:a.start()].rstrip().endswith("(") and after.lstrip().startswith(")"):
        return "achievement"  # "kết nạp 1.310 đoàn viên (đạt 131%)": no share exceeds 100%, so against plan
    if cue.CHANGE_BEFORE.search(near) or cue.CHANGE_AFTER.search(own):
        return "change"
    return "level"


def _unit(m: NumberMention, after: str, rank: bool) -> str:
    if rank:
        return "rank"
    if m.percent:
        return "percent"
    if m.money or cue.MONEY_AFTER.match(after):
        return "vnd"
    mu = cue.MEASURE_UNIT_AFTER.match(after)
    if mu:
        unit = mu.group(1).lower()
        return cue.MEASURE_UNIT_ALIASES.get(unit, unit)
    if cue.SCORE_UNIT_AFTER.match(after):
        return "điểm"  # "đạt 94 điểm": a score
    if (to := cue.SHARED_UNIT_BETWEEN.match(after)) is not None:  # "từ 15.000 lên 22.000 đồng/bữa"
        if after[to.end():].startswith("%"):
            return "percent"
        if cue.MONEY_AFTER.match(after[to.end():]):
            return "vnd"
    return "count"


@dataclass(frozen=True)
class _SentenceCues:
    """What a sentence and its headings say for all its figures, read once per sentence (a figure
    that re-read its whole sentence would make a sentence of thousands of characters cost its square)."""

    target: bool
    deadline: int | None
    annual: bool
    past: bool = False


def _sentence_cues(body: str, headings: tuple[Heading, ...], opens_sentence: bool = True) -> _SentenceCues:
    """The cues of a sentence's text (`body`; for a sentence of thousands of characters, the window
    around one figure) and of its governing headings."""
    heads = " \n ".join(h.text for h in headings)
    deadline = None
    for h in headings:
        if (d := cue.DEADLINE.search(h.text)):
            deadline = int(d.group("y"))
    if (d := cue.DEADLINE.search(body)):
        deadline = int(d.group("y"))
    said = cue.ACHIEVEMENT_CLAUSE.sub(" ", body)  # "đạt 135% chỉ tiêu" is a result
    target = bool(cue.TARGET.search(said) or cue.TARGET.search(heads) or cue.HEADING_TARGET.search(heads))
    if deadline is None and target and (lead := cue.DEADLINE_DATE.search(body)
                                        or (cue.TARGET_LEAD_YEAR.match(body) if opens_sentence else None)):
        # "phấn đấu đến ngày 30/6/2024 …", "Năm 2024, Liên đoàn phấn đấu …"; a stock's "Tính đến ngày
        # 31/12/2023" or a result's "Năm 2023, …" is no deadline (their sentences are no targets)
        deadline = int(lead.group("y"))
    if deadline is None and target:
        for h in reversed(headings):  # "II. CHỈ TIÊU NĂM 2024" governs the list under it
            if (cue.TARGET.search(h.text) or cue.HEADING_TARGET.search(h.text)) \
                    and (y := cue.TARGET_HEADING_YEAR.search(h.text)):
                deadline = int(y.group("y"))
                break
    if cue.TERM_END.search(body) and not cue.DEADLINE.search(body):
        target, deadline = True, None  # `Đến hết nhiệm kỳ 2023 - 2028, …`: the term's target, no heading's year
    annual = bool(cue.ANNUAL.search(body) or any(cue.ANNUAL.search(h.text) for h in headings))
    return _SentenceCues(target=target, deadline=deadline, annual=annual, past=bool(cue.PAST.search(body)))


def _modality(cues: _SentenceCues, segment: str, doc_kind: str | None) -> tuple[str, int | None]:
    if cue.ACTUAL_OVERRIDE.search(segment):
        return "actual", None
    if cues.deadline is not None and (cues.target or (doc_kind or "") in cue.PLAN_KINDS):
        return "target", cues.deadline
    if cues.annual and not cues.past and (doc_kind or "") in cue.PLAN_KINDS:
        return "target", None  # a plan's "hằng năm": a target that holds every year
    return ("target" if cues.target else "actual"), None


def _rank_entity(clause: str) -> str | None:
    c = re.sub(r"^.*?\(", "", clause) if "(" in clause else clause
    c = cue.RANK_YEAR_LEAD.sub("", c)
    c = cue.RANK_CLAUSE_END.split(c, maxsplit=1)[0]
    c = c.strip(" ,;:")
    if HEAD_RE.match(c):
        return cue.CUES["rank_of_a_body"]  # `LĐLĐ huyện được LĐLĐ tỉnh xếp thứ 2/14`: what is ranked is its standing
    return c if c and len(c.split()) <= 10 and not re.match(r"^\d", c) else None


def extract_figures(text: str, doc_kind: str | None = None,
                    references: Iterable[Reference] = ()) -> list[Figure]:
    """Every figure of a document's normalized text, in reading order."""
    sentences = split_sentences(text)
    starts = [s.start for s in sentences]
    ref_spans = _disjoint(sorted((r.char_start, r.char_end) for r in references))
    mentions = find_numbers(text)
    figures: list[Figure] = []
    in_tables: set[int] = set()
    prose: list[tuple[Sentence, list[NumberMention]]] = []
    for table in find_tables(text):
        inside = mentions_between(mentions, table[0].start, table[-1].end)
        in_tables.update(id(m) for m in inside)
        figures.extend(table_figures(text, table, [m for m in inside if not _in_spans(m.start, m.end, ref_spans)],
                                     plan=doc_kind in cue.PLAN_KINDS))
        prose.extend(_prose_sentences(table, inside, sentences, starts))
    for cell_sentence, cell_mentions in prose:
        figures.extend(_sentence_figures(text, cell_sentence, cell_mentions, ref_spans, doc_kind, None))
    by_sentence: dict[int, list[NumberMention]] = {}
    for m in mentions:
        if id(m) in in_tables:
            continue
        k = bisect.bisect_right(starts, m.start) - 1
        if k >= 0 and m.start < sentences[k].end:
            by_sentence.setdefault(k, []).append(m)
    scope = _Scope()
    for k, s in enumerate(sentences):
        own_period = cue.PERIOD_PHRASE.search(s.text)
        if own_period and s.text.rstrip().endswith(":"):
            scope.period = _period_years(own_period)
        figures.extend(_sentence_figures(text, s, by_sentence.get(k, []), ref_spans, doc_kind,
                                         _period_years(own_period) if own_period else scope.period))
    return sorted(figures, key=lambda f: f.char_start)


def _prose_sentences(table: list, inside: list[NumberMention], sentences: list[Sentence],
                     starts: list[int]) -> list[tuple[Sentence, list[NumberMention]]]:
    """A table whose cells are sentences (a plan's `TT | Chỉ tiêu | Thời hạn`): each prose cell is read
    as running text, governed by the headings above the table, its header row and the row's other cells
    (`Đến năm 2028`, `Hằng năm`)."""
    out = []
    k = bisect.bisect_right(starts, table[0].start) - 1
    above = sentences[k].headings if k >= 0 else ()
    for pc in prose_cells(table):
        cell = pc.cell
        heads = above + tuple(Heading(cell.start, cell.start, COLON_LEVEL, c) for c in pc.context if c)
        cell_mentions = mentions_between(inside, cell.start, cell.end)
        if cell_mentions:
            out.append((Sentence(cell.start, cell.end, cell.text, heads, cell.start), cell_mentions))
    return out


def _sentence_figures(text: str, s: Sentence, mentions: list[NumberMention], ref_spans: list[tuple[int, int]],
                      doc_kind: str | None, period: float | None) -> list[Figure]:
    out: list[Figure] = []
    wholes: list[Figure] = []
    prev_end = s.start
    skip_next = False
    last_rank_entity = None
    if not mentions:
        return out
    # a sentence of thousands of characters (a line without full stops) is read around each figure
    whole = s.end - s.start <= 2 * REACH
    sentence_cues = _sentence_cues(s.text, s.headings) if whole else None
    # a paragraph that opens by reviewing results (`Đại hội thống nhất đánh giá kết quả nhiệm kỳ 2018 - 2023: …`): its
    # `mỗi năm` is an average of what was done, not a yearly target
    reviewed = s.paragraph_start < s.start and bool(cue.REVIEW_LEAD.search(text, s.paragraph_start, s.start))
    names = _quoted_spans(text, s.start, s.end)
    for i, m in enumerate(mentions):
        if skip_next:
            skip_next = False
            prev_end = m.end
            continue
        # the words a figure reads stand within REACH characters of it: cost stays linear in the text
        ws = max(s.start, m.start - REACH)
        before = text[ws:m.start]
        after = text[m.end:min(s.end, m.end + REACH)]
        if _in_spans(m.start, m.end, ref_spans) or _in_spans(m.start, m.end, names):
            prev_end = m.end  # a cited document's number; a name in quotes ('phong trào "3 không"')
            continue
        ratio = ratio_of(m, before, after) if getattr(m, "shape", "number") == "slash" else None
        if getattr(m, "shape", "number") == "slash" and ratio is None:
            prev_end = m.end
            continue
        if ratio is None and _is_not_figure(text, m, before, after):
            prev_end = m.end
            continue
        near = before[-SETTINGS.near_chars:]
        rank = bool(cue.RANK_WORD_BEFORE.search(near) and cue.RANK_BEFORE.search(near))
        # the clause since the previous number or the last ';' governs aggregation and state
        seg_start = max(prev_end, ws + max(before.rfind(";"), before.rfind("."), -1) + 1)
        segment = text[seg_start:m.start]
        value, value_max, end = m.value, None, m.end
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        pair = _range_pair(near, text[m.end:nxt.start]) if nxt is not None else 0
        if nxt is not None and (cue.RANGE_JOINER.match(text[m.end:nxt.start]) or pair):
            value_max = nxt.value
            if getattr(nxt, "scaled", False) and not m.scaled and value * 1000 <= value_max:
                value *= _scale_of(nxt)
            end = nxt.end
            skip_next = True
        we = min(s.end, end + REACH)
        comparator, reach_back, reach_fwd = _comparator(before, text[end:we])
        if value_max is not None:
            comparator, reach_back = "=", pair or reach_back
        start = m.start - reach_back
        if rank:
            start = m.start - (len(near) - near.rfind("thứ"))
        span_end = end + reach_fwd
        unit = _unit(nxt if skip_next and nxt is not None else m, text[end:we], rank)
        if skip_next and m.percent:
            unit = "percent"
        relation = _relation(m, before, text[end:we])
        denominator = None
        if ratio is not None:
            value, denominator, relation = ratio
        cues = sentence_cues or _sentence_cues(text[ws:we], s.headings, opens_sentence=ws == s.start)
        if not cues.past and cues.annual and reviewed:
            cues = dataclasses.replace(cues, past=True)  # `Điều 1. … đánh giá kết quả nhiệm kỳ …: … Bình quân mỗi năm …`
        modality, deadline = _modality(cues, segment, doc_kind)
        per_year = bool(cue.PER_YEAR_AFTER.match(text[end:we]))  # "làm lợi 4,5 tỷ đồng/năm": a yearly total
        aggregation = "average" if (cue.AVERAGE.search(segment) or cue.PER_UNIT_AFTER.match(text[end:we])) \
            else "total"
        recurrence = "annual" if modality == "target" and cues.annual else None
        fig_period = None
        if modality == "actual" and not rank and not cue.STATE.search(before) \
                and not cue.YEAR_MENTION.search(segment):
            fig_period = period
        if per_year:
            fig_period = 1.0
        clause_before = text[ws + max(before.rfind(";"), before.rfind("("), -1) + 1:min(start, m.start)]
        if rank:
            entity = _rank_entity(clause_before) or last_rank_entity
            last_rank_entity = entity
        elif unit == "vnd":
            entity = money_entity(clause_before) or purpose_after(text[span_end:we]) or entity_after(text[end:we]) \
                or each_ones_purpose(text[ws:min(start, m.start)])
        elif unit == "percent" and (rate := cue.RATE_WORD.search(clause_before)):
            entity = entity_before(clause_before[rate.start():] + " đạt") or entity_after(text[end:we])
        else:
            entity = entity_after(text[end:we]) or list_entity(text, mentions, i, s.end) \
                or listed_before(text, out, m.start) or entity_adjacent(clause_before) \
                or entity_before(clause_before) or entity_before(before)
            if entity in PERSON_CLASSIFIERS and not cue.PARTICIPATION.search(segment) \
                    and not cue.PARTICIPATION.search(text[end:end + 24]):
                # "Số đoàn viên … tăng từ 14.230 người": who they are, the noun nearest before the number
                entity = entity_before(segment.rsplit(",", 1)[-1]) or entity_before(clause_before) \
                    or entity_before(before) or entity
        # "kết nạp 2.140 đoàn viên, bình quân mỗi năm 428 người": the average of what the figure before counted
        of_prev = aggregation == "average" and bool(out) and out[-1].unit == unit and out[-1].relation == "level" \
            and bool(cue.AVERAGE_OF_PREVIOUS.fullmatch(text[prev_end:m.start])) if prev_end is not None else False
        if of_prev:
            entity = out[-1].entity
        if relation in ("achievement", "excess") and denominator is None:
            # "kết nạp 1.234 đoàn viên, vượt 23% kế hoạch": the plan is of what the clause counted
            entity = (out[-1].entity if out else None) or entity_before(clause_before) or entity
        # a sentence of thousands of characters is not copied into each of its figures: each keeps the
        # REACH around it (output stays linear in the text)
        sent_start = s.start if whole else ws
        if entity:
            entity = expand_abbreviations(entity)
            if unit not in ("count", "percent", "vnd", "rank") and entity.lower().startswith(unit + " "):
                entity = entity[len(unit) + 1:]  # "850 lượt cán bộ": the unit is lượt, the entity cán bộ
        out.append(Figure(
            char_start=start, char_end=span_end, text=text[start:span_end], value=value, unit=unit,
            entity=entity, modality=modality,
            # a change or a percentage of plan is not a level of any indicator (COMPARABLE.md)
            indicator=None if relation in NOT_LEVELS and denominator is None
            else out[-1].indicator if of_prev
            else figure_indicator(text, s, entity, ws, we, m.start, unit, modality),
            comparator=comparator, aggregation=aggregation, period_years=fig_period,
            deadline_year=deadline, recurrence=recurrence, sentence_start=sent_start,
            sentence=s.text if whole else text[ws:we],
            value_max=value_max, relation=relation, denominator=denominator,
            ambiguous=bool(getattr(m, "ambiguous", False))))
        if ratio is not None and (w := ratio_whole(text, m, out[-1])) is not None:
            wholes.append(w)  # `138/152 doanh nghiệp`: the 152 too (extractors/ratios.py)
        prev_end = end
    return out + wholes


def _range_pair(near: str, between: str) -> int:
    """`giữa 10 và 15 triệu đồng`: an opener before the first number makes its joiner a range; how far
    the range's span reaches back to take the opener in (0: no such range)."""
    opener = cue.RANGE_OPENER.search(near)
    if opener is None:
        return 0
    joiner = cue.RANGE_PAIRS.get(opener.group(0).strip().lower())
    return len(near) - opener.start() if joiner and joiner.match(between) else 0


def _scale_of(m: NumberMention) -> float:
    for word, factor in (("tỷ", 1e9), ("tỉ", 1e9), ("triệu", 1e6), ("nghìn", 1e3), ("ngàn", 1e3)):
        if word in m.text:
            return factor
    return 1.0
