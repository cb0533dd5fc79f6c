"""Time phrases of a text and the year each places things in (COMPARABLE.md: `năm 2023`, `6 tháng
đầu năm 2024`, `Quý I/2024`, `nhiệm kỳ 2018 - 2023`, `năm học 2023 - 2024`, `năm qua`, `hiện nay`),
and the year a document without a date speaks of. Language data: `extractors/lang/vi/time.yaml`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from extractors.lang import compile_pattern, entry, phrase_pattern

_TIME = "time.yaml"


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    year: int
    kind: str  # a pattern name of time.yaml: year, term, quarter, …; or previous_year, past_year, current
    deadline: bool = False


@cache
def _time_patterns() -> tuple[list[tuple[str, re.Pattern[str]]], re.Pattern[str], re.Pattern[str],
                              dict[str, re.Pattern[str]], re.Pattern[str]]:
    points = [(name, compile_pattern(_TIME, f"points.{name}", pat)) for name, pat in entry(_TIME, "points").items()]
    deadline = compile_pattern(_TIME, "deadline_before", entry(_TIME, "deadline_before"))
    not_time = re.compile("|".join(f"(?:{entry(_TIME, k)})" for k in ("not_time_before", "comparison_before")),
                          re.I)
    relative = {name: re.compile(phrase_pattern(words), re.I) for name, words in entry(_TIME, "relative").items()}
    relative["current_clause"] = re.compile(entry(_TIME, "present_at_clause_start"))
    not_past = compile_pattern(_TIME, "period_not_past_year", entry(_TIME, "period_not_past_year"))
    return points, deadline, not_time, relative, not_past


def time_mentions(text: str, doc_year: int | None = None, doc_month: int | None = None) -> list[TimeMention]:
    """Every phrase of `text` that places something in a year, in text order; overlapping phrases
    keep the most specific (a `năm học 2023 - 2024` is not also a `năm 2024`). Relative phrases
    (`năm qua`, `hiện nay`) are resolved against the document's year and month when known."""
    points, deadline_re, not_time_re, relative, not_past = _time_patterns()
    starts: list[int] = []  # the phrases kept so far, sorted and never overlapping: a bisect finds
    ends: list[int] = []  # a clash in log time (a long text has thousands of year phrases)
    out: list[TimeMention] = []

    def free(a: int, b: int) -> bool:
        k = bisect.bisect_left(starts, a)
        return (k == 0 or ends[k - 1] <= a) and (k == len(starts) or starts[k] >= b)

    def take(a: int, b: int) -> None:
        k = bisect.bisect_left(starts, a)
        starts.insert(k, a)
        ends.insert(k, b)

    for name, rx in points:
        for m in rx.finditer(text):
            if not free(m.start(), m.end()):
                continue
            before = text[max(0, m.start() - 24):m.start()]
            if not_time_re.search(before):
                continue
            take(m.start(), m.end())
            dl = bool(deadline_re.search(before)) or bool(time_re("deadline_start").match(m.group(0))
                                                            and name == "year")
            out.append(TimeMention(m.start(), m.end(), int(m.group("y")), name, dl))
    if doc_year is not None:
        for m in time_re("lunar_year_name").finditer(text):
            year = lunar_year(m.group("stem"), m.group("branch"), doc_year)
            if year is not None and free(m.start(), m.end()):
                take(m.start(), m.end())
                out.append(TimeMention(m.start(), m.end(), year, "lunar_year_name"))
        if (congress := compile_pattern(_TIME, "congress", entry(_TIME, "congress")).search(text[:800])) is not None:
            first, last = (int(y) for y in re.findall(r"(?:19|20)\d\d", congress.group(0))[-2:])
            for m in time_re("bare_term_start").finditer(text):
                # `So với đầu nhiệm kỳ, … tăng 1.910`: a comparison's base, no time, unless its value follows it
                # (`so với đầu nhiệm kỳ (3.180 đoàn viên)`: the start's value)
                base = not_time_re.search(text[max(0, m.start() - 24):m.start()])
                if free(m.start(), m.end()) and last > first \
                        and (not base or time_re("dates_its_value_after").match(text, m.end())):
                    take(m.start(), m.end())  # the start of the term the congress closes
                    out.append(TimeMention(m.start(), m.end(), first - (last - first), "term_start"))
        past_months = set(entry(_TIME, "past_year_months"))
        for name, rx in relative.items():
            for m in rx.finditer(text):
                if not free(m.start(), m.end()):
                    continue
                if name == "past_year" and not_past.search(text[max(0, m.start() - 6):m.start()]):
                    continue  # "5 năm qua": a period, not the year before
                if name == "previous_year" and not_time_re.search(text[max(0, m.start() - 24):m.start()]) \
                        and not time_re("dates_its_value_after").match(text, m.end()):
                    continue  # `giảm 02 cuộc so với cùng kỳ năm trước`: a comparison's base, not the figures' time
                year = doc_year
                if name == "previous_year" or (name == "past_year" and doc_month in past_months):
                    year = doc_year - 1
                take(m.start(), m.end())
                out.append(TimeMention(m.start(), m.end(), year, name))
    return sorted(out, key=lambda t: t.start)


