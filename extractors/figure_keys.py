"""The comparison keys of each figure: whose figure it is and which year it describes
(COMPARABLE.md). Read from the figure's clause first, then the headings and lead sentences that
govern it, then the document (its issuer, its date). Each key says where it came from
(`clause`, `heading`, `document`).

Cost is linear in the text: the time phrases and organization names of a document are found once,
and each figure looks only at its own sentence's share of them.
Language data: `extractors/lang/vi/time.yaml`, `organizations.yaml`.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable, Sequence
from functools import cache

from extractors.docmeta import EVENT_LINE
from extractors.figure_scope import KeyContext, generic_subject, own_at_level, presented_unit, scope_org
from extractors.lang import compile_pattern, entry, phrase_pattern
from extractors.org_compare import named_without_its_place, same_body, same_company, short_name_of
from extractors.org_mentions import (
    OrgMention,
    assigned_re,
    former_source,
    org_mentions,
    runs_on_as,
    scope_hits,
)
from extractors.orgnames import place_level_words
from extractors.province_offices import with_its_province
from extractors.records import Figure
from extractors.running_lines import in_running_line
from extractors.sentences import Sentence, split_sentences
from extractors.settings import SETTINGS
from extractors.time_mentions import TimeMention, document_horizon, time_mentions, time_re

CLAUSE, HEADING, DOCUMENT = "clause", "heading", "document"
_TIME = "time.yaml"
_ORG = "organizations.yaml"
_SENTENCE_END = re.compile(r"[.!?;:…]\s*$")
TABLE_CELLS = " | "  # how a table row's cells stand in the normalized text (extractors/normalize)


# what may follow the presented body to the end of its sentence ("… Gỗ Phú Thịnh với 1.840 đoàn viên.")
_PRESENTED = re.compile(r"\s*(?:[.:]|(?:với|có)\s[^.;:\n]{0,60}\.)")


@cache
def _presenting_re() -> re.Pattern[str]:
    return compile_pattern(_ORG, "presenting_before", entry(_ORG, "presenting_before"))


# --- assignment -------------------------------------------------------------------------------

def _in_spans(pos: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


class _Index:
    """A document's time and organization mentions, found once, looked up by position."""

    def __init__(self, text: str, ctx: KeyContext) -> None:
        self.text, self.ctx = text, ctx
        self.times = [t for t in time_mentions(text, ctx.year, ctx.month)
                      if not _in_spans(t.start, ctx.reference_spans)]
        self.time_starts = [t.start for t in self.times]
        own = [b for b in (ctx.organization, ctx.superior) if b]
        self.orgs = [dataclasses.replace(o, name=next((b for b in own if same_body(o.name, b)
                                                       or short_name_of(o.name, b) or runs_on_as(text, o, b)
                                                       or named_without_its_place(o.name, b)
                                                       or same_company(o.name, b)),
                                                      o.name))
                     for o in org_mentions(text, (ctx.organization, ctx.superior))
                     if not _in_spans(o.start, ctx.reference_spans)  # the document's own spelling
                     and not in_running_line(text, o.start)]  # a booklet's footer names no figure's body
        self.org_starts = [o.start for o in self.orgs]
        # a plan whose title names its year (`… năm 2024`) aims at that year, though its body names a term
        self.horizon = ctx.plan_year or document_horizon(self.times, ctx.year)

    def paragraph_subject(self, start: int) -> str | None:
        """The body a paragraph opens with as its subject ("Công đoàn cơ sở Công ty X là đơn vị …"):
        it governs the paragraph's other sentences."""
        opening = self.orgs_in(start, start + SETTINGS.lead_reach)
        if not opening:
            return None
        first, before = opening[0], self.text[start:opening[0].start]
        if first.subject and not before.strip(" *-+•("):
            return first.name
        # "Một điểm sáng là CĐCS Công ty X." / "Tiêu biểu là CĐCS X:": a sentence that only presents it
        if _presenting_re().match(before) and _PRESENTED.match(self.text, first.end):
            return first.name
        return None

    def times_in(self, a: int, b: int) -> list[TimeMention]:
        i, j = bisect.bisect_left(self.time_starts, a), bisect.bisect_left(self.time_starts, b)
        return self.times[i:j]

    def orgs_in(self, a: int, b: int) -> list[OrgMention]:
        i, j = bisect.bisect_left(self.org_starts, a), bisect.bisect_left(self.org_starts, b)
        return self.orgs[i:j]


