"""Language data integrity (dateparser's model): every file of extractors/lang/vi parses with no
key written twice, every pattern compiles, and every abbreviation expands one way."""

import re

import pytest

from extractors.lang import LangDataError, data_files, load, read_text, table_files

PATTERN_KEYS = {"time.yaml": ["points", "deadline_before", "period_not_past_year", "not_time_before", "congress",
                              "comparison_before", "present_at_clause_start", "date_words", "deadline_start",
                              "month_before", "lead_openers", "lead_after_label", "not_lead_before", "results_year_in_title"],
                "document_header.yaml": ["number", "rule_line", "subject", "bylines", "news_lead", "place_date"],
                "segment.yaml": ["org_before_patterns", "org_subject_after", "attached_before_date",
                                 "place_before_date", "ordinal_heading", "home_crumb"],
                "entities.yaml": ["rate_clause"],
                "references.yaml": ["words_date"],
                "figure_cues.yaml": ["patterns"]}


@pytest.mark.parametrize("name", data_files())
def test_every_data_file_parses_as_a_mapping(name):
    assert isinstance(load(name), dict) and load(name)


@pytest.mark.parametrize("name,key", [(n, k) for n, keys in PATTERN_KEYS.items() for k in keys])
def test_every_pattern_compiles(name, key):
    value = load(name)[key]
    for pattern in (value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]):
        re.compile(pattern)


def test_a_key_written_twice_is_refused(tmp_path, monkeypatch):
    import extractors.lang as lang

    folder = tmp_path / "vi"
    folder.mkdir()
    (folder / "twice.yaml").write_text("a: 1\na: 2\n", encoding="utf-8")
    monkeypatch.setattr(lang.resources, "files", lambda _name: tmp_path)
    lang.load.cache_clear()
    try:
        with pytest.raises(LangDataError, match=r"twice.yaml.*duplicate key 'a'"):
            lang.load("twice.yaml")
    finally:
        lang.load.cache_clear()


def test_a_missing_file_is_named():
    with pytest.raises(LangDataError, match="nothing.yaml"):
        load("nothing.yaml")


def test_every_organization_abbreviation_expands_one_way():
    """One abbreviation table for organizations: no abbreviation in two spellings of case that
    expand differently, and the segmenter's heads agree with it."""
    table = load("organizations.yaml")["abbreviations"]
    seen: dict[str, str] = {}
    for abbr, full in table.items():
        key = abbr.lower().rstrip(".")
        assert seen.setdefault(key, full.lower()) == full.lower(), abbr
    for abbr, full in load("segment.yaml")["org_abbreviations"].items():
        if abbr in table:
            assert table[abbr].lower().startswith(full.lower()) or full.lower().startswith(table[abbr].lower()), abbr


@pytest.mark.parametrize("name", table_files())
def test_every_table_row_has_its_columns(name):
    rows = [line.split("\t") for line in read_text(name).splitlines() if line and not line.startswith("#")]
    assert rows and len({len(r) for r in rows}) == 1, f"{name}: rows of different widths"
