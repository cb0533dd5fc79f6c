"""The named patterns built from `extractors/lang/vi/figure_cues.yaml`, in one place."""

from __future__ import annotations

import re

from extractors.lang import compile_pattern, phrase_pattern
from extractors.lang import load as load_yaml

CUES = load_yaml("figure_cues.yaml")


def _rx(phrases: list[str], suffix: str = "", prefix: str = "") -> re.Pattern[str]:
    return re.compile(prefix + phrase_pattern(phrases) + suffix, re.I)


# comparator words immediately before a number (only spaces between)
COMPARATOR_BEFORE = {op: _rx(words, suffix=r"\s*$") for op, words in CUES["comparator_before"].items()}
COMPARATOR_AFTER = {op: _rx(words) for op, words in CUES["comparator_after"].items()}
# a target cue, unless a longer phrase that is none begins there ("đề nghị cấp trên": to the superiors)
TARGET = _rx(CUES["target_cues"], prefix=r"(?!{})".format(phrase_pattern(CUES["not_target_cues"])))
HEADING_TARGET = _rx(CUES["heading_target_cues"])
ACHIEVEMENT_CLAUSE = re.compile(CUES["achievement_clause"], re.I)
ACTUAL_OVERRIDE = _rx(CUES["actual_overrides"])
AVERAGE = re.compile(phrase_pattern([c for c in CUES["average_cues"] if not c.startswith("/")]), re.I)
# "đồng/suất", "đồng/người/tháng": an average; "đồng/năm": a yearly total
PER_UNIT_AFTER = _rx(CUES["per_unit_average"], prefix=r"^\s*/\s*")
PER_YEAR_AFTER = _rx(CUES["per_unit_total"], prefix=r"^\s*/\s*")
EXCEEDED_COUNT_AFTER = _rx(CUES["exceeded_counts"], prefix=r"^\s*")
RANGE_PAIRS = {opener: re.compile(r"^\s*(?:" + "|".join(map(re.escape, joiners)) + r")\s*$", re.I)
               for opener, joiners in CUES["range_pairs"].items()}
RANGE_OPENER = _rx(list(CUES["range_pairs"]), suffix=r"\s*$")
QUOTES = {pair[0]: pair[1] for pair in CUES["quote_pairs"]}
MAX_QUOTED_NAME = int(CUES["max_quoted_name_chars"])
MAX_QUOTED_NAME_WORDS = int(CUES["max_quoted_name_words"])
ANNUAL = _rx(CUES["annual_cues"])
STATE = _rx(CUES["state_cues"])
PAST = _rx(CUES["past_cues"])
PLAN_KINDS = set(CUES["plan_kinds"])
PERIOD_UNITS: dict[str, float | None] = CUES["period_units"]
PERIOD_UNIT_AFTER = re.compile(r"^\s*(?:" + "|".join(map(re.escape, sorted(PERIOD_UNITS, key=len, reverse=True)))
                               + r")(?![\wÀ-ỹ])", re.I)
NOT_FIGURE_BEFORE = _rx(CUES["not_figure_before"], suffix=r"\s*[:.]?\s*$")
FIGURE_AFTER_PERIOD = _rx(CUES["figure_after_period"], suffix=r"\s*$")
NOT_FIGURE_AFTER = _rx(CUES["not_figure_after"], prefix=r"^\s*")
RANK_BEFORE = _rx(CUES["rank_verbs"], suffix=r"\s*$")
ACHIEVEMENT_BEFORE = _rx(CUES["achievement_before"], suffix=r"\s*$")
ACHIEVEMENT_AFTER = _rx(CUES["achievement_after"], prefix=r"^\s*(?:so với\s+)?")
EXCESS_BEFORE = _rx(CUES["excess_before"], suffix=r"\s*$")
CHANGE_BEFORE = _rx(CUES["change_before"], suffix=r"\s*$")
CHANGE_AFTER = _rx(CUES["change_after"])
RANGE_JOINER = re.compile(r"^\s*(?:" + "|".join(re.escape(j) for j in CUES["range_joiners"]) + r")\s*$", re.I)
MEASURE_UNITS = sorted(CUES["measure_units"], key=len, reverse=True)
MEASURE_UNIT_ALIASES: dict[str, str] = CUES["measure_unit_aliases"]
MEASURE_UNIT_AFTER = re.compile(r"^\s*(" + "|".join(map(re.escape, MEASURE_UNITS)) + r")(?![\wÀ-ỹ])", re.I)
MONEY_AFTER = re.compile(r"^\s*(?:" + "|".join(map(re.escape, sorted(CUES["money_words"], key=len, reverse=True)))
                         + r")(?![\wÀ-ỹ])(?!\s+(?:" + "|".join(map(re.escape, CUES["dong_not_money"]))
                         + r")(?![\wÀ-ỹ]))", re.I)
CONTACT = _rx(CUES["contact_cues"] + CUES["page_counter_cues"])
MESSAGE_HEADER_LINE = re.compile(CUES["message_header_line"], re.M)
SOCIAL_COUNTS_LINE = re.compile(CUES["social_counts_line"], re.I)
SHARED_UNIT_BETWEEN = re.compile(CUES["shared_unit_between"], re.I)
SCORE_UNIT_AFTER = re.compile(CUES["score_unit_after"], re.I)
AVERAGE_OF_PREVIOUS = re.compile(CUES["average_of_previous"], re.I)
REVIEW_LEAD = re.compile(CUES["review_lead"], re.I)

_PATTERNS = CUES["patterns"]


def _pattern(name: str) -> re.Pattern[str]:
    return compile_pattern("figure_cues.yaml", f"patterns.{name}", _PATTERNS[name])


PERIOD_PHRASE = _pattern("period_phrase")
DEADLINE = _pattern("deadline")
TERM_END = _pattern("term_end")
TOTAL_COUNT_BEFORE = _pattern("total_count_before")
ORDINAL_BEFORE = _pattern("ordinal_before")
RANK_WORD_BEFORE = _pattern("rank_word_before")
DAY_BEFORE = _pattern("day_before")
DAY_MONTH_BEFORE = _pattern("day_month_before")
COUNT_DETERMINERS = _pattern("count_determiners")
FROM_BEFORE = _pattern("from_before")
RANK_YEAR_LEAD = _pattern("rank_year_lead")
RANK_CLAUSE_END = _pattern("rank_clause_end")
RATE_WORD = _pattern("rate_word")
DEADLINE_DATE = re.compile(CUES["deadline_date"], re.I)
TARGET_LEAD_YEAR = re.compile(CUES["target_lead_year"], re.I)
TARGET_HEADING_YEAR = re.compile(CUES["target_heading_year"], re.I)
YEAR_MENTION = _pattern("year_mention")
YEAR_BARE = re.compile(r"^(?:19|20)\d\d$")
# "tham gia hiến máu với 320 người": persons who took part, not the clause's noun
PARTICIPATION = _rx(CUES["participation_cues"])
# each one's value after a section word is a figure (`mỗi phần 700.000 đồng`, not `Phần 2`)
EACH_BEFORE = _rx(CUES["each_before"], prefix=r"(?<![\wÀ-ỹ])", suffix=r"\s+[\wÀ-ỹ]+\s*$")