def _clause_bounds(text: str, s: Sentence, f: Figure) -> tuple[int, int]:
    """The stretch of the figure's sentence that may name its time: from the sentence start (at
    most SETTINGS.clause_reach back) to the end of the figure's clause (the next `;` or the sentence end)."""
    a = max(s.start, f.char_start - SETTINGS.clause_reach)
    semi = text.find(";", f.char_end, s.end)
    b = semi if semi >= 0 else s.end
    contrast = time_re("contrast_after").search(text, f.char_end, b)
    b = contrast.start() if contrast else b  # "…, trong khi lúc mới thành lập năm 2016 chỉ có 95": another time
    return a, min(b, f.char_end + SETTINGS.clause_reach)


_DIGIT = re.compile(r"\d")


def _parenthesis_allows(text: str, t: TimeMention, f: Figure, a: int) -> bool:
    """Whether a time said inside parentheses may be the time of `f`: a parenthesis that gives
    another year's value (`27 nhà (năm 2022: 19 nhà)`) speaks only of what is inside it; one that
    holds nothing but a time dates the figure just before it (`từ 84% (năm 2019) lên 98,5%`) or
    the one its label introduces (`Số đoàn viên (tính đến 31/12/2023): 5.300`)."""
    open_at = text.rfind("(", a, t.start)
    if open_at < 0 or text.rfind(")", open_at, t.start) >= 0:
        return True  # not inside a parenthesis
    close_at = text.find(")", t.end, t.end + 200)
    close_at = close_at if close_at >= 0 else t.end
    if open_at < f.char_start < close_at:
        return True
    inner = text[open_at + 1:t.start] + text[t.end:close_at]
    if _DIGIT.search(inner):
        return False
    if close_at <= f.char_start:  # "Số đoàn viên (tính đến 31/12/2023): 5.300": the label's time,
        # unless it dates the number before it ("từ 84% (năm 2019) lên 98,5%")
        return not _DIGIT.search(text[close_at:f.char_start]) and not _DATES_ANOTHER.search(text, max(a, open_at - 40),
                                                                                            open_at)
    return f.char_end <= open_at and not _DIGIT.search(text[f.char_end:open_at])


# "(" then the value at once, or after an approximator: `(982 đoàn viên)`, `(khoảng 60 cuộc)`, not
# `(tăng 146 đoàn viên)` (the value of a change) nor `(trị giá 50 triệu đồng)`
_OPENS_VALUE = re.compile(r"\s*\(\s*(?:(?:khoảng|gần|hơn|trên|có)\s+)?")
_ADJACENT = re.compile(r"[^\d,;.()]{0,30}")  # a figure's own words up to a time said right after it
_DATES_ANOTHER = re.compile(r"\d[^\d,;.()]{0,30}$")  # a time said right after another number


