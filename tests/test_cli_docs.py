"""Every `chiso` verb has help with an example and is listed in the README (the sqlite-utils rule)."""

from pathlib import Path

import pytest

from pipeline.cli import build_parser, verb_modules

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
VERBS = [m.NAME for m in verb_modules()]


@pytest.mark.parametrize("verb", VERBS)
def test_verb_is_documented(verb):
    assert f"chiso {verb}" in README, f"README.md does not list `chiso {verb}`"


@pytest.mark.parametrize("mod", verb_modules(), ids=VERBS)
def test_verb_has_help_and_example(mod):
    assert mod.HELP and mod.EXAMPLE.startswith("chiso ")
    sub = build_parser()._subparsers._group_actions[0].choices[mod.NAME]
    assert "example:" in sub.format_help()


def test_main_verbs_exist():
    assert {"extract", "ingest", "query", "compare", "export", "audit", "serve", "eval", "show"} <= set(VERBS)