@cache
def time_re(key: str) -> re.Pattern[str]:
    return compile_pattern(_TIME, key, entry(_TIME, key))


@cache
def _lunar_names() -> tuple[dict[str, int], dict[str, int]]:
    def index(names: list[str | list[str]]) -> dict[str, int]:
        return {n: i for i, e in enumerate(names) for n in ([e] if isinstance(e, str) else e)}
    return index(entry(_TIME, "heavenly_stems")), index(entry(_TIME, "earthly_branches"))


def lunar_year(stem: str, branch: str, near: int) -> int | None:
    """The year named `stem branch` (`Giáp Thìn`) nearest the year `near`; None for no such name."""
    stems, branches = _lunar_names()
    s, b = stems.get(stem.lower()), branches.get(branch.lower())
    if s is None or b is None or s % 2 != b % 2:
        return None  # a stem and a branch of different parity never meet in the cycle
    return min((y for y in range(near - 30, near + 31) if y % 10 == s and y % 12 == b), key=lambda y: abs(y - near))


_POINT_KINDS = ("year", "year_span", "months_of_year", "quarter", "school_year", "as_of_date")


def document_year(text: str, kind: str | None = None) -> int | None:
    """The year a document without a date speaks of: the latest point in time its text states
    (`Năm 2023, …`, `6 tháng đầu năm 2024`), leaving out deadlines, periods and dates of
    cited documents (`ngày 12 tháng 9 năm 2024` after a document number)."""
    review = compile_pattern(_TIME, "term_review", entry(_TIME, "term_review")).search(text[:800])
    if review and not re.search(r"(?i)giữa\s+nhiệm\s+kỳ", text[:review.end()]):
        return int(review.group("y"))  # a report on the whole term of a congress's resolution: its last year
    congress = compile_pattern(_TIME, "congress", entry(_TIME, "congress")).search(text[:800])
    if congress:
        return int(congress.group("y"))  # a speech or resolution of a congress: the congress's year
    event = time_re("event_year").search(text[:600])
    if event:
        return int(event.group("y"))  # `DIỄN ĐÀN … NĂM 2025` over a speech: the event's year
    target = _target_after()
    years = []
    kinds = _POINT_KINDS + (("term",) if kind in entry(_TIME, "term_reviewing_kinds") else ())
    mentions = time_mentions(text)
    term_ends = {t.year for t in mentions if t.kind == "term"} | {
        int(re.findall(r"(?:19|20)\d\d", text[t.start:t.end])[-1]) for t in mentions if t.kind == "term_start"}
    for t in mentions:
        if t.kind not in kinds or t.deadline:
            continue
        if time_re("month_before").search(text[max(0, t.start - 16):t.start]):
            continue  # a date written in words: mostly the date of a cited document
        if target.match(text, t.end, min(_sentence_end(text, t.end), t.end + 60)):
            continue  # `Năm 2026, CĐCS phấn đấu …`: a year aimed at, not one the document speaks of
        start = _term_start(text, t) if t.kind == "term" else None
        # a term that begins when another named term ends (`nhiệm kỳ 2018 - 2023` … `nhiệm kỳ 2023 -
        # 2028`): the congress between them is the document's time, not the new term's end
        years.append(start if start in term_ends else t.year)
    return max(years) if years else None


@cache
def _target_after() -> re.Pattern[str]:
    return time_re("aimed_after")


def _sentence_end(text: str, at: int) -> int:
    m = re.compile(r"[.;!?\n]").search(text, at)
    return m.start() if m else len(text)


def _term_start(text: str, t: TimeMention) -> int | None:
    first = re.search(r"(?:19|20)\d\d", text[t.start:t.end])
    return int(first.group(0)) if first else None


def document_horizon(mentions: Sequence[TimeMention], doc_year: int | None) -> int | None:
    """The last year of the period a plan or programme covers (`nhiệm kỳ 2023 - 2028`), when it
    looks forward from the document's year."""
    ends = [t.year for t in mentions if t.kind == "term" and (doc_year is None or t.year >= doc_year)]
    return max(ends) if ends else None