def _clause_year(idx: _Index, s: Sentence, f: Figure, target: bool) -> int | None:
    a, b = _clause_bounds(idx.text, s, f)
    opened = idx.text.rfind("(", max(a, f.char_start - 12), f.char_start)
    if opened >= 0 and _OPENS_VALUE.fullmatch(idx.text, opened, f.char_start) \
            and (base := time_re("comparison_value_before").search(idx.text[max(0, opened - 40):opened + 1])):
        return int(base.group("y"))  # "giảm 19 cuộc so với cùng kỳ năm 2023 (61 cuộc)": the base's value
    if opened >= 0 and idx.ctx.year is not None and _OPENS_VALUE.fullmatch(idx.text, opened, f.char_start) \
            and time_re("comparison_previous_before").search(idx.text[max(0, opened - 40):opened + 1]):
        return idx.ctx.year - 1  # "tăng 03 đoàn viên so với năm học trước (42 đoàn viên)"
    mentions = [t for t in idx.times_in(a, b) if (target or not _future(t, idx.ctx)) and not (target and t.kind == "past_term")
                and _parenthesis_allows(idx.text, t, f, a) and not _dates_another_value(idx.text, t, f)]
    semi = idx.text.rfind(";", a, f.char_start)
    # the figure's own clause first ("…năm 2023, X kết nạp 24.600; hiện X có 3.120"), then what
    # opens the sentence ("Năm 2023, … kết nạp 386 đoàn viên; thành lập mới 04 …")
    own = [t for t in mentions if t.start > semi]
    before = [t for t in own if t.end <= f.char_start]
    adjacent = [t for t in own if t.start >= f.char_end and _ADJACENT.fullmatch(idx.text, f.char_end, t.start)]
    if adjacent and before and _DATES_ANOTHER.search(idx.text, max(0, before[-1].start - 40), before[-1].start):
        # "từ 7,8 triệu đồng năm 2018 lên 9,2 triệu đồng/người/tháng năm 2023": the time said right
        # after the figure, when the one before it dates another number
        return adjacent[0].year
    if before:
        return before[-1].year
    # a time after the figure dates it (`kết nạp 500 đoàn viên (năm 2023)`), not a present that opens what follows
    # (`kết nạp 46 đoàn viên, hiện có 612 đoàn viên`)
    after = [t for t in own if t.start > f.char_start and "." not in idx.text[f.char_end:t.start]
             and t.kind not in ("current", "current_clause")]
    if after:
        return after[0].year
    earlier = [t for t in mentions if t.end <= semi]
    return earlier[0].year if earlier else None


def _dates_another_value(text: str, t: TimeMention, f: Figure) -> bool:
    """`nhiều hơn năm 2023 (412 đoàn viên)`: a time whose own value follows it in parentheses dates that
    value, not `f` (unless `f` is that value)."""
    m = time_re("dates_its_value_after").match(text, t.end)
    if m is None:
        return False
    close = text.find(")", t.end, t.end + 120)
    return not (t.end < f.char_start and (close < 0 or f.char_start < close))


def _future(t: TimeMention, ctx: KeyContext) -> bool:
    """A time after the document's year cannot be the time of an actual figure (a deadline, a plan
    period), nor can a deadline."""
    if ctx.year is None:
        return t.deadline
    return t.year > ctx.year  # "tính đến cuối năm 2023" in a 2024 item is a point, not a deadline


def _heading_year(idx: _Index, s: Sentence, target: bool) -> int | None:
    for h in reversed(s.headings):
        mentions = [t for t in idx.times_in(h.start, h.end) if target or not _future(t, idx.ctx)]
        if mentions:
            return mentions[-1].year
    return None


def _tet_figure(idx: _Index, s: Sentence, f: Figure) -> bool:
    """A figure of the coming Tết in a late-year document about it: gifts and support, or anything its
    sentence says is for the Tết (`02 chuyến xe đưa 90 công nhân về quê đón Tết`)."""
    return idx.ctx.tet_year is not None and (f.indicator in entry(_TIME, "tet_flow_indicators")
                                             or (f.entity or "").lower() in entry(_TIME, "tet_flow_entities")
                                             or bool(time_re("tet_sentence").search(idx.text, s.start, s.end)))


