"""The years a document gives its figures as a whole, read from its title, its opening and its date: the
year a review dated early in a year reports on, the coming Tết a late-year item is about, the one year a plan's
title names. Language data: `extractors/lang/vi/time.yaml`.
"""

from __future__ import annotations

from extractors.lang import entry
from extractors.settings import SETTINGS
from extractors.time_mentions import time_mentions, time_re

_TIME = "time.yaml"


def reported_year(text: str, title: str | None, year: int | None, month: int | None,
                  kind: str | None = None) -> int | None:
    """The year a document dated early in a year reports on when it reviews the year before
    (`Tổng kết …` dated 10/01/2025 → 2024; time.yaml `reviews_past_year`, `review_kinds`), else None."""
    if year is None:
        return None
    # a title that names the year before the document's alone (`Về việc khen thưởng … năm 2024` dated 10/01/2025)
    named = {int(y) for y in time_re("title_year").findall(title or "")}
    if named == {year - 1}:
        return year - 1
    # `Kết quả … năm 2024 và phương hướng, nhiệm vụ năm 2025` dated January 2025: the results' year
    results = time_re("results_year_in_title").search((title or "").replace("\n", " "))
    if named == {year - 1, year} and results and int(results.group("y")) == year - 1:
        return year - 1
    if month not in entry(_TIME, "past_year_months") or (kind is not None and kind not in entry(_TIME, "review_kinds")):
        return None
    opening = f"{title or ''}\n{text[:SETTINGS.review_opening_chars]}"
    return year - 1 if time_re("reviews_past_year").search(opening) else None


def coming_tet(title: str | None, opening: str, year: int | None, month: int | None) -> int | None:
    """The year of the lunar new year a document dated late in a year is about (its title or lead names
    `Tết … Bính Ngọ 2026` in November 2025), or None: the year its gifts and support belong to."""
    if year is None or month not in entry(_TIME, "tet_months"):
        return None
    kinds = ("lunar_new_year", "lunar_year_name")
    ahead = [t.year for t in time_mentions(f"{title or ''}\n{opening}", year, month) if t.kind in kinds]
    return year + 1 if year + 1 in ahead else None


def plan_year(title: str | None, year: int | None) -> int | None:
    """The one year a title names (`Kế hoạch phát triển đoàn viên … năm 2024`; a school year's end, `năm học 2025 -
    2026` → 2026), when it is not before the document's year and the title names no term or span: the year the
    plan's targets are for, or None."""
    mentions = time_mentions(title or "")
    school = {t.year for t in mentions if t.kind == "school_year"}
    if len(school) == 1 and not any(t.kind in ("term", "year_span") for t in mentions):
        (y,) = school  # `Kế hoạch hoạt động năm học 2025 - 2026`: the school year's end (COMPARABLE.md)
        return y if year is None or y >= year else None
    named = {int(y) for y in time_re("title_year").findall(title or "")}
    if len(named) != 1 or any(t.kind in ("term", "year_span", "school_year") for t in mentions):
        return None
    (y,) = named
    return y if year is None or y >= year else None