def _figure_year(idx: _Index, s: Sentence, f: Figure, lead: int | None) -> tuple[int | None, str | None]:
    ctx = idx.ctx
    if f.modality == "target":
        if f.deadline_year is not None:
            own = any(t.year == f.deadline_year for t in idx.times_in(s.start, s.end))
            return f.deadline_year, CLAUSE if own else HEADING
        if f.recurrence == "annual":
            return None, None
        if (y := _clause_year(idx, s, f, target=True)) is not None:
            return y, CLAUSE
        if (y := _heading_year(idx, s, target=True)) is not None:
            return y, HEADING
        if _tet_figure(idx, s, f):
            return ctx.tet_year, DOCUMENT  # the plan of a December item on the coming Tết: that Tết's
        if idx.horizon is not None:
            return idx.horizon, DOCUMENT
        return (ctx.year, DOCUMENT) if ctx.year is not None else (None, None)
    if isinstance(year := f.extras.get("column_year"), int) and (ctx.year is None or year <= ctx.year):
        return year, CLAUSE  # a table column's year (`Năm 2023 | Năm 2024`)
    if (y := _clause_year(idx, s, f, target=False)) is not None:
        return y, CLAUSE
    if (y := _heading_year(idx, s, target=False)) is not None:
        return y, HEADING
    if lead is not None:
        return lead, HEADING
    if _tet_figure(idx, s, f):
        return ctx.tet_year, DOCUMENT  # gifts of a December item on `Tết Sum vầy - Xuân Bính Ngọ 2026`: that Tết's
    year = ctx.reported_year or ctx.year
    if ctx.reported_year and f.unit != "vnd" \
            and time_re("stock_before").search(idx.text, max(0, f.char_start - 30), f.char_start):
        year = ctx.year  # "với 1.840 đoàn viên": a stock stands at the document's date (money is spent: a flow)
    if ctx.reported_year and time_re("event_sentence_start").match(idx.text, _sentence_start(idx.text, s)) \
            and not time_re("event_awards").search(idx.text, s.start, s.end):
        year = ctx.year  # `Tại hội nghị, 380 đại biểu …`: the event's own day (its awards are the year's)
    return (year, DOCUMENT) if year is not None else (None, None)


def _sentence_start(text: str, s: Sentence) -> int:
    """Where the figure's sentence really starts: a line that a PDF broke inside a sentence (`…
    CĐCS Công ty` / `TNHH Điện tử Cẩm Điền kết nạp 238 …`) continues the line before it."""
    a = s.start
    for _ in range(2):
        if a < 2 or text[a - 1] != "\n" or text[a - 2] == "\n" or _SENTENCE_END.search(text, max(0, a - 3), a - 1):
            break  # a blank line is a paragraph's end, not a broken line
        before = text.rfind("\n", 0, a - 1) + 1
        if TABLE_CELLS in text[before:a] or TABLE_CELLS in text[a:s.end]:
            break  # a table row is a line of its own: its unit is not the row above's
        a = before
    return a


def _figure_org(idx: _Index, s: Sentence, f: Figure) -> tuple[str | None, str | None]:
    ctx = idx.ctx
    a = max(_sentence_start(idx.text, s), f.char_start - SETTINGS.clause_reach)
    semi = idx.text.rfind(";", a, f.char_start)
    a = semi + 1 if semi >= 0 else a
    clause = idx.text[a:f.char_start]
    named = [o for o in idx.orgs_in(a, f.char_start) if o.end <= f.char_start]
    if named and _OPENS_VALUE.fullmatch(idx.text, named[-1].end, f.char_start):
        return named[-1].name, CLAUSE  # "cùng với LĐLĐ huyện Yên Thành (982 đoàn viên)": the body's own
    if (former := former_source(idx.text, f.char_end, idx.orgs_in(f.char_end, min(s.end, f.char_end + 160)))):
        return former, CLAUSE  # `48 CĐCS với 7.320 đoàn viên do Công đoàn ngành Y tế tỉnh Vĩnh Phúc (cũ) chuyển về`
    if (whose := _ranked_or_handed(idx, f, named, a, clause)) is not None:
        return whose
    subjects: list[OrgMention] = []
    for k, o in enumerate(named):  # a body joined to a subject (`LĐLĐ TP. Ngã Bảy và LĐLĐ huyện …`) is one too
        if o.subject or (k and subjects and subjects[-1] is named[k - 1] and _joined(idx.text[named[k - 1].end:o.start])):
            subjects.append(o)
    scope = scope_org(clause, ctx, idx.orgs_in(_sentence_start(idx.text, s), f.char_start))
    if subjects or scope:
        scope_at = max([h[0] for h in scope_hits(clause)], default=-1) + a
        if subjects and subjects[-1].start > scope_at:
            if (each := _respective(idx.text, subjects, f)) is not None:
                return each, CLAUSE
            if not _joint(idx.text, subjects):
                return subjects[-1].name, CLAUSE
            # "Các huyện Ninh Phước, Ninh Hải kết nạp được 300 đoàn viên": their total, no one's
        elif scope:
            return scope, CLAUSE
    if (whose := _before_semicolon(idx, s, semi, clause) or _sentence_opener(idx, s, f, clause)) is not None:
        return whose
    for h in reversed(s.headings):
        named = [o for o in idx.orgs_in(h.start, h.end) if o.subject]
        if named and not _letterhead(idx, h.start, h.end, named[0]) and not EVENT_LINE.match(h.text):
            return named[0].name, HEADING
    if (lead := idx.paragraph_subject(s.paragraph_start)) is not None:
        return lead, HEADING
    if ctx.topic and generic_subject(clause.lstrip(" ,;")) or ctx.topic and generic_subject(s.text.lstrip()):
        return ctx.topic, DOCUMENT  # "Công ty hiện có 612 lao động" in a conclusion on that company's union
    return (ctx.organization, DOCUMENT) if ctx.organization else (None, None)


def _ranked_or_handed(idx: _Index, f: Figure, named: list[OrgMention], a: int,
                      clause: str) -> tuple[str | None, str | None] | None:
    """The whole of a rank, the ranker's (`LĐLĐ huyện được LĐLĐ tỉnh xếp thứ 2/14 huyện`: the 14); a target handed to
    the document's body by its bare level (`LĐLĐ tỉnh phân bổ cho thành phố 04 nhà`); else None."""
    ctx = idx.ctx
    if _whose_before("rank_whole_before").search(idx.text, max(0, f.char_start - 12), f.char_start):
        ranker = [o for o in named if _whose_before("ranked_by_before").search(idx.text, max(a, o.start - 8), o.start)]
        if ranker:
            return ranker[-1].name, CLAUSE
        if (level := _whose_before("ranked_by_level").search(clause)) is not None:
            return own_at_level(level.group("level").lower(), ctx), CLAUSE  # `được LĐLĐ tỉnh xếp thứ …`
        if ctx.superior:
            return ctx.superior, DOCUMENT
    handed = _whose_before("handed_to_level").search(clause)
    if handed is not None and assigned_re().search(clause, 0, handed.end("to")) is None:
        handed = None  # `cho thành phố` with no verb of handing before it
    if handed is not None or (handed := _whose_before("given_to_level").search(clause)) is not None:
        return own_at_level(handed.group("level").lower(), ctx), CLAUSE
    return None


def _before_semicolon(idx: _Index, s: Sentence, semi: int, clause: str) -> tuple[str, str] | None:
    """A clause after `;` whose union is left unnamed (`CĐCS Công ty X có 312 đoàn viên; năm ngoái công đoàn ký …`),
    or that a body opened with a colon governs (`Điển hình là CĐCS Công ty X: …; thỏa ước có 14 điều khoản`)."""
    if semi < 0:
        return None
    opening = _sentence_start(idx.text, s)
    if _whose_before("unnamed_union_subject").match(clause):
        before = [o for o in idx.orgs_in(opening, semi) if o.subject]
        if before:
            return before[-1].name, CLAUSE
    if led := [o for o in idx.orgs_in(opening, semi) if _COLON_AFTER.match(idx.text, o.end)]:
        return led[-1].name, CLAUSE
    return None


def _sentence_opener(idx: _Index, s: Sentence, f: Figure, clause: str) -> tuple[str, str] | None:
    """A sentence that opens by presenting a unit and then speaks of its union (`Điển hình là Công ty TNHH Giày da
    Hưng Hóa: khi mới thành lập CĐCS …`), or with a source that then speaks of itself (`Theo Công đoàn các KCN tỉnh
    Bắc Ninh, …, đơn vị đã thành lập mới 52 CĐCS`)."""
    opening = _sentence_start(idx.text, s)
    if (unit := presented_unit(idx.text, opening, f.char_start)) is not None:
        return unit, CLAUSE
    if (src := _whose_before("source_opens").match(idx.text, opening)) \
            and _whose_before("source_self_subject").search(clause):
        if told := [o for o in idx.orgs_in(src.end(), f.char_start) if o.start == src.end()]:
            return told[0].name, CLAUSE
    return None


_COLON_AFTER = re.compile(r"\s*:(?!\d)")


@cache
def _whose_before(name: str) -> re.Pattern[str]:
    """A pattern of organizations.yaml that says whose a figure is from the words before it, `{levels}` filled."""
    return re.compile(entry(_ORG, name).replace("{levels}", place_level_words()), re.I)


def _letterhead(idx: _Index, a: int, b: int, named: OrgMention) -> bool:
    """A line at the top that is nothing but a body's name: the letterhead or a news site's banner
    (`LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HỒ CHÍ MINH` over an item on a CĐCS). The document's own
    organization already says what it means; it governs no figure as a heading."""
    rest = (idx.text[a:named.start] + " " + idx.text[named.end:b]).upper()
    for motto in entry("document_header.yaml", "motto"):  # a header table's row: the body beside the motto
        rest = rest.replace(motto.upper(), " ")
    return a < SETTINGS.head_zone_chars and len(rest.split()) <= 1


_NUMBER = re.compile(r"(?<![\w/])\d[\d.,]*")


@cache
def _respectively_re() -> re.Pattern[str]:
    return re.compile(phrase_pattern(entry(_ORG, "respectively")), re.I)


def _joined(gap: str) -> bool:
    """Nothing but a list's joiners stands between two bodies (`,`, `và`: organizations.yaml)."""
    words = gap.replace(",", " , ").replace(";", " ; ").split()
    return all(w in entry(_ORG, "list_joiners") for w in words)


def _joint(text: str, subjects: list[OrgMention]) -> bool:
    """The clause's last two subjects are a list (joined by `,` or `và`, no number between)."""
    if len(subjects) < 2:
        return False
    return _joined(text[subjects[-2].end:subjects[-1].start])


def _respective(text: str, subjects: list[OrgMention], f: Figure) -> str | None:
    """`LĐLĐ huyện Ninh Phước, Ninh Sơn kết nạp lần lượt 386 và 241`: the k-th number after the
    `lần lượt` that follows a list of bodies belongs to the k-th of them."""
    last = subjects[-1]
    m = _respectively_re().search(text, last.end, f.char_start)
    if m is None:
        return None
    run = [last]
    for o in reversed(subjects[:-1]):  # the list: bodies joined by "," or "và"
        if not _joined(text[o.end:run[0].start]):
            break
        run.insert(0, o)
    percent = f.unit == "percent"  # "lần lượt 386 và 241 đoàn viên, đạt 110% và 95% kế hoạch": counted apart
    k = sum(1 for n in _NUMBER.finditer(text, m.end(), f.char_start)
            if text[n.end():n.end() + 2].lstrip().startswith("%") == percent)
    return run[k].name if len(run) > 1 and k < len(run) else None


def _lead_years(idx: _Index, sentences: Sequence[Sentence]) -> dict[int, int]:
    """Sentence start → the year set by the lead sentence of its paragraph (`Năm 2023, …`)."""
    out: dict[int, int] = {}
    current: tuple[int, int] | None = None  # (paragraph start, year)
    for s in sentences:
        if current is not None and current[0] == s.paragraph_start:
            out[s.start] = current[1]
            continue
        current = None
        opening = [t for t in idx.times_in(s.start, min(s.end, s.start + 40))
                   if not _future(t, idx.ctx) and not idx.text[s.start:t.start].strip(" *-+•(").strip()
                   or (t.start - s.start <= 12 and time_re("lead_openers").match(idx.text[s.start:t.start] + " "))
                   or time_re("lead_after_label").match(idx.text[s.start:t.start])]
        if opening and opening[0].kind != "term_start" \
                and not time_re("not_lead_before").search(idx.text[s.start:opening[0].start].lower()):
            # `Đầu nhiệm kỳ, …`, `Đầu năm học 2024 - 2025, …`: a point set against `đến nay`
            current = (s.paragraph_start, opening[0].year)
    return out


def _numbered_section(line: str) -> bool:
    """`II. NHIỆM VỤ NĂM 2025`, `2. Năm 2025`: a numbered section, not a title, a byline or an article of a
    resolution (`Điều 3. Chăm lo Tết Bính Ngọ 2026` names its Tết, not the year its lines are in)."""
    return bool(_SECTION_NUMBER.match(line))


_SECTION_NUMBER = re.compile(r"\s*(?:[IVX]+|\d+(?:\.\d+)*)[.)]\s")


_TET_KINDS = ("lunar_new_year", "lunar_year_name")
_AHEAD_KINDS = ("year", *_TET_KINDS)  # `Tết Bính Ngọ 2026: trao tối thiểu …` in 2025


def _future_is_a_target(idx: _Index, s: Sentence, f: Figure) -> Figure:
    """A figure the extractor read as actual whose own clause places it in a year after the
    document's (`Năm 2025, ít nhất 70% …` in a 2024 news item), or whose clause names no time under a heading
    that does (`II. NHIỆM VỤ NĂM 2025`), is a target with that deadline: a document cannot report the results
    of a year to come. A target its sentence sets for a Tết of a year after the document's (`Dịp Tết Nguyên đán Bính
    Ngọ 2026, CĐCS dự kiến trao 700 phần quà` in 2025: corpus/keys_blind57) has that year as its deadline."""
    ctx = idx.ctx
    if f.modality == "target" and f.deadline_year is None and ctx.year is not None:
        tet = [t for t in idx.times_in(_sentence_start(idx.text, s), f.char_start)
               if t.kind in _TET_KINDS and t.year > ctx.year]
        return dataclasses.replace(f, deadline_year=tet[-1].year) if tet else f
    if f.modality != "actual" or ctx.year is None or f.relation != "level":
        return f
    a, _ = _clause_bounds(idx.text, s, f)
    semi = idx.text.rfind(";", a, f.char_start)
    ahead = [t for t in idx.times_in(semi + 1 if semi >= 0 else a, f.char_start)
             if t.kind in _AHEAD_KINDS and t.year > ctx.year]  # a term or school year may have begun
    if not ahead and not idx.times_in(a, f.char_start):  # `II. NHIỆM VỤ NĂM 2025` over a 2024 report's lines
        heading = next((ts for h in reversed(s.headings) if (ts := idx.times_in(h.start, h.end))
                        and _numbered_section(h.text)), [])
        # (a school year that ends after the document, `II. NHIỆM VỤ NĂM HỌC 2024 - 2025` in September 2024, too)
        ahead = [t for t in heading[-1:] if t.kind in _AHEAD_KINDS + ("school_year",) and t.year > ctx.year]
    if not ahead:
        return f
    return dataclasses.replace(f, modality="target", deadline_year=f.deadline_year or ahead[-1].year)


def assign_keys(text: str, figures: Sequence[Figure], ctx: KeyContext) -> list[Figure]:
    """`figures` of the document `text` with their organization and year (and where each came from)."""
    if not figures:
        return []
    idx = _Index(text, ctx)
    sentences = split_sentences(text)
    starts = [s.start for s in sentences]
    leads = _lead_years(idx, sentences)
    out = []
    for f in figures:
        k = bisect.bisect_right(starts, f.char_start) - 1
        s = sentences[k] if k >= 0 else Sentence(f.sentence_start, f.sentence_start + len(f.sentence),
                                                   f.sentence, (), f.sentence_start)
        f = _future_is_a_target(idx, s, f)
        year, year_from = _figure_year(idx, s, f, leads.get(s.start))
        org, org_from = _figure_org(idx, s, f)
        if out and _whose_before("each_in_parentheses").fullmatch(text, out[-1].char_end, f.char_start) \
                and org_from == CLAUSE:
            org, org_from = out[-1].organization, out[-1].organization_from  # `… 240 suất quà (mỗi suất 700.000 đồng`
        org = with_its_province(org, (ctx.organization, ctx.superior))
        out.append(dataclasses.replace(f, organization=org, organization_from=org_from, year=year,
                                       year_from=year_from))
    return out
